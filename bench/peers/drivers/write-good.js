// write-good over each file through its API: passive voice, weasel words, "so" at the start of a
// sentence, "there is/are", adverbs, wordy phrases, cliches (its default checks).
'use strict';
const { packageVersion, readInputs, report } = require('./common');

if (process.argv.includes('--version')) {
  require('write-good');
  console.log(packageVersion('write-good'));
  process.exit(0);
}
const writeGood = require('write-good');
const inputs = readInputs(process.argv.slice(2), 'write-good.js FILE...');
let findings = 0;
for (const { text } of inputs) findings += writeGood(text).length;
report(findings, inputs.length);
