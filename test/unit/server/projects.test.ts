import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem, type FileSystem } from '@avglint/server/dist/host';
import { Projects } from '@avglint/server/dist/projects';
import * as ts from 'typescript';

describe('server projects: warm programs per tsconfig', () => {
  let folder: string;
  let reads: string[];
  let fileSystem: FileSystem;
  const open = new Map<string, { text: string; version: number }>();
  const documents = { get: (fileName: string) => open.get(fileName) };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-projects-'));
    fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, lib: ['es2022'], types: [] }, include: ['src'] }));
    fs.mkdirSync(path.join(folder, 'src'));
    fs.writeFileSync(path.join(folder, 'src', 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    fs.writeFileSync(path.join(folder, 'src', 'b.ts'), 'export const b = 1;\n');
    fs.writeFileSync(path.join(folder, 'loose.js'), 'var x = 1;\n');
    reads = [];
    fileSystem = { ...nodeFileSystem, readFile: (f) => (reads.push(f), nodeFileSystem.readFile(f)) };
    open.clear();
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('serves open documents over the disk, by version, from one program per tsconfig', () => {
    const projects = new Projects(documents, fileSystem, () => undefined);
    const a = path.join(folder, 'src', 'a.ts');
    open.set(a, { text: "import { b } from './b';\nexport const a = b + 1;\n", version: 1 });
    const first = projects.target(a);
    assert.ok(first?.program, 'a file the tsconfig includes is analysed with its program');
    assert.equal(first.sourceFile.text, open.get(a)?.text);
    assert.equal(first.tsconfig, path.join(folder, 'tsconfig.json'));
    assert.ok(first.program.getSourceFile(path.join(folder, 'src', 'b.ts')), 'imported modules are in the program');

    open.set(a, { text: "import { b } from './b';\nexport const a = b + 2;\n", version: 2 });
    projects.documentChanged();
    reads = [];
    const second = projects.target(a);
    assert.equal(second?.sourceFile.text, open.get(a)?.text);
    // Module resolution may look at a package.json; no source or lib file is read again.
    assert.deepEqual(reads.filter((f) => f.endsWith('.ts')), [], 'unchanged files and lib files come from the cache');
    assert.equal(projects.size, 1);
  });

  it('re-reads a file whose disk version changed, and analyses files outside any tsconfig in an inferred program', () => {
    const projects = new Projects(documents, fileSystem, () => undefined);
    const a = path.join(folder, 'src', 'a.ts');
    const b = path.join(folder, 'src', 'b.ts');
    assert.equal(projects.target(a)?.program?.getSourceFile(b)?.text, 'export const b = 1;\n');
    fs.writeFileSync(b, 'export const b = 2;\n');
    projects.diskChanged(b, 'changed');
    assert.equal(projects.target(a)?.program?.getSourceFile(b)?.text, 'export const b = 2;\n');

    // loose.js is outside the tsconfig's `include`: it belongs to the inferred program over its folder (no
    // package.json above the temp folder), which holds every source file there, as ESLint's strict parser makes it.
    const loose = projects.target(path.join(folder, 'loose.js'));
    assert.equal(loose?.sourceFile.text, 'var x = 1;\n');
    assert.equal(loose?.tsconfig, undefined);
    assert.deepEqual(loose?.program?.getRootFileNames().map((f) => path.relative(folder, f)).sort(), ['loose.js', path.join('src', 'a.ts'), path.join('src', 'b.ts')]);
    assert.equal(loose?.program?.getCompilerOptions().allowJs, true);
    assert.equal(projects.size, 2);
    assert.equal(projects.target(path.join(folder, 'missing.ts')), undefined);
  });

  it('follows require() across plain JavaScript files of a folder without a tsconfig, and sees files created later', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-plain-'));
    try {
      fs.writeFileSync(path.join(plain, 'package.json'), JSON.stringify({ name: 'plain' }));
      fs.mkdirSync(path.join(plain, 'lib'));
      fs.writeFileSync(path.join(plain, 'lib', 'api.js'), 'exports.stuur = (x) => x;\n');
      fs.writeFileSync(path.join(plain, 'lib', 'app.js'), "const { stuur } = require('./api');\nstuur(1);\n");
      const projects = new Projects(documents, fileSystem, () => undefined);
      const app = projects.target(path.join(plain, 'lib', 'app.js'));
      const program = app?.program;
      assert.ok(program, 'a plain-JS file is analysed with a program');
      const call = (app.sourceFile.statements[1] as ts.ExpressionStatement).expression as ts.CallExpression;
      const declaration = program.getTypeChecker().getSymbolAtLocation(call.expression)?.declarations?.[0];
      assert.ok(declaration, 'stuur resolves');
      // The binding element's symbol leads to api.js through the checker: the module is followed.
      const aliased = program.getTypeChecker().getSymbolAtLocation(call.expression);
      const target = aliased && aliased.flags & ts.SymbolFlags.Alias ? program.getTypeChecker().getAliasedSymbol(aliased) : aliased;
      assert.ok(target?.declarations?.some((d) => d.getSourceFile().fileName === path.join(plain, 'lib', 'api.js')), 'require() is followed to api.js');

      // The root is the package.json's folder: a file created there later joins the same program.
      fs.writeFileSync(path.join(plain, 'later.js'), 'module.exports = 1;\n');
      projects.diskChanged(path.join(plain, 'later.js'), 'created');
      assert.ok(projects.target(path.join(plain, 'later.js'))?.program?.getRootFileNames().includes(path.join(plain, 'lib', 'app.js')));
      assert.equal(projects.size, 1);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});
