/**
 * Hostile-input generators for the reliability tier: TypeScript that is deep, long or odd, and catalogues mutated at
 * random (in text and on disk: symlinks, special files, size bombs). Everything is generated from a seed, so a case
 * that fails is reproduced by its seed alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A small deterministic generator (mulberry32): the same seed gives the same cases on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

export interface TypeScriptCase {
  readonly name: string;
  readonly code: string;
}

const pre = 'declare const leerling: { bsn: string; naam: string; diagnose: string };\n';

/**
 * Deep and long TypeScript, each shape at the given size: the shapes that once stopped a rule, crashed one or took
 * quadratic time (issue 13), and their relatives. `size` is the number of elements, terms, links or levels.
 */
export function hostileTypeScript(size: number): TypeScriptCase[] {
  const times = (text: string, n: number, separator = ''): string => Array.from({ length: n }, () => text).join(separator);
  // Parentheses and brackets nest to a depth TypeScript's own parser survives (it recurses once per level).
  const depth = Math.min(size, 400);
  return [
    { name: `array literal of ${size} elements`, code: `${pre}const rijen = [leerling.naam${times(', 0', size)}];\nconsole.log(leerling.bsn, rijen);\n` },
    { name: `object literal of ${size} properties`, code: `${pre}const o = { ${Array.from({ length: size }, (_, i) => `p${i}: ${i}`).join(', ')}, naam: leerling.naam };\nfetch('https://x.example', { body: JSON.stringify(o) });\n` },
    { name: `a.b + a.b + … (${size} terms)`, code: `${pre}const s = ${times('leerling.naam', size, ' + ')};\nconsole.log(s);\n` },
    { name: `template of ${size} spans`, code: `${pre}const s = \`${times('${leerling.naam}-', size)}\`;\nconsole.log(s);\n` },
    { name: `property chain of ${size} links`, code: `interface Ouder { ouder: Ouder; diagnose: string }\ndeclare const p: Ouder;\nexport const d = p${times('.ouder', size)}.diagnose;\n` },
    { name: `call chain of ${size} links`, code: `${pre}declare const q: { then(): typeof q; bsn: string };\nconsole.log(q${times('.then()', size)}.bsn);\n` },
    { name: `${depth} nested parentheses`, code: `${pre}console.log(${times('(', depth)}leerling.bsn${times(')', depth)});\n` },
    { name: `${depth} nested arrays`, code: `${pre}console.log(${times('[', depth)}leerling.bsn${times(']', depth)});\n` },
    { name: `${depth} nested arrow functions`, code: `${pre}export const f = ${times('() => ', depth)}leerling.diagnose;\n` },
    { name: `${depth} nested blocks`, code: `${pre}${times('{ ', depth)}console.log(leerling.bsn);${times(' }', depth)}\n` },
    { name: `${Math.min(size, 2_000)} assignments to one variable`, code: `${pre}let x = '';\n${times('x = x + leerling.naam;\n', Math.min(size, 2_000))}console.log(x);\n` },
    { name: `${Math.min(size, 2_000)} functions calling the next`, code: `${pre}${Array.from({ length: Math.min(size, 2_000) }, (_, i) => `function f${i}(v: string): string { return f${i + 1}(v); }`).join('\n')}\nfunction f${Math.min(size, 2_000)}(v: string): string { console.log(v); return v; }\nf0(leerling.bsn);\n` },
    { name: 'JSDoc-style function types', code: `${pre}export function maak(ctor: function(string), cb: function(new:Object, string): number, x: function(this: string, ...number)) {\n  console.log(leerling.bsn);\n  return [ctor, cb, x];\n}\n` },
    { name: 'recursive helper types over library types', code: `type DeepReadonly<T> = { readonly [K in keyof T]: DeepReadonly<T[K]> };\ntype DeepPartial<T> = { [K in keyof T]?: DeepPartial<T[K]> };\ndeclare const w: DeepReadonly<Window>;\ndeclare const d: DeepPartial<Document>;\nexport const t = [w.document.title, d.body];\nconsole.log(w.location, d);\n` },
    { name: `union type of ${Math.min(size, 5_000)} members`, code: `type U = ${Array.from({ length: Math.min(size, 5_000) }, (_, i) => `'v${i}'`).join(' | ')};\ndeclare const u: U;\nconsole.log(u);\n` },
    { name: `${Math.min(size, 5_000)} disable comments`, code: `${pre}${times('// eslint-disable-next-line avglint/no-personal-data-in-logs\nconsole.log(leerling.bsn);\n', Math.min(size, 5_000))}` },
    { name: `string of ${size * 100} characters with BSN-like numbers`, code: `export const s = '${times('111222333 ', size * 10)}';\n` },
  ];
}

