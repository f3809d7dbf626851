/**
 * Small helpers that turn catalogue paths and values into words for problem messages, and find the closest known
 * name for "did you mean" hints.
 */
import type { KeyPath } from './source';

const ENTRY_KINDS: Record<string, string> = {
  categories: 'category',
  processors: 'processor',
  retention: 'retention term',
  roles: 'role',
  purposes: 'purpose',
  access: 'access rule for',
  sanitisers: 'sanitiser',
};

/** "category `bsn`", "processor `duo`", "sanitiser 2", or "the top level of the catalogue". */
export function placeOf(path: KeyPath): string {
  const [section, id] = path;
  if (section === undefined) return 'the top level of the catalogue';
  const kind = ENTRY_KINDS[String(section)];
  if (!kind || id === undefined) return `\`${String(section)}\``;
  if (section === 'sanitisers') return `sanitiser ${Number(id) + 1}`;
  return `${kind} \`${String(id)}\``;
}

/** The last key of a path, for "`special` must be …"; list positions read as "item n of `names`". */
export function keyName(path: KeyPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the catalogue';
  if (typeof last === 'number' || /^\d+$/.test(String(last))) {
    const parent = path[path.length - 2];
    return `item ${Number(last) + 1} of \`${String(parent)}\``;
  }
  return `\`${last}\``;
}

/** How a value looks, in words: "the text `ja`", "the number 3", "a list". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the text \`${truncate(value)}\``;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of keys';
  return typeof value;
}

/** What kind of value this is, without quoting it: for a whole file that is not a catalogue. */
export function describeKind(value: unknown): string {
  return typeof value === 'string' ? 'a text' : describeValue(value);
}

/** What a JSON Schema type looks like in YAML, in words. */
export function describeType(type: unknown): string {
  const words: Record<string, string> = {
    string: 'text',
    boolean: 'true or false',
    array: 'a list (`[a, b]` or lines starting with `- `)',
    object: 'a block of keys',
    number: 'a number',
    integer: 'a whole number',
    null: 'empty',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
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

/** "`a`, `b` and `c`" (at most ten, then "…"). */
export function listWords(words: readonly string[]): string {
  const shown = words.slice(0, 10).map((w) => `\`${w}\``);
  if (words.length > 10) shown.push('…');
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

/** A hint that names the closest known name, or lists the known names. */
export function suggestion(word: string, known: readonly string[], kind: string): string {
  const near = closest(word, known);
  if (near !== undefined) return `Did you mean \`${near}\`?`;
  if (known.length === 0) return `There are no ${kind} in the catalogue yet; add one, or remove this reference.`;
  return `The ${kind} in the catalogue are ${listWords(known)}.`;
}
