// Runs inside VS Code's real extension host (code-server), loaded through the workbench URL's
// `extensionTestsPath`, next to OUR extension loaded from `extensionDevelopmentPath`
// (editors/vscode). Asserts through VS Code's own API and writes the results to
// `<workspace>/results-api.json`, which tests/editors/vscode/driver.mjs reads.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

// tests/editors/fixtures/unopened.md, which the driver copies to desk/unopened.md.
const UNOPENED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'unopened.md'), 'utf8');
const EXPECTED_TYPES = ['date', 'time', 'duration', 'attributionCue', 'source', 'quote', 'claim', 'hedge'];
const EXPECTED_MODIFIERS = ['relative', 'resolved', 'unverified', 'unattributed', 'hedged', 'anonymous', 'mismatch'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(fn, ms = 15000, step = 50) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value || Date.now() > deadline) return value;
    await sleep(step);
  }
}

const hoverText = (hovers) =>
  (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
const codeOf = (d) => (typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code));

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const results = { vscode: vscode.version, checks: [], timings: {} };
  const check = (name, ok, detail) =>
    results.checks.push({ name, ok: !!ok, detail: detail === undefined ? '' : detail });
  const t0 = Date.now();
  try {
    const extension = vscode.extensions.getExtension('copydesk.copydesk');
    check('our extension is loaded', extension, extension && extension.extensionPath);
    const api = await extension.activate();
    check('extension exports its API', api && typeof api.summary === 'function');

    const commands = await vscode.commands.getCommands(true);
    for (const command of ['copydesk.checkWorkspace', 'copydesk.showSources', 'copydesk.restartServer'])
      check(`command ${command} is registered`, commands.includes(command));
    results.serverPath = vscode.workspace.getConfiguration('copydesk').get('serverPath');
    const settings = api.serverSettings();
    check('settings sent to the server leave out the client-only keys',
      !('serverPath' in settings) && !('documentSelector' in settings) && settings.inlayHints &&
        settings.debounceMs === 100,
      JSON.stringify(settings));

    const uri = vscode.Uri.file(path.join(folder, 'article.txt'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    check('the article is plain text', document.languageId === 'plaintext', document.languageId);
    const client = await until(() => api.client(), 10000);
    check('the language client started', client);
    results.server = client && client.initializeResult && client.initializeResult.serverInfo;

    // Diagnostics, with rule codes.
    const diagnostics = await until(() => {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');
      return list.some((d) => codeOf(d) === 'quotes.unbalanced') && list;
    });
    results.timings.diagnostics_ms = Date.now() - t0;
    results.diagnostics = (diagnostics || []).map((d) => ({
      code: codeOf(d), severity: d.severity, message: d.message,
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    }));
    const unbalanced = (diagnostics || []).find((d) => codeOf(d) === 'quotes.unbalanced');
    check('diagnostic quotes.unbalanced from copydesk', unbalanced, JSON.stringify(results.diagnostics));
    check('it is a warning on line 9', unbalanced && unbalanced.severity === vscode.DiagnosticSeverity.Warning &&
      unbalanced.range.start.line === 8);

    // Positions in the fixture.
    const text = document.getText();
    const tuesday = document.positionAt(text.indexOf('Tuesday'));

    const hover = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, tuesday.translate(0, 2)));
    results.hover_tuesday = hover;
    check('hover on Tuesday resolves the date (Markdown)', hover.includes('**2024-03-12, Tuesday'), hover);
    if (unbalanced) {
      const onDiagnostic = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, unbalanced.range.start));
      results.hover_diagnostic = onDiagnostic;
      check('hover on the diagnostic explains the rule', onDiagnostic.includes('quotes.unbalanced'), onDiagnostic);
    }

    // The semantic token legend and tokens.
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
    results.legend = legend && { tokenTypes: legend.tokenTypes, tokenModifiers: legend.tokenModifiers };
    check('semantic token legend has our types',
      legend && JSON.stringify(legend.tokenTypes) === JSON.stringify(EXPECTED_TYPES), JSON.stringify(results.legend));
    check('semantic token legend has our modifiers',
      legend && JSON.stringify(legend.tokenModifiers) === JSON.stringify(EXPECTED_MODIFIERS));
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
    const decoded = [];
    if (tokens && legend) {
      let line = 0, character = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [dl, dc, length, type, mods] = tokens.data.slice(i, i + 5);
        if (dl > 0) character = 0;
        line += dl;
        character += dc;
        decoded.push({
          line, character, length, type: legend.tokenTypes[type],
          modifiers: legend.tokenModifiers.filter((_, bit) => mods & (1 << bit)),
          text: document.lineAt(line).text.substr(character, length),
        });
      }
    }
    results.semantic_tokens = decoded;
    const onTuesday = decoded.find((t) => t.line === tuesday.line && t.character <= tuesday.character &&
      tuesday.character < t.character + t.length);
    check('Tuesday is a date token, relative and resolved',
      onTuesday && onTuesday.type === 'date' && onTuesday.modifiers.includes('relative') &&
        onTuesday.modifiers.includes('resolved'), JSON.stringify(onTuesday));
    check('tokens mark an anonymous source',
      decoded.some((t) => t.type === 'source' && t.modifiers.includes('anonymous')),
      JSON.stringify(decoded.filter((t) => t.type === 'source')));

    // Inlay hints.
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri,
      new vscode.Range(0, 0, document.lineCount, 0)) || [];
    results.inlay_hints = hints.map((h) => ({
      label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''),
      position: [h.position.line, h.position.character],
    }));
    const dateHint = results.inlay_hints.find((h) => h.label === '2024-03-12');
    check('inlay hint 2024-03-12 right after Tuesday',
      dateHint && dateHint.position[0] === tuesday.line && dateHint.position[1] === tuesday.character + 7,
      JSON.stringify(results.inlay_hints));

    // Document symbols: the outline of sources.
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri) || [];
    results.symbols = symbols.map((s) => ({ name: s.name, detail: s.detail, kind: s.kind, children: (s.children || []).length }));
    check('outline lists the ministry as an organization source',
      symbols.some((s) => s.name.toLowerCase() === 'the ministry' && s.kind === vscode.SymbolKind.Object &&
        s.detail === 'organization'), JSON.stringify(results.symbols));

    // The status bar summary is counted from the same outline.
    const summary = await api.summary(document);
    results.summary = summary;
    const sources = symbols.filter((s) => s.kind === vscode.SymbolKind.Object).length;
    check('status summary counts the outline\'s sources', summary && summary.sources === sources && sources > 0,
      JSON.stringify(summary));
    const status = await until(() => api.statusText(), 5000);
    results.status = status;
    check('status bar shows the summary', /\d+ sources? · \d+ claims?/.test(status || ''), status);

    // A code action and its edit, applied: the finding goes away.
    if (unbalanced) {
      // The server offers actions without their edits to a client that resolves them (VS Code
      // does): unresolved, the action has none; resolved (the 4th argument), it has its edit.
      const lazy = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, unbalanced.range) || [];
      const lazyDisable = lazy.find((a) => a.title === 'Disable quotes.unbalanced for this line');
      check('code actions arrive without edits (resolved on demand)', lazyDisable && !lazyDisable.edit,
        JSON.stringify(lazy.map((a) => ({ title: a.title, edit: !!a.edit }))));
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, unbalanced.range,
        vscode.CodeActionKind.QuickFix.value, 10) || [];
      results.code_actions = actions.map((a) => a.title);
      const disable = actions.find((a) => a.title === 'Disable quotes.unbalanced for this line');
      const edits = disable && disable.edit ? disable.edit.get(uri) : [];
      results.code_action_edit = edits.map((e) => ({ newText: e.newText, line: e.range.start.line }));
      check('code action "Disable quotes.unbalanced for this line" inserts a comment on line 9',
        edits.length === 1 && edits[0].newText.includes('copydesk-disable-line quotes.unbalanced') &&
          edits[0].range.start.line === 8, JSON.stringify(results.code_action_edit));
      if (disable && disable.edit) {
        await vscode.workspace.applyEdit(disable.edit);
        const gone = await until(() => !vscode.languages.getDiagnostics(uri)
          .some((d) => codeOf(d) === 'quotes.unbalanced' && d.range.start.line === 8), 10000);
        check('after the edit, line 9 has no quotes.unbalanced finding', gone,
          JSON.stringify(vscode.languages.getDiagnostics(uri).map(codeOf)));
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }

    // Restart: a new server answers again.
    await vscode.commands.executeCommand('copydesk.restartServer');
    const restarted = await until(() => api.client() && api.client() !== client && api.client().isRunning() && api.client(), 10000);
    check('copydesk: Restart server starts a new server', restarted);
    if (restarted) {
      const again = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, tuesday.translate(0, 2)));
      check('the restarted server answers hovers', again.includes('2024-03-12'), again);
    }
    // copydesk: Check workspace pulls workspace/diagnostic: a file that is not open gets its
    // findings in Problems, and only then (the client does not poll the workspace by itself).
    const unopened = vscode.Uri.file(path.join(folder, 'desk', 'unopened.md'));
    const copydeskCodes = (u) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'copydesk').map(codeOf);
    await sleep(2500); // longer than the client's own workspace pull interval (2 s)
    check('before the check, a file that is not open has no findings', copydeskCodes(unopened).length === 0,
      JSON.stringify(copydeskCodes(unopened)));
    const articleBefore = copydeskCodes(uri).length;
    const tCheck = Date.now();
    const summary1 = await vscode.commands.executeCommand('copydesk.checkWorkspace');
    results.timings.check_workspace_ms = Date.now() - tCheck;
    results.check_workspace = summary1;
    check('copydesk: Check workspace checks both files of the workspace', summary1 && summary1.files === 2 &&
      summary1.findings >= 2 && summary1.filesWithFindings === 2, JSON.stringify(summary1));
    check('after the check, the unopened file has its quotes.unbalanced finding',
      copydeskCodes(unopened).includes('quotes.unbalanced'), JSON.stringify(copydeskCodes(unopened)));
    check('the unopened file was not opened by the check',
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    check('the open article\'s findings are not listed twice', copydeskCodes(uri).length === articleBefore,
      `${articleBefore} before, ${copydeskCodes(uri).length} after`);
    // Again: the server answers "unchanged" for the files the extension holds; nothing is lost.
    const summary2 = await vscode.commands.executeCommand('copydesk.checkWorkspace');
    check('a second check finds the same', JSON.stringify(summary2) === JSON.stringify(summary1), JSON.stringify(summary2));
    check('after the second check the finding is still listed', copydeskCodes(unopened).includes('quotes.unbalanced'));
    // Fixed on disk: gone at the next check. Deleted: the file leaves Problems.
    fs.writeFileSync(unopened.fsPath, UNOPENED.replace('"the vote is final.', '"the vote is final."'));
    const summary3 = await vscode.commands.executeCommand('copydesk.checkWorkspace');
    check('a file fixed on disk has no finding at the next check',
      summary3 && summary3.files === 2 && copydeskCodes(unopened).length === 0,
      `${JSON.stringify(summary3)} ${JSON.stringify(copydeskCodes(unopened))}`);
    fs.writeFileSync(unopened.fsPath, UNOPENED);
    await vscode.commands.executeCommand('copydesk.checkWorkspace');
    fs.rmSync(unopened.fsPath);
    const summary4 = await vscode.commands.executeCommand('copydesk.checkWorkspace');
    check('a deleted file leaves Problems at the next check',
      summary4 && summary4.files === 1 && vscode.languages.getDiagnostics(unopened).length === 0,
      `${JSON.stringify(summary4)} ${JSON.stringify(copydeskCodes(unopened))}`);
    fs.writeFileSync(unopened.fsPath, UNOPENED);

    // Markdown, in an unsaved buffer.
    const markdown = await vscode.workspace.openTextDocument({
      language: 'markdown', content: '---\ndate: 2024-03-13\n---\n\n# Notes\n\nThe mayor said on Monday: "we will see.\n',
    });
    const mdDiagnostics = await until(() =>
      vscode.languages.getDiagnostics(markdown.uri).some((d) => codeOf(d) === 'quotes.unbalanced'), 10000);
    check('an unsaved Markdown buffer is checked too', mdDiagnostics,
      JSON.stringify(vscode.languages.getDiagnostics(markdown.uri).map(codeOf)));

    // A wrong serverPath: no server, and an error that says which setting to fix.
    const config = vscode.workspace.getConfiguration('copydesk');
    await config.update('serverPath', '/nonexistent/copydesk', vscode.ConfigurationTarget.Workspace);
    const error = await until(() => !api.client() && api.lastError(), 10000);
    check('a missing server is reported, naming copydesk.serverPath', error && error.includes('copydesk.serverPath') &&
      error.includes('/nonexistent/copydesk'), error);
    await config.update('serverPath', results.serverPath, vscode.ConfigurationTarget.Workspace);
    const back = await until(() => api.client() && api.client().isRunning(), 10000);
    check('setting serverPath back starts the server again', back);
  } catch (error) {
    check('suite ran', false, String(error && error.stack || error));
  }
  results.timings.suite_ms = Date.now() - t0;
  results.failures = results.checks.filter((c) => !c.ok).length;
  fs.writeFileSync(path.join(folder, 'results-api.json'), JSON.stringify(results, null, 2));
};
