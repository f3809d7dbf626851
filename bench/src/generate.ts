/**
 * Generates a synthetic school-integration TypeScript project for the benchmarks: API clients for DUO, Somtoday, a
 * learning-materials vendor, Cito and a consent-based care partner; TypeORM-style entities; services, reports and
 * planning code; zorg modules under src/zorg/; its own avglint.catalogue.yaml and tsconfig.json.
 *
 * The code is mostly clean. Each rule gets a known number of planted violations in one simple, unambiguous form, and
 * every planted violation is written to the manifest (expected.json) with its file and line, so the benchmark can
 * check that avglint finds exactly what was planted and nothing else.
 *
 * Deterministic: the same seed and size produce byte-identical files (seeded PRNG, no clock, no Math.random).
 *
 * Usage: node bench/dist/generate.js [--files 2000] [--seed avglint] [--out bench/corpus/<files>]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillerBlock } from './filler';
import { RULE_IDS as ALL_RULE_IDS, type RuleId } from '@avglint/rules';
import { Prng } from './prng';

/** Bumped whenever the generated output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 8;

// The rules come from the registry: a new rule fails to compile here until the generator plants it too.
/** The rules a corpus plants violations of: every rule but `catalogue`, which reports a broken catalogue. */
export const RULE_IDS: readonly PlantedRule[] = ALL_RULE_IDS.filter((id): id is PlantedRule => id !== 'catalogue');
export type PlantedRule = Exclude<RuleId, 'catalogue'>;

export interface PlantedViolation {
  /** Path relative to the corpus root, with `/`. */
  readonly file: string;
  /** 1-based line on which the finding starts. */
  readonly line: number;
  readonly rule: PlantedRule;
}

export interface Manifest {
  readonly generatorVersion: number;
  readonly seed: string;
  readonly files: number;
  readonly lines: number;
  readonly catalogue: string;
  readonly tsconfig: string;
  /** The 1,000-line file the server benchmark edits, and the 0-based line after which edits insert statements. */
  readonly serverFile: { readonly path: string; readonly lines: number; readonly insertAfterLine: number };
  readonly violations: Readonly<Record<PlantedRule, number>>;
  readonly locations: readonly PlantedViolation[];
}

export interface GenerateOptions {
  readonly files: number;
  readonly outDir: string;
  readonly seed?: string;
}

const D = '$';
const FIXED_FILES = 13;
const UNIT_KINDS = ['entity', 'mapper', 'repository', 'service', 'report', 'validation', 'planning', 'statistiek'] as const;
const ZORG_KINDS = ['dossier', 'overdracht', 'signalering', 'plan'] as const;
type UnitKind = (typeof UNIT_KINDS)[number];
type ZorgKind = (typeof ZORG_KINDS)[number];
export const MIN_FILES = FIXED_FILES + UNIT_KINDS.length;

/** Which kinds of file may host which planted violation. */
const HOSTS: Readonly<Record<PlantedRule, readonly UnitKind[]>> = {
  'no-unauthorised-access': ['report'],
  'no-unauthorised-transfer': ['service'],
  'require-retention': ['entity'],
  'no-personal-data-in-logs': ['service', 'report'],
  'no-bsn-literal': ['validation', 'report', 'service'],
  'require-consent-check': ['service'],
  'require-suppression-reason': ['validation', 'repository', 'mapper'],
};

const AREAS = ['inschrijving', 'rooster', 'absentie', 'toetsing', 'leermiddelen', 'mentoraat', 'ouderportaal', 'stage', 'examen', 'financien'];
const SERVER_FILE = 'src/services/leerlingportaal.ts';

/** Lines of one file plus the planted violations in it, with line numbers tracked as lines are added. */
class SourceBuilder {
  readonly lines: string[] = [];
  readonly planted: PlantedViolation[] = [];

  constructor(readonly file: string) {}

