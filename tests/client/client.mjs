// An independent conformance client: drives the copydesk binary through the published
// vscode-languageserver-protocol library (written by others, so it checks our framing and
// message shapes against a second implementation). Exits non-zero on any protocol error.
// Usage: node client.mjs /path/to/copydesk
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, TextDocumentSyncKind,
  CodeActionRequest, CodeActionResolveRequest, LSPErrorCodes,
} from 'vscode-languageserver-protocol/node';

const binary = process.argv[2];
if (!binary) { console.error('usage: node client.mjs COPYDESK_BINARY'); process.exit(2); }

let failures = 0;
let passes = 0;
function check(condition, what) {
  if (condition) { passes++; return; }
  failures++;
  console.error(`FAIL: ${what}`);
}

function fnv1a(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

// Applies an LSP edit (UTF-16 positions) to a JS string, the reference for the server's copy.
function applyEdit(text, range, newText) {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (pos) => {
    let o = 0;
    for (let i = 0; i < pos.line && i < lines.length; i++) o += lines[i].length;
    if (pos.line >= lines.length) return text.length;
    const content = lines[pos.line].replace(/(\r\n|\n|\r)$/, '');
    return o + Math.min(pos.character, content.length);
  };
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}

// A client that resolves code actions lazily: actions come with data and no edit; each edit
// comes from codeAction/resolve, applies cleanly, and a stale or closed document is refused.
async function resolvingSession() {
  const child = spawn(binary, ['--stdio', '--debounce-ms', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onError(([error]) => { failures++; console.error('connection error (resolve):', error); });
  const uri = 'file:///tmp/copydesk-client/resolve.txt';
  const published = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri === uri) resolve(p); });
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null,
    capabilities: { textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } },
  });
  check(init.capabilities.codeActionProvider?.resolveProvider === true, 'codeActionProvider.resolveProvider');
  await connection.sendNotification(InitializedNotification.type, {});
  let text = 'date 2024-03-13\nThe vote was on Tuesday, March 14, 2024, officials said.\n';
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'plaintext', version: 1, text },
  });
  const diagnostics = (await published).diagnostics;
  const everything = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
  const actions = await connection.sendRequest(CodeActionRequest.type,
    { textDocument: { uri }, range: everything, context: { diagnostics } });
  check(actions.length > 0 && actions.every((a) => a.data && !a.edit), 'resolving client: actions carry data, no edit');
  const resolved = [];
  for (const action of actions) resolved.push(await connection.sendRequest(CodeActionResolveRequest.type, action));
  check(resolved.every((a, i) => a.title === actions[i].title && a.edit?.changes?.[uri]?.length > 0),
    'codeAction/resolve gives every action its edit');
  const fix = resolved.find((a) => a.title === 'Change the weekday to Thursday');
  check(fix !== undefined, 'the weekday fix is offered');
  if (fix) {
    const [edit] = fix.edit.changes[uri];
    text = applyEdit(text, edit.range, edit.newText);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    const state = await connection.sendRequest('copydesk/documentState', { textDocument: { uri } });
    check(state.hash === fnv1a(text) && text.includes('on Thursday, March 14'), 'the resolved fix applies');
  }
  const refused = async (action, what) => {
    try {
      await connection.sendRequest(CodeActionResolveRequest.type, action);
      check(false, `${what}: refused`);
    } catch (e) {
      check(e.code === LSPErrorCodes.ContentModified && /ask for code actions again/.test(e.message),
        `${what}: ContentModified (${e.code} ${e.message})`);
    }
  };
  await refused(actions[0], 'resolve for an older version');
  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await refused({ ...actions[0], data: { ...actions[0].data, version: 2 } }, 'resolve after didClose');
  await connection.sendRequest(ShutdownRequest.type);
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await connection.sendNotification(ExitNotification.type);
  check(await exited === 0, 'resolving client: exit code 0 after shutdown');
  connection.dispose();
}

