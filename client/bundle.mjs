// Builds the shipped extension: esbuild bundles the client (dist/extension.js, `vscode` external) and the language
// server with the core and TypeScript (dist/server.js), then copies what the bundles read at run time: TypeScript's
// lib .d.ts files (next to the bundle, where the bundled compiler looks for them) and the catalogue's JSON Schema
// (for `yamlValidation`). `tsc -b` type-checks the same sources; this only packs them.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const require = createRequire(import.meta.url);
const production = !process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // TypeScript probes for optional modules it does not need in the server.
  external: ['vscode', 'source-map-support', '@microsoft/typescript-etw'],
};

await build({ ...common, entryPoints: [path.join(here, 'src', 'extension.ts')], outfile: path.join(dist, 'extension.js') });
await build({ ...common, entryPoints: [path.join(here, '..', 'server', 'src', 'main.ts')], outfile: path.join(dist, 'server.js') });

const tsLib = path.dirname(require.resolve('typescript'));
let libs = 0;
for (const name of fs.readdirSync(tsLib)) {
  if (/^lib\..*\.d\.ts$/.test(name)) {
    fs.copyFileSync(path.join(tsLib, name), path.join(dist, name));
    libs++;
  }
}
fs.mkdirSync(path.join(dist, 'schema'), { recursive: true });
fs.copyFileSync(require.resolve('@avglint/rules/schema/catalogue.schema.json'), path.join(dist, 'schema', 'catalogue.schema.json'));
const size = (f) => `${(fs.statSync(path.join(dist, f)).size / 1024 / 1024).toFixed(1)} MB`;
console.log(`avglint bundle: dist/extension.js ${size('extension.js')}, dist/server.js ${size('server.js')}, ${libs} TypeScript lib files, schema`);
