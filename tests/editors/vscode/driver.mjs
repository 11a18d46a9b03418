// VS Code, for real: code-server 4.100.3 (VS Code 1.100.3) driven by Debian's Chromium through
// playwright-core.
//  1. API level: the workbench URL's payload loads OUR extension (extensionDevelopmentPath =
//     editors/vscode) and tests/editors/vscode/suite.cjs (extensionTestsPath) into the real
//     extension host; the suite asserts through VS Code's API and writes results-api.json.
//  2. UI level: the packaged .vsix, installed into a fresh extensions folder, in the browser:
//     open the article, wait for a squiggle, open the hover on "Tuesday" (Ctrl+K Ctrl+I) and on
//     the unclosed quotation, and save screenshots under build/editors/.
// Usage: node driver.mjs  (environment: COPYDESK_ROOT, COPYDESK_BIN, COPYDESK_VSIX, COPYDESK_OUT)
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.COPYDESK_ROOT ?? path.resolve(here, '../../..');
const bin = process.env.COPYDESK_BIN ?? path.join(root, 'build/server/copydesk');
const vsix = process.env.COPYDESK_VSIX ?? path.join(root, 'build/editors/copydesk.vsix');
const out = process.env.COPYDESK_OUT ?? path.join(root, 'build/editors');
const codeServer = path.join(here, '..', 'node_modules', '.bin', 'code-server');
const extensionPath = path.join(root, 'editors/vscode');
const suitePath = path.join(here, 'suite.cjs');

