/**
 * The fast reading of a plain catalogue. The `yaml` package's parser, which gives every node its position, is
 * linear but slow (a 20,000-entry catalogue: about 1.3 s of its parser and composer, most of the load). `js-yaml`
 * builds the same data about ten times faster; a listener on its events records where each node starts and ends, so
 * the place of every entry's key is known without the `yaml` package.
 *
 * The fast reading is used only when it cannot differ from the `yaml` package's: the file must read without any
 * complaint from `js-yaml`, and hold nothing the two libraries could read differently (tags, anchors and aliases,
 * directives, a lone carriage return as a line break, a byte-order mark after the start, keys that are not text or are
 * longer than 1,024 characters, a list or a block as a key). Every pair and item of every block and list is checked
 * against the data it built. Anything else, and every file with a mistake, is read by the `yaml` package (source.ts),
 * whose errors and positions the loader reports; a file read fast is composed with positions only when a problem
 * needs a place (`locate`).
 */
import { FAILSAFE_SCHEMA, load, Type, type LoadOptions, type State } from 'js-yaml';
import { isScalar, Schema as YamlSchema, type ScalarTag } from 'yaml';
import type { KeyPath } from './source';

/** One node as `js-yaml` composed it: its offsets, kind, value and the nodes composed inside it, in order. */
interface Frame {
  readonly start: number;
  end: number;
  kind: string | null;
  result: unknown;
  readonly children: Frame[];
}

export interface PlainReading {
  readonly data: unknown;
  /**
   * The offset where the key at the end of `path` starts (for an item of a list: the item), as the `yaml` package
   * places it; undefined when the path is not in the file.
   */
  keyStart(path: KeyPath): number | undefined;
}

/**
 * What may read differently in the two libraries, or needs the `yaml` package's own problem: a tag, anchor or alias
 * (`!`, `&`, `*` starting a node), a directive line, a carriage return that is not part of `\r\n`, a byte-order mark
 * after the first character. Cautious on purpose: a label such as `*belangrijk*` only costs the slower reading.
 */
const NOT_PLAIN = /(?:^|[\s,[{])[!&*][^\s,[\]{}]|^%|\r(?!\n)|.\uFEFF/mu;

/**
 * Plain scalars (`~`, `true`, `0x1F`, `1e999`…) are resolved by the `yaml` package's own core-schema tags, in its
 * order: the two libraries' core schemas differ at the edges (`1e999`, `+.5`, `0b11`).
 */
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: new YamlSchema({ schema: 'core' }).tags
    .filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test instanceof RegExp)
    .map(
      (tag, index) =>
        new Type(`tag:avglint,2026:core-${index}`, {
          kind: 'scalar',
          resolve: (data: unknown) => typeof data === 'string' && tag.test.test(data),
          construct: (data: string) => {
            // Some tags keep how the value was written (`1.50`, `Null`) in a Scalar of their own; the data is its value.
            const value = tag.resolve(data, () => undefined, { intAsBigInt: false });
            return isScalar(value) ? value.value : value;
          },
        }),
    ),
});

/** Keys longer than this are an error in the `yaml` package (YAML 1.2 limits implicit keys to 1,024 characters). */
const MAX_KEY_LENGTH = 1_024;

/**
 * The data of `text` and the places of its keys, or undefined when the fast reading does not apply (see above) and
 * the `yaml` package must read the file. `maxDepth` bounds the nesting of nodes (deeper files go to the `yaml` path,
 * which reports them at their place).
 */
export function readPlain(text: string, maxDepth: number): PlainReading | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const top: Frame = { start: 0, end: 0, kind: null, result: undefined, children: [] };
  const stack: Frame[] = [top];
  let warned = false;
  const options: LoadOptions & { maxDepth: number } = {
    schema: SCHEMA,
    maxDepth,
    onWarning: () => {
      warned = true;
    },
    listener: (event: 'open' | 'close', state: State) => {
      if (event === 'open') {
        const frame: Frame = { start: state.position, end: state.position, kind: null, result: undefined, children: [] };
        (stack[stack.length - 1] as Frame).children.push(frame);
        stack.push(frame);
      } else {
        const frame = stack.pop() as Frame;
        frame.end = state.position;
        frame.kind = state.kind;
        frame.result = state.result;
      }
    },
  };
  let data: unknown;
  try {
    data = load(text, options);
  } catch {
    return undefined;
  }
  const root = top.children[0];
  if (warned || root === undefined || top.children.length !== 1 || !Object.is(root.result, data)) return undefined;
  const keys = indexKeys(root, text);
  if (keys === undefined) return undefined;
  return {
    data,
    keyStart(path) {
      let frame: Frame | undefined = root;
      let start: number | undefined;
      for (const segment of path) {
        const pairs: Map<string, [Frame, Frame]> | undefined = keys.get(frame);
        if (pairs !== undefined) {
          const pair = pairs.get(String(segment));
          if (pair === undefined) return undefined;
          start = pair[0].start;
          frame = pair[1];
        } else if (frame.kind === 'sequence' && typeof segment === 'number' && frame.children[segment] !== undefined) {
          frame = frame.children[segment];
          start = frame.start;
        } else return undefined;
      }
      return start;
    },
  };
}

/**
 * Each block's pairs by key, after checking that the nodes `js-yaml` reported are exactly the data it built: every
 * block a sequence of (text key, value) pairs whose values are the block's own, every list one node per item. Any
 * other shape (a key without a value in `{ a, b }`, a list or a number as a key, a pair inside a list) returns
 * undefined: the `yaml` package reads that file. Walks without recursion.
 */
function indexKeys(root: Frame, text: string): Map<Frame, Map<string, [Frame, Frame]>> | undefined {
  const index = new Map<Frame, Map<string, [Frame, Frame]>>();
  const pending = [root];
  for (let frame = pending.pop(); frame !== undefined; frame = pending.pop()) {
    const { children, result } = frame;
    if (frame.kind === 'mapping') {
      const object = result as Record<string, unknown>;
      if (children.length % 2 !== 0 || Object.keys(object).length !== children.length / 2) return undefined;
      const pairs = new Map<string, [Frame, Frame]>();
      for (let i = 0; i < children.length; i += 2) {
        const key = children[i] as Frame;
        const value = children[i + 1] as Frame;
        // A key starts where it was opened; one that starts with a space or a comment came after `? ` (an explicit key).
        if (key.kind !== 'scalar' || typeof key.result !== 'string' || key.children.length > 0 || /[\s#]/.test(text[key.start] ?? ' ')) return undefined;
        if (keyLength(key, text) > MAX_KEY_LENGTH || pairs.has(key.result) || !Object.hasOwn(object, key.result) || !Object.is(object[key.result], value.result)) return undefined;
        pairs.set(key.result, [key, value]);
        pending.push(value);
      }
      index.set(frame, pairs);
    } else if (frame.kind === 'sequence') {
      const items = result as unknown[];
      if (children.length !== items.length) return undefined;
      for (let i = 0; i < children.length; i++) {
        const item = children[i] as Frame;
        if (!Object.is(item.result, items[i])) return undefined;
        pending.push(item);
      }
    } else if (children.length > 0) {
      // A scalar composed from nodes inside it is a shape the checks above do not cover.
      return undefined;
    }
  }
  return index;
}

/** A key's length without the spaces `js-yaml` read after it (`label :`). */
function keyLength(key: Frame, text: string): number {
  let end = key.end;
  while (end > key.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end - key.start;
}
