// Shared by the peer drivers: read the input files, report a package's version, print the result.
// A driver is run as one whole process per measurement by bench/peers/run; it reads every file it
// is given, does its tool's work on each, and prints one JSON line {"findings": N, "files": N}.
'use strict';
const fs = require('fs');
const path = require('path');

const peersDir = path.join(__dirname, '..');

function packageVersion(name) {
  const file = path.join(peersDir, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

// The files named on the command line, each as {path, text}; exits with usage when there are none.
function readInputs(argv, usage) {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  return files.map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
}

// The article's own date (its `date YYYY-MM-DD` first line), as copydesk resolves against it.
function referenceDate(text) {
  const m = /^\s*date (\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : new Date();
}

function report(findings, files) {
  process.stdout.write(JSON.stringify({ findings, files }) + '\n');
}

module.exports = { packageVersion, readInputs, referenceDate, report, peersDir };
