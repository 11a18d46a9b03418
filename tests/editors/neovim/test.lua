-- Neovim 0.7+ headless test of editors/neovim: loads the plugin through setup(), opens the
-- fixture article and checks diagnostics, hovers, raw semantic tokens and inlay hints,
-- :CopydeskSources and :checkhealth copydesk. Run by tests/editors/run:
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile test.lua'
-- Environment: COPYDESK_ROOT (the repository), COPYDESK_BIN, COPYDESK_ARTICLE, COPYDESK_RESULTS.
local root = assert(os.getenv("COPYDESK_ROOT"), "COPYDESK_ROOT")
local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN")
local article = assert(os.getenv("COPYDESK_ARTICLE"), "COPYDESK_ARTICLE")
local results_file = assert(os.getenv("COPYDESK_RESULTS"), "COPYDESK_RESULTS")

local results = { version = tostring(vim.version().major .. "." .. vim.version().minor .. "." .. vim.version().patch), checks = {} }
local failures = 0

local function check(name, ok, detail)
  table.insert(results.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then failures = failures + 1 end
end

local function finish()
  local clients = vim.lsp.get_active_clients()
  for _, client in pairs(clients) do vim.lsp.stop_client(client.id) end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  results.failures = failures
  local f = assert(io.open(results_file, "w"))
  f:write(vim.fn.json_encode(results))
  f:close()
  if failures == 0 then vim.cmd("qall!") else vim.cmd("cquit 1") end
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(root .. "/editors/neovim")
  vim.cmd("filetype on")
  vim.cmd("runtime plugin/copydesk.lua")
  require("copydesk").setup({ cmd = { bin } })

  vim.cmd("edit " .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  check("filetype is text", vim.bo.filetype == "text", vim.bo.filetype)

  local copydesk = require("copydesk")
  vim.wait(5000, function() return copydesk.client(bufnr) ~= nil end, 10)
  local client = copydesk.client(bufnr)
  check("setup() attached the copydesk client", client ~= nil)
  if not client then return end

  local settings = copydesk.server_settings()
  check("highlightsAsDiagnostics is on where Neovim has no semantic tokens",
    copydesk.features.semantic_tokens or settings.highlightsAsDiagnostics == true,
    vim.fn.json_encode(settings))

  local function has_code(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == code then return d end
    end
  end
  vim.wait(8000, function() return has_code("quotes.unbalanced") ~= nil end, 10)
  local unbalanced = has_code("quotes.unbalanced")
  check("diagnostic quotes.unbalanced", unbalanced ~= nil)
  local codes = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do codes[#codes + 1] = tostring(d.code) end
  results.diagnostic_codes = codes
  if not copydesk.features.semantic_tokens then
    check("highlights arrive as copydesk.highlight hint diagnostics",
      has_code("copydesk.highlight") ~= nil, table.concat(codes, ","))
  end

  -- Positions in the fixture.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local function find(word)
    for i, line in ipairs(lines) do
      local col = line:find(word, 1, true)
      if col then return i - 1, col - 1 end
    end
  end
  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
    local response = responses and responses[client.id]
    if not response then return nil, "no answer" end
    if response.err then return nil, response.err.message end
    return response.result
  end
  local function hover_text(line, character)
    local result, e = request("textDocument/hover",
      { textDocument = { uri = uri }, position = { line = line, character = character } })
    if not result then return tostring(e) end
    local contents = result.contents
    return type(contents) == "table" and (contents.value or vim.fn.json_encode(contents)) or tostring(contents)
  end

  local tl, tc = find("Tuesday")
  local text = hover_text(tl, tc + 2)
  results.hover_tuesday = text
  check("hover on Tuesday resolves the date", text:find("2024-03-12, Tuesday", 1, true) ~= nil, text)

  if unbalanced then
    text = hover_text(unbalanced.lnum, unbalanced.col)
    results.hover_diagnostic = text
    check("hover on the diagnostic names its rule", text:find("quotes.unbalanced", 1, true) ~= nil, text)
  end

  -- Semantic tokens, raw: Neovim 0.7 cannot draw them, but the request works.
  local legend = client.server_capabilities.semanticTokensProvider.legend
  local tokens = request("textDocument/semanticTokens/full", { textDocument = { uri = uri } })
  local decoded, line, char = {}, 0, 0
  local data = tokens and tokens.data or {}
  for i = 1, #data, 5 do
    if data[i] > 0 then char = 0 end
    line = line + data[i]
    char = char + data[i + 1]
    local mods = {}
    for bit, name in ipairs(legend.tokenModifiers) do
      if math.floor(data[i + 4] / 2 ^ (bit - 1)) % 2 == 1 then mods[#mods + 1] = name end
    end
    decoded[#decoded + 1] = { line = line, character = char, length = data[i + 2],
      type = legend.tokenTypes[data[i + 3] + 1], modifiers = mods,
      text = lines[line + 1]:sub(char + 1, char + data[i + 2]) }
  end
  results.semantic_tokens = decoded
  local tuesday
  for _, t in ipairs(decoded) do
    if t.line == tl and t.character <= tc and tc < t.character + t.length then tuesday = t end
  end
  check("a semantic token covers Tuesday", tuesday ~= nil)
  check("Tuesday is a date token, relative and resolved",
    tuesday and tuesday.type == "date" and vim.tbl_contains(tuesday.modifiers, "relative")
      and vim.tbl_contains(tuesday.modifiers, "resolved"),
    tuesday and vim.fn.json_encode(tuesday))
  local by_type = {}
  for _, t in ipairs(decoded) do by_type[t.type] = (by_type[t.type] or 0) + 1 end
  check("semantic tokens include sources and attribution cues",
    (by_type.source or 0) > 0 and (by_type.attributionCue or 0) > 0, vim.fn.json_encode(by_type))

  local hints = request("textDocument/inlayHint", { textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = #lines, character = 0 } } }) or {}
  results.inlay_hints = hints
  local hint
  for _, h in ipairs(hints) do
    if h.label == "2024-03-12" then hint = h end
  end
  check("inlay hint 2024-03-12 after Tuesday",
    hint and hint.position.line == tl and hint.position.character == tc + #"Tuesday",
    vim.fn.json_encode(hints))

  -- :CopydeskSources fills the location list from textDocument/documentSymbol.
  vim.cmd("CopydeskSources")
  local items = vim.fn.getloclist(0) -- the location window shares its window's list
  local texts = {}
  for _, item in ipairs(items) do texts[#texts + 1] = item.text end
  results.sources = texts
  local joined = table.concat(texts, "\n")
  check(":CopydeskSources lists the ministry as a source",
    joined:lower():find("source: the ministry (organization)", 1, true) ~= nil, joined)
  check(":CopydeskSources lists the anonymous source",
    joined:find("(anonymous)", 1, true) ~= nil, joined)
  vim.cmd("lclose")

  vim.cmd("checkhealth copydesk")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  results.checkhealth = report
  check(":checkhealth copydesk finds the server and no errors",
    report:find("copydesk 0", 1, true) ~= nil and report:find("ERROR", 1, true) == nil, report)
end)
if not ok then check("test script ran", false, tostring(err)) end
finish()
