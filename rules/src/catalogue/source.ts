/**
 * One parsed catalogue file: the YAML document with its positions, so every problem can point at the exact key or
 * value the FG wrote. Nothing here evaluates the file: the `yaml` package only builds data (no custom tags, no
 * merge keys, a bounded number of aliases).
 */
import { Composer, isMap, isPair, isScalar, isSeq, LineCounter, Parser, visit, YAMLParseError, type CST, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../problem';
import { readPlain, type PlainReading } from './plain';
import { problemText, type CatalogueText, type PendingProblem, type YamlHint, type YamlMistake } from './problemText';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain data of the document; undefined when the YAML could not be parsed. */
  readonly data: unknown;
  /** For a file read fast (plain.ts): where each key was written, without composing `document`. */
  readonly keyStart?: PlainReading['keyStart'];
}

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export type KeyPath = readonly (string | number)[];

export const START_OF_FILE: Span = { line: 1, column: 1 };

/** What to do, by the YAML parser's error code (the words are in problemText.ts). */
const YAML_HINTS: Readonly<Record<string, YamlHint>> = {
  DUPLICATE_KEY: 'duplicateKey',
  TAB_AS_INDENT: 'tabIndent',
  MULTIPLE_DOCS: 'multipleDocuments',
  BAD_INDENT: 'badIndent',
  MISSING_CHAR: 'missingChar',
  MULTILINE_IMPLICIT_KEY: 'multilineKey',
  BLOCK_AS_IMPLICIT_KEY: 'blockAsKey',
  UNEXPECTED_TOKEN: 'unexpectedToken',
  ALIAS_PROPS: 'aliases',
  BAD_ALIAS: 'badAlias',
  TAG_RESOLVE_FAILED: 'tag',
};

/** Parses a catalogue file; YAML syntax errors and warnings become problems with their positions. */
export function parseSource(file: string, text: string, problems: PendingProblem[]): SourceFile {
  const lines = new LineCounter();
  if (text.length > MAX_CATALOGUE_LENGTH) {
    const parsed = { file, text, document: composeDocument([], 0), lines, data: undefined };
    problems.push(
      problemAt(
        parsed,
        START_OF_FILE,
        'error',
        'catalogue/too-large',
        problemText('tooLarge', { millions: Math.round(text.length / 1_000_000), maxMillions: MAX_CATALOGUE_LENGTH / 1_000_000 }),
      ),
    );
    return parsed;
  }
  const plain = readPlain(text, MAX_NESTING);
  if (plain !== undefined) return plainSource(file, text, plain);
  // The concrete syntax tree is built without recursion; its depth is checked before the composer (which recurses
  // once per level) sees it, so a deeply nested file is a problem at its place, whatever the stack size of the host.
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    const parsed = { file, text, document: composeDocument([], 0), lines, data: undefined };
    problems.push(
      problemAt(
        parsed,
        rangeSpan(parsed, tooDeep, tooDeep + 1),
        'error',
        'catalogue/too-deep',
        problemText('tooDeep', { max: MAX_NESTING }),
      ),
    );
    return parsed;
  }
  const document = composeDocument(tokens, text.length);
  document.errors.push(...duplicateKeys(document));
  const parsed = { file, text, document, lines, data: undefined };
  // After the first syntax error the parser often reports follow-on errors for the same mistake; only the first is
  // shown (fix it and check again), except duplicate keys, which are reliable and independent of each other.
  let syntaxErrorShown = false;
  for (const error of document.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate && syntaxErrorShown) continue;
    if (!duplicate) syntaxErrorShown = true;
    problems.push(problemAt(parsed, rangeSpan(parsed, error.pos[0], error.pos[1]), 'error', duplicate ? 'catalogue/duplicate-key' : 'catalogue/yaml-syntax', yamlText(error.message, yamlHint(error.code, error.message))));
  }
  for (const warning of document.warnings) {
    // A tag the parser could not resolve must not pass as plain text: the FG wrote something the catalogue cannot hold.
    const severity = warning.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning';
    problems.push(problemAt(parsed, rangeSpan(parsed, warning.pos[0], warning.pos[1]), severity, 'catalogue/yaml-syntax', yamlText(warning.message, YAML_HINTS[warning.code] ?? 'general')));
  }
  // A key that is itself a list or a block (`? [a, b]: x`, `{ x: 1 }: y`) has no place in a catalogue.
  let complexKey = false;
  visit(document, {
    Pair(_, pair) {
      if (complexKey || pair.key === null || isScalar(pair.key)) return;
      complexKey = true;
      const range = (pair.key as Node).range;
      problems.push(problemAt(parsed, range ? rangeSpan(parsed, range[0], range[1]) : START_OF_FILE, 'error', 'catalogue/yaml-syntax', problemText('complexKey', {})));
    },
  });
  if (complexKey || document.errors.length > 0 || document.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) return parsed;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    problems.push(problemAt(parsed, START_OF_FILE, 'error', 'catalogue/yaml-syntax', problemText('yamlUnreadable', { error: error instanceof Error ? error.message : String(error) })));
    return parsed;
  }
  return { ...parsed, data };
}