/** Lines of a small valid catalogue: the mutator's starting point. */
export const BASE_CATALOGUE = [
  'version: 1',
  'organisation: Testschool',
  'roles:',
  '  zorgcoordinator: { label: Zorgcoördinator }',
  'purposes:',
  '  leerlingenzorg: { label: Leerlingenzorg }',
  'retention:',
  '  leerlingdossier:',
  '    label: Leerlingdossier',
  '    duration: P2Y',
  '    starts: leaving-school',
  'categories:',
  '  bsn:',
  '    label: BSN',
  '    identifier: true',
  '    retention: leerlingdossier',
  '    alternative: eckid',
  '    match:',
  '      names: [bsn, burgerservicenummer]',
  '  eckid:',
  '    label: ECK iD',
  '    retention: leerlingdossier',
  '    match: { names: [eckid] }',
  '  zorg:',
  '    label: Zorgdossier',
  '    special: true',
  '    retention: [leerlingdossier]',
  '    match: { names: [diagnose] }',
  'processors:',
  '  duo:',
  '    label: DUO',
  '    role: recipient',
  '    legalBasis: legal-obligation',
  '    hosts: [duo.nl]',
  '    receives: [bsn]',
  'access:',
  '  zorg:',
  '    paths: ["src/zorg/**"]',
  '    roles: [zorgcoordinator]',
  '    purposes: [leerlingenzorg]',
  'sanitisers:',
  '  - function: toEckId',
  '    removes: [bsn]',
  '    produces: eckid',
] as const;

const TOKENS = [
  ':', ': ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a', '*a', '!!js/function', '? ', '|', '>', '\t', '\u0000', '\uFEFF', '\u202E', 'é',
  '~', 'null', 'true', '0x1F', '1e999', '-.inf', '<<: *a', '---', '...', '%YAML 1.2', '\r', '\n', ' ', 'P99999999Y', 'P0D', '9999-99-99',
  '../../../etc/passwd', '/etc/passwd', 'https://x.example/c.yaml', '../base.avglint.catalogue.yaml', 'bsn', 'zorg', 'eckid', '__proto__', 'constructor',
];

export type CatalogueMutation =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'extends'; readonly text: string; readonly target: 'outside-file' | 'outside-dir' | 'dev-zero' | 'fifo' | 'directory' | 'size-bomb' | 'dangling' | 'self' };

/**
 * One mutated catalogue. Most mutations change the text (lines dropped, repeated, swapped, split; tokens inserted;
 * values made huge or deep); some make the catalogue `extends` a file that the file system makes hostile (a symlink
 * out of the repository, to /dev/zero, a FIFO, a directory, a file too large, a dangling link, itself).
 */
export function mutateCatalogue(random: Random): CatalogueMutation {
  const lines: string[] = [...BASE_CATALOGUE];
  // About a third of the cases change only what a valid catalogue may hold (comments, label texts, many entries), so
  // the hosts must also agree on catalogues that load.
  if (random.next() < 0.35) {
    const steps = 1 + random.int(3);
    for (let step = 0; step < steps; step++) {
      const at = random.int(lines.length);
      switch (random.int(3)) {
        case 0:
          lines.splice(at, 0, `${' '.repeat(random.int(4))}# ${random.pick(TOKENS)} ${'opmerking '.repeat(random.int(50))}`);
          break;
        case 1: {
          const label = lines.findIndex((line, i) => i >= at && /^\s+label: /.test(line));
          if (label >= 0) lines[label] = (lines[label] ?? '').replace(/label: .*/, `label: ${JSON.stringify(`${random.pick(TOKENS)}${'é'.repeat(random.pick([1, 1_000, 100_000]))}`)}`);
          break;
        }
        default: {
          const n = random.pick([10, 1_000, 5_000]);
          lines.splice(lines.indexOf('roles:') + 1, 0, ...Array.from({ length: n }, (_, i) => `  rol${i}: { label: Rol ${i} }`));
        }
      }
    }
  } else mutateHostile(random, lines);
  const text = `${lines.join(random.next() < 0.1 ? '\r\n' : '\n')}\n`;
  if (random.next() < 0.8) return { kind: 'text', text };
  const target = random.pick(['outside-file', 'outside-dir', 'dev-zero', 'fifo', 'directory', 'size-bomb', 'dangling', 'self'] as const);
  return { kind: 'extends', text: `extends: base/base.yaml\n${text}`, target };
}

