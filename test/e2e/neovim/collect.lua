-- Loaded by `nvim --headless --clean -u collect.lua` (test/e2e/neovim.e2e.js). Starts avglint's language server with
-- neovim's built-in LSP client, opens one file, waits until the server has published its diagnostics and gone quiet,
-- asks for a hover, and writes what the client received as JSON. Written for neovim 0.7 (Debian 12), which has
-- vim.lsp.start_client/buf_attach_client but not yet vim.lsp.start.
local env = function(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('collect.lua needs $' .. name)
  end
  return value
end
local server = env('AVGLINT_NVIM_SERVER')
local file = env('AVGLINT_NVIM_FILE')
local out = env('AVGLINT_NVIM_OUT')
local root = env('AVGLINT_NVIM_ROOT')
local timeout = tonumber(os.getenv('AVGLINT_NVIM_TIMEOUT') or '60000')
-- How long the server must stay silent after its last publication before the diagnostics count as final.
local quiet_ms = tonumber(os.getenv('AVGLINT_NVIM_QUIET_MS') or '1500')
local hover_line = tonumber(os.getenv('AVGLINT_NVIM_HOVER_LINE') or '-1')
local hover_character = tonumber(os.getenv('AVGLINT_NVIM_HOVER_CHARACTER') or '-1')

local result = { nvim = vim.version(), publishes = 0, lsp = vim.NIL, errors = {} }

local function finish()
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- --clean loads no filetype plugins in every build; the language id the server receives comes from 'filetype'.
  vim.bo[bufnr].filetype = 'typescript'
  local uri = vim.uri_from_bufnr(bufnr)
  local last_publish = nil

  local client_id = vim.lsp.start_client({
    name = 'avglint',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        if params.uri == uri then
          result.publishes = result.publishes + 1
          result.lsp = params.diagnostics
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
  vim.lsp.buf_attach_client(bufnr, client_id)

  local settled = vim.wait(timeout, function()
    return last_publish ~= nil and result.publishes > 0 and #result.lsp > 0 and (vim.loop.now() - last_publish) >= quiet_ms
  end, 50)
  result.settled = settled

  local client = vim.lsp.get_client_by_id(client_id)
  if client ~= nil then
    result.server_name = client.server_info and client.server_info.name or vim.NIL
    result.hover_provider = client.server_capabilities and client.server_capabilities.hoverProvider and true or false
  end

  -- What vim.diagnostic (the editor's own store, which signs and virtual text show) holds for the buffer.
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source or vim.NIL, code = lsp.code or vim.NIL, message = d.message,
    })
  end

  if hover_line >= 0 then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
      textDocument = { uri = uri },
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