/**
 * A file read fast: its data and key places now, its document with positions (and the line table) only when a
 * problem asks for a place. The `yaml` package reads such a file without any error (plain.ts says why).
 */
function plainSource(file: string, text: string, plain: PlainReading): SourceFile {
  let document: Document.Parsed | undefined;
  let lines: LineCounter | undefined;
  return {
    file,
    text,
    data: plain.data,
    keyStart: plain.keyStart,
    get lines(): LineCounter {
      if (lines === undefined) {
        // The parser starts a line at 0 and after every `\n`, inside scalars and comments too.
        lines = new LineCounter();
        lines.addNewLine(0);
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
      }
      return lines;
    },
    get document(): Document.Parsed {
      document ??= composeDocument(Array.from(new Parser().parse(text)), text.length);
      return document;
    },
  };
}

function yamlHint(code: string, message: string): YamlHint {
  if (/end with a|missing closing|unterminated|unexpected end/i.test(message)) return 'missingChar';
  if (/Nested mappings/.test(message)) return 'quoteValue';
  return YAML_HINTS[code] ?? 'general';
}

/** The parser's most common mistakes, recognised by its wording, to be said plainly; its own words follow. */
const YAML_MISTAKES: readonly (readonly [RegExp, YamlMistake])[] = [
  [/Nested mappings are not allowed in compact mappings/, 'nestedMapping'],
  [/Implicit keys need to be on a single line/, 'multilineKey'],
  [/Tabs are not allowed as indentation/, 'tabIndent'],
  [/Flow sequence .* end with a \]/, 'openList'],
  [/Flow map .* end with a \}/, 'openBlock'],
  [/All mapping items must start at the same column/, 'misalignedKeys'],
  [/Map keys must be unique/, 'duplicateKey'],
  [/Missing closing "?quote/, 'openQuote'],
  [/Unresolved tag/, 'tag'],
  [/Source contains multiple documents/, 'multipleDocuments'],
];

function yamlText(message: string, hint: YamlHint): CatalogueText {
  const parser = (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '');
  const mistake = YAML_MISTAKES.find(([pattern]) => pattern.test(parser))?.[1];
  return problemText('yamlSyntax', { parser, hint, ...(mistake !== undefined ? { mistake } : {}) });
}

/** A problem at a place; its words are rendered once the run's locale is known (`renderProblem`). */
export function problemAt(source: Pick<SourceFile, 'file'>, span: Span, severity: Problem['severity'], code: string, text: CatalogueText): PendingProblem {
  const problem: PendingProblem = { file: source.file, line: span.line, column: span.column, severity, code, text };
  return span.endLine !== undefined ? { ...problem, endLine: span.endLine, endColumn: span.endColumn } : problem;
}
/** The span between two offsets, clamped to the text; always at least line 1, column 1. */
export function rangeSpan(source: Pick<SourceFile, 'lines' | 'text'>, start: number, end: number): Span {
  const clamp = (offset: number): number => Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, source.text.length));
  const from = source.lines.linePos(clamp(start));
  const to = source.lines.linePos(clamp(Math.max(start, end)));
  const line = Math.max(1, from.line);
  const column = Math.max(1, from.col);
  return { line, column, endLine: Math.max(line, to.line), endColumn: to.line > line ? Math.max(1, to.col) : Math.max(column, to.col) };
}

