#!/usr/bin/env node
// `npm run test:e2e` (after `npm run build`): installs what the editor tiers need, packages the extension, makes a
// fixture workspace, runs the e2e mocha suites (VS Code in code-server + Chromium, neovim's LSP client), and kills
// every process they started, whatever happened.
//
//   node test/e2e/run.js [--harness] [--skip-install] [--only vscode|vscode-api|neovim|report]
//
// --harness installs the stand-in extension in test/e2e/harness-extension instead of avglint's, to tell a broken
// harness from a broken extension. Artefacts (screenshots, code-server's log, neovim's diagnostics) go to
// test/e2e/artifacts/.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout, clearTimeout } = require('node:timers');
const { e2eDir, repoRoot, artifactsDir } = require('./lib/env');

const args = process.argv.slice(2);
const harness = args.includes('--harness');
const skipInstall = args.includes('--skip-install');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const suites = { vscode: 'vscode.e2e.js', 'vscode-api': 'vscode-api.e2e.js', neovim: 'neovim.e2e.js', report: 'report.e2e.js' };
if (only && !suites[only]) {
  console.error(`--only takes one of ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-e2e-'));

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status}${result.signal ? `, ${result.signal}` : ''})`);
  }
}

/**
 * Kills every process whose command line mentions the state directory, with its process group: code-server and its
 * extension host and language server, Chromium (its profile lives there because the suites run with TMPDIR set to it),
 * and neovim. The suites stop what they start; this is the net under them when a suite is killed or hangs.
 */
function killLeftovers() {
  const killed = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(stateDir)) continue;
    const pid = Number(entry);
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Not a group leader, or already gone.
      }
    }
    killed.push(`${pid} ${cmdline.split('\0').join(' ').slice(0, 300)}`);
  }
  if (killed.length > 0) console.log(`[e2e] killed leftover processes:\n  ${killed.join('\n  ')}`);
}

function packageExtension() {
  if (harness) {
    const vsix = path.join(stateDir, 'avglint-e2e-harness.vsix');
    run(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '-o', vsix],
      { cwd: path.join(e2eDir, 'harness-extension') });
    return { vsix, id: 'avglint-test.avglint-e2e-harness' };
  }
  run('npm', ['run', 'package', '-w', 'client'], { cwd: repoRoot });
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'client', 'package.json'), 'utf8'));
  return { vsix: path.join(repoRoot, 'client', 'avglint.vsix'), id: `${manifest.publisher}.${manifest.name}` };
}

async function main() {
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const old of fs.readdirSync(artifactsDir)) fs.rmSync(path.join(artifactsDir, old), { recursive: true, force: true });

  if (!skipInstall) {
    const installStarted = Date.now();
    run('bash', [path.join(e2eDir, 'install.sh')]);
    console.log(`[e2e] install: ${seconds(installStarted)} s`);
  }

  // Only the VS Code suite installs the packaged extension; the vscode-API suite loads client/ as the extension under
  // development, and neovim starts the built server directly.
  let vsix = '';
  let id = '';
  if (!only || only === 'vscode') {
    const packageStarted = Date.now();
    ({ vsix, id } = packageExtension());
    console.log(`[e2e] packaged ${path.relative(repoRoot, vsix)} (${id}) in ${seconds(packageStarted)} s`);
  }

  const files = (only ? [suites[only]] : Object.values(suites)).map((file) => path.join(e2eDir, file));
  const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const testsStarted = Date.now();
  let output = '';
  const status = await new Promise((resolve) => {
    const child = spawn(process.execPath, [mocha, '--no-config', '--reporter', 'spec', '--timeout', '180000', ...files], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        TMPDIR: stateDir,
        // code-server keeps its config (~/.config/code-server/config.yaml) and data, and neovim its state, under the
        // XDG folders: inside the state folder, the user's home is left alone.
        XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
        XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
        XDG_STATE_HOME: path.join(stateDir, 'xdg-state'),
        XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
        AVGLINT_E2E_STATE: stateDir,
        AVGLINT_E2E_VSIX: vsix,
        AVGLINT_E2E_EXTENSION_ID: id,
        AVGLINT_E2E_EXTENSION: harness ? 'harness' : 'avglint',
      },
    });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    // A hung suite must not hold CI until its 90 minutes run out.
    const watchdog = setTimeout(() => {
      console.error('[e2e] the suites ran longer than 20 minutes; killing them');
      child.kill('SIGKILL');
    }, 20 * 60 * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  console.log(`[e2e] suites: ${seconds(testsStarted)} s (exit ${status})`);
  // mocha's own summary ("N passing", "N failing") in the plain form CI reads.
  const count = (word) => Number((new RegExp(`^\\s*(\\d+) ${word}`, 'm').exec(output) ?? [0, 0])[1]);
  if (/^\s*\d+ passing/m.test(output)) console.log(`e2e: ${count('passing')} passed, ${count('failing')} failed`);
  return status;
}

let exitCode = 1;
main()
  .then((status) => {
    exitCode = status;
  })
  .catch((error) => {
    console.error(`[e2e] ${error.stack || error}`);
  })
  .finally(() => {
    killLeftovers();
    for (const log of fs.readdirSync(stateDir, { recursive: true })) {
      if (String(log).endsWith('code-server.log')) fs.copyFileSync(path.join(stateDir, log), path.join(artifactsDir, 'code-server.log'));
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
    console.log(`[e2e] total: ${seconds(started)} s; artefacts in ${path.relative(repoRoot, artifactsDir)}/`);
    process.exit(exitCode);
  });
