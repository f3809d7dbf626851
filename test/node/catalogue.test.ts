/**
 * The Node layer's catalogue on a real file system (temp folders): the repository root, the real-path rule for the
 * catalogue and every file it extends (symbolic links to files and folders that leave the repository, pipes, devices,
 * size bombs), folders whose names merely start with `..`, the one "no catalogue" problem, and the cache that notices
 * a deleted or changed catalogue.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CatalogueCache,
  FileStamps,
  findRepositoryRoot,
  loadCatalogueFile,
  locateCatalogue,
  MAX_CATALOGUE_BYTES,
  preset,
  realPathOutside,
  resolveCatalogue,
  WindowedAnswers,
  type CatalogueResolution,
} from '@avglint/node';
import { RULE_IDS, RULES, type Problem } from '@avglint/rules';
import { tempProjectsForSuite, type TempProject } from '../helpers/tempProject';
import { VALID } from '../unit/catalogue/memoryHost';

/** What a file outside the repository holds; no message may ever show any of it. */
const SECRET = 'root:x:0:0:root:/root:/bin/bash GEHEIM\n';

function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.code} ${p.message}`).join('\n');
}

interface EscapeCase {
  readonly name: string;
  /** Written on line 2 as `extends: <value>`; `extends: ` is 9 characters, so the value starts at column 10. */
  readonly value: string;
  /** Puts the link, pipe or file in place; `outside` is a folder outside the repository holding secret.yaml. */
  readonly arrange: (repo: TempProject, outside: TempProject) => void;
  readonly code: string;
}

describe('@avglint/node: the catalogue on disk', () => {
  const project = tempProjectsForSuite();
  const repository = (files: Readonly<Record<string, string>> = {}): TempProject => project({ 'package.json': '{}', ...files });
  const secretFolder = (): TempProject => project({ 'secret.yaml': SECRET, 'groep/base.yaml': VALID });

  describe('extends may not leave the repository by any path, and nothing outside is read or quoted', () => {
    const cases: readonly EscapeCase[] = [
      { name: 'a symbolic link to a file outside', value: 'groep/base.yaml', arrange: (r, o) => link(path.join(o.dir, 'secret.yaml'), r, 'groep/base.yaml'), code: 'catalogue/extends-outside-root' },
      { name: 'a file in a linked folder that leads outside', value: 'groep/secret.yaml', arrange: (r, o) => link(o.dir, r, 'groep'), code: 'catalogue/extends-outside-root' },
      { name: 'a valid catalogue outside, through a linked folder', value: 'shared/groep/base.yaml', arrange: (r, o) => link(o.dir, r, 'shared'), code: 'catalogue/extends-outside-root' },
      { name: 'a chain of two links, the second leading out', value: 'a.yaml', arrange: (r, o) => (link(path.join(o.dir, 'secret.yaml'), r, 'b.yaml'), link(path.join(r.dir, 'b.yaml'), r, 'a.yaml')), code: 'catalogue/extends-outside-root' },
      { name: 'a symbolic link to /dev/zero (never read: it would fill the memory)', value: 'zero.yaml', arrange: (r) => link('/dev/zero', r, 'zero.yaml'), code: 'catalogue/extends-outside-root' },
      { name: 'a FIFO inside the repository (never opened: it would block)', value: 'pipe.yaml', arrange: (r) => execFileSync('mkfifo', [path.join(r.dir, 'pipe.yaml')]), code: 'catalogue/extends-not-a-file' },
      { name: 'a folder named like a catalogue', value: 'folder.yaml', arrange: (r) => fs.mkdirSync(path.join(r.dir, 'folder.yaml')), code: 'catalogue/extends-not-a-file' },
      { name: 'a file over the size limit (sparse)', value: 'big.yaml', arrange: (r) => sparse(path.join(r.dir, 'big.yaml'), MAX_CATALOGUE_BYTES + 1), code: 'catalogue/extends-too-large' },
      { name: 'a relative path that leaves by `..`', value: '../elsewhere.yaml', arrange: () => undefined, code: 'catalogue/extends-outside-root' },
    ];
    for (const c of cases) {
      it(`${c.name}: ${c.code} at 2:10`, () => {
        const outside = secretFolder();
        const repo = repository({ 'avglint.catalogue.yaml': `version: 1\nextends: ${c.value}\n` });
        c.arrange(repo, outside);
        const result = loadCatalogueFile(path.join(repo.dir, 'avglint.catalogue.yaml'));
        assert.equal(result.catalogue, undefined);
        const problems = result.problems.filter((p) => p.code === c.code);
        assert.deepEqual(problems.map((p) => [path.basename(p.file), p.line, p.column]), [['avglint.catalogue.yaml', 2, 10]], describeProblems(result.problems));
        for (const p of result.problems) assert.doesNotMatch(`${p.message} ${p.hint}`, /root:x|GEHEIM/u);
      });
    }
  });

  describe('the main catalogue may not lead out of the repository either', () => {
    it('a catalogue that is a link to a file outside: catalogue/outside-root at 1:1, without its content', () => {
      const outside = secretFolder();
      const repo = repository();
      link(path.join(outside.dir, 'secret.yaml'), repo, 'avglint.catalogue.yaml');
      const file = path.join(repo.dir, 'avglint.catalogue.yaml');
      const result = resolveCatalogue(path.join(repo.dir, 'src', 'a.ts'), { setting: 'the setting' });
      assert.equal(result.file, file);
      assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.column, p.code]), [[file, 1, 1, 'catalogue/outside-root']]);
      assert.match(result.problems[0]?.message ?? '', new RegExp(`leads through a symbolic link to ${escape(fs.realpathSync(path.join(outside.dir, 'secret.yaml')))}, outside the repository`, 'u'));
      assert.doesNotMatch(JSON.stringify(result.problems), /root:x|GEHEIM/u);
    });

    it('a catalogue that is a FIFO is not a catalogue: the search passes it by, a configured one is refused, nothing blocks', () => {
      const repo = repository();
      execFileSync('mkfifo', [path.join(repo.dir, 'avglint.catalogue.yaml')]);
      assert.equal(locateCatalogue(path.join(repo.dir, 'a.ts')), undefined);
      const result = resolveCatalogue(repo.dir, { configured: path.join(repo.dir, 'avglint.catalogue.yaml'), setting: 'the setting' });
      assert.deepEqual(result.problems.map((p) => [p.line, p.column, p.code]), [[1, 1, 'catalogue/not-a-file']]);
    });

    it('a whole file that is not a block of keys is described, never quoted', () => {
      const repo = repository({ 'avglint.catalogue.yaml': 'version: 1\nextends: notes.yaml\n', 'notes.yaml': SECRET });
      const result = loadCatalogueFile(path.join(repo.dir, 'avglint.catalogue.yaml'));
      const problem = result.problems.find((p) => p.code === 'catalogue/wrong-type');
      assert.deepEqual([problem?.line, problem?.column, path.basename(problem?.file ?? '')], [1, 1, 'notes.yaml'], describeProblems(result.problems));
      assert.match(problem?.message ?? '', /must be a block of keys, but it is a text\./u);
      assert.doesNotMatch(JSON.stringify(result.problems), /root:x|GEHEIM/u);
    });
  });

  describe('what stays inside loads', () => {
    it('a link inside the repository to a file inside it', () => {
      const repo = repository({ 'groep/base.yaml': VALID, 'avglint.catalogue.yaml': 'version: 1\nextends: linked.yaml\n' });
      link(path.join(repo.dir, 'groep', 'base.yaml'), repo, 'linked.yaml');
      assert.deepEqual(loadCatalogueFile(path.join(repo.dir, 'avglint.catalogue.yaml')).problems, []);
    });

    it('folders whose names start with `..` (`..gen/`, `..groep/`) are inside', () => {
      const repo = repository({ '..groep/base.yaml': VALID, '..gen/avglint.catalogue.yaml': 'version: 1\nextends: ../..groep/base.yaml\n' });
      const result = loadCatalogueFile(path.join(repo.dir, '..gen', 'avglint.catalogue.yaml'));
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.catalogue?.files.map((f) => path.relative(repo.dir, f)), [path.join('..gen', 'avglint.catalogue.yaml'), path.join('..groep', 'base.yaml')]);
    });

    it('a repository that is itself reached through a link (real root and real target compared)', () => {
      const repo = repository({ 'groep/base.yaml': VALID, 'avglint.catalogue.yaml': 'version: 1\nextends: groep/base.yaml\n' });
      const holder = project({});
      link(repo.dir, holder, 'werk');
      assert.deepEqual(loadCatalogueFile(path.join(holder.dir, 'werk', 'avglint.catalogue.yaml')).problems, []);
    });

    it('a `.git` folder marks the root as `package.json` does, so a school folder may extend the group base above it', () => {
      const repo = project({ '.git/HEAD': 'ref: refs/heads/main\n', 'groep/base.yaml': VALID, 'scholen/noord/avglint.catalogue.yaml': 'version: 1\nextends: ../../groep/base.yaml\n' });
      const result = loadCatalogueFile(path.join(repo.dir, 'scholen', 'noord', 'avglint.catalogue.yaml'));
      assert.deepEqual(result.problems, []);
    });
  });

  describe('the repository root', () => {
    const cases: readonly (readonly [string, Readonly<Record<string, string>>, string, string])[] = [
      ['a .git folder', { '.git/HEAD': '', 'a/b/c.ts': '' }, 'a/b/c.ts', '.'],
      ['a .git file (a worktree or submodule)', { 'w/.git': 'gitdir: /x\n', 'w/src/c.ts': '' }, 'w/src/c.ts', 'w'],
      ['a package.json', { 'package.json': '{}', 'src/c.ts': '' }, 'src/c.ts', '.'],
      ['the nearest marker wins', { '.git/HEAD': '', 'packages/app/package.json': '{}', 'packages/app/src/c.ts': '' }, 'packages/app/src/c.ts', 'packages/app'],
      ['a directory as the start', { 'package.json': '{}', 'src/c.ts': '' }, 'src', '.'],
    ];
    for (const [name, files, from, expected] of cases) {
      it(`${name}: ${expected}`, () => {
        const repo = project(files);
        assert.equal(findRepositoryRoot(path.join(repo.dir, from)), path.join(repo.dir, expected));
      });
    }

    it('without any marker above, the start folder', () => {
      // The temp folder may itself lie under a marker on some machines; the fallback is what happens when none is found.
      const repo = project({ 'src/c.ts': '' });
      const root = findRepositoryRoot(path.join(repo.dir, 'src', 'c.ts'));
      assert.ok(root === path.join(repo.dir, 'src') || !root.startsWith(repo.dir), root);
    });

    it('realPathOutside names where a link really leads, and nothing for what stays inside or does not exist', () => {
      const outside = secretFolder();
      const repo = repository({ 'in.yaml': '' });
      link(path.join(outside.dir, 'secret.yaml'), repo, 'out.yaml');
      assert.equal(realPathOutside(repo.dir, path.join(repo.dir, 'out.yaml')), fs.realpathSync(path.join(outside.dir, 'secret.yaml')));
      assert.equal(realPathOutside(repo.dir, path.join(repo.dir, 'in.yaml')), undefined);
      assert.equal(realPathOutside(repo.dir, path.join(repo.dir, 'none.yaml')), undefined);
    });
  });

  describe('one "no catalogue" problem for every host', () => {
    it('nothing upward: catalogue/not-found at 1:1 of the file, naming the host setting', () => {
      const repo = repository({ 'src/a.ts': '' });
      const from = path.join(repo.dir, 'src', 'a.ts');
      const result = resolveCatalogue(from, { setting: '`--catalogue <file>`' });
      assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.column, p.code]), [[from, 1, 1, 'catalogue/not-found']]);
      assert.match(result.problems[0]?.hint ?? '', /`--catalogue <file>`/u);
    });

    it('a configured file that does not exist: the same code, at that file', () => {
      const repo = repository();
      const file = path.join(repo.dir, 'nope.yaml');
      const result = resolveCatalogue(repo.dir, { configured: file, setting: 'the setting' });
      assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.column, p.code]), [[file, 1, 1, 'catalogue/not-found']]);
    });
  });

  describe('the cache', () => {
    it('reuses a loaded catalogue, and notices a changed base, a deleted catalogue and a new one', () => {
      const repo = repository({ 'groep/base.yaml': VALID, 'avglint.catalogue.yaml': 'version: 1\nextends: groep/base.yaml\n' });
      const cache = new CatalogueCache();
      const from = path.join(repo.dir, 'src', 'a.ts');
      const resolve = (): CatalogueResolution => cache.resolve(from, { setting: 'the setting' });
      const first = resolve();
      assert.ok(first.catalogue);
      assert.equal(resolve(), first);
      repo.write('groep/base.yaml', VALID.replace('label: DUO', 'label: Dienst Uitvoering Onderwijs'));
      touchLater(path.join(repo.dir, 'groep', 'base.yaml'));
      assert.equal(resolve().catalogue?.processors.get('duo')?.label, 'Dienst Uitvoering Onderwijs');
      fs.rmSync(path.join(repo.dir, 'avglint.catalogue.yaml'));
      assert.deepEqual(resolve().problems.map((p) => p.code), ['catalogue/not-found']);
      repo.write('avglint.catalogue.yaml', 'version: 1\nextends: groep/base.yaml\n');
      assert.ok(resolve().catalogue);
    });

    it('with a recheck window (the ESLint plugin), a change is seen at the first use after the window, not before', () => {
      const repo = repository({ 'groep/base.yaml': VALID, 'avglint.catalogue.yaml': 'version: 1\nextends: groep/base.yaml\n' });
      let now = 10_000;
      const cache = new CatalogueCache(new FileStamps(1000, () => now));
      const from = path.join(repo.dir, 'src', 'a.ts');
      const label = (): string | undefined => cache.resolve(from, { setting: 'the setting' }).catalogue?.processors.get('duo')?.label;
      assert.equal(label(), 'DUO');
      repo.write('groep/base.yaml', VALID.replace('label: DUO', 'label: Dienst Uitvoering Onderwijs'));
      touchLater(path.join(repo.dir, 'groep', 'base.yaml'));
      now += 999;
      assert.equal(label(), 'DUO');
      now += 1;
      assert.equal(label(), 'Dienst Uitvoering Onderwijs');
      fs.rmSync(path.join(repo.dir, 'avglint.catalogue.yaml'));
      now += 500;
      assert.equal(label(), 'Dienst Uitvoering Onderwijs');
      now += 500;
      assert.deepEqual(cache.resolve(from, { setting: 'the setting' }).problems.map((p) => p.code), ['catalogue/not-found']);
    });

    it('a clock that goes back does not keep a stamp: the file is asked again', () => {
      const repo = repository({ 'avglint.catalogue.yaml': VALID });
      let now = 10_000;
      const stamps = new FileStamps(1000, () => now);
      const file = path.join(repo.dir, 'avglint.catalogue.yaml');
      assert.equal(stamps.isRegularFile(file), true);
      fs.rmSync(file);
      now += 10;
      assert.equal(stamps.isRegularFile(file), true);
      now -= 20;
      assert.equal(stamps.isRegularFile(file), false);
      assert.equal(stamps.modifiedTime(file), undefined);
    });
  });

  describe('answers kept for a window (what the ESLint plugin shares per folder)', () => {
    it('gives the answer made less than the window ago, then makes it again', () => {
      let now = 10_000;
      let made = 0;
      const answers = new WindowedAnswers<number>(500, () => now);
      const get = (key: string): number => answers.get(key, () => ++made);
      assert.equal(get('src'), 1);
      now += 499;
      assert.equal(get('src'), 1);
      assert.equal(get('lib'), 2, 'each key has its own answer');
      now += 1;
      assert.equal(get('src'), 3, 'at the window the answer is made again');
      assert.equal(get('lib'), 2);
    });

    it('makes the answer again after a clock that went back, and after `forget`', () => {
      let now = 10_000;
      let made = 0;
      const answers = new WindowedAnswers<number>(500, () => now);
      const get = (): number => answers.get('src', () => ++made);
      assert.equal(get(), 1);
      now -= 1;
      assert.equal(get(), 2);
      answers.forget('src');
      assert.equal(get(), 3);
      assert.equal(get(), 3);
    });
  });

  describe('presets', () => {
    it('recommended is what the registry recommends; strict is every rule with unresolved destinations reported', () => {
      assert.deepEqual([...preset('recommended').rules], RULE_IDS.filter((id) => RULES[id].recommended));
      assert.deepEqual(preset('recommended').ruleOptions, {});
      assert.deepEqual([...preset('strict').rules], [...RULE_IDS]);
      assert.deepEqual(preset('strict').ruleOptions, { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } });
    });
  });
});

function link(target: string, repo: TempProject, relative: string): void {
  const at = path.join(repo.dir, relative);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at);
}

function sparse(file: string, size: number): void {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
}

/** Moves the modification time forward, so a change within the file system's time resolution is still seen. */
function touchLater(file: string): void {
  const later = new Date(fs.statSync(file).mtimeMs + 5_000);
  fs.utimesSync(file, later, later);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
