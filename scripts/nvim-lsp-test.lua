-- Drives `manifestlint lsp` from Neovim's built-in LSP client (0.7.2 and
-- later): opens a manifest, waits for the diagnostics and compares them with
-- `manifestlint --format json` on the same bytes, hovers, completes, applies a
-- code action and checks the buffer and the diagnostics after it.
--
-- The client is started by the Neovim 0.7 setup of docs/lsp.md, read from
-- that file and run as it is.
--
-- Run by scripts/test-nvim-lsp.sh with MANIFESTLINT_BIN, MANIFEST_FILE and
-- LSP_DOCS set, and manifestlint on PATH:
--   nvim --headless --clean -c 'luafile scripts/nvim-lsp-test.lua'
-- Exits 0 when every check passes, 1 (cquit) on the first failure.

local bin = assert(os.getenv('MANIFESTLINT_BIN'), 'MANIFESTLINT_BIN is not set')
local file = assert(os.getenv('MANIFEST_FILE'), 'MANIFEST_FILE is not set')

local function say(msg)
  io.stdout:write(msg .. '\n')
end

local function fail(msg)
  io.stderr:write('FAIL nvim-lsp: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function check(cond, msg)
  if not cond then
    error(msg, 0)
  end
end

-- The CLI's findings for the file as it is on disk.
local function cli_findings(path)
  local out = vim.fn.system({ bin, '--format', 'json', path })
  check(vim.v.shell_error == 0 or vim.v.shell_error == 1, 'manifestlint --format json exited ' .. vim.v.shell_error .. ': ' .. out)
  local report = vim.fn.json_decode(out)
  return report.files[1].findings
end

local function sorted_diagnostics(bufnr)
  local ds = vim.diagnostic.get(bufnr)
  table.sort(ds, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    local ac = (a.user_data and a.user_data.lsp and a.user_data.lsp.code) or a.code or ''
    local bc = (b.user_data and b.user_data.lsp and b.user_data.lsp.code) or b.code or ''
    if ac ~= bc then return ac < bc end
    return a.message < b.message
  end)
  return ds
end

-- compare checks that the buffer's diagnostics are the CLI's findings:
-- same count, and for each the start and end, code (rule id for warnings),
-- severity and message. The test manifest is ASCII, so byte columns are
-- character columns.
local function compare(bufnr, findings)
  local ds = sorted_diagnostics(bufnr)
  check(#ds == #findings, string.format('%d diagnostics in Neovim, %d findings from the CLI', #ds, #findings))
  for i, f in ipairs(findings) do
    local d = ds[i]
    local code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code
    local want_code = f.code ~= '' and f.code or f.rule
    local want_sev = f.severity == 'error' and vim.diagnostic.severity.ERROR or vim.diagnostic.severity.WARN
    check(d.lnum == f.line - 1 and d.col == f.column - 1,
      string.format('finding %d at %d:%d, diagnostic at %d:%d', i, f.line, f.column, d.lnum + 1, d.col + 1))
    if f.endLine then
      check(d.end_lnum == f.endLine - 1 and d.end_col == f.endColumn - 1,
        string.format('finding %d ends at %d:%d, diagnostic at %d:%d', i, f.endLine, f.endColumn, d.end_lnum + 1, d.end_col + 1))
    end
    check(code == want_code, string.format('finding %d code %s, diagnostic %s', i, want_code, tostring(code)))
    check(d.severity == want_sev, string.format('finding %d severity %s, diagnostic %s', i, f.severity, tostring(d.severity)))
    -- The diagnostic's message is the headline, then the help on its own line.
    local want_msg = f.message
    if f.help and f.help ~= '' then want_msg = want_msg .. '\n' .. f.help end
    check(d.message == want_msg, string.format('finding %d message %q, diagnostic %q', i, want_msg, d.message))
    check(d.source == 'manifestlint', 'diagnostic source ' .. tostring(d.source))
  end
end

-- wait_equal waits until the diagnostics equal findings.
local function wait_equal(bufnr, findings, when)
  if not vim.wait(20000, function() return (pcall(compare, bufnr, findings)) end, 50) then
    local _, err = pcall(compare, bufnr, findings)
    error(when .. ', the diagnostics differ from the CLI: ' .. tostring(err), 0)
  end
end

local function find_line(bufnr, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = l:find(pattern, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error('no line with ' .. pattern, 0)
end

local function request(bufnr, method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  check(res ~= nil, method .. ': no answer (' .. tostring(err) .. ')')
  for _, r in pairs(res) do
    check(r.err == nil, method .. ': error ' .. vim.inspect(r.err))
    return r.result
  end
  error(method .. ': empty answer', 0)
end

-- docs_snippet returns the Lua block of docs/lsp.md that follows the line
-- starting with heading: the setup a user copies, run here as it is.
local function docs_snippet(heading)
  local docs = assert(os.getenv('LSP_DOCS'), 'LSP_DOCS is not set')
  local lines, found, inside = {}, false, false
  for line in io.lines(docs) do
    if not found then
      found = line:sub(1, #heading) == heading
    elseif not inside then
      inside = line == '```lua'
    elseif line == '```' then
      return table.concat(lines, '\n')
    else
      table.insert(lines, line)
    end
  end
  error('no Lua block after ' .. heading .. ' in ' .. docs, 0)
end

local function run()
  -- The Neovim 0.7 setup of docs/lsp.md, with `manifestlint` on PATH.
  assert(loadstring(docs_snippet('Neovim 0.7 (')))()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = _G.manifestlint_client
  check(client_id ~= nil, 'the docs/lsp.md setup started no client')
  check(vim.lsp.buf_is_attached(bufnr, client_id), 'the docs/lsp.md setup did not attach the buffer')

  -- 1. Diagnostics equal the CLI's findings.
  local findings = cli_findings(file)
  check(#findings > 3, 'the test manifest has only ' .. #findings .. ' findings')
  check(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == #findings end, 50),
    string.format('waited for %d diagnostics, got %d', #findings, #vim.diagnostic.get(bufnr)))
  compare(bufnr, findings)
  say(string.format('ok diagnostics: %d, equal to manifestlint --format json', #findings))

  -- 2. Hover on a key.
  local l, c = find_line(bufnr, 'eraseDevice:')
  local h = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = l, character = c + 2 } })
  check(h and h.contents and h.contents.value, 'hover: no contents')
  check(h.contents.value:find('eraseDevice', 1, true) and h.contents.value:find('required for S3 import', 1, true),
    'hover on eraseDevice: ' .. h.contents.value)
  say('ok hover')

  -- 3. Completion: in returnAddress, the missing city is offered, and a
  -- present key is not.
  l, c = find_line(bufnr, '    name:')
  vim.api.nvim_buf_set_lines(bufnr, l, l, false, { '    ci' })
  local list = request(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = l, character = 6 } })
  local items = list.items or list
  local labels = {}
  for _, it in ipairs(items) do labels[it.label] = it end
  check(labels.city ~= nil, 'completion lacks city: ' .. vim.inspect(vim.tbl_keys(labels)))
  check(labels.name == nil, 'completion offers name, which is present')
  -- Accept it as an editor would: apply its text edit.
  vim.lsp.util.apply_text_edits({ labels.city.textEdit }, bufnr, 'utf-16')
  vim.api.nvim_buf_set_text(bufnr, l, 10, l, 10, { 'Seattle' })
  check(vim.api.nvim_buf_get_lines(bufnr, l, l + 1, false)[1] == '    city: Seattle',
    'after completion the line is ' .. vim.api.nvim_buf_get_lines(bufnr, l, l + 1, false)[1])
  say('ok completion')

  -- The edits went to the server as incremental changes: the diagnostics
  -- must now be the CLI's for the edited text.
  vim.cmd('silent write')
  findings = cli_findings(file)
  wait_equal(bufnr, findings, 'after the edits')
  say('ok incremental sync')

  -- 4. Code action: suppress the PO box finding on its line.
  l, c = find_line(bufnr, 'PO Box')
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = l, character = c }, ['end'] = { line = l, character = c } },
    context = { diagnostics = {} },
  })
  local chosen
  for _, a in ipairs(actions) do
    if a.title == 'Suppress InvalidAddressException on this line' then chosen = a end
  end
  check(chosen, 'no suppression action among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, actions)))
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(bufnr, l, l + 1, false)[1]
  check(line:find('# manifestlint-ignore: InvalidAddressException -- ', 1, true), 'after the action the line is ' .. line)
  vim.cmd('silent write')
  findings = cli_findings(file)
  wait_equal(bufnr, findings, 'after the code action')
  say('ok code action')

  -- 5. A quick fix of the fix engine: eraseDevice: no -> yes (unsafe, so
  -- not preferred, and its title says so).
  l, c = find_line(bufnr, 'eraseDevice: no')
  actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = l, character = c + 13 }, ['end'] = { line = l, character = c + 13 } },
    context = { diagnostics = {} },
  })
  chosen = nil
  for _, a in ipairs(actions) do
    if a.kind == 'quickfix' and a.title:find('Set eraseDevice to', 1, true) then chosen = a end
  end
  check(chosen, 'no eraseDevice fix among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, actions)))
  check(not chosen.isPreferred and chosen.title:find('unsafe', 1, true), 'an unsafe fix offered as ' .. vim.inspect(chosen))
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  line = vim.api.nvim_buf_get_lines(bufnr, l, l + 1, false)[1]
  check(line == 'eraseDevice: yes', 'after the fix the line is ' .. line)
  vim.cmd('silent write')
  findings = cli_findings(file)
  wait_equal(bufnr, findings, 'after the quick fix')
  say('ok quick fix')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
else
  say('PASS nvim-lsp')
  vim.cmd('qall!')
end
