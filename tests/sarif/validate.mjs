// Validates copydesk's SARIF with the official SARIF Multitool (pinned by package-lock.json
// here; `make test` installs it): the hand-built golden log and a log from the real binary over
// a few fixture files. Fails on any error or warning the validator reports; its notes are
// advice copydesk does not take (conventional "AB1234" rule ids, embedded file contents).
// Usage: node validate.mjs COPYDESK_BINARY [GOLDEN.sarif...]. Exits 77 (skip) without the tool.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [binary, ...goldens] = process.argv.slice(2).map((p) => resolve(p));
const here = dirname(fileURLToPath(import.meta.url));
const tool = join(here, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
if (process.platform !== 'linux' || !existsSync(tool)) {
  console.log(`SKIP: the SARIF Multitool is not installed (${tool}); run make test`);
  process.exit(77);
}

const work = mkdtempSync(join(tmpdir(), 'copydesk-sarif-'));
let failed = false;
try {
  mkdirSync(join(work, 'desk', 'sub dir'), { recursive: true });
  writeFileSync(join(work, 'desk', 'article.txt'), 'He said "we will go.\n\nAll good here.\n');
  writeFileSync(join(work, 'desk', 'clean.md'), '# Title\n\nNothing wrong here.\n');
  writeFileSync(join(work, 'desk', 'sub dir', 'caf\u00e9.txt'),
                '\tZo\u00eb said \u201cwe will stay.\n');
  const check = spawnSync(binary, ['check', '--format', 'sarif', '--no-config', 'desk'],
                          { cwd: work, encoding: 'utf8' });
  if (check.status !== 1) {
    console.error(`copydesk check exited ${check.status}, expected 1\n${check.stderr}`);
    process.exit(1);
  }
  const live = join(work, 'live.sarif');
  writeFileSync(live, check.stdout);

  for (const log of [...goldens, live]) {
    const out = join(work, 'validation.sarif');
    const run = spawnSync(tool, ['validate', log, '-o', out, '--log', 'ForceOverwrite',
                                 '--level', 'Error;Warning;Note'], { encoding: 'utf8' });
    if (run.status !== 0 || !existsSync(out)) {
      console.error(`${log}: the validator failed (${run.status})\n${run.stdout}${run.stderr}`);
      failed = true;
      continue;
    }
    const results = JSON.parse(readFileSync(out, 'utf8')).runs[0].results ?? [];
    const problems = results.filter((r) => r.level === 'error' || r.level === 'warning');
    for (const r of problems)
      console.error(`${log}: ${r.level} ${r.ruleId} ${JSON.stringify(r.message.arguments)}`);
    if (problems.length > 0) failed = true;
    console.log(`${log}: ${problems.length} errors or warnings, ${results.length - problems.length} notes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
