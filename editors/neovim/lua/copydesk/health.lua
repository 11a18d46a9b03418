-- :checkhealth copydesk
local M = {}

-- 0.7 and 0.8 have require("health").report_*; 0.9 has vim.health.report_*; 0.10+ vim.health.*.
local health = vim.health or require("health")
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local error = health.error or health.report_error
local info = health.info or health.report_info

function M.check()
  local copydesk = require("copydesk")
  start("copydesk: Neovim")
  local version = vim.version()
  local v = ("%d.%d.%d"):format(version.major, version.minor, version.patch)
  if vim.fn.has("nvim-0.7") == 1 then
    ok("Neovim " .. v)
  else
    error("Neovim " .. v .. " is too old: copydesk needs 0.7 or newer")
  end
  local f = copydesk.features
  info(("vim.lsp.start (0.8+): %s"):format(f.start and "yes" or "no; using vim.lsp.start_client"))
  if f.semantic_tokens then
    ok("semantic tokens (0.9+): dates, sources, quotes and claims are highlighted (@lsp.type.*)")
  else
    warn("no semantic tokens before Neovim 0.9: highlights come as hint diagnostics instead "
      .. "(copydesk.highlightsAsDiagnostics)")
  end
  if f.inlay_hints then
    ok("inlay hints (0.10+): resolved dates after relative ones")
  else
    info("no inlay hints before Neovim 0.10")
  end

  start("copydesk: server")
  local cmd = copydesk.command()
  local path = vim.fn.exepath(cmd[1])
  if path == "" then
    error(("'%s' is not executable or not on PATH"):format(cmd[1]),
      { "set cmd = { '/path/to/copydesk' } in require('copydesk').setup{}", "or put copydesk on PATH" })
    return
  end
  local out = vim.fn.system({ path, "--version" })
  if vim.v.shell_error == 0 then
    ok(("%s: %s"):format(path, vim.trim(out)))
  else
    error(("%s --version failed: %s"):format(path, vim.trim(out)))
  end
  info("filetypes: " .. table.concat(copydesk.config.filetypes, ", "))
  local attached = 0
  local clients = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, client in pairs(clients) do
    if client.name == "copydesk" then
      attached = attached + 1
      ok(("server running (client %d, root %s)"):format(client.id, client.config.root_dir or "?"))
    end
  end
  if attached == 0 then
    info("no copydesk server is running: open a text, markdown or mail buffer after setup()")
  end
end

return M
