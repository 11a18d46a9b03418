// harper.js (Harper's grammar checker compiled to WebAssembly, all its default rules: spelling,
// grammar, style) over each file as plain text, either the whole text in one call (--whole) or one
// call per paragraph (--per-paragraph: blank-line separated), the way an editor plug-in feeds it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { packageVersion, readInputs, report } = require('./common.js');

const args = process.argv.slice(2);
const { LocalLinter } = await import('harper.js');
const { binary } = await import('harper.js/binary');
if (args.includes('--version')) {
  console.log(packageVersion('harper.js'));
  process.exit(0);
}
const perParagraph = args.includes('--per-paragraph');
const inputs = readInputs(args, 'harper.mjs [--whole|--per-paragraph] FILE...');
const linter = new LocalLinter({ binary });
await linter.setup();
let findings = 0;
for (const { text } of inputs) {
  const pieces = perParagraph ? text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '') : [text];
  for (const piece of pieces) findings += (await linter.lint(piece, { language: 'plaintext' })).length;
}
report(findings, inputs.length);
