-- Neovim 0.7+ headless test of editors/neovim: loads the plugin through setup(), opens the
-- fixture article and checks diagnostics, hovers, raw semantic tokens and inlay hints, a code
-- action resolved and applied by Neovim, :CopydeskSources and :checkhealth copydesk. Where the
-- Neovim has them it checks the newer paths too: vim.lsp.start reusing the client (0.8+), drawn
-- semantic tokens and the @lsp.type links (0.9+), inlay hints on (0.10+). Run by tests/editors/run
-- in Debian 12's Neovim 0.7.2 and in Debian 13's 0.10 (scripts/install-neovim-debian13):
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

local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients -- 0.10 renamed it

local function finish()
  for _, client in pairs(get_clients()) do vim.lsp.stop_client(client.id) end
  vim.wait(2000, function() return #get_clients() == 0 end, 20)
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

  results.features = copydesk.features
  -- Neovim 0.9+: the tokens are drawn, with the plugin's default highlight links.
  if copydesk.features.semantic_tokens then
    check("0.9+: highlightsAsDiagnostics stays off where Neovim draws semantic tokens",
      settings.highlightsAsDiagnostics == nil, vim.fn.json_encode(settings))
    local function drawn_types()
      local types = {}
      for _, t in ipairs(vim.lsp.semantic_tokens.get_at_pos(bufnr, tl, tc + 1) or {}) do
        types[#types + 1] = t.type
      end
      return types
    end
    vim.wait(5000, function() return vim.tbl_contains(drawn_types(), "date") end, 20)
    check("0.9+: Neovim draws Tuesday as a date token", vim.tbl_contains(drawn_types(), "date"),
      vim.fn.json_encode(drawn_types()))
    local link = vim.api.nvim_get_hl(0, { name = "@lsp.type.date" }).link
    check("0.9+: @lsp.type.date links to Number", link == "Number", tostring(link))
  end
  -- Neovim 0.10+: inlay hints are on in the buffer and show the resolved date.
  if copydesk.features.inlay_hints then
    local enabled_ok, enabled = pcall(vim.lsp.inlay_hint.is_enabled, { bufnr = bufnr })
    check("0.10+: inlay hints are enabled in the copydesk buffer", enabled_ok and enabled, tostring(enabled))
    local function shown()
      for _, item in ipairs(vim.lsp.inlay_hint.get({ bufnr = bufnr }) or {}) do
        if item.inlay_hint.label == "2024-03-12" then return item.inlay_hint end
      end
    end
    vim.wait(5000, function() return shown() ~= nil end, 20)
    check("0.10+: Neovim holds the inlay hint 2024-03-12", shown() ~= nil)
  end
  -- Neovim 0.8+: vim.lsp.start reuses the client for another buffer under the same root.
  if copydesk.features.start then
    local second = vim.fn.fnamemodify(article, ":h") .. "/second.txt"
    vim.fn.writefile({ "date 2024-03-13", 'The mayor said "maybe.' }, second)
    vim.cmd("edit " .. vim.fn.fnameescape(second))
    local second_buf = vim.api.nvim_get_current_buf()
    vim.wait(5000, function() return copydesk.client(second_buf) ~= nil end, 10)
    local other = copydesk.client(second_buf)
    check("0.8+: vim.lsp.start reuses the client for a second buffer", other ~= nil and other.id == client.id,
      other and other.id)
    vim.cmd("buffer " .. bufnr)
  end

  -- A quick fix through Neovim's own code action path: the server offers the action without its
  -- edit (Neovim declares codeAction resolveSupport), Neovim resolves it and applies the edit.
  if unbalanced then
    local offered
    local select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      for i, item in ipairs(items) do
        local title = opts.format_item and opts.format_item(item) or ""
        if tostring(title):find("Disable quotes.unbalanced for this line", 1, true) then
          offered = item.action or item[2]
          return on_choice(item, i)
        end
      end
      on_choice(nil, nil)
    end
    vim.api.nvim_win_set_cursor(0, { unbalanced.lnum + 1, unbalanced.col })
    vim.lsp.buf.code_action()
    local function line() return vim.api.nvim_buf_get_lines(bufnr, unbalanced.lnum, unbalanced.lnum + 1, false)[1] or "" end
    vim.wait(5000, function() return line():find("copydesk-disable-line quotes.unbalanced", 1, true) ~= nil end, 20)
    vim.ui.select = select
    results.code_action_offered = offered
    check("the code action was offered without its edit (to be resolved)", offered ~= nil and offered.edit == nil,
      offered and vim.fn.json_encode(offered))
    check("Neovim resolved the code action and applied its comment",
      line():find("<!-- copydesk-disable-line quotes.unbalanced -- reason -->", 1, true) ~= nil, line())
  end

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
