// A second editor: neovim's built-in LSP client (Debian's neovim, headless) starts the server the way its docs say any
// editor does (`node server/dist/server.js --stdio`) and must receive exactly the planted findings, equal to what the
// core computes in-process for the same file and catalogue.
/* global describe, it, before, after */
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout, clearTimeout } = require('node:timers');
const { workspaceDir, expectedFindings, artifactsDir, e2eDir, repoRoot, killTree, copyExamples, plantedFiles, examplesRuleOptions } = require('./lib/env');

const serverJs = path.join(repoRoot, 'server', 'dist', 'server.js');

/** Runs collect.lua in headless neovim on `files` and returns what it wrote. */
function collect({ files, root, hover, settings, stateDir }) {
  const out = path.join(fs.mkdtempSync(path.join(stateDir, 'nvim-')), 'received.json');
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-u', path.join(e2eDir, 'neovim', 'collect.lua')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        AVGLINT_NVIM_SERVER: serverJs,
        AVGLINT_NVIM_FILES: JSON.stringify(files),
        AVGLINT_NVIM_SETTINGS: JSON.stringify(settings),
        AVGLINT_NVIM_OUT: out,
        AVGLINT_NVIM_ROOT: root,
        AVGLINT_NVIM_HOVER_LINE: String(hover ? hover.line : -1),
        AVGLINT_NVIM_HOVER_CHARACTER: String(hover ? hover.character : -1),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      killTree(child.pid);
      reject(new Error(`neovim did not finish within 150 s:\n${output}`));
    }, 150000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // The server is neovim's child; nothing it started may outlive the test.
      killTree(child.pid);
      if (!fs.existsSync(out)) return reject(new Error(`neovim exited ${code} without writing ${out}:\n${output}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')));
    });
  });
}

const programs = new Map();

/** The LSP diagnostics neovim received, in the shape `inProcessFindings` returns. */
const asFindings = (lsp) => lsp.map((d) => ({
  code: d.code,
  range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  message: d.message,
}));

/** The core's findings for `file`, as ESLint and the server see them: type-aware, suppressions applied. */
function inProcessFindings(file, root, ruleOptions = {}) {
  const ts = require('typescript');
  const rules = require('@avglint/rules');
  const host = { readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f) => fs.existsSync(f) };
  const catalogueFile = rules.findCatalogue(file, host);
  const { catalogue, problems } = rules.loadCatalogue(catalogueFile, host, { root });
  assert.ok(catalogue, `the fixture catalogue loads: ${JSON.stringify(problems)}`);
  if (!programs.has(root)) {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    programs.set(root, ts.createProgram({ rootNames: config.fileNames, options: config.options }));
  }
  const program = programs.get(root);
  const sourceFile = program.getSourceFile(file);
  const now = new Date();
  const result = rules.analyseFile({ sourceFile, program, catalogue, options: { now, ruleOptions } });
  const kept = rules.applySuppressions(result.findings, rules.parseSuppressions(sourceFile), sourceFile, { now });
  return kept.map((finding) => {
    const start = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
    const end = sourceFile.getLineAndCharacterOfPosition(finding.range.end);
    return { code: finding.ruleId, range: [start.line, start.character, end.line, end.character], message: finding.summary };
  });
}

const byPosition = (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.code.localeCompare(b.code);

describe('neovim (built-in LSP client, headless): the server over stdio', function () {
  this.timeout(240000);
  let stateDir;

  before(() => {
    assert.ok(fs.existsSync(serverJs), `the server is built (${serverJs}); run \`npm run build\` first`);
    stateDir = fs.mkdtempSync(path.join(process.env.AVGLINT_E2E_STATE || os.tmpdir(), 'nvim-'));
  });

  after(() => {
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
  });

  describe('the e2e fixture, default settings', () => {
    const workspace = workspaceDir();
    const file = path.join(workspace, 'src', 'leerlingen.ts');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const memberLine = lines.findIndex((line) => /^\s+bsn: string;/.test(line));
    let received;
    let mine;

    before(async () => {
      received = await collect({ files: [file], root: workspace, settings: {}, hover: { line: memberLine, character: lines[memberLine].indexOf('bsn') + 1 }, stateDir });
      fs.mkdirSync(artifactsDir, { recursive: true });
      fs.writeFileSync(path.join(artifactsDir, 'neovim-diagnostics.json'), JSON.stringify(received, null, 2));
      mine = received.files[file];
    });

    it('starts the server and settles on published diagnostics', () => {
      assert.equal(received.failure, undefined, received.failure);
      assert.equal(received.settled, true, `diagnostics arrived and stopped changing (publishes: ${mine && mine.publishes})`);
      assert.deepEqual(received.errors, []);
      assert.equal(received.hover_provider, true);
    });

    it('receives exactly the planted findings (rule id and line)', () => {
      const got = mine.lsp.filter((d) => d.source === 'avglint').map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
      const want = expectedFindings(lines.join('\n')).map((e) => `${e.line + 1} ${e.ruleId}`).sort();
      assert.deepEqual(got, want);
    });

    it('receives the same findings, ranges and messages as the in-process analysis', () => {
      assert.deepEqual(asFindings(mine.lsp).sort(byPosition), inProcessFindings(file, workspace).sort(byPosition));
    });

    it('stores them in vim.diagnostic, where signs and virtual text come from', () => {
      const stored = mine.diagnostics.map((d) => `${d.lnum}:${d.col} ${d.code} ${d.source}`).sort();
      const sent = mine.lsp.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.source}`).sort();
      assert.deepEqual(stored, sent);
    });

    it('answers a hover on catalogued data with the category and who may receive it', () => {
      assert.match(received.hover ?? '', /Burgerservicenummer \(BSN\)/);
      assert.match(received.hover, /DUO/);
    });
  });

  describe('examples/, with its ESLint rule options as neovim settings', () => {
    const examples = copyExamples();
    const files = plantedFiles(examples);
    let received;

    before(async () => {
      received = await collect({ files: files.map((f) => path.join(examples, f.relative)), root: examples, settings: { ruleOptions: examplesRuleOptions }, stateDir });
      fs.writeFileSync(path.join(artifactsDir, 'neovim-examples-diagnostics.json'), JSON.stringify(received, null, 2));
    });

    it('settles on diagnostics for every file with planted violations', () => {
      assert.equal(received.failure, undefined, received.failure);
      assert.equal(received.settled, true);
      assert.deepEqual(received.errors, []);
    });

    it('receives exactly the planted findings of every file (rule id and line)', () => {
      for (const { relative, expected } of files) {
        const got = received.files[path.join(examples, relative)].lsp.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
        assert.deepEqual(got, expected.map((e) => `${e.line + 1} ${e.ruleId}`).sort(), relative);
      }
    });

    it('receives, file by file, what the in-process analysis computes with the same options', () => {
      for (const { relative } of files) {
        const file = path.join(examples, relative);
        assert.deepEqual(asFindings(received.files[file].lsp).sort(byPosition),
          inProcessFindings(file, examples, examplesRuleOptions).sort(byPosition), relative);
      }
    });
  });
});
