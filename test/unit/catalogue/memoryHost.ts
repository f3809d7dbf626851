/** An in-memory CatalogueHost, so loader tests need no files on disk and can describe a whole repository inline. */
import type { CatalogueHost } from '@avglint/rules';

export class MemoryHost implements CatalogueHost {
  readonly reads: string[] = [];

  constructor(private readonly files: Record<string, string>) {}

  readFile(fileName: string): string | undefined {
    this.reads.push(fileName);
    return Object.prototype.hasOwnProperty.call(this.files, fileName) ? this.files[fileName] : undefined;
  }

  fileExists(fileName: string): boolean {
    if (Object.prototype.hasOwnProperty.call(this.files, fileName)) return true;
    // Directories (such as `.git`) exist when some file lies below them.
    const prefix = fileName.endsWith('/') ? fileName : `${fileName}/`;
    return Object.keys(this.files).some((name) => name.startsWith(prefix));
  }
}

/** Joins lines, so a test can see which line number each line of a catalogue has. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A small valid catalogue; mistakes are planted by replacing one of its lines (numbers in the comments). */
export const VALID_LINES = [
  'version: 1', // 1
  'organisation: Testschool', // 2
  'roles:', // 3
  '  zorgcoordinator: { label: Zorgcoördinator }', // 4
  'purposes:', // 5
  '  leerlingenzorg: { label: Leerlingenzorg }', // 6
  'retention:', // 7
  '  leerlingdossier:', // 8
  '    label: Leerlingdossier', // 9
  '    duration: P2Y', // 10
  '    starts: leaving-school', // 11
  'categories:', // 12
  '  bsn:', // 13
  '    label: BSN', // 14
  '    identifier: true', // 15
  '    retention: leerlingdossier', // 16
  '    alternative: eckid', // 17
  '    match:', // 18
  '      names: [bsn, burgerservicenummer]', // 19
  '  eckid:', // 20
  '    label: ECK iD', // 21
  '    retention: leerlingdossier', // 22
  '    match: { names: [eckid] }', // 23
  '  zorg:', // 24
  '    label: Zorgdossier', // 25
  '    special: true', // 26
  '    retention: [leerlingdossier]', // 27
  '    match: { names: [diagnose] }', // 28
  'processors:', // 29
  '  duo:', // 30
  '    label: DUO', // 31
  '    role: recipient', // 32
  '    legalBasis: legal-obligation', // 33
  '    hosts: [duo.nl, "*.duo.nl"]', // 34
  '    receives: [bsn]', // 35
  '  vendor:', // 36
  '    label: Leverancier', // 37
  '    role: processor', // 38
  '    legalBasis: contract', // 39
  '    agreement: { reference: VO-1, ends: 2027-07-31 }', // 40
  '    receives: [eckid]', // 41
  'access:', // 42
  '  zorg:', // 43
  '    paths: ["src/zorg/**"]', // 44
  '    roles: [zorgcoordinator]', // 45
  '    purposes: [leerlingenzorg]', // 46
  'sanitisers:', // 47
  '  - function: toEckId', // 48
  '    removes: [bsn]', // 49
  '    produces: eckid', // 50
] as const;

export const VALID = yaml(...VALID_LINES);

/** VALID with some lines replaced: `{ 16: '    retentoin: leerlingdossier' }` (1-based line numbers). */
export function withLines(replacements: Record<number, string>): string {
  return yaml(...VALID_LINES.map((line, index) => replacements[index + 1] ?? line));
}
