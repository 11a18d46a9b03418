// chrono-node over each file: finds every date and time expression and resolves it against the
// article's `date` line (what copydesk's date recognition does, without rules on top).
'use strict';
const { packageVersion, readInputs, referenceDate, report } = require('./common');

if (process.argv.includes('--version')) {
  require('chrono-node');
  console.log(packageVersion('chrono-node'));
  process.exit(0);
}
const chrono = require('chrono-node');
const inputs = readInputs(process.argv.slice(2), 'chrono.js FILE...');
let findings = 0;
for (const { text } of inputs) findings += chrono.parse(text, referenceDate(text)).length;
report(findings, inputs.length);
