-- mosquitto.conf in Neovim 0.7 or newer with its built-in LSP client (no plugins).
-- Put this in init.lua; `mosquitto-language-server` comes with `npm install -g mosquitto-lint`.
vim.g.do_filetype_lua = 1 -- Neovim 0.7: use the Lua filetype detection (default from 0.8)
vim.filetype.add({
  filename = { ['mosquitto.conf'] = 'mosquitto' },
  pattern = { ['.*/mosquitto/.*%.conf'] = 'mosquitto', ['.*%.mosquitto%.conf'] = 'mosquitto' },
})

local mosquitto_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'mosquitto',
  callback = function(args)
    if not mosquitto_client then
      local settings = { mosquitto = { brokerVersion = 'auto', platform = 'auto', checkPaths = true, rules = {} } }
      mosquitto_client = vim.lsp.start_client({
        name = 'mosquitto',
        cmd = { 'mosquitto-language-server', '--stdio' },
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
        settings = settings,
        -- Neovim 0.7 neither answers workspace/configuration nor pushes settings by itself:
        -- the server also reads them from the initialization options.
        init_options = { settings = settings.mosquitto },
      })
    end
    vim.lsp.buf_attach_client(args.buf, mosquitto_client)
  end,
})
-- Format with :lua vim.lsp.buf.formatting_sync() (0.7) or vim.lsp.buf.format() (0.8+).
