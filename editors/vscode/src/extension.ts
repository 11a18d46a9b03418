// The copydesk extension: starts the copydesk language server for plain text and Markdown (or
// the languages the user lists), passes it the `copydesk.*` settings, and adds three commands and
// a status bar summary. Everything the user sees in the text (diagnostics, hovers, colours, inlay
// hints, quick fixes, the outline) comes from the server through vscode-languageclient.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ConfigurationParams,
  DiagnosticCollectionSource,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  DocumentSymbol,
  DocumentSymbolRequest,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  LSPErrorCodes,
  ResponseError,
  ServerOptions,
  State,
  TransportKind,
  WorkDoneProgress,
  WorkspaceDiagnosticRequest,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageclient/node';

const SECTION = 'copydesk';
// Keys that only the extension reads; the server would call them unknown.
const CLIENT_ONLY_KEYS = new Set(['serverPath', 'documentSelector']);
// LSP SymbolKind values the server uses in its outline.
const SYMBOL_SOURCE = 19; // Object: a source, with the claims attributed to it as children
const SYMBOL_GROUP = 3; // Namespace: "Unattributed claims", claims that no source backs

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let statusTimer: NodeJS.Timeout | undefined;
let lastError: string | undefined;
// The diagnostics collection the client fills from pulls (textDocument/diagnostic): the workspace
// check writes the files that are not open into it too, so Problems lists each finding once.
let pullDiagnostics: vscode.DiagnosticCollection | undefined;
// The last workspace check, by URI: its result id and diagnostics, so that the next check can
// ask only for what changed. Tied to the client (and its collection) that ran it.
let lastCheck: { client: LanguageClient; files: Map<string, CheckedFile> } | undefined;
let runningCheck: Promise<WorkspaceCheckSummary | undefined> | undefined;

interface CheckedFile {
  uri: string; // as the server wrote it
  resultId?: string;
  diagnostics: vscode.Diagnostic[];
}

/** What "copydesk: Check workspace" found (also its command result, for the tests). */
export interface WorkspaceCheckSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
}

/** What the status bar shows for a document, from the server's outline. */
export interface SourcesSummary {
  sources: number;
  claims: number;
  unsourced: number;
}

