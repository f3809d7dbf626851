// `npm run pack` (after `npm run build`): writes every publishable package as the tarball `npm publish` would upload,
// and the VS Code extension as a .vsix, into pack/ — what test/install/run.sh installs into a fresh project, and what
// the README's "Install in your project" section installs from until the packages are on the registry.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'pack');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The workspaces that are published: every workspace whose package.json is not private. */
const rootManifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const published = rootManifest.workspaces.filter((dir) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  return manifest.private !== true;
});

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const packed = JSON.parse(
  execFileSync(npm, ['pack', '--json', '--pack-destination', out, ...published.flatMap((dir) => ['-w', dir])], { cwd: root, encoding: 'utf8' }),
);
execFileSync(npm, ['run', 'package', '-w', 'client'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
fs.copyFileSync(path.join(root, 'client', 'avglint.vsix'), path.join(out, 'avglint.vsix'));

for (const p of packed) console.log(`pack/${p.filename}  ${(p.size / 1024).toFixed(0)} kB, ${p.entryCount} files  (${p.name}@${p.version})`);
console.log(`pack/avglint.vsix  ${(fs.statSync(path.join(out, 'avglint.vsix')).size / 1024 / 1024).toFixed(1)} MB`);
