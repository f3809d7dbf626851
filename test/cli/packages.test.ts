/**
 * The packages are publishable as they are, and the extension is ready for the Marketplace and Open VSX: checked on
 * the manifests, so a field cannot be lost silently. (test/install/run.sh packs and installs them for real.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
type Manifest = Record<string, unknown> & {
  name: string;
  private?: boolean;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  contributes?: { configuration: { properties: Record<string, unknown> } };
};
const manifest = (dir: string): Manifest => JSON.parse(read(`${dir}/package.json`)) as Manifest;
const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
const published = workspaces.filter((dir) => manifest(dir).private !== true);

describe('packages and the extension, ready to publish', () => {
  it('publishes the core, the ESLint plugin and the CLI (and the language server)', () => {
    for (const name of ['@avglint/rules', 'eslint-plugin-avglint', 'avglint', '@avglint/server']) {
      assert.ok(published.some((dir) => manifest(dir).name === name), name);
    }
  });

  for (const dir of published) {
    it(`${dir}: exports, types, files, engines, repository, keywords, README and LICENSE`, () => {
      const m = manifest(dir);
      for (const field of ['types', 'files', 'engines', 'repository', 'keywords', 'license', 'description']) assert.ok(m[field] !== undefined, `${dir} lacks ${field}`);
      if (dir !== 'server') assert.ok(m['exports'] !== undefined, `${dir} lacks exports`);
      assert.deepEqual((m['repository'] as { directory: string }).directory, dir);
      assert.ok(fs.existsSync(path.join(ROOT, dir, 'README.md')) && fs.existsSync(path.join(ROOT, dir, 'LICENSE')), dir);
      if (m.name.startsWith('@')) assert.deepEqual(m['publishConfig'], { access: 'public' }, 'a scoped package is published public');
    });

    it(`${dir}: ESLint and TypeScript are peer ranges, never pinned dependencies`, () => {
      const m = manifest(dir);
      for (const host of ['eslint', 'typescript']) {
        assert.equal(m.dependencies?.[host], undefined, `${dir} depends on ${host}`);
        const peer = m.peerDependencies?.[host];
        if (peer !== undefined) assert.match(peer, /[\^~<>|]/u, `${dir}: ${host} ${peer} is not a range`);
      }
      if (m.peerDependencies?.['eslint'] !== undefined) assert.equal(m.peerDependencies['eslint'], '^9.0.0 || ^10.0.0');
      if (m.peerDependencies?.['typescript'] !== undefined) assert.equal(m.peerDependencies['typescript'], '>=5.5 <6.1');
    });
  }

  it('the CLI bin is the committed cli/bin/avglint.js, shipped with the templates and the build assets', () => {
    const m = manifest('cli');
    assert.deepEqual(m['bin'], { avglint: 'bin/avglint.js' });
    assert.ok(read('cli/bin/avglint.js').startsWith('#!/usr/bin/env node\n'));
    assert.ok((fs.statSync(path.join(ROOT, 'cli', 'bin', 'avglint.js')).mode & 0o111) !== 0, 'executable');
    for (const entry of ['bin', 'templates', 'dist/assets']) assert.ok(m.files?.includes(entry), entry);
  });

  describe('the VS Code extension', () => {
    const client = manifest('client');

    it('has an icon (a 128×128 PNG), categories, licence, repository, changelog and a publisher', () => {
      const icon = fs.readFileSync(path.join(ROOT, 'client', client['icon'] as string));
      assert.deepEqual([...icon.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
      assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
      assert.ok(Array.isArray(client['categories']) && (client['categories'] as string[]).includes('Linters'));
      assert.equal(client['license'], 'MIT');
      assert.ok(fs.existsSync(path.join(ROOT, 'client', 'LICENSE')));
      assert.match((client['repository'] as { url: string }).url, /^https:\/\/github\.com\//u);
      assert.match(read('client/CHANGELOG.md'), /^## 0\.1\.0$/mu);
      assert.equal(client['publisher'], 'avglint');
    });

    it('ships only the bundles, TypeScript\'s libs, the schema, the manifest, README, CHANGELOG, LICENSE and the icon', () => {
      const allowed = read('client/.vscodeignore').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1));
      assert.deepEqual(allowed, ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images/icon.png', 'dist/extension.js', 'dist/server.js', 'dist/lib.*.d.ts', 'dist/schema/catalogue.schema.json']);
    });

    it('documents every setting it contributes, in its README and in docs/editor.md', () => {
      const settings = Object.keys(client.contributes?.configuration.properties ?? {});
      assert.ok(settings.length >= 6);
      for (const setting of settings) {
        assert.ok(read('client/README.md').includes(`| \`${setting}\` |`), `client/README.md: ${setting}`);
        assert.ok(read('docs/editor.md').includes(`| \`${setting}\` |`), `docs/editor.md: ${setting}`);
      }
    });
  });
});