  add(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Adds lines; the line at `markIndex` is where the finding for `rule` starts. */
  plant(rule: PlantedRule, markIndex: number, lines: string[]): void {
    this.planted.push({ file: this.file, line: this.lines.length + markIndex + 1, rule });
    this.lines.push(...lines);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

interface Unit {
  readonly index: number;
  readonly zorg: boolean;
  readonly slug: string;
  readonly dir: string;
  readonly kinds: readonly string[];
}

/** A 9-digit number that passes the BSN elfproef; never starting with 0 or 10 (so it is not an onderwijsnummer). */
export function elfproefNumber(prng: Prng): string {
  for (;;) {
    const digits = [prng.int(2, 9)];
    for (let i = 1; i < 8; i++) digits.push(prng.int(0, 9));
    const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
    const last = sum % 11;
    if (last === 10) continue;
    return [...digits, last].join('');
  }
}

export function passesElfproef(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  return (sum - Number(value[8])) % 11 === 0;
}

function relImport(fromFile: string, toFile: string): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile.replace(/\.ts$/, ''));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function planningImport(file: string): string {
  return `import type { Dag, Les, Periode, Vak } from '${relImport(file, 'src/lib/planning.ts')}';`;
}

export function generateCorpus(options: GenerateOptions): Manifest {
  const seed = options.seed ?? 'avglint';
  if (options.files < MIN_FILES) throw new Error(`the corpus needs at least ${MIN_FILES} files`);
  const prng = new Prng(`${seed}/${options.files}`);

  // Lay out the units: regular modules, with a zorg module as every fifth unit, until the file count is reached.
  const units: Unit[] = [];
  let remaining = options.files - FIXED_FILES;
  for (let index = 0; remaining > 0; index++) {
    const zorg = index % 5 === 1;
    const allKinds: readonly string[] = zorg ? ZORG_KINDS : UNIT_KINDS;
    const kinds = allKinds.slice(0, Math.min(allKinds.length, remaining));
    remaining -= kinds.length;
    const area = AREAS[index % AREAS.length] ?? 'module';
    const slug = `${area}${String(index).padStart(4, '0')}`;
    units.push({ index, zorg, slug, dir: zorg ? `src/zorg/${slug}` : `src/modules/${slug}`, kinds });
  }

  // Distribute the planted violations: a known count per rule, over the files that can host that form.
  const perRule = Math.max(1, Math.round(options.files / 100));
  const slots = new Map<string, PlantedRule[]>();
  const addSlot = (file: string, rule: PlantedRule): void => {
    const list = slots.get(file) ?? [];
    list.push(rule);
    slots.set(file, list);
  };
  for (const rule of RULE_IDS) {
    let count = perRule;
    // The server benchmark's file carries one log and one transfer violation, so its diagnostics are not empty.
    if (rule === 'no-personal-data-in-logs' || rule === 'no-unauthorised-transfer') {
      addSlot(SERVER_FILE, rule);
      count -= 1;
    }
    const hosts: string[] = [];
    for (const unit of units) {
      if (unit.zorg) continue;
      for (const kind of unit.kinds) if ((HOSTS[rule] as readonly string[]).includes(kind)) hosts.push(`${unit.dir}/${kind}.ts`);
    }
    for (let i = 0; i < count; i++) addSlot(prng.pick(hosts), rule);
  }

  const outDir = options.outDir;
  fs.rmSync(path.join(outDir, 'src'), { recursive: true, force: true });
  const written: SourceBuilder[] = [];
  const emit = (builder: SourceBuilder): void => {
    written.push(builder);
    const target = path.join(outDir, builder.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, builder.text());
  };

  for (const builder of fixedFiles(prng, slots)) emit(builder);
  const regular = units.filter((u) => !u.zorg && u.kinds.length === UNIT_KINDS.length);
  for (const unit of units) {
    for (const kind of unit.kinds) {
      const file = `${unit.dir}/${kind}.ts`;
      const builder = new SourceBuilder(file);
      const planted = slots.get(file) ?? [];
      if (unit.zorg) zorgFile(builder, unit, kind as ZorgKind, prng);
      else unitFile(builder, unit, kind as UnitKind, planted, regular, prng);
      emit(builder);
    }
  }

  fs.writeFileSync(path.join(outDir, 'avglint.catalogue.yaml'), CATALOGUE);
  fs.writeFileSync(path.join(outDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);

  const locations = written.flatMap((b) => b.planted).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const violations = Object.fromEntries(RULE_IDS.map((rule) => [rule, locations.filter((l) => l.rule === rule).length])) as Record<PlantedRule, number>;
  const server = written.find((b) => b.file === SERVER_FILE);
  const anchor = server ? server.lines.indexOf('  // bewerkingen') : -1;
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files: written.length,
    lines: written.reduce((sum, b) => sum + b.lines.length, 0),
    catalogue: 'avglint.catalogue.yaml',
    tsconfig: 'tsconfig.json',
    serverFile: { path: SERVER_FILE, lines: server?.lines.length ?? 0, insertAfterLine: anchor },
    violations,
    locations,
  };
  fs.writeFileSync(path.join(outDir, 'expected.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest of a corpus, or undefined when there is none or it was made by another generator version. */
export function readManifest(outDir: string, files: number, seed = 'avglint'): Manifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'expected.json'), 'utf8')) as Manifest;
    if (manifest.generatorVersion === GENERATOR_VERSION && manifest.files === files && manifest.seed === seed) return manifest;
  } catch {
    // No corpus yet, or an unreadable one: the caller regenerates it.
  }
  return undefined;
}

export function ensureCorpus(outDir: string, files: number, seed = 'avglint'): Manifest {
  return readManifest(outDir, files, seed) ?? generateCorpus({ files, outDir, seed });
}

// ---------------------------------------------------------------------------------------------------------------
// Planted violations: one form per rule (five store kinds for require-retention), each on a single line so the
// expected line is unambiguous.

