-- copydesk for Neovim: starts the copydesk language server for prose buffers (text, markdown and
-- mail by default). Works from Neovim 0.7: vim.lsp.start_client + buf_attach_client there,
-- vim.lsp.start from 0.8; semantic highlight groups from 0.9; inlay hints from 0.10. Where
-- Neovim cannot draw semantic tokens (0.7, 0.8) it asks the server for its highlights as hint
-- diagnostics instead (`highlightsAsDiagnostics`).
local M = {}

-- LSP SymbolKind values the server's outline uses.
local SYMBOL_SOURCE = 19 -- Object: a source, with its claims as children
local SYMBOL_GROUP = 3 -- Namespace: "Unattributed claims"

local defaults = {
  -- The server command. nil: `copydesk` on the PATH.
  cmd = nil,
  filetypes = { "text", "markdown", "mail" },
  -- The nearest folder holding one of these is the root; else the file's folder.
  root_markers = { ".copydesk.toml", ".git" },
  -- The `copydesk` settings section, as docs/configuration.md describes: dateline, rules,
  -- lists, override, debounceMs, inlayHints = { dates, sources }, highlightsAsDiagnostics,
  -- codeLens. Sent as initializationOptions and as `settings.copydesk`.
  settings = {},
  -- Link the @lsp.type.* highlight groups (0.9+) to standard groups. false: leave them alone;
  -- a table: your own links or definitions, merged over the defaults.
  highlights = true,
  -- Turn on inlay hints (0.10+) in attached buffers.
  inlay_hints = true,
  on_attach = nil,
  capabilities = nil,
}

M.config = vim.deepcopy(defaults)

-- What this Neovim can do.
M.features = {
  start = vim.lsp.start ~= nil, -- 0.8
  semantic_tokens = vim.fn.has("nvim-0.9") == 1,
  inlay_hints = vim.lsp.inlay_hint ~= nil, -- 0.10
}

-- Default highlight links, applied with `default = true` so a colour scheme's own win.
M.default_highlights = {
  ["@lsp.type.date"] = "Number",
  ["@lsp.type.time"] = "Number",
  ["@lsp.type.duration"] = "Number",
  ["@lsp.type.attributionCue"] = "Statement",
  ["@lsp.type.source"] = "Identifier",
  ["@lsp.type.quote"] = "String",
  ["@lsp.type.claim"] = "",
  ["@lsp.type.hedge"] = "Special",
  ["@lsp.typemod.source.anonymous"] = "WarningMsg",
  ["@lsp.typemod.claim.unattributed"] = "Underlined",
  ["@lsp.mod.mismatch"] = "ErrorMsg",
}

local clients_by_root = {} -- 0.7: one client per root folder, reused across buffers

local function notify(message, level)
  vim.notify("copydesk: " .. message, level or vim.log.levels.INFO)
end

-- Drops empty tables, which Neovim's JSON encoder would send as arrays ([] for {}).
local function prune(value)
  if type(value) ~= "table" then return value end
  local out = {}
  for k, v in pairs(value) do
    v = prune(v)
    if not (type(v) == "table" and next(v) == nil) then out[k] = v end
  end
  return out
end

--- The `copydesk` settings section as sent to the server.
function M.server_settings()
  local settings = vim.deepcopy(M.config.settings or {})
  if not M.features.semantic_tokens and settings.highlightsAsDiagnostics == nil then
    settings.highlightsAsDiagnostics = true
  end
  local pruned = prune(settings)
  if next(pruned) == nil then return vim.empty_dict() end
  return pruned
end

function M.command()
  if M.config.cmd then
    return type(M.config.cmd) == "string" and { M.config.cmd } or M.config.cmd
  end
  return { "copydesk" }
end

local function find_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
  local current = dir
  while current do
    for _, marker in ipairs(M.config.root_markers or {}) do
      if vim.loop.fs_stat(current .. "/" .. marker) then return current end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then break end
    current = parent
  end
  return dir
end

local function enable_inlay_hints(bufnr)
  if not (M.features.inlay_hints and M.config.inlay_hints) then return end
  -- 0.10 takes (enable, filter); the 0.10 nightlies took (bufnr, enable).
  if not pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr }) then
    pcall(vim.lsp.inlay_hint.enable, bufnr, true)
  end
end

