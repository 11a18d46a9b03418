// textlint with one rule, textlint-rule-date-weekday-mismatch (a weekday beside a date that falls
// on another day: the same check as copydesk's dates.weekday-mismatch), over each file through
// textlint's own plain-text plugin, as `textlint --rule date-weekday-mismatch FILE...` would.
'use strict';
const path = require('path');
const { packageVersion, readInputs, report, peersDir } = require('./common');

async function main() {
  const { createLinter, loadTextlintrc } = require('textlint');
  if (process.argv.includes('--version')) {
    require('textlint-rule-date-weekday-mismatch');
    console.log(`${packageVersion('textlint')} + rule ` +
                `${packageVersion('textlint-rule-date-weekday-mismatch')}`);
    return;
  }
  const inputs = readInputs(process.argv.slice(2), 'textlint.js FILE...');
  const descriptor = await loadTextlintrc({
    configFilePath: path.join(__dirname, 'textlintrc.json'),
    node_modulesDir: path.join(peersDir, 'node_modules'),
  });
  const linter = createLinter({ descriptor });
  let findings = 0;
  for (const { path: file, text } of inputs)
    findings += (await linter.lintText(text, path.resolve(file))).messages.length;
  report(findings, inputs.length);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