function nodeSpan(source: SourceFile, node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return rangeSpan(source, range[0], range[1]);
}

/**
 * Where a key path was written. `part: 'key'` points at the last key itself (`retentoin:`), `'value'` at its value;
 * when the path does not exist (a missing key, a wrong type higher up) it points at the deepest part that does.
 */
export function locate(source: SourceFile, path: KeyPath, part: 'key' | 'value' = 'value'): Span {
  let node: unknown = source.document.contents;
  let keyNode: Node | undefined;
  let found = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) {
        found = false;
        break;
      }
      keyNode = pair.key as Node;
      node = pair.value;
      if (node === null || node === undefined) {
        // `retention:` with nothing after it: the key is all there is to point at.
        node = keyNode;
      }
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) {
        found = false;
        break;
      }
      keyNode = undefined;
      node = item;
    } else {
      found = false;
      break;
    }
  }
  const target = found && part === 'key' && keyNode ? keyNode : found ? (node as Node) : (keyNode ?? (node as Node));
  return nodeSpan(source, target) ?? nodeSpan(source, keyNode) ?? START_OF_FILE;
}

/**
 * Where the key at the end of `path` starts (for an item of a list: the item): the line and column of
 * `locate(source, path, 'key')`. The model's `location` of every entry is this; a file read fast answers it without
 * composing its document.
 */
export function locateStart(source: SourceFile, path: KeyPath): { readonly line: number; readonly column: number } {
  const start = source.keyStart?.(path);
  const span = start !== undefined ? rangeSpan(source, start, start) : locate(source, path, 'key');
  return { line: span.line, column: span.column };
}

/** Longer catalogues are refused before parsing: the largest real ones are well under a million characters. */
export const MAX_CATALOGUE_LENGTH = 10_000_000;

/** Deeper nesting is refused before composing; a catalogue needs five or six levels. */
export const MAX_NESTING = 64;

const COMPOSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: false, strict: true, logLevel: 'error' } as const;

/** `parseDocument` from tokens already parsed: the first document, and an error for any further one. */
function composeDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let document: Document.Parsed | undefined;
  for (const next of new Composer(COMPOSE_OPTIONS).compose(tokens, true, length)) {
    if (!document) document = next;
    else {
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // `compose(…, true)` always yields at least one document (an empty one for empty text).
  return document as Document.Parsed;
}

/** The offset of the first collection nested deeper than MAX_NESTING, walking the syntax tree without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token): [CST.Token, number] => [token, 0]).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    const collection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const inner = collection ? depth + 1 : depth;
    if (inner > MAX_NESTING) return token.offset;
    if ('value' in token && typeof token.value === 'object' && token.value !== null) stack.push([token.value, inner]);
    if ('items' in token) {
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item = token.items[i] as { key?: CST.Token | null; value?: CST.Token | null };
        if (item.value) stack.push([item.value, inner]);
        if (item.key) stack.push([item.key, inner]);
      }
    }
  }
  return undefined;
}

/**
 * Keys written twice in one block, as the parser's own DUPLICATE_KEY errors. The parser's check compares each key
 * with every earlier one (quadratic in the size of a block: 20,000 roles took seconds); this one keeps a set per block.
 */
function duplicateKeys(document: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [document.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        const key = item.key;
        if (isScalar(key)) {
          const name = `${typeof key.value}\0${String(key.value)}`;
          if (seen.has(name) && key.range) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(name);
        }
        stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Each block's pairs by key, built once per block: `locate` is called for every entry of the catalogue. */
const PAIRS = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(node: YAMLMap): Map<string, Pair> {
  let pairs = PAIRS.get(node);
  if (!pairs) {
    pairs = new Map();
    for (const item of node.items) {
      // The first pair with a key wins, as the linear search this replaces did.
      if (isPair(item) && isScalar(item.key) && !pairs.has(String(item.key.value))) pairs.set(String(item.key.value), item);
    }
    PAIRS.set(node, pairs);
  }
  return pairs;
}