/** What activate() returns: used by the tests through `extension.exports`. */
export interface CopydeskApi {
  client(): LanguageClient | undefined;
  ensureStarted(): Promise<LanguageClient | undefined>;
  summary(document: vscode.TextDocument): Promise<SourcesSummary | undefined>;
  statusText(): string;
  serverSettings(): Record<string, unknown>;
  /** The last error the extension showed, if any. */
  lastError(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): CopydeskApi {
  output = vscode.window.createOutputChannel('copydesk', { log: true });
  statusItem = vscode.window.createStatusBarItem('copydesk.summary', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'copydesk summary';
  statusItem.command = 'copydesk.showSources';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('copydesk.showSources', showSources),
    vscode.commands.registerCommand('copydesk.restartServer', restartServer),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (matches(document)) void ensureStarted();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Where the server is and which documents it sees are fixed when it starts.
      if (
        event.affectsConfiguration('copydesk.serverPath') ||
        event.affectsConfiguration('copydesk.documentSelector')
      )
        void restartServer();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatus(0)),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) scheduleStatus(0);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) scheduleStatus(600);
    }),
    { dispose: () => void stopClient() },
  );

  // The server starts with the first document it is for, not with VS Code.
  if (vscode.workspace.textDocuments.some(matches)) void ensureStarted();
  scheduleStatus(0);

  return {
    client: () => client,
    ensureStarted,
    summary,
    statusText: () => (statusItem.text ? `${statusItem.text} | ${statusItem.tooltip ?? ''}` : ''),
    serverSettings,
    lastError: () => lastError,
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

// ---------------------------------------------------------------------------------------------
// Settings

function languages(): string[] {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string[]>('documentSelector');
  return Array.isArray(configured) && configured.length > 0 ? configured : ['plaintext', 'markdown'];
}

function matches(document: vscode.TextDocument): boolean {
  return (
    (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') &&
    languages().includes(document.languageId)
  );
}

/** The `copydesk` section as the server reads it: without the extension's own keys and unset
 * values, with an empty dateline meaning "not set". */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const settings: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    settings[key] = value;
  };
  put('dateline', config.get<string>('dateline')?.trim());
  put('rules', config.get('rules'));
  put('lists', config.get('lists'));
  put('override', config.get('override'));
  put('debounceMs', config.get('debounceMs'));
  put('inlayHints', {
    dates: config.get<boolean>('inlayHints.dates', true),
    sources: config.get<boolean>('inlayHints.sources', true),
  });
  put('highlightsAsDiagnostics', config.get('highlightsAsDiagnostics'));
  put('codeLens', config.get('codeLens'));
  put('trace', { server: config.get<string>('trace.server', 'off') });
  for (const key of CLIENT_ONLY_KEYS) delete settings[key];
  return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Finding the server

function expand(p: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  if (!path.isAbsolute(out) && folder) out = path.join(folder, out);
  return out;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

type Found = { command: string } | { error: string };

function findServer(): Found {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('serverPath', '').trim();
  if (configured) {
    const resolved = expand(configured);
    if (isExecutable(resolved)) return { command: resolved };
    return {
      error: `copydesk: the server at "${resolved}" (setting copydesk.serverPath) does not exist or is not executable.`,
    };
  }
  const found = onPath('copydesk');
  if (found) return { command: found };
  return {
    error:
      'copydesk: the copydesk language server was not found. Set copydesk.serverPath to the copydesk binary (e.g. build/server/copydesk after `make build`), or put `copydesk` on your PATH.',
  };
}

// ---------------------------------------------------------------------------------------------
// The client

function ensureStarted(): Promise<LanguageClient | undefined> {
  if (client) return Promise.resolve(client);
  if (!starting) starting = startClient().finally(() => (starting = undefined));
  return starting;
}

async function startClient(): Promise<LanguageClient | undefined> {
  const found = findServer();
  if ('error' in found) {
    lastError = found.error;
    output.error(found.error);
    void vscode.window.showErrorMessage(found.error, 'Configure').then((choice) => {
      if (choice === 'Configure')
        void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.serverPath');
    });
    return undefined;
  }
  output.info(`starting ${found.command}`);
  // TransportKind.stdio appends --stdio, which the server accepts.
  const serverOptions: ServerOptions = {
    run: { command: found.command, transport: TransportKind.stdio },
    debug: { command: found.command, args: ['--log-level', 'debug'], transport: TransportKind.stdio },
  };
  const selector = languages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: () => serverSettings(),
    synchronize: { configurationSection: SECTION },
    // The pull collection is created here so that the workspace check can fill it (see above).
    diagnosticCollectionProvider: {
      create: (name, source) => {
        const collection = vscode.languages.createDiagnosticCollection(name);
        if (source === DiagnosticCollectionSource.pull) pullDiagnostics = collection;
        return collection;
      },
      dispose: (collection) => {
        if (collection === pullDiagnostics) pullDiagnostics = undefined;
        collection.dispose();
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => ({
        action: CloseAction.DoNotRestart,
        message: 'copydesk: the language server stopped. Run "copydesk: Restart server" to start it again.',
      }),
    },
    middleware: {
      // The server offers workspace diagnostics, and the client would pull them by itself, again
      // two seconds after each answer for as long as it runs: the server would walk every
      // article under the workspace folders every few seconds, and Problems would fill with the
      // whole archive unasked. The workspace is checked when the user runs the command.
      provideWorkspaceDiagnostics: () => ({ items: [] }),
      workspace: {
        // Pushed settings: only the keys the server knows, never the extension's own.
        didChangeConfiguration: async () => {
          await client?.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { [SECTION]: serverSettings() },
          });
        },
        // Pulled settings (workspace/configuration) get the same filtered section.
        configuration: async (params: ConfigurationParams, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) =>
            item.section === SECTION ? serverSettings() : answers[i],
          );
        },
      },
    },
  };
  const created = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  created.onDidChangeState((event) => {
    if (event.newState === State.Stopped) statusItem.hide();
  });
  try {
    await created.start();
  } catch (error) {
    const message = `copydesk: the language server at ${found.command} failed to start: ${String(error)}`;
    lastError = message;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Configure', 'Show log').then((choice) => {
      if (choice === 'Configure')
        void vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.serverPath');
      if (choice === 'Show log') output.show();
    });
    return undefined;
  }
  client = created;
  lastError = undefined;
  scheduleStatus(0);
  return client;
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop(2000);
    } catch (error) {
      output.info(`stopping the server: ${String(error)}`);
    }
  }
}