const child = spawn(binary, ['--stdio', '--debounce-ms', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
connection.onError(([error]) => { failures++; console.error('connection error:', error); });
const logMessages = [];
connection.onNotification('window/logMessage', (p) => logMessages.push(p));
connection.listen();

const timeout = setTimeout(() => { console.error('FAIL: timed out'); process.exit(1); }, 20000);
try {
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities: {},
    clientInfo: { name: 'copydesk-independent-client', version: '1' },
  });
  check(init.serverInfo?.name === 'copydesk', 'serverInfo.name is copydesk');
  check(init.capabilities.positionEncoding === 'utf-16', 'utf-16 when the client offers nothing');
  const sync = init.capabilities.textDocumentSync;
  check(sync.change === TextDocumentSyncKind.Incremental, 'incremental sync');
  await connection.sendNotification(InitializedNotification.type, {});

  const uri = 'file:///tmp/copydesk-client/article.txt';
  let text = 'date 2024-03-12\nThe ministry said on Tuesday 🙂 that\r\nit would respond.\n';
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'plaintext', version: 1, text },
  });
  const edits = [
    { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 12 } }, text: 'Legion' },
    { range: { start: { line: 1, character: 27 }, end: { line: 1, character: 29 } }, text: '' },
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Officials said ' },
    { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Ещё 新闻.\n' },
  ];
  let version = 1;
  for (const edit of edits) {
    text = applyEdit(text, edit.range, edit.text);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version }, contentChanges: [edit],
    });
  }
  const state = await connection.sendRequest('copydesk/documentState', { textDocument: { uri } });
  check(state.version === version, `server has version ${version}`);
  check(state.hash === fnv1a(text) && state.length === Buffer.byteLength(text),
        `server text equals the reference after edits (${JSON.stringify(state)} vs ${fnv1a(text)}, ${Buffer.byteLength(text)} bytes)`);

  try {
    await connection.sendRequest('copydesk/noSuchMethod', {});
    check(false, 'unknown method is an error');
  } catch (e) {
    check(e.code === -32601, 'unknown method answers -32601');
  }

  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });

  // Every feature once, through the library's own request and notification plumbing.
  const featureUri = 'file:///tmp/copydesk-client/features.txt';
  const article = 'date 2024-03-12\nThe ministry said on Tuesday that "the border was calm.\n' +
    'Officials said 40 soldiers were killed.\n';
  const published = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.uri === featureUri) resolve(p);
    });
  });
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: featureUri, languageId: 'plaintext', version: 1, text: article },
  });
  const diagnostics = (await published).diagnostics;
  check(diagnostics.some((d) => d.code === 'quotes.unbalanced' && d.source === 'copydesk'),
        'publishDiagnostics carries quotes.unbalanced');
  const doc = { textDocument: { uri: featureUri } };
  const tuesday = { line: 1, character: 22 };
  const hover = await connection.sendRequest('textDocument/hover', { ...doc, position: tuesday });
  check(JSON.stringify(hover?.contents ?? '').includes('2024-03-12'), 'hover on Tuesday names 2024-03-12');
  const legend = init.capabilities.semanticTokensProvider?.legend;
  check(legend?.tokenTypes.includes('date') && legend?.tokenTypes.includes('source'), 'token legend');
  const tokens = await connection.sendRequest('textDocument/semanticTokens/full', doc);
  check(tokens.data.length > 0 && tokens.data.length % 5 === 0, 'semantic tokens in fives');
  const delta = await connection.sendRequest('textDocument/semanticTokens/full/delta',
    { ...doc, previousResultId: tokens.resultId });
  check(Array.isArray(delta.edits) || Array.isArray(delta.data), 'semantic token delta');
  const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  const ranged = await connection.sendRequest('textDocument/semanticTokens/range', { ...doc, range: whole });
  check(ranged.data.length === tokens.data.length, 'semantic tokens for the whole range match full');
  const hints = await connection.sendRequest('textDocument/inlayHint', { ...doc, range: whole });
  check(hints.some((h) => JSON.stringify(h.label).includes('2024-03-12')), 'inlay hint resolves Tuesday');
  const quoteDiagnostic = diagnostics.find((d) => d.code === 'quotes.unbalanced');
  const actions = await connection.sendRequest('textDocument/codeAction',
    { ...doc, range: quoteDiagnostic.range, context: { diagnostics: [quoteDiagnostic] } });
  check(actions.length > 0 && actions.every((a) => typeof a.title === 'string'), 'code actions');
  const symbols = await connection.sendRequest('textDocument/documentSymbol', doc);
  check(symbols.some((s) => /ministry/i.test(s.name)), 'outline names the ministry');
  const ministry = { line: 1, character: 6 };
  const highlights = await connection.sendRequest('textDocument/documentHighlight', { ...doc, position: ministry });
  check(Array.isArray(highlights) && highlights.length > 0, 'document highlights of a source');
  const references = await connection.sendRequest('textDocument/references',
    { ...doc, position: ministry, context: { includeDeclaration: true } });
  check(Array.isArray(references) && references.every((r) => r.uri === featureUri), 'references');
  const lenses = await connection.sendRequest('textDocument/codeLens', doc);
  check(lenses.length === 1 && /claim/.test(lenses[0].command?.title ?? ''), 'summary code lens');
  const found = await connection.sendRequest('workspace/symbol', { query: 'ministry' });
  check(found.some((s) => s.location.uri === featureUri), 'workspace symbol finds the ministry');
  const pulled = await connection.sendRequest('textDocument/diagnostic', doc);
  check(pulled.kind === 'full' && pulled.items.length === diagnostics.length, 'pull diagnostics');
  await connection.sendNotification(DidCloseTextDocumentNotification.type, doc);

  await connection.sendRequest(ShutdownRequest.type);
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await connection.sendNotification(ExitNotification.type);
  const code = await exited;
  check(code === 0, `exit code 0 after shutdown (got ${code})`);

  await resolvingSession();
} catch (error) {
  failures++;
  console.error('FAIL:', error);
  console.error(stderr);
}
clearTimeout(timeout);
connection.dispose();
console.log(`independent client: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