const results = { checks: [], timings: {} };
const check = (name, ok, detail = '') => {
  results.checks.push({ name, ok: !!ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} vscode: ${name}${ok ? '' : `: ${detail}`}`);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const since = (t) => Date.now() - t;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(fn, ms, step = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value || Date.now() > deadline) return value;
    await sleep(step);
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

// A fresh workspace, user-data and extensions folder per run.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vscode-'));
const dirs = {
  userData: path.join(work, 'user-data'),
  extensions: path.join(work, 'extensions'),
  apiWorkspace: path.join(work, 'api'),
  uiWorkspace: path.join(work, 'ui'),
};
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'files.hotExit': 'off',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.hover.delay': 100,
  'window.zoomLevel': 0,
};
writeJson(path.join(dirs.userData, 'User', 'settings.json'), userSettings);
writeJson(path.join(dirs.userData, 'Machine', 'settings.json'), {});
for (const ws of [dirs.apiWorkspace, dirs.uiWorkspace]) {
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(path.join(root, 'tests/editors/fixtures/article.txt'), path.join(ws, 'article.txt'));
  // An article nobody opens: only "copydesk: Check workspace" brings its findings.
  fs.mkdirSync(path.join(ws, 'desk'), { recursive: true });
  fs.copyFileSync(path.join(root, 'tests/editors/fixtures/unopened.md'), path.join(ws, 'desk', 'unopened.md'));
  writeJson(path.join(ws, '.vscode', 'settings.json'), { 'copydesk.serverPath': bin });
}

let serverProcess;
let browser;
function stopAll() {
  if (serverProcess && serverProcess.exitCode === null) {
    try {
      process.kill(-serverProcess.pid, 'SIGTERM'); // the whole group: file watcher, extension host, copydesk
    } catch {}
  }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(2));

async function main() {
  const t0 = Date.now();
  // The packaged extension, installed as a user would (for the UI test).
  execFileSync(codeServer, ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData,
    '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 60000 });
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('copydesk.copydesk-'));
  check('the .vsix installs into code-server', installed.length === 1, fs.readdirSync(dirs.extensions).join(','));
  results.timings.install_vsix_ms = since(t0);

  const port = await freePort();
  const log = fs.openSync(path.join(out, 'code-server.log'), 'w');
  serverProcess = spawn(codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, dirs.apiWorkspace,
  ], { detached: true, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const up = await waitFor(async () => {
    try {
      return (await fetch(`${base}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 30000);
  check('code-server is up', up);
  if (!up) return;
  results.timings.code_server_up_ms = since(t0);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });

  // 1. API level, inside the real extension host.
  const tApi = Date.now();
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(suitePath)],
  ]);
  const apiPage = await context.newPage();
  await apiPage.goto(`${base}/?folder=${encodeURIComponent(dirs.apiWorkspace)}&payload=${encodeURIComponent(payload)}`);
  const resultsFile = path.join(dirs.apiWorkspace, 'results-api.json');
  const found = await waitFor(() => fs.existsSync(resultsFile), 90000, 200);
  check('the suite ran in the extension host and wrote its results', found, resultsFile);
  if (found) {
    const api = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    results.api = api;
    for (const c of api.checks) check(`api: ${c.name}`, c.ok, c.detail);
  }
  results.timings.api_ms = since(tApi);
  await apiPage.close();

  // 2. UI level, with the installed .vsix.
  const tUi = Date.now();
  const page = await context.newPage();
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.uiWorkspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view, .monaco-list', { timeout: 60000 });
  await sleep(500);
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type('article.txt');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 15000 });
  const squiggle = await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 30000 })
    .then(() => true, () => false);
  check('ui: a warning squiggle appears', squiggle);

  // The cursor onto "Tuesday": find it, close the find widget (the selection stays).
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+F');
  await page.waitForSelector('.find-widget.visible', { timeout: 10000 }).catch(() => {});
  await page.keyboard.type('Tuesday');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await sleep(1500); // let semantic tokens, inlay hints and the status bar settle
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hoverSelector = '.monaco-hover:not(.hidden) .hover-contents';
  const visibleHover = () => page.locator('.monaco-hover:not(.hidden)').last();
  const hover = await page.waitForSelector(hoverSelector, { state: 'visible', timeout: 10000 })
    .then(() => true, () => false);
  await sleep(600); // the fade-in
  const hoverText = hover ? await visibleHover().innerText().catch(() => '') : '';
  results.ui_hover = hoverText;
  check('ui: Ctrl+K Ctrl+I shows the date hover', hoverText.includes('2024-03-12, Tuesday'), hoverText);
  const statusText = await page.locator('.statusbar-item', { hasText: 'source' }).first().innerText().catch(() => '');
  results.ui_status = statusText;
  check('ui: the status bar shows the sources summary', /source/.test(statusText), statusText);
  const inlay = await page.locator('.monaco-editor .view-lines').innerText().catch(() => '');
  check('ui: the inlay hint 2024-03-12 is drawn', inlay.includes('2024-03-12'), inlay.slice(0, 400));
  // The extension's default token colours (configurationDefaults) reach the rendered text.
  const colours = () => page.evaluate(() => {
    const colour = (text) => {
      const span = [...document.querySelectorAll('.monaco-editor .view-lines span span')]
        .find((s) => s.textContent.replace(/\u00a0/g, ' ') === text);
      return span ? getComputedStyle(span).color : null;
    };
    return { source: colour('The ministry'), anonymous: colour('Officials close to the project'), date: colour('next week'),
      cue: colour('according to'), plain: colour('Construction will start in ') };
  });
  results.ui_colours_dark = await colours();
  const expectColours = (c) => c.source === 'rgb(26, 150, 130)' && c.anonymous === 'rgb(187, 125, 22)' &&
    c.date === 'rgb(58, 136, 204)' && c.cue === 'rgb(148, 104, 212)';
  check('ui: sources, anonymous sources, dates and cues get the default colours (dark theme)',
    expectColours(results.ui_colours_dark), JSON.stringify(results.ui_colours_dark));
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'vscode-hover-date.png') });

  // The hover on the unclosed quotation (line 9).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+F');
  await page.keyboard.type('"no.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft'); // to the start of the match: the opening mark
  await sleep(300);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector(hoverSelector, { state: 'visible', timeout: 10000 }).catch(() => {});
  await sleep(300);
  await sleep(300);
  const hover2 = await visibleHover().innerText().catch(() => '');
  results.ui_hover_diagnostic = hover2;
  check('ui: the hover on the unclosed quotation names the rule', hover2.includes('quotes.unbalanced'), hover2);
  await page.screenshot({ path: path.join(out, 'vscode-hover-diagnostic.png') });

  // copydesk: Show sources, from the command palette.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('copydesk: Show sources');
  await sleep(400);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.quick-input-title')?.textContent?.includes('sources and claims'),
    null, { timeout: 10000 }).catch(() => {});
  await sleep(300);
  const picks = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts().catch(() => []);
  results.ui_show_sources = picks;
  check('ui: "copydesk: Show sources" lists the sources', picks.some((t) => /the ministry/i.test(t)) &&
    picks.some((t) => /the project\s*anonymous source, \d+ claims?/.test(t)), JSON.stringify(picks));
  await page.screenshot({ path: path.join(out, 'vscode-show-sources.png') });
  await page.keyboard.press('Escape');

  // copydesk: Check workspace, from the command palette: the summary notification, and the file
  // that is not open listed in Problems.
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('copydesk: Check workspace');
  await sleep(400);
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'copydesk checked' });
  const toastText = await toast.first().innerText({ timeout: 15000 }).catch(() => '');
  results.ui_check_workspace = toastText;
  check('ui: "copydesk: Check workspace" shows a summary', /copydesk checked 2 files: \d+ findings? in 2 files/.test(toastText),
    toastText);
  const problems = await page.locator('.markers-panel .monaco-list-row', { hasText: 'unopened.md' }).first()
    .innerText({ timeout: 10000 }).catch(() => '');
  results.ui_problems_unopened = problems;
  check('ui: Problems lists the file that is not open', problems.includes('unopened.md'), problems);
  // The progress notification stays up to 800 ms after the check: let it go for the screenshot.
  await page.waitForFunction(() => ![...document.querySelectorAll('.notifications-toasts .notification-toast')]
    .some((t) => /checking the workspace|\d+\/\d+ files/.test(t.textContent)), null, { timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: path.join(out, 'vscode-check-workspace.png') });
  await page.keyboard.press('Escape');

  // The same article in the default light theme: the token colours must read there too.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('Light Modern');
  await sleep(300);
  await page.keyboard.press('Enter');
  const light = await page.waitForFunction(
    () => document.querySelector('.monaco-workbench.vs:not(.vs-dark)') !== null, null, { timeout: 10000 },
  ).then(() => true, () => false);
  check('ui: switched to the light theme', light);
  await sleep(800);
  results.ui_colours_light = await colours();
  check('ui: the same colours in the light theme, and plain text stays the theme\'s',
    expectColours(results.ui_colours_light) && results.ui_colours_light.plain !== results.ui_colours_dark.plain,
    JSON.stringify(results.ui_colours_light));
  await page.screenshot({ path: path.join(out, 'vscode-light.png') });
  results.timings.ui_ms = since(tUi);
  results.timings.total_ms = since(t0);
}

const tStart = Date.now();
const watchdog = setTimeout(() => {
  check('finished within 150 s', false, 'watchdog');
  finish(1);
}, 150000);
let finished = false;
async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(watchdog);
  try {
    await browser?.close();
  } catch {}
  stopAll();
  results.failures = results.checks.filter((c) => !c.ok).length;
  writeJson(path.join(out, 'vscode-results.json'), results);
  console.log(`vscode: ${results.checks.length - results.failures} passed, ${results.failures} failed in ${since(tStart)} ms`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(code ?? (results.failures === 0 ? 0 : 1));
}
main().then(() => finish(), (error) => {
  check('driver ran', false, String(error && error.stack || error));
  finish(1);
});
