// Starts code-server (a real VS Code workbench served over HTTP) on a free loopback port, with its own user data and
// extensions directories, and stops it with its whole process group: the extension host and language server it spawns
// must not outlive the test.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { toolsDir, poll, killTree } = require('./env');

const entry = path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** VS Code user settings that keep the workbench quiet and deterministic for a test. */
const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.hover.delay': 200,
  // Workbench hovers (on Problems rows, tabs, the status bar) must not pop up under the pointer while a test scrolls.
  'workbench.hover.delay': 10000,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.tsserver.web.typeAcquisition.enabled': false,
  'git.enabled': false,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Installs `vsix` and starts code-server on `workspace`. Returns `{ url, stop, logFile }`; `stop` kills the process
 * group and is safe to call twice.
 */
async function startCodeServer({ stateDir, vsix, workspace, extensionId }) {
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (vsix) {
    const installed = execFileSync(process.execPath, [entry, ...dirs, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
    process.stdout.write(installed.trim().replace(/^/gm, '    [code-server] ') + '\n');
  }
  if (vsix && extensionId) {
    const list = execFileSync(process.execPath, [entry, ...dirs, '--list-extensions'], { encoding: 'utf8' });
    if (!list.split('\n').map((s) => s.trim().toLowerCase()).includes(extensionId.toLowerCase())) {
      throw new Error(`code-server did not install ${extensionId} from ${vsix}; it lists: ${list}`);
    }
  }

  const port = await freePort();
  const logFile = path.join(stateDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [
    entry, ...dirs,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--log', 'info',
    workspace,
  ], { detached: true, stdio: ['ignore', log, log], env: { ...process.env, VSCODE_CLI_TELEMETRY_OPTOUT: '1' } });
  fs.closeSync(log);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = () => {
    if (exited || child.pid === undefined) return;
    killTree(child.pid);
    exited = true;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await poll('code-server to answer on ' + url, async () => {
      if (exited) throw new Error(`code-server exited; see ${logFile}`);
      return httpOk(`${url}/healthz`);
    }, { timeoutMs: 60000 });
  } catch (error) {
    stop();
    throw error;
  }
  return { url, port, pid: child.pid, stop, logFile, userDataDir, extensionsDir };
}

module.exports = { startCodeServer, freePort };