async function restartServer(): Promise<void> {
  if (starting) await starting;
  await stopClient();
  if (vscode.workspace.textDocuments.some(matches)) {
    const started = await ensureStarted();
    if (started) void vscode.window.setStatusBarMessage('copydesk: server restarted', 3000);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

/** Checks every copydesk file under the workspace folders (workspace/diagnostic), with the
 * server's work-done progress in a notification, and puts the findings in the Problems panel.
 * Open documents keep their live diagnostics; the others show what the last check found. */
function checkWorkspace(): Promise<WorkspaceCheckSummary | undefined> {
  if (!runningCheck)
    runningCheck = runWorkspaceCheck().finally(() => (runningCheck = undefined));
  return runningCheck;
}

async function runWorkspaceCheck(): Promise<WorkspaceCheckSummary | undefined> {
  const running = await ensureStarted();
  if (!running) return undefined;
  const provider = running.initializeResult?.capabilities.diagnosticProvider;
  if (!provider || !('workspaceDiagnostics' in provider) || !provider.workspaceDiagnostics) {
    void vscode.window.showErrorMessage(
      'copydesk: this copydesk server does not check workspaces (workspace/diagnostic); update it.',
    );
    return undefined;
  }
  if (lastCheck && lastCheck.client !== running) lastCheck = undefined;
  const held = lastCheck?.files ?? new Map<string, CheckedFile>();

  let reports: WorkspaceDocumentDiagnosticReport[];
  try {
    reports = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'copydesk', // the server's messages follow: "checking the workspace", "3/40 files"
        cancellable: true,
      },
      (progress, token) => pullWorkspaceDiagnostics(running, held, progress, token),
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError) {
      void vscode.window.setStatusBarMessage('copydesk: workspace check cancelled', 3000);
      return undefined;
    }
    const message = `copydesk: checking the workspace failed: ${error instanceof Error ? error.message : String(error)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  if (running !== client) return undefined; // restarted meanwhile: its collection is gone

  // Open documents are the client's own pulls (newer than the disk); the rest go to Problems.
  const open = new Set(
    vscode.workspace.textDocuments.filter(matches).map((document) => document.uri.toString()),
  );
  const files = new Map<string, CheckedFile>();
  const summary: WorkspaceCheckSummary = { files: 0, findings: 0, filesWithFindings: 0, errors: 0, warnings: 0 };
  for (const report of reports) {
    const uri = running.protocol2CodeConverter.asUri(report.uri);
    const key = uri.toString();
    let diagnostics: vscode.Diagnostic[];
    if (report.kind === DocumentDiagnosticReportKind.Full)
      diagnostics = await running.protocol2CodeConverter.asDiagnostics(report.items);
    else diagnostics = held.get(key)?.diagnostics ?? [];
    files.set(key, { uri: report.uri, resultId: report.resultId, diagnostics });
    if (!open.has(key)) pullDiagnostics?.set(uri, diagnostics);
    summary.files += 1;
    summary.findings += diagnostics.length;
    if (diagnostics.length > 0) summary.filesWithFindings += 1;
    summary.errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    summary.warnings += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  }
  // Files the last check listed and this one does not (deleted, moved) leave Problems.
  for (const key of held.keys())
    if (!files.has(key) && !open.has(key)) pullDiagnostics?.delete(vscode.Uri.parse(key));
  lastCheck = { client: running, files };

  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = [
    summary.errors > 0 ? plural(summary.errors, 'error') : '',
    summary.warnings > 0 ? plural(summary.warnings, 'warning') : '',
  ].filter(Boolean).join(', ');
  const folders = vscode.workspace.workspaceFolders?.length ?? 0;
  void vscode.window.showInformationMessage(
    `copydesk checked ${plural(summary.files, 'file')}: ` +
      (summary.findings === 0
        ? 'no findings.'
        : `${plural(summary.findings, 'finding')} in ${plural(summary.filesWithFindings, 'file')}` +
          (detail ? ` (${detail}).` : '.')) +
      (folders === 0 ? ' No folder is open, so only the open documents were checked.' : ''),
  );
  output.info(`workspace check: ${JSON.stringify(summary)}`);
  return summary;
}

/** One workspace/diagnostic request, with the result ids already held (the server answers
 * `unchanged` for those), its work-done progress shown in `progress`, and partial results
 * gathered if the server streams them. Cancelling `token` cancels the request. */
async function pullWorkspaceDiagnostics(
  running: LanguageClient,
  held: Map<string, CheckedFile>,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceDocumentDiagnosticReport[]> {
  const workDoneToken = randomUUID();
  const partialResultToken = randomUUID();
  const reports: WorkspaceDocumentDiagnosticReport[] = [];
  let percent = 0;
  const onProgress = running.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
    if (value.kind === 'end') return;
    const increment = value.percentage !== undefined ? Math.max(0, value.percentage - percent) : undefined;
    if (value.percentage !== undefined) percent = Math.max(percent, value.percentage);
    progress.report({ message: value.message, increment });
  });
  const onPartial = running.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (chunk) => {
    reports.push(...chunk.items);
  });
  try {
    const result = await running.sendRequest(
      WorkspaceDiagnosticRequest.type,
      {
        identifier: 'copydesk',
        previousResultIds: [...held.values()].flatMap((file) =>
          file.resultId ? [{ uri: file.uri, value: file.resultId }] : [],
        ),
        workDoneToken,
        partialResultToken,
      },
      token,
    );
    reports.push(...(result?.items ?? []));
    return reports;
  } catch (error) {
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    if (error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled)
      throw new Error('the server cancelled it (another check started?)');
    throw error;
  } finally {
    onProgress.dispose();
    onPartial.dispose();
  }
}

async function documentSymbols(document: vscode.TextDocument): Promise<DocumentSymbol[] | undefined> {
  if (!client || !matches(document)) return undefined;
  try {
    const result = await client.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    });
    if (!Array.isArray(result)) return [];
    return result.filter((s): s is DocumentSymbol => 'selectionRange' in s);
  } catch {
    return undefined; // e.g. the document changed while the server answered
  }
}

async function summary(document: vscode.TextDocument): Promise<SourcesSummary | undefined> {
  const symbols = await documentSymbols(document);
  if (!symbols) return undefined;
  const result: SourcesSummary = { sources: 0, claims: 0, unsourced: 0 };
  for (const symbol of symbols) {
    const children = symbol.children?.length ?? 0;
    if (symbol.kind === SYMBOL_SOURCE) {
      result.sources += 1;
      result.claims += children;
    } else if (symbol.kind === SYMBOL_GROUP) {
      result.claims += children;
      result.unsourced += children;
    }
  }
  return result;
}

async function showSources(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !matches(editor.document)) {
    void vscode.window.showInformationMessage('copydesk: open a text or Markdown article first.');
    return;
  }
  await ensureStarted();
  const symbols = await documentSymbols(editor.document);
  if (!symbols || symbols.length === 0) {
    const choice = await vscode.window.showInformationMessage(
      'copydesk found no sources or claims in this document.',
      'Open Outline',
    );
    if (choice === 'Open Outline') await vscode.commands.executeCommand('outline.focus');
    return;
  }
  type Item = vscode.QuickPickItem & { range?: vscode.Range };
  const asRange = (s: DocumentSymbol) =>
    new vscode.Range(s.selectionRange.start.line, s.selectionRange.start.character,
      s.selectionRange.end.line, s.selectionRange.end.character);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const items: Item[] = [];
  const sources = symbols.filter((s) => s.kind === SYMBOL_SOURCE);
  const unsourced = symbols.filter((s) => s.kind === SYMBOL_GROUP).flatMap((s) => s.children ?? []);
  if (sources.length > 0) items.push({ label: 'Sources', kind: vscode.QuickPickItemKind.Separator });
  for (const source of sources) {
    items.push({
      label: `$(person) ${source.name}`,
      description: `${source.detail ?? ''} source, ${plural(source.children?.length ?? 0, 'claim')}`,
      range: asRange(source),
    });
    for (const claim of source.children ?? [])
      items.push({ label: `$(blank) $(quote) ${claim.name}`, description: claim.detail, range: asRange(claim) });
  }
  if (unsourced.length > 0)
    items.push({ label: 'Claims without a source', kind: vscode.QuickPickItemKind.Separator });
  for (const claim of unsourced)
    items.push({ label: `$(warning) ${claim.name}`, description: claim.detail, range: asRange(claim) });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'copydesk: sources and claims',
    placeHolder: 'Sources in order of first mention, with their claims; then claims without a source',
    matchOnDescription: true,
  });
  if (picked?.range) {
    editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
    editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

// ---------------------------------------------------------------------------------------------
// Status bar: the active document's sources and claims, as the server's outline lists them.

function scheduleStatus(delay: number): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void updateStatus(), delay);
}

async function updateStatus(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !matches(document) || !client) {
    statusItem.hide();
    return;
  }
  const counts = await summary(document);
  if (!counts || document !== vscode.window.activeTextEditor?.document) return;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  statusItem.text = `$(quote) ${plural(counts.sources, 'source')} · ${plural(counts.claims, 'claim')}` +
    (counts.unsourced > 0 ? ` (${counts.unsourced} unsourced)` : '');
  statusItem.tooltip =
    `copydesk, from this document's outline: ${plural(counts.sources, 'named source')}, ` +
    `${plural(counts.claims, 'check-worthy claim')}, ${counts.unsourced} of them with no source. ` +
    'Click to list them.';
  statusItem.show();
}