function plantViolation(b: SourceBuilder, rule: PlantedRule, tag: string, prng: Prng): void {
  switch (rule) {
    case 'no-unauthorised-transfer':
      // Six forms real code uses: fetch directly, a project wrapper class whose base URL is given at the `new`
      // site, a wrapper function whose URL each caller passes, an injected Angular HttpClient, a beacon and a
      // navigation to another site with the data in its query string.
      switch (prng.int(0, 5)) {
        case 3:
          b.plant(rule, 4, [
            `import { HttpClient as HttpClient${tag} } from '@angular/common/http';`,
            `export class AccountService${tag} {`,
            `  constructor(private readonly http: HttpClient${tag}) {}`,
            `  koppel(leerling: Leerling): unknown {`,
            `    return this.http.post('https://api.leermiddel.example/v1/accounts', { bsn: leerling.bsn, klas: leerling.klas });`,
            `  }`,
            `}`,
            ``,
          ]);
          return;
        case 4:
          b.plant(rule, 1, [
            `export function meldBezoek${tag}(leerling: Leerling): void {`,
            `  navigator.sendBeacon('https://api.leermiddel.example/v1/bezoek', JSON.stringify({ bsn: leerling.bsn, klas: leerling.klas }));`,
            `}`,
            ``,
          ]);
          return;
        case 5:
          b.plant(rule, 1, [
            `export function openPortaal${tag}(leerling: Leerling): void {`,
            `  location.assign(\`https://api.leermiddel.example/v1/portaal?bsn=${D}{encodeURIComponent(leerling.bsn)}\`);`,
            `}`,
            ``,
          ]);
          return;
        case 0:
          b.plant(rule, 1, [
            `export async function koppelAccount${tag}(leerling: Leerling): Promise<void> {`,
            `  await fetch('https://api.leermiddel.example/v1/accounts', { method: 'POST', body: JSON.stringify({ bsn: leerling.bsn, klas: leerling.klas }) });`,
            `}`,
            ``,
          ]);
          return;
        case 1:
          b.plant(rule, 7, [
            `class AccountApi${tag} {`,
            `  constructor(private readonly basis: string) {}`,
            `  verstuur(pad: string, data: unknown): Promise<Response> {`,
            `    return fetch(this.basis + pad, { method: 'POST', body: JSON.stringify(data) });`,
            `  }`,
            `}`,
            `export async function koppelAccount${tag}(leerling: Leerling): Promise<void> {`,
            `  await new AccountApi${tag}('https://api.leermiddel.example/v1').verstuur('/accounts', { bsn: leerling.bsn, klas: leerling.klas });`,
            `}`,
            ``,
          ]);
          return;
        default:
          b.plant(rule, 4, [
            `function verstuurNaar${tag}(url: string, data: unknown): Promise<Response> {`,
            `  return fetch(url, { method: 'POST', body: JSON.stringify(data) });`,
            `}`,
            `export async function koppelAccount${tag}(leerling: Leerling): Promise<void> {`,
            `  await verstuurNaar${tag}('https://api.leermiddel.example/v1/accounts', { bsn: leerling.bsn, klas: leerling.klas });`,
            `  await verstuurNaar${tag}('https://api.duo.nl/bron/leerlingen', { bsn: leerling.bsn });`,
            `}`,
            ``,
          ]);
          return;
      }
    case 'require-consent-check':
      b.plant(rule, 1, [
        `export async function meldAanBijZorgpartner${tag}(leerling: Leerling): Promise<void> {`,
        `  await fetch('https://portaal.jeugdzorg.example/api/aanmeldingen', { method: 'POST', body: JSON.stringify({ naam: leerling.naam, klas: leerling.klas }) });`,
        `}`,
        ``,
      ]);
      return;
    case 'no-personal-data-in-logs':
      b.plant(rule, 1, [
        `export function meldFout${tag}(leerling: Leerling, fout: Error): void {`,
        `  console.log('synchronisatie mislukt', leerling.bsn, fout.message);`,
        `}`,
        ``,
      ]);
      return;
    case 'no-unauthorised-access':
      b.plant(rule, 1, [
        `export function heeftPlan${tag}(dossier: Zorgdossier): boolean {`,
        `  return dossier.handelingsplan.length > 0;`,
        `}`,
        ``,
      ]);
      return;
    case 'require-retention': {
      // One of the store kinds, each reported on its marked line: an entity, raw SQL, a Prisma Client write, a Web
      // Storage property write and a cookie.
      const form = prng.pick(['entity', 'sql', 'prisma', 'localStorage', 'cookie'] as const);
      const fn = `export async function bewaar${tag}(`;
      if (form === 'sql') {
        b.plant(rule, 1, [`${fn}db: { query(sql: string, values: unknown[]): Promise<unknown> }, naam: string): Promise<void> {`, `  await db.query('INSERT INTO notities (naam, tekst) VALUES ($1, $2)', [naam, '']);`, `}`, ``]);
      } else if (form === 'prisma') {
        b.plant(rule, 1, [`${fn}prisma: { notitie: { create(args: unknown): Promise<unknown> } }, naam: string): Promise<void> {`, `  await prisma.notitie.create({ data: { naam, tekst: '' } });`, `}`, ``]);
      } else if (form === 'localStorage') {
        b.plant(rule, 1, [`${fn}naam: string): Promise<void> {`, `  localStorage.roepnaam = naam;`, `}`, ``]);
      } else if (form === 'cookie') {
        b.plant(rule, 1, [`${fn}naam: string): Promise<void> {`, `  document.cookie = \`naam=${D}{encodeURIComponent(naam)}; path=/\`;`, `}`, ``]);
      } else {
        b.plant(rule, 1, [
          `@Entity('notitie_${tag.toLowerCase()}')`,
          `export class Notitie${tag} {`,
          `  @PrimaryColumn()`,
          `  id!: string;`,
          ``,
          `  @Column()`,
          `  naam!: string;`,
          ``,
          `  @Column()`,
          `  tekst!: string;`,
          `}`,
          ``,
        ]);
      }
      return;
    }
    case 'no-bsn-literal':
      b.plant(rule, 0, [`export const IMPORT_REFERENTIE_${tag} = '${elfproefNumber(prng)}';`, ``]);
      return;
    case 'require-suppression-reason':
      b.plant(rule, 0, [`// eslint-disable-next-line avglint/no-bsn-literal`, `export const VERSIE_${tag} = '${prng.int(1, 9)}.${prng.int(0, 20)}';`, ``]);
      return;
  }
}

