// Keeps the documentation and the extension's manifest honest:
//  - editors/README.md shows the Emacs, Vim and Helix snippets exactly as the tests run them;
//  - editors/vscode/package.json contributes the token types and modifiers the server's legend
//    advertises (asked of the server itself), and a setting for every server setting.
// Usage: node snippets.mjs ROOT RESULTS_JSON
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [root, resultsPath] = process.argv.slice(2);
const checks = [];
const check = (name, ok, detail = '') => checks.push({ name, ok: !!ok, detail: String(detail).slice(0, 2000) });
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');

const readme = read('editors/README.md');
for (const snippet of ['editors/emacs/copydesk-eglot.el', 'editors/vim/copydesk.vim', 'editors/helix/languages.toml'])
  check(`editors/README.md shows ${snippet} verbatim`, readme.includes(read(snippet).trim()));
const nvimReadme = read('editors/neovim/README.md');
check('editors/neovim/README.md has a lazy.nvim spec that calls setup', /dir\s*=|"[^"]*copydesk[^"]*"/.test(nvimReadme) &&
  nvimReadme.includes('require("copydesk").setup'));

// The server's legend, from its initialize reply.
function legend() {
  return new Promise((resolve, reject) => {
    const server = spawn(process.env.COPYDESK_BIN ?? path.join(root, 'build/server/copydesk'), ['--stdio'],
      { stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => { server.kill(); reject(new Error('no initialize reply')); }, 5000);
    server.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())[1]);
      if (buffer.length < header + 4 + length) return;
      const reply = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
      clearTimeout(timer);
      server.kill();
      resolve(reply.result.capabilities.semanticTokensProvider.legend);
    });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

const manifest = JSON.parse(read('editors/vscode/package.json'));
const contributes = manifest.contributes;
try {
  const serverLegend = await legend();
  const types = contributes.semanticTokenTypes.map((t) => t.id);
  const modifiers = contributes.semanticTokenModifiers.map((t) => t.id);
  check('package.json contributes the server\'s token types, in order',
    JSON.stringify(types) === JSON.stringify(serverLegend.tokenTypes), `${types} vs ${serverLegend.tokenTypes}`);
  check('package.json contributes the server\'s token modifiers, in order',
    JSON.stringify(modifiers) === JSON.stringify(serverLegend.tokenModifiers), `${modifiers} vs ${serverLegend.tokenModifiers}`);
  const scoped = Object.keys(contributes.semanticTokenScopes[0].scopes).map((k) => k.split('.')[0]);
  check('every token type has a TextMate scope', serverLegend.tokenTypes.every((t) => scoped.includes(t)),
    serverLegend.tokenTypes.filter((t) => !scoped.includes(t)));
} catch (error) {
  check('the server answered initialize', false, error);
}
const properties = contributes.configuration.properties;
const expected = ['dateline', 'rules', 'lists', 'override', 'debounceMs', 'inlayHints.dates', 'inlayHints.sources',
  'highlightsAsDiagnostics', 'codeLens', 'trace.server', 'serverPath', 'documentSelector'];
const missing = expected.filter((k) => !properties[`copydesk.${k}`]);
check('package.json contributes every setting', missing.length === 0, missing);
const undocumented = Object.entries(properties).filter(([, p]) => !(p.description || p.markdownDescription) || !('default' in p));
check('every setting has a description and a default', undocumented.length === 0, undocumented.map(([k]) => k));

const failures = checks.filter((c) => !c.ok).length;
fs.writeFileSync(resultsPath, JSON.stringify({ checks, failures }, null, 2));
process.exit(failures ? 1 : 0);
