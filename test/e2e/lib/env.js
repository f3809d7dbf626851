// Paths and settings shared by run.js and the e2e suites. run.js passes what it decided (which .vsix, which workspace)
// through environment variables, so a suite can also be run by hand with mocha once those are set.
const os = require('node:os');
const path = require('node:path');
const { setTimeout } = require('node:timers');
const fs = require('node:fs');

const e2eDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(e2eDir, '..', '..');
const toolsDir = path.join(e2eDir, '.tools');
const artifactsDir = path.join(e2eDir, 'artifacts');

/** Requires a module installed by install.sh into test/e2e/.tools, never into the root workspace. */
function requireTool(name) {
  return require(require.resolve(name, { paths: [toolsDir] }));
}

/**
 * A fresh copy of the fixture workspace for one suite (the VS Code suite edits and saves its copy), in the run's state
 * directory (AVGLINT_E2E_STATE, set by run.js) or the system's temporary directory.
 */
function workspaceDir() {
  return makeWorkspace(process.env.AVGLINT_E2E_STATE || os.tmpdir());
}

/** Copies the shared test catalogue and tsconfig plus the e2e fixture sources into a new temporary directory. */
function makeWorkspace(parent) {
  const dir = fs.mkdtempSync(path.join(parent, 'workspace-'));
  const project = path.join(repoRoot, 'test', 'fixtures', 'project');
  for (const file of ['avglint.catalogue.yaml', 'tsconfig.json']) {
    fs.copyFileSync(path.join(project, file), path.join(dir, file));
  }
  fs.cpSync(path.join(e2eDir, 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/**
 * The rule options of examples/eslint.config.mjs, as the editor setting `avglint.ruleOptions` mirrors them (the editor
 * does not read ESLint's config): the strict config's unknown and unresolved destinations, and the allowed test BSN.
 */
const examplesRuleOptions = {
  'no-bsn-literal': { allow: ['123456782'] },
  'no-unauthorised-transfer': { reportUnknownDestinations: true, reportUnresolvedDestinations: true },
};

/**
 * A copy of examples/ (the demo project a person opens first), without the SARIF the demo writes. Until examples/
 * ships its own .vscode/settings.json, the copy gets one with `examplesRuleOptions`.
 */
function copyExamples() {
  const dir = fs.mkdtempSync(path.join(process.env.AVGLINT_E2E_STATE || os.tmpdir(), 'examples-'));
  fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true, filter: (source) => !source.endsWith('.sarif') });
  const settings = path.join(dir, '.vscode', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'avglint.ruleOptions': examplesRuleOptions }, null, 2));
  }
  return dir;
}

/** The files of a workspace's src/ that plant violations, with their expected findings, sorted by path. */
function plantedFiles(workspace) {
  return fs.readdirSync(path.join(workspace, 'src'), { recursive: true })
    .map((f) => `src/${String(f).split(path.sep).join('/')}`)
    .filter((f) => /\.(ts|js)$/.test(f))
    .map((f) => ({ relative: f, expected: expectedFindings(fs.readFileSync(path.join(workspace, f), 'utf8')) }))
    .filter((f) => f.expected.length > 0)
    .sort((a, b) => a.relative.localeCompare(b.relative));
}

/**
 * The planted violations of a fixture file: `// expect: avglint/a, avglint/b` at the end of the line where each finding
 * starts (the convention examples/ uses). Lines are 0-based.
 */
function expectedFindings(text) {
  const expected = [];
  text.split('\n').forEach((line, index) => {
    const match = /\/\/ expect: (.*)$/.exec(line);
    if (!match) return;
    for (const id of match[1].split(',')) {
      expected.push({ line: index, ruleId: id.trim().replace(/^avglint\//, '') });
    }
  });
  return expected;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; the value is returned, the timeout thrown. */
async function poll(what, probe, { timeoutMs = 30000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Kills a process, everything it started (found through /proc's parent links, since VS Code starts some helpers such
 * as tsserver in process groups of their own) and its process group.
 */
function killTree(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in field 2 may hold spaces and parentheses; the parent pid follows its closing ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const all = [];
  const visit = (pid) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  for (const pid of all) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Not a group leader, or already gone.
      }
    }
  }
  return all;
}

module.exports = {
  killTree, examplesRuleOptions, copyExamples, plantedFiles, e2eDir, repoRoot, toolsDir, artifactsDir, requireTool, workspaceDir, makeWorkspace, expectedFindings, poll };
