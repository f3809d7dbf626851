#!/usr/bin/env node
// The `avglint` command. This file is committed (not built) so that the bin npm links at `npm ci` exists before any
// build: in a fresh clone `npx avglint --help` works right after `npm ci`. It runs the compiled CLI in ../dist; in a
// checkout where that has not been built yet it builds it once with the workspace's TypeScript (`tsc -b cli`), and
// says what to run when it cannot. Plain CommonJS on purpose: no build step may stand between a clone and this file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const packageDir = path.join(__dirname, '..');
const entry = path.join(packageDir, 'dist', 'main.js');

function buildFromSource() {
  const tsconfig = path.join(packageDir, 'tsconfig.json');
  // A published package ships dist/ and no sources; only a checkout of the repository can (and must) be built.
  if (!fs.existsSync(tsconfig) || !fs.existsSync(path.join(packageDir, 'src', 'main.ts'))) return false;
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [packageDir] });
  } catch {
    return false;
  }
  process.stderr.write('avglint: the CLI is not built yet in this checkout; building it once with `tsc -b cli` …\n');
  const { spawnSync } = require('node:child_process');
  const built = spawnSync(process.execPath, [tsc, '-b', tsconfig], { stdio: ['ignore', 'inherit', 'inherit'] });
  return built.status === 0 && fs.existsSync(entry);
}

if (!fs.existsSync(entry) && !buildFromSource()) {
  process.stderr.write(
    `avglint: ${path.relative(process.cwd(), entry) || entry} does not exist.\n` +
      'In a clone of the avglint repository, build it first: `npm ci && npm run build` at the repository root.\n' +
      'In a project, reinstall the package: `npm install --save-dev avglint`.\n',
  );
  process.exitCode = 2;
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`avglint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}
