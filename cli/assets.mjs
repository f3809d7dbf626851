// Copies what the CLI reads at run time from outside its own folder into cli/dist/assets, so the published package
// carries it (the repository keeps one copy of each):
//   - docs/rules/<id>.md, the rule documentation SARIF's `help` carries (formats/sarif.ts);
//   - examples/avglint.catalogue.yaml, the Veluwse Onderwijsgroep's starter catalogue `avglint init --starter` writes
//     (init points its `$schema` comment at the installed @avglint/rules).
// It also marks dist/main.js executable, for `node cli/dist/main.js`-free use of the file as a script.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(cli, '..');
const assets = path.join(cli, 'dist', 'assets');

fs.rmSync(assets, { recursive: true, force: true });
fs.mkdirSync(path.join(assets, 'docs', 'rules'), { recursive: true });
for (const name of fs.readdirSync(path.join(root, 'docs', 'rules'))) {
  if (name.endsWith('.md')) fs.copyFileSync(path.join(root, 'docs', 'rules', name), path.join(assets, 'docs', 'rules', name));
}
fs.copyFileSync(path.join(root, 'examples', 'avglint.catalogue.yaml'), path.join(assets, 'starter.catalogue.yaml'));
fs.chmodSync(path.join(cli, 'dist', 'main.js'), 0o755);
