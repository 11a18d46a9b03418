#!/usr/bin/env python3
"""Checks the Helix snippet, since Helix itself is not packaged for Debian 12 (nor on npm).

1. editors/helix/languages.toml parses as TOML and has the keys Helix reads: a
   [language-server.copydesk] with command and args, and languages that list it.
2. The server started as the snippet says (command on PATH, args) with the snippet's `config` as
   initializationOptions, as Helix sends it, accepts those settings without a configuration
   error and publishes diagnostics, including the highlights the snippet asks for.
Usage: check.py ROOT RESULTS_JSON  (copydesk on PATH)."""
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib

root, results_path = sys.argv[1], sys.argv[2]
checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "ok": bool(ok), "detail": str(detail)[:2000]})


with open(os.path.join(root, "editors/helix/languages.toml"), "rb") as f:
    config = tomllib.load(f)
server = config.get("language-server", {}).get("copydesk", {})
check("languages.toml defines [language-server.copydesk] with command and args",
      server.get("command") == "copydesk" and server.get("args") == ["--stdio"], server)
languages = {l.get("name"): l for l in config.get("language", [])}
check("markdown lists copydesk", "copydesk" in languages.get("markdown", {}).get("language-servers", []))
text = languages.get("copydesk-text", {})
check("a plain-text language for .txt lists copydesk",
      text.get("file-types") == ["txt"] and text.get("scope") and "copydesk" in text.get("language-servers", []),
      text)

command = shutil.which(server.get("command", "copydesk"))
check("the command is on PATH", command, os.environ.get("PATH"))
article_path = os.path.join(root, "tests/editors/fixtures/article.txt")
article = open(article_path, encoding="utf-8").read()

if command:
    proc = subprocess.Popen([command, *server.get("args", [])], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(message):
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def receive():
        length = 0
        while True:
            line = proc.stdout.readline()
            if not line:
                return None
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(proc.stdout.read(length))

    uri = "file://" + article_path
    send({"id": 1, "method": "initialize", "params": {
        "processId": os.getpid(), "rootUri": None, "capabilities": {},
        "initializationOptions": server.get("config")}})
    messages, diagnostics, deadline = [], None, time.time() + 10
    while time.time() < deadline:
        message = receive()
        if message is None:
            break
        messages.append(message)
        if message.get("id") == 1:
            send({"method": "initialized", "params": {}})
            send({"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": uri, "languageId": "copydesk-text", "version": 1, "text": article}}})
        elif message.get("method") == "workspace/configuration":
            # Helix answers with the same `config`.
            send({"id": message["id"], "result": [server.get("config", {}).get("copydesk")]})
        elif message.get("method") == "client/registerCapability":
            send({"id": message["id"], "result": None})
        elif message.get("method") == "textDocument/publishDiagnostics":
            diagnostics = message["params"]["diagnostics"]
            codes = {d.get("code") for d in diagnostics}
            if "quotes.unbalanced" in codes and "copydesk.highlight" in codes:
                break
    errors = [m["params"]["message"] for m in messages
              if m.get("method") == "window/logMessage" and "configuration error" in m["params"]["message"]]
    check("the snippet's settings give no configuration error", not errors, errors)
    codes = sorted({d.get("code") for d in diagnostics or []})
    check("diagnostics include quotes.unbalanced", "quotes.unbalanced" in codes, codes)
    check("highlightsAsDiagnostics=true brings copydesk.highlight hints", "copydesk.highlight" in codes, codes)
    send({"id": 2, "method": "shutdown"})
    send({"method": "exit"})
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()

failures = sum(1 for c in checks if not c["ok"])
with open(results_path, "w") as f:
    json.dump({"checks": checks, "failures": failures}, f, indent=2)
sys.exit(1 if failures else 0)