local function on_attach(client, bufnr)
  enable_inlay_hints(bufnr)
  if M.config.on_attach then M.config.on_attach(client, bufnr) end
end

local function client_config(bufnr)
  local settings = M.server_settings()
  return {
    name = "copydesk",
    cmd = M.command(),
    root_dir = find_root(bufnr),
    init_options = { copydesk = settings },
    settings = { copydesk = settings },
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = on_attach,
  }
end

--- Starts (or reuses) the server for a buffer and attaches it. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cmd = M.command()
  if vim.fn.executable(cmd[1]) ~= 1 then
    notify(
      ("the server '%s' was not found; set cmd in require('copydesk').setup{} or put copydesk on PATH"):format(cmd[1]),
      vim.log.levels.ERROR
    )
    return nil
  end
  local config = client_config(bufnr)
  if M.features.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7: start_client once per root, then attach each buffer.
  local id = clients_by_root[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    if not id then return nil end
    clients_by_root[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- The copydesk client attached to a buffer, if any.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr })
    or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == "copydesk" then return client end
  end
  return nil
end

local function all_clients()
  return vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
end

function M.apply_highlights()
  if M.config.highlights == false then return end
  local groups = vim.tbl_extend("force", M.default_highlights,
    type(M.config.highlights) == "table" and M.config.highlights or {})
  for group, target in pairs(groups) do
    if type(target) == "string" then
      if target ~= "" then vim.api.nvim_set_hl(0, group, { link = target, default = true }) end
    elseif type(target) == "table" then
      vim.api.nvim_set_hl(0, group, vim.tbl_extend("keep", target, { default = true }))
    end
  end
end

-- LSP position (utf-16 code units, as copydesk talks to Neovim) to a 1-based byte column.
local function byte_col(bufnr, line, character)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ""
  local ok, col = pcall(vim.str_byteindex, text, character, true)
  return (ok and col or character) + 1
end

--- Sources and claims from the outline (textDocument/documentSymbol) as location-list items.
function M.source_items(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.client(bufnr)
  if not client then return nil, "no copydesk server is attached to this buffer" end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol", params, timeout_ms or 3000)
  local response = responses and responses[client.id]
  if not response then return nil, "the server did not answer" end
  if response.err then return nil, response.err.message end
  local filename = vim.api.nvim_buf_get_name(bufnr)
  local items = {}
  local function add(symbol, text)
    local start = symbol.selectionRange.start
    table.insert(items, {
      bufnr = bufnr,
      filename = filename,
      lnum = start.line + 1,
      col = byte_col(bufnr, start.line, start.character),
      text = text,
    })
  end
  for _, symbol in ipairs(response.result or {}) do
    if symbol.kind == SYMBOL_SOURCE then
      add(symbol, ("Source: %s (%s)"):format(symbol.name, symbol.detail or ""))
      for _, claim in ipairs(symbol.children or {}) do
        add(claim, ("  claim [%s]: %s"):format(claim.detail or "", claim.name))
      end
    elseif symbol.kind == SYMBOL_GROUP then
      for _, claim in ipairs(symbol.children or {}) do
        add(claim, ("No source [%s]: %s"):format(claim.detail or "", claim.name))
      end
    end
  end
  return items
end

--- :CopydeskSources: the location list of sources and claims.
function M.sources()
  local items, err = M.source_items(0)
  if not items then
    notify(err, vim.log.levels.WARN)
    return
  end
  vim.fn.setloclist(0, {}, " ", { title = "copydesk sources", items = items })
  if #items == 0 then
    notify("no sources or claims in this buffer")
  else
    vim.cmd("lopen")
  end
end

--- :CopydeskRestart: stops the copydesk clients and attaches the prose buffers again.
function M.restart()
  for _, client in pairs(all_clients()) do
    if client.name == "copydesk" then vim.lsp.stop_client(client.id) end
  end
  clients_by_root = {}
  vim.defer_fn(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
        M.attach(buf)
      end
    end
  end, 500)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  -- Lists replace, not merge.
  if opts and opts.filetypes then M.config.filetypes = opts.filetypes end
  if opts and opts.root_markers then M.config.root_markers = opts.root_markers end

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  if M.features.semantic_tokens then
    M.apply_highlights()
    vim.api.nvim_create_autocmd("ColorScheme", { group = group, callback = M.apply_highlights })
  end
  -- Buffers opened before setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