/** Lines dropped, repeated, swapped; tokens inserted; values made huge or deep; keys changed. */
function mutateHostile(random: Random, lines: string[]): void {
  const steps = 1 + random.int(4);
  for (let step = 0; step < steps; step++) {
    const at = random.int(lines.length);
    const line = lines[at] ?? '';
    switch (random.int(11)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, line);
        break;
      case 2: {
        const other = random.int(lines.length);
        lines[at] = lines[other] ?? '';
        lines[other] = line;
        break;
      }
      case 3: {
        const column = random.int(line.length + 1);
        lines[at] = `${line.slice(0, column)}${random.pick(TOKENS)}${line.slice(column)}`;
        break;
      }
      case 4:
        lines[at] = line.replace(/\S+$/, random.pick(TOKENS));
        break;
      case 5: {
        const depth = random.pick([10, 63, 64, 65, 66, 200, 1_000, 5_000]);
        const [open, close] = random.pick([['[', ']'], ['{ a: ', ' }'], ['- ', '']] as const);
        lines[at] = `${line.replace(/:.*$/, ':')} ${open.repeat(depth)}x${close.repeat(depth)}`;
        break;
      }
      case 6:
        lines[at] = `${line.replace(/:.*$/, ':')} ${'x'.repeat(random.pick([1_000, 100_000, 1_000_000]))}`;
        break;
      case 7: {
        // Many entries: linear loading is part of what is tested.
        const n = random.pick([100, 1_000, 5_000]);
        lines.push('roles:', ...Array.from({ length: n }, (_, i) => `  rol${i}: { label: Rol ${i} }`));
        break;
      }
      case 8:
        lines[at] = line.replace(/^(\s*)/, `$1${' '.repeat(random.int(5))}`);
        break;
      case 9:
        lines.splice(at, 0, `x${at}: &a [*a]`);
        break;
      default:
        lines[at] = line.toUpperCase();
    }
  }
}

/**
 * Writes a mutated catalogue into `repo` (a fresh folder with package.json): `avglint.catalogue.yaml`, and for
 * `extends` mutations `base/base.yaml` made hostile. `outside` is a folder outside the repository holding a secret
 * file; nothing may ever be read from it. Returns the catalogue's path.
 */
export function writeMutation(repo: string, outside: string, mutation: CatalogueMutation): string {
  fs.mkdirSync(repo, { recursive: true });
  fs.writeFileSync(path.join(repo, 'package.json'), '{}\n');
  const file = path.join(repo, 'avglint.catalogue.yaml');
  fs.writeFileSync(file, mutation.text);
  if (mutation.kind !== 'extends') return file;
  const base = path.join(repo, 'base');
  const target = path.join(base, 'base.yaml');
  switch (mutation.target) {
    case 'outside-file':
      fs.mkdirSync(base, { recursive: true });
      fs.symlinkSync(path.join(outside, 'secret.yaml'), target);
      break;
    case 'outside-dir':
      // The folder itself is the link: `base/` points out of the repository.
      fs.symlinkSync(outside, base);
      fs.copyFileSync(path.join(outside, 'secret.yaml'), path.join(outside, 'base.yaml'));
      break;
    case 'dev-zero':
      fs.mkdirSync(base, { recursive: true });
      fs.symlinkSync('/dev/zero', target);
      break;
    case 'fifo':
      fs.mkdirSync(base, { recursive: true });
      makeFifo(target);
      break;
    case 'directory':
      fs.mkdirSync(target, { recursive: true });
      break;
    case 'size-bomb':
      fs.mkdirSync(base, { recursive: true });
      fs.writeFileSync(target, `version: 1\norganisation: ${'x'.repeat(12_000_000)}\n`);
      break;
    case 'dangling':
      fs.mkdirSync(base, { recursive: true });
      fs.symlinkSync(path.join(repo, 'nowhere.yaml'), target);
      break;
    case 'self':
      fs.mkdirSync(base, { recursive: true });
      fs.symlinkSync(file, target);
      break;
  }
  return file;
}

/** A FIFO at `file` (mkfifo); an ordinary file on platforms without it, so the case still runs. */
export function makeFifo(file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only the reliability tier makes FIFOs.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) fs.writeFileSync(file, 'version: 1\n');
}

/** A folder outside every generated repository, with a secret that must never be read or quoted. */
export function makeOutside(root: string): string {
  const outside = path.join(root, 'outside');
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'root:x:0:0:GEHEIM:/root:/bin/bash\nversion: 1\n');
  return outside;
}