/** Adds filler blocks and the planted violations (at random points between blocks) until the file has ~target lines. */
function body(b: SourceBuilder, tag: string, target: number, planted: readonly PlantedRule[], prng: Prng): void {
  const pending = [...planted];
  let block = 0;
  while (b.lines.length < target || pending.length > 0) {
    const rule = pending.length > 0 && (b.lines.length >= target || prng.next() < 0.3) ? pending.shift() : undefined;
    if (rule) plantViolation(b, rule, `${tag}V${block}`, prng);
    else b.add(...fillerBlock(`${tag}F${block}`, prng), '');
    block++;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Regular modules.

function unitFile(b: SourceBuilder, unit: Unit, kind: UnitKind, planted: readonly PlantedRule[], regular: readonly Unit[], prng: Prng): void {
  const u = unit.index;
  const tag = `U${u}${kind.slice(0, 2).toUpperCase()}`;
  const target = prng.int(100, 200);
  const f = b.file;
  const needs = (rule: PlantedRule): boolean => planted.includes(rule);
  b.add(`// ${unit.slug}/${kind}: generated by avglint's benchmark generator.`);
  b.add(planningImport(f));
  if (needs('no-unauthorised-access')) b.add(`import type { Zorgdossier } from '${relImport(f, 'src/zorg/types.ts')}';`);

  switch (kind) {
    case 'entity': {
      b.add(`import { Column, Entity, PrimaryColumn } from 'typeorm';`, '');
      const personal = prng.pick(['inschrijving', 'contact', 'uitslag'] as const);
      if (personal === 'inschrijving') {
        b.add(
          `/**`,
          ` * Een inschrijving zoals Somtoday die levert; bewaard zolang het leerlingdossier.`,
          ` * @retention leerlingdossier`,
          ` */`,
          `@Entity('inschrijving_${u}')`,
          `export class Inschrijving${u} {`,
          `  @PrimaryColumn()`,
          `  id!: string;`,
          ``,
          `  @Column()`,
          `  leerlingId!: string;`,
          ``,
          `  @Column()`,
          `  naam!: string;`,
          ``,
          `  @Column({ nullable: true })`,
          `  bsn!: string;`,
          ``,
          `  @Column()`,
          `  klas!: string;`,
          `}`,
          ``,
        );
      } else if (personal === 'contact') {
        b.add(
          `/**`,
          ` * Contactgegevens van de leerling voor het ouderportaal.`,
          ` * @retention leerlingdossier`,
          ` */`,
          `@Entity('contact_${u}')`,
          `export class Inschrijving${u} {`,
          `  @PrimaryColumn()`,
          `  id!: string;`,
          ``,
          `  @Column()`,
          `  leerlingId!: string;`,
          ``,
          `  @Column()`,
          `  email!: string;`,
          ``,
          `  @Column()`,
          `  naam!: string;`,
          ``,
          `  @Column()`,
          `  klas!: string;`,
          `}`,
          ``,
        );
      } else {
        b.add(
          `/** @retention examen */`,
          `@Entity('uitslag_${u}')`,
          `export class Inschrijving${u} {`,
          `  @PrimaryColumn()`,
          `  id!: string;`,
          ``,
          `  @Column()`,
          `  leerlingId!: string;`,
          ``,
          `  @Column()`,
          `  vak!: string;`,
          ``,
          `  @Column()`,
          `  cijfer!: number;`,
          ``,
          `  @Column()`,
          `  klas!: string;`,
          `}`,
          ``,
        );
      }
      b.add(
        `/** De inschrijving in de eigen database en de sessie van het portaal; bewaard zolang het leerlingdossier. */`,
        `/** @retention leerlingdossier */`,
        `export async function bewaarInschrijving${u}(db: { query(sql: string, values: unknown[]): Promise<unknown> }, prisma: { inschrijving: { upsert(args: unknown): Promise<unknown> } }, naam: string, klas: string): Promise<void> {`,
        `  await db.query('INSERT INTO inschrijving_${u} (naam, klas) VALUES ($1, $2)', [naam, klas]);`,
        `  await prisma.inschrijving.upsert({ where: { naam }, create: { naam, klas }, update: { klas } });`,
        `  document.cookie = \`klas=${D}{klas}; max-age=3600\`;`,
        `}`,
        ``,
        `/** Lokaalgegevens: geen persoonsgegevens, dus geen bewaartermijn nodig. */`,
        `@Entity('lokaal_${u}')`,
        `export class Lokaal${u} {`,
        `  @PrimaryColumn()`,
        `  code!: string;`,
        ``,
        `  @Column()`,
        `  capaciteit!: number;`,
        ``,
        `  @Column()`,
        `  verdieping!: number;`,
        `}`,
        ``,
      );
      break;
    }
    case 'mapper': {
      b.add(
        `import type { Leerling } from '${relImport(f, 'src/domain/leerling.ts')}';`,
        `import { Inschrijving${u} } from './entity';`,
        ``,
        `export function naarRecord${u}(leerling: Leerling): Inschrijving${u} {`,
        `  const record = new Inschrijving${u}();`,
        `  record.id = \`${D}{leerling.id}-${u}\`;`,
        `  record.leerlingId = leerling.id;`,
        `  record.klas = leerling.klas;`,
        `  return record;`,
        `}`,
        ``,
        `export function klasVan${u}(record: Inschrijving${u}): string {`,
        `  return record.klas.toUpperCase();`,
        `}`,
        ``,
      );
      break;
    }
    case 'repository': {
      b.add(
        `import type { Inschrijving${u}, Lokaal${u} } from './entity';`,
        ``,
        `/** Een repository in het geheugen; de echte opslag zit achter de TypeORM-entiteiten. */`,
        `export class Repository${u}<E extends { readonly id: string }> {`,
        `  private readonly rijen = new Map<string, E>();`,
        ``,
        `  bewaar(rij: E): void {`,
        `    this.rijen.set(rij.id, rij);`,
        `  }`,
        ``,
        `  zoek(id: string): E | undefined {`,
        `    return this.rijen.get(id);`,
        `  }`,
        ``,
        `  alle(): E[] {`,
        `    return [...this.rijen.values()];`,
        `  }`,
        `}`,
        ``,
        `export const inschrijvingen${u} = new Repository${u}<Inschrijving${u}>();`,
        `export const lokalen${u} = new Map<string, Lokaal${u}>();`,
        ``,
      );
      break;
    }
    case 'service': {
      b.add(
        `import type { Leerling, Toetsuitslag } from '${relImport(f, 'src/domain/leerling.ts')}';`,
        `import { somtodayClient } from '${relImport(f, 'src/clients/somtoday.ts')}';`,
        `import { duoClient } from '${relImport(f, 'src/clients/duo.ts')}';`,
        `import { leermiddelClient } from '${relImport(f, 'src/clients/leermiddel.ts')}';`,
        `import { citoClient } from '${relImport(f, 'src/clients/cito.ts')}';`,
        `import { logger } from '${relImport(f, 'src/lib/logger.ts')}';`,
        `import { naarRecord${u} } from './mapper';`,
        `import { inschrijvingen${u} } from './repository';`,
        ``,
        `export async function haalLeerlingen${u}(klas: string): Promise<Leerling[]> {`,
        `  const response = await somtodayClient.get<Leerling[]>(\`/leerlingen?klas=${D}{encodeURIComponent(klas)}\`);`,
        `  const aantal = response.data.length;`,
        `  logger.info(\`opgehaald: ${D}{aantal} leerlingen\`);`,
        `  return response.data;`,
        `}`,
        ``,
        `export async function meldBijDuo${u}(leerlingen: readonly Leerling[]): Promise<number> {`,
        `  let gemeld = 0;`,
        `  for (const leerling of leerlingen) {`,
        `    await duoClient.post('/inschrijvingen', { bsn: leerling.bsn, naam: leerling.naam, klas: leerling.klas });`,
        `    inschrijvingen${u}.bewaar(naarRecord${u}(leerling));`,
        `    gemeld += 1;`,
        `  }`,
        `  logger.info(\`gemeld bij DUO: ${D}{gemeld}\`);`,
        `  return gemeld;`,
        `}`,
        ``,
        `export async function koppelLicenties${u}(leerlingen: readonly Leerling[]): Promise<void> {`,
        `  const koppelingen = leerlingen.map((leerling) => ({ eckid: leerling.eckid, klas: leerling.klas }));`,
        `  await leermiddelClient.post('/licenties', koppelingen);`,
        `}`,
        ``,
        `export async function stuurUitslagen${u}(uitslagen: readonly Toetsuitslag[]): Promise<void> {`,
        `  for (const uitslag of uitslagen) {`,
        `    await citoClient.post('/uitslagen', { eckid: uitslag.eckid, vak: uitslag.vak, cijfer: uitslag.cijfer });`,
        `  }`,
        `}`,
        ``,
      );
      break;
    }
    case 'report': {
      b.add(
        `import type { Leerling } from '${relImport(f, 'src/domain/leerling.ts')}';`,
        `import { inschrijvingen${u} } from './repository';`,
        `import { haalLeerlingen${u} } from './service';`,
        ``,
        `export async function klasGrootte${u}(klas: string): Promise<number> {`,
        `  const leerlingen: Leerling[] = await haalLeerlingen${u}(klas);`,
        `  return leerlingen.filter((leerling) => leerling.leerjaar > 0).length;`,
        `}`,
        ``,
        `export function aantalOpgeslagen${u}(): number {`,
        `  return inschrijvingen${u}.alle().length;`,
        `}`,
        ``,
      );
      break;
    }
    case 'validation': {
      b.add(
        `const KLASCODE_${u} = /^[1-6][a-z]{1,3}[0-9]?$/;`,
        ``,
        `export function isGeldigeKlas${u}(klas: string): boolean {`,
        `  return KLASCODE_${u}.test(klas);`,
        `}`,
        ``,
      );
      break;
    }
    case 'planning': {
      b.add(
        `export function gemiddeldeDuur${u}(lessen: readonly Les[]): number {`,
        `  if (lessen.length === 0) return 0;`,
        `  return lessen.reduce((som, les) => som + les.duur, 0) / lessen.length;`,
        `}`,
        ``,
      );
      break;
    }
    case 'statistiek': {
      // Import planning code of earlier modules: the module graph is a web, not a set of islands.
      const earlier = regular.filter((r) => r.index < u).slice(-3);
      b.add(`import { gemiddeldeDuur${u} } from './planning';`);
      for (const r of earlier) b.add(`import { gemiddeldeDuur${r.index} } from '${relImport(f, `${r.dir}/planning.ts`)}';`);
      b.add(
        ``,
        `export function vergelijkDuur${u}(lessen: readonly Les[]): number[] {`,
        `  return [gemiddeldeDuur${u}(lessen)${earlier.map((r) => `, gemiddeldeDuur${r.index}(lessen)`).join('')}];`,
        `}`,
        ``,
      );
      break;
    }
  }
  body(b, tag, target, planted, prng);
}

// ---------------------------------------------------------------------------------------------------------------
// Zorg modules: they may read the zorgdossier (src/zorg/** in the catalogue), and transfer it only with consent.

function zorgFile(b: SourceBuilder, unit: Unit, kind: ZorgKind, prng: Prng): void {
  const u = unit.index;
  const tag = `Z${u}${kind.slice(0, 2).toUpperCase()}`;
  const f = b.file;
  b.add(`// ${unit.slug}/${kind}: zorgmodule, generated by avglint's benchmark generator.`);
  b.add(planningImport(f));
  b.add(`import type { Zorgdossier } from '../types';`);
  switch (kind) {
    case 'dossier':
      b.add(
        ``,
        `export function samenvatting${u}(dossier: Zorgdossier): string {`,
        `  return dossier.handelingsplan.slice(0, 80);`,
        `}`,
        ``,
        `export function heeftOnderzoek${u}(dossier: Zorgdossier): boolean {`,
        `  return dossier.diagnose.length > 0;`,
        `}`,
        ``,
      );
      break;
    case 'overdracht':
      b.add(
        `import { heeftToestemming } from '${relImport(f, 'src/toestemming.ts')}';`,
        `import { zorgpartnerClient } from '${relImport(f, 'src/clients/zorgpartner.ts')}';`,
        ``,
        `export async function draagOver${u}(dossier: Zorgdossier): Promise<boolean> {`,
        `  if (await heeftToestemming(dossier.leerlingId)) {`,
        `    await zorgpartnerClient.post('/overdrachten', { handelingsplan: dossier.handelingsplan });`,
        `    return true;`,
        `  }`,
        `  return false;`,
        `}`,
        ``,
      );
      break;
    case 'signalering':
      b.add(
        `import { logger } from '${relImport(f, 'src/lib/logger.ts')}';`,
        ``,
        `export function signaleer${u}(dossiers: readonly Zorgdossier[]): number {`,
        `  const zonderPlan = dossiers.filter((dossier) => dossier.handelingsplan === '').length;`,
        `  logger.info(\`dossiers zonder plan: ${D}{zonderPlan}\`);`,
        `  return zonderPlan;`,
        `}`,
        ``,
      );
      break;
    case 'plan':
      b.add(
        ``,
        `export function planVerlopen${u}(dossier: Zorgdossier, vandaag: string): boolean {`,
        `  return dossier.bijgewerkt < vandaag && dossier.handelingsplan.includes('evaluatie');`,
        `}`,
        ``,
      );
      break;
  }
  body(b, tag, prng.int(100, 200), [], prng);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared files.

function client(file: string, constant: string, exported: string, note: string): SourceBuilder {
  const b = new SourceBuilder(file);
  b.add(
    `// ${note}`,
    `import axios from 'axios';`,
    `import { ${constant} } from '../config/hosts';`,
    ``,
    `export const ${exported} = axios.create({ baseURL: ${constant}, timeout: 10000, headers: { accept: 'application/json' } });`,
  );
  return b;
}

function fixedFiles(prng: Prng, slots: ReadonlyMap<string, readonly PlantedRule[]>): SourceBuilder[] {
  const files: SourceBuilder[] = [];
  const hosts = new SourceBuilder('src/config/hosts.ts');
  hosts.add(
    `// Base URLs of the systems this project talks to. Each host is a processor in avglint.catalogue.yaml.`,
    `export const DUO_BASE_URL = 'https://api.duo.nl/bron/v2';`,
    `export const SOMTODAY_BASE_URL = 'https://api.somtoday.nl/rest/v1';`,
    `export const LEERMIDDEL_BASE_URL = 'https://api.leermiddel.example/v1';`,
    `export const CITO_BASE_URL = 'https://toetsen.cito.nl/api';`,
    `export const ZORGPARTNER_BASE_URL = 'https://portaal.jeugdzorg.example/api';`,
  );
  files.push(hosts);
  files.push(client('src/clients/duo.ts', 'DUO_BASE_URL', 'duoClient', 'DUO (BRON): registration of pupils, a legal obligation.'));
  files.push(client('src/clients/somtoday.ts', 'SOMTODAY_BASE_URL', 'somtodayClient', 'Somtoday Connect: the school administration system.'));
  files.push(client('src/clients/leermiddel.ts', 'LEERMIDDEL_BASE_URL', 'leermiddelClient', 'The learning-materials vendor: receives the ECK iD, never the BSN.'));
  files.push(client('src/clients/cito.ts', 'CITO_BASE_URL', 'citoClient', 'Cito: test results, keyed by ECK iD.'));
  files.push(client('src/clients/zorgpartner.ts', 'ZORGPARTNER_BASE_URL', 'zorgpartnerClient', 'Jeugdzorg partner: only with consent.'));

  const logger = new SourceBuilder('src/lib/logger.ts');
  logger.add(
    `// A tiny logger over the console; callers pass messages without personal data.`,
    `export type Niveau = 'debug' | 'info' | 'warn' | 'error';`,
    ``,
    `function schrijf(niveau: Niveau, bericht: string): void {`,
    `  console.log(\`[${D}{niveau}] ${D}{bericht}\`);`,
    `}`,
    ``,
    `export const logger = {`,
    `  debug: (bericht: string): void => schrijf('debug', bericht),`,
    `  info: (bericht: string): void => schrijf('info', bericht),`,
    `  warn: (bericht: string): void => schrijf('warn', bericht),`,
    `  error: (bericht: string): void => schrijf('error', bericht),`,
    `};`,
  );
  files.push(logger);

  const planning = new SourceBuilder('src/lib/planning.ts');
  planning.add(
    `// Scheduling types: lessons, rooms and periods carry no personal data.`,
    `export type Vak = 'nederlands' | 'engels' | 'wiskunde' | 'biologie' | 'geschiedenis' | 'lo';`,
    `export type Dag = 'maandag' | 'dinsdag' | 'woensdag' | 'donderdag' | 'vrijdag';`,
    ``,
    `export interface Les {`,
    `  readonly id: string;`,
    `  readonly vak: Vak;`,
    `  readonly lokaal: string;`,
    `  readonly dag: Dag;`,
    `  readonly uur: number;`,
    `  readonly duur: number;`,
    `  readonly docentCode: string;`,
    `}`,
    ``,
    `export interface Periode {`,
    `  readonly code: string;`,
    `  readonly start: string;`,
    `  readonly eind: string;`,
    `  readonly weken: number;`,
    `}`,
  );
  files.push(planning);

  const domain = new SourceBuilder('src/domain/leerling.ts');
  domain.add(
    `// The pupil as Somtoday delivers it.`,
    `export interface Leerling {`,
    `  readonly id: string;`,
    `  readonly bsn: string;`,
    `  readonly eckid: string;`,
    `  readonly naam: string;`,
    `  readonly klas: string;`,
    `  readonly leerjaar: number;`,
    `}`,
    ``,
    `export interface Toetsuitslag {`,
    `  readonly leerlingId: string;`,
    `  readonly eckid: string;`,
    `  readonly vak: string;`,
    `  readonly cijfer: number;`,
    `}`,
  );
  files.push(domain);

  const consent = new SourceBuilder('src/toestemming.ts');
  consent.add(
    `// The consent register: the catalogue names heeftToestemming as the consent check for the zorgpartner.`,
    `const gegeven = new Set<string>();`,
    ``,
    `export function registreerToestemming(leerlingId: string): void {`,
    `  gegeven.add(leerlingId);`,
    `}`,
    ``,
    `export async function heeftToestemming(leerlingId: string): Promise<boolean> {`,
    `  await Promise.resolve();`,
    `  return gegeven.has(leerlingId);`,
    `}`,
  );
  files.push(consent);

  const zorgTypes = new SourceBuilder('src/zorg/types.ts');
  zorgTypes.add(
    `// The zorgdossier: bijzondere persoonsgegevens, readable only under src/zorg/.`,
    `export interface Zorgdossier {`,
    `  readonly leerlingId: string;`,
    `  readonly handelingsplan: string;`,
    `  readonly diagnose: string;`,
    `  readonly bijgewerkt: string;`,
    `}`,
  );
  files.push(zorgTypes);

  const vendor = new SourceBuilder('src/types/vendor.d.ts');
  vendor.add(
    `// Minimal declarations of the libraries the project uses, so the corpus type-checks without installing them.`,
    `declare module 'axios' {`,
    `  export interface AxiosRequestConfig {`,
    `    baseURL?: string;`,
    `    timeout?: number;`,
    `    headers?: Record<string, string>;`,
    `    params?: Record<string, string | number>;`,
    `  }`,
    `  export interface AxiosResponse<T> {`,
    `    data: T;`,
    `    status: number;`,
    `  }`,
    `  export interface AxiosInstance {`,
    `    get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;`,
    `    post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;`,
    `    put<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;`,
    `    delete<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;`,
    `  }`,
    `  export interface AxiosStatic extends AxiosInstance {`,
    `    create(config?: AxiosRequestConfig): AxiosInstance;`,
    `  }`,
    `  const axios: AxiosStatic;`,
    `  export default axios;`,
    `}`,
    ``,
    `declare module '@angular/common/http' {`,
    `  export class HttpClient {`,
    `    get<T = unknown>(url: string, options?: { params?: Record<string, string>; headers?: Record<string, string> }): T;`,
    `    post<T = unknown>(url: string, body: unknown, options?: { params?: Record<string, string>; headers?: Record<string, string> }): T;`,
    `  }`,
    `}`,
    ``,
    `declare module 'typeorm' {`,
    `  export function Entity(name?: string): ClassDecorator;`,
    `  export function Column(options?: { type?: string; nullable?: boolean }): PropertyDecorator;`,
    `  export function PrimaryColumn(): PropertyDecorator;`,
    `}`,
  );
  files.push(vendor);

  files.push(serverFile(prng, slots.get(SERVER_FILE) ?? []));
  if (files.length !== FIXED_FILES) throw new Error(`FIXED_FILES is ${FIXED_FILES} but ${files.length} fixed files were made`);
  return files;
}

/** The 1,000-line file the language-server benchmark opens and edits. */
function serverFile(prng: Prng, planted: readonly PlantedRule[]): SourceBuilder {
  const f = SERVER_FILE;
  const b = new SourceBuilder(f);
  b.add(
    `// The pupil portal's service layer: one large file, as real projects have them.`,
    planningImport(f),
    `import type { Leerling } from '${relImport(f, 'src/domain/leerling.ts')}';`,
    `import { somtodayClient } from '${relImport(f, 'src/clients/somtoday.ts')}';`,
    `import { duoClient } from '${relImport(f, 'src/clients/duo.ts')}';`,
    `import { logger } from '${relImport(f, 'src/lib/logger.ts')}';`,
    ``,
    `export async function portaalLeerlingen(klas: string): Promise<Leerling[]> {`,
    `  const response = await somtodayClient.get<Leerling[]>(\`/leerlingen?klas=${D}{encodeURIComponent(klas)}\`);`,
    `  logger.info(\`portaal: ${D}{response.data.length} leerlingen\`);`,
    `  return response.data;`,
    `}`,
    ``,
    `export async function portaalMeldDuo(leerling: Leerling): Promise<void> {`,
    `  await duoClient.post('/inschrijvingen', { bsn: leerling.bsn, naam: leerling.naam });`,
    `}`,
    ``,
  );
  body(b, 'Portaal', 480, planted.slice(0, 1), prng);
  b.add(
    `/** The benchmark inserts statements after the marker below, one per edit. */`,
    `export function werkbelasting(lessen: readonly Les[]): number {`,
    `  let totaal = 0;`,
    `  // bewerkingen`,
    `  for (const les of lessen) {`,
    `    totaal += les.duur;`,
    `  }`,
    `  return totaal;`,
    `}`,
    ``,
  );
  body(b, 'PortaalB', 986, planted.slice(1), prng);
  while (b.lines.length < 1000) b.add('');
  return b;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    experimentalDecorators: true,
  },
  include: ['src'],
};

const CATALOGUE = `# Catalogue of the synthetic benchmark project (generated by avglint's benchmark generator).
version: 1
organisation: Synthetische Scholengroep (benchmark)

roles:
  zorgcoordinator: { label: Zorgcoördinator }

purposes:
  leerlingenzorg: { label: Organiseren van de leerlingenzorg }

retention:
  leerlingdossier: { label: Leerlingdossier — 2 jaar na vertrek, duration: P2Y, starts: leaving-school }
  examen: { label: Centraal examen, duration: P6M, starts: exam-result, minimum: P6M }
  sessie: { label: Sessie, duration: P1D, starts: collection }

categories:
  bsn:
    label: Burgerservicenummer (BSN)
    identifier: true
    retention: leerlingdossier
    alternative: eckid
    match:
      names: [bsn, burgerservicenummer]
  eckid:
    label: ECK iD
    identifier: true
    retention: leerlingdossier
    match: { names: [eckid] }
  naw:
    label: Naam-, adres- en woonplaatsgegevens
    retention: [leerlingdossier, sessie]
    match: { names: [naam, achternaam, voornamen, roepnaam, adres, postcode, woonplaats, email] }
  resultaten:
    label: Leer-, toets- en examenresultaten
    retention: [leerlingdossier, examen]
    match: { names: [cijfer, toetsresultaat] }
  zorgdossier:
    label: Speciaal zorgdossier
    special: true
    retention: leerlingdossier
    match: { names: [diagnose, handelingsplan, testrapport, medicijngebruik] }

processors:
  duo:
    label: DUO (Dienst Uitvoering Onderwijs)
    role: recipient
    legalBasis: legal-obligation
    legalBasisNote: Wet op het voortgezet onderwijs; BRON-registratie
    hosts: [duo.nl, "*.duo.nl"]
    receives: [bsn, naw, resultaten]
  somtoday:
    label: Somtoday
    role: processor
    legalBasis: contract
    agreement: { reference: VO-2024-SOM, ends: 2028-07-31 }
    hosts: [somtoday.nl, "*.somtoday.nl"]
    receives: [bsn, eckid, naw, resultaten]
  leermiddel:
    label: Uitgeverij Leermiddel
    role: processor
    legalBasis: contract
    agreement: { reference: VWO-2024-017, ends: 2028-07-31 }
    hosts: [api.leermiddel.example]
    receives: [eckid, naw, resultaten]
  cito:
    label: Cito
    role: recipient
    legalBasis: legitimate-interest
    hosts: ["*.cito.nl"]
    receives: [eckid, resultaten]
  zorgpartner:
    label: Jeugdzorg Veluwe
    role: recipient
    legalBasis: consent
    hosts: [portaal.jeugdzorg.example]
    receives: [naw, zorgdossier]
    consent: { from: parents-until-16, check: [heeftToestemming] }

access:
  zorgdossier:
    paths: ["src/zorg/**"]
    roles: [zorgcoordinator]
    purposes: [leerlingenzorg]

sanitisers:
  - function: toEckId
    removes: [bsn]
    produces: eckid
`;

function main(argv: readonly string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const files = Number(arg('--files') ?? 2000);
  const seed = arg('--seed') ?? 'avglint';
  const outDir = path.resolve(arg('--out') ?? path.join(__dirname, '..', 'corpus', String(files)));
  const manifest = generateCorpus({ files, outDir, seed });
  console.log(`${outDir}: ${manifest.files} files, ${manifest.lines} lines; planted ${JSON.stringify(manifest.violations)}`);
}

if (require.main === module) main(process.argv.slice(2));
