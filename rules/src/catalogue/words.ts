/**
 * Small helpers that turn catalogue paths and values into words for problem messages, in the run's locale, and find
 * the closest known name for "did you mean" hints. Keys, ids and values are quoted as written; only avglint's own
 * words are translated.
 */
import type { Locale } from './model';
import type { KeyPath } from './source';

const ENTRY_KINDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { categories: 'category', processors: 'processor', retention: 'retention term', roles: 'role', purposes: 'purpose', access: 'access rule for', sanitisers: 'sanitiser' },
  nl: { categories: 'categorie', processors: 'verwerker', retention: 'bewaartermijn', roles: 'rol', purposes: 'doel', access: 'toegangsregel voor', sanitisers: 'opschoonfunctie' },
};

const TOP_LEVEL: Readonly<Record<Locale, string>> = { en: 'the top level of the catalogue', nl: 'het hoofdniveau van de catalogus' };

/** "category `bsn`", "processor `duo`", "sanitiser 2", or "the top level of the catalogue" (Dutch: "categorie `bsn`"…). */
export function placeOf(path: KeyPath, locale: Locale): string {
  const [section, id] = path;
  if (section === undefined) return TOP_LEVEL[locale];
  const kind = ENTRY_KINDS[locale][String(section)];
  if (!kind || id === undefined) return `\`${String(section)}\``;
  if (section === 'sanitisers') return `${kind} ${Number(id) + 1}`;
  return `${kind} \`${String(id)}\``;
}

/** The last key of a path, for "`special` must be …"; list positions read as "item n of `names`". */
export function keyName(path: KeyPath, locale: Locale): string {
  const last = path[path.length - 1];
  if (last === undefined) return locale === 'nl' ? 'de catalogus' : 'the catalogue';
  if (typeof last === 'number' || /^\d+$/.test(String(last))) {
    const parent = path[path.length - 2];
    return `item ${Number(last) + 1} ${locale === 'nl' ? 'van' : 'of'} \`${String(parent)}\``;
  }
  return `\`${last}\``;
}

const VALUE_WORDS: Readonly<Record<Locale, { empty: string; text: string; number: string; list: string; block: string; aText: string }>> = {
  en: { empty: 'empty', text: 'the text', number: 'the number', list: 'a list', block: 'a block of keys', aText: 'a text' },
  nl: { empty: 'leeg', text: 'de tekst', number: 'het getal', list: 'een lijst', block: 'een blok met sleutels', aText: 'een tekst' },
};

/** How a value looks, in words: "the text `ja`", "the number 3", "a list". */
export function describeValue(value: unknown, locale: Locale): string {
  const w = VALUE_WORDS[locale];
  if (value === null || value === undefined) return w.empty;
  if (typeof value === 'string') return `${w.text} \`${truncate(value)}\``;
  if (typeof value === 'number') return `${w.number} ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return w.list;
  if (typeof value === 'object') return w.block;
  return typeof value;
}

/** What kind of value this is, without quoting it: for a whole file that is not a catalogue. */
export function describeKind(value: unknown, locale: Locale): string {
  return typeof value === 'string' ? VALUE_WORDS[locale].aText : describeValue(value, locale);
}

const TYPE_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    string: 'text',
    boolean: 'true or false',
    array: 'a list (`[a, b]` or lines starting with `- `)',
    object: 'a block of keys',
    number: 'a number',
    integer: 'a whole number',
    null: 'empty',
  },
  nl: {
    string: 'tekst',
    boolean: '`true` of `false`',
    array: 'een lijst (`[a, b]` of regels die met `- ` beginnen)',
    object: 'een blok met sleutels',
    number: 'een getal',
    integer: 'een geheel getal',
    null: 'leeg',
  },
};

/** What a JSON Schema type looks like in YAML, in words. */
export function describeType(type: unknown, locale: Locale): string {
  const types: readonly unknown[] = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[locale][String(t)] ?? String(t)).join(locale === 'nl' ? ' of ' : ' or ');
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** "`a`, `b` and `c`" (at most ten, then "…"); Dutch "`a`, `b` en `c`". */
export function listWords(words: readonly string[], locale: Locale): string {
  const shown = words.slice(0, 10).map((w) => `\`${w}\``);
  if (words.length > 10) shown.push('…');
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${shown[shown.length - 1] ?? ''}`;
}

/** The kinds of known names a "did you mean" hint can list. */
export type KnownKind = 'categories' | 'retention terms' | 'roles' | 'purposes' | 'allowed values';

const KNOWN_KINDS: Readonly<Record<Locale, Readonly<Record<KnownKind, string>>>> = {
  en: { categories: 'categories', 'retention terms': 'retention terms', roles: 'roles', purposes: 'purposes', 'allowed values': 'allowed values' },
  nl: { categories: 'categorieën', 'retention terms': 'bewaartermijnen', roles: 'rollen', purposes: 'doelen', 'allowed values': 'toegestane waarden' },
};

/** A hint that names the closest known name, or lists the known names (for allowed values: "Write one of …"). */
export function suggestion(word: string, known: readonly string[], kind: KnownKind, locale: Locale): string {
  const near = closest(word, known);
  const nl = locale === 'nl';
  if (near !== undefined) return nl ? `Bedoel je \`${near}\`?` : `Did you mean \`${near}\`?`;
  if (kind === 'allowed values') return nl ? `Schrijf een van ${listWords(known, locale)}.` : `Write one of ${listWords(known, locale)}.`;
  const name = KNOWN_KINDS[locale][kind];
  if (known.length === 0) return nl ? `Er staan nog geen ${name} in de catalogus; voeg er een toe, of haal deze verwijzing weg.` : `There are no ${name} in the catalogue yet; add one, or remove this reference.`;
  return nl ? `De ${name} in de catalogus zijn ${listWords(known, locale)}.` : `The ${name} in the catalogue are ${listWords(known, locale)}.`;
}
