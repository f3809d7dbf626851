-- Loaded by `nvim --headless --clean -u collect.lua` (test/e2e/neovim.e2e.js). Starts avglint's language server with
-- neovim's built-in LSP client (with the `avglint` settings given), opens the files, waits until the server has
-- published diagnostics for each and gone quiet, asks for a hover in the first, and writes what the client received
-- as JSON. Written for neovim 0.7 (Debian 12), which has
-- vim.lsp.start_client/buf_attach_client but not yet vim.lsp.start.
local env = function(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('collect.lua needs $' .. name)
  end
  return value
end
local server = env('AVGLINT_NVIM_SERVER')
local files = vim.fn.json_decode(env('AVGLINT_NVIM_FILES'))
local settings = vim.fn.json_decode(os.getenv('AVGLINT_NVIM_SETTINGS') or '{}')
local out = env('AVGLINT_NVIM_OUT')
local root = env('AVGLINT_NVIM_ROOT')
local timeout = tonumber(os.getenv('AVGLINT_NVIM_TIMEOUT') or '60000')
-- How long the server must stay silent after its last publication before the diagnostics count as final.
local quiet_ms = tonumber(os.getenv('AVGLINT_NVIM_QUIET_MS') or '1500')
local hover_line = tonumber(os.getenv('AVGLINT_NVIM_HOVER_LINE') or '-1')
local hover_character = tonumber(os.getenv('AVGLINT_NVIM_HOVER_CHARACTER') or '-1')

local result = { nvim = vim.version(), files = {}, errors = {} }

local function finish()
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local buffers = {}
  local by_uri = {}
  local last_publish = nil
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    -- --clean loads no filetype plugins in every build; the language id the server receives comes from 'filetype'.
    vim.bo[bufnr].filetype = 'typescript'
    local entry = { file = file, bufnr = bufnr, uri = vim.uri_from_bufnr(bufnr), publishes = 0, lsp = {} }
    table.insert(buffers, entry)
    by_uri[entry.uri] = entry
  end

  local client_id = vim.lsp.start_client({
    name = 'avglint',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
    settings = { avglint = settings },
    -- Neovim 0.7 answers no workspace/configuration requests (it does not advertise them) and pushes no settings by
    -- itself; its docs say to send them in on_init, as nvim-lspconfig does.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        local entry = by_uri[params.uri]
        if entry ~= nil then
          entry.publishes = entry.publishes + 1
          entry.lsp = params.diagnostics
          last_publish = vim.loop.now()
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, params, ctx, config)
      end,
      ['window/logMessage'] = function(_, params)
        if params.type == 1 then
          table.insert(result.errors, params.message)
        end
      end,
    },
    on_exit = function(code, signal)
      result.exit = { code = code, signal = signal }
    end,
  })
  if client_id == nil then
    error('vim.lsp.start_client returned nil')
  end
  for _, entry in ipairs(buffers) do
    vim.lsp.buf_attach_client(entry.bufnr, client_id)
  end

  result.settled = vim.wait(timeout, function()
    if last_publish == nil or (vim.loop.now() - last_publish) < quiet_ms then
      return false
    end
    for _, entry in ipairs(buffers) do
      if #entry.lsp == 0 then
        return false
      end
    end
    return true
  end, 50)

  local client = vim.lsp.get_client_by_id(client_id)
  if client ~= nil then
    result.hover_provider = client.server_capabilities and client.server_capabilities.hoverProvider and true or false
  end

  for _, entry in ipairs(buffers) do
    -- What vim.diagnostic (the editor's own store, which signs and virtual text show) holds for the buffer.
    local stored = {}
    for _, d in ipairs(vim.diagnostic.get(entry.bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(stored, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, source = d.source or vim.NIL, code = lsp.code or vim.NIL, message = d.message,
      })
    end
    result.files[entry.file] = { publishes = entry.publishes, lsp = entry.lsp, diagnostics = stored }
  end

  if hover_line >= 0 then
    local first = buffers[1]
    local responses = vim.lsp.buf_request_sync(first.bufnr, 'textDocument/hover', {
      textDocument = { uri = first.uri },
      position = { line = hover_line, character = hover_character },
    }, 20000)
    local hover = responses and responses[client_id] and responses[client_id].result
    if hover ~= nil and hover.contents ~= nil then
      result.hover = type(hover.contents) == 'table' and (hover.contents.value or vim.fn.json_encode(hover.contents)) or hover.contents
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return result.exit ~= nil end, 50)
end)
if not ok then
  result.failure = tostring(err)
end
finish()
