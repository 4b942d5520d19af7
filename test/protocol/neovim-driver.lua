-- Drives the server through Neovim's own LSP client (headless), after sourcing the recipe from
-- server/editors/neovim-0.7.lua. Writes what it saw as JSON to $MOSQUITTO_NVIM_OUT.
local out = {}
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('MOSQUITTO_NVIM_OUT'))
  vim.cmd('qall!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('MOSQUITTO_NVIM_FILE')))
  out.filetype = vim.bo.filetype
  out.attached = vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 20)
  out.got_diagnostics = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out.diagnostics, { code = d.user_data and d.user_data.lsp and d.user_data.lsp.code, line = d.lnum, severity = d.severity })
  end
  local function at(line, col)
    vim.api.nvim_win_set_cursor(0, { line, col })
    return vim.lsp.util.make_position_params()
  end
  local function first(responses)
    for _, r in pairs(responses or {}) do
      if r.result then return r.result end
    end
  end
  local hover = first(vim.lsp.buf_request_sync(0, 'textDocument/hover', at(2, 2), 10000))
  out.hover = hover and (type(hover.contents) == 'table' and (hover.contents.value or hover.contents[1]) or hover.contents)
  local completion = first(vim.lsp.buf_request_sync(0, 'textDocument/completion', at(4, 0), 10000))
  out.completion = {}
  for _, item in ipairs(completion and (completion.items or completion) or {}) do
    table.insert(out.completion, item.label)
  end
  local params = at(2, 16)
  params.range = { start = params.position, ['end'] = params.position }
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, 1) }
  out.code_actions = {}
  for _, action in ipairs(first(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)) or {}) do
    table.insert(out.code_actions, action.title)
  end
  vim.lsp.buf.formatting_sync(nil, 10000)
  out.formatted = vim.api.nvim_buf_get_lines(0, 0, -1, false)
end)
if not ok then out.error = tostring(err) end
finish()
