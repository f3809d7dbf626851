/**
 * Help for the FG while editing the catalogue: what a key means (hover, from the JSON Schema's descriptions) and which
 * ids a value may name (completion). The key path is read from the text's indentation and flow brackets rather than
 * from a YAML parse, because while the FG types the document is often not valid YAML.
 */
import { CLOCK_STARTS, CONSENT_FROM, LEGAL_BASES } from '@avglint/rules';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { allowedCatalogueKeys, describeCatalogueKey } from './core';

/** Where the cursor is in the catalogue's structure. */
export interface KeyContext {
  /** Keys from the top down to the mapping the cursor is in (list items add no segment). */
  readonly parents: readonly string[];
  /** The key on the cursor's line, when the cursor is on or after one. */
  readonly key?: string;
  /** The cursor is in a value (after `key:` or in a list under a key), not in a key. */
  readonly inValue: boolean;
  /** The word under the cursor and where it starts and ends on the line. */
  readonly word: { readonly text: string; readonly start: number; readonly end: number };
}

const KEY_RE = /^(\s*)(?:-\s+)?([A-Za-z0-9_.-]+|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, '');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** Keys of the block mappings enclosing `lineIndex`, found by walking up to lines with less indentation. */
function blockParents(lines: readonly string[], lineIndex: number, indent: number): string[] {
  const parents: string[] = [];
  let limit = indent;
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i] ?? '';
    if (isBlankOrComment(line)) continue;
    const lineIndent = indentOf(line);
    const itemIndent = /^\s*-\s+/.test(line) ? lineIndent + (line.trimStart().match(/^-\s+/)?.[0].length ?? 2) : lineIndent;
    const match = KEY_RE.exec(line);
    if (match && itemIndent < limit) {
      parents.unshift(unquote(match[2] ?? ''));
      limit = lineIndent;
    } else if (lineIndent < limit) {
      limit = lineIndent;
    }
  }
  return parents;
}

export function keyContextAt(text: string, offset: number): KeyContext {
  const before = text.slice(0, offset);
  const lineIndex = before.split('\n').length - 1;
  const lines = text.split('\n');
  const line = (lines[lineIndex] ?? '').replace(/\r$/, '');
  const column = offset - (before.lastIndexOf('\n') + 1);
  const wordStart = column - (/[A-Za-z0-9_.-]*$/.exec(line.slice(0, column))?.[0].length ?? 0);
  const wordEnd = column + (/^[A-Za-z0-9_.-]*/.exec(line.slice(column))?.[0].length ?? 0);
  const word = { text: line.slice(wordStart, wordEnd), start: wordStart, end: wordEnd };

  const match = KEY_RE.exec(line);
  const contentIndent = /^\s*-\s+/.test(line) ? indentOf(line) + (line.trimStart().match(/^-\s+/)?.[0].length ?? 2) : indentOf(line);
  const parents = blockParents(lines, lineIndex, isBlankOrComment(line) && line.trim() === '' ? column : contentIndent);
  if (!match) {
    // A list item or a bare word: in a value of the parent key when the line is a list item, else typing a key.
    const isItem = /^\s*-/.test(line);
    return isItem ? { parents: parents.slice(0, -1), key: parents[parents.length - 1], inValue: true, word } : { parents, inValue: false, word };
  }
  const key = unquote(match[2] ?? '');
  const keyEnd = line.indexOf(':', (match[1] ?? '').length + (match[0].trimStart().startsWith('-') ? 1 : 0));
  if (column <= keyEnd) return { parents, key, inValue: false, word };
  // After `key:`, look into flow mappings and sequences on the same line: `{ label: x, retention: |`.
  const isKeyWord = word.text !== '' && /^\s*:(\s|$)/.test(line.slice(word.end));
  const scanned = line.slice(keyEnd + 1, isKeyWord ? word.start : column);
  const tokens = scanned.match(/[{}[\],]|[A-Za-z0-9_.-]+\s*:(?=\s|$)|"[^"]*"|'[^']*'|[^\s{}[\],]+/g) ?? [];
  const stack: string[] = [key];
  const frames: { opened: boolean; mapping: boolean }[] = [];
  let current: string | undefined;
  for (const token of tokens) {
    if (token === '{' || token === '[') {
      const opened = current !== undefined;
      if (opened) stack.push(current as string);
      frames.push({ opened, mapping: token === '{' });
      current = undefined;
    } else if (token === '}' || token === ']') {
      if (frames.pop()?.opened) stack.pop();
      current = undefined;
    } else if (token === ',') {
      if (frames[frames.length - 1]?.mapping) current = undefined;
    } else if (/:\s*$/.test(token)) {
      current = token.replace(/\s*:\s*$/, '');
    }
  }
  const innermost = frames[frames.length - 1];
  if (isKeyWord || (innermost?.mapping && current === undefined)) {
    return { parents: [...parents, ...stack], key: isKeyWord ? word.text : undefined, inValue: false, word };
  }
  if (current !== undefined) return { parents: [...parents, ...stack], key: current, inValue: true, word };
  const valueKey = stack.pop();
  return { parents: [...parents, ...stack], key: valueKey, inValue: true, word };
}

interface CatalogueIds {
  readonly categories: readonly string[];
  readonly retention: readonly string[];
  readonly roles: readonly string[];
  readonly purposes: readonly string[];
  readonly processors: readonly string[];
}

/** The ids the FG has written so far; the YAML parser recovers from most errors, so this works while typing. */
export function idsOf(text: string): CatalogueIds {
  let value: unknown;
  try {
    // Duplicate keys are the loader's to report; the parser's own check is quadratic in the size of a block.
    value = parseDocument(text, { prettyErrors: false, uniqueKeys: false }).toJS({ maxAliasCount: 0 });
  } catch {
    value = undefined;
  }
  const keys = (section: string): string[] => {
    const node = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[section] : undefined;
    return typeof node === 'object' && node !== null && !Array.isArray(node) ? Object.keys(node) : [];
  };
  return { categories: keys('categories'), retention: keys('retention'), roles: keys('roles'), purposes: keys('purposes'), processors: keys('processors') };
}

type ValueKind = 'category' | 'retention' | 'role' | 'purpose' | 'processor' | 'legalBasis' | 'starts' | 'consentFrom' | 'processorRole';

/** Which kind of id a value at this key path names, if any. */
function valueKind(parents: readonly string[], key: string | undefined): ValueKind | undefined {
  const top = parents[0];
  const depth = parents.length;
  if (key === undefined) return undefined;
  if (top === 'categories' && depth === 2) {
    if (key === 'retention') return 'retention';
    if (key === 'alternative') return 'category';
  }
  if (top === 'processors' && depth === 2) {
    if (key === 'receives') return 'category';
    if (key === 'legalBasis') return 'legalBasis';
    if (key === 'role') return 'processorRole';
  }
  if (top === 'processors' && depth === 3 && parents[2] === 'consent' && key === 'from') return 'consentFrom';
  if (top === 'retention' && depth === 2 && key === 'starts') return 'starts';
  if (top === 'access' && depth === 2) {
    if (key === 'roles') return 'role';
    if (key === 'purposes') return 'purpose';
  }
  if (top === 'sanitisers' && (key === 'removes' || key === 'produces')) return 'category';
  return undefined;
}

function enumItems(values: Readonly<Record<string, string>>): CompletionItem[] {
  return Object.entries(values).map(([id, text]) => ({ label: id, kind: CompletionItemKind.EnumMember, detail: text }));
}

export function catalogueCompletion(document: TextDocument, position: Position): CompletionItem[] {
  const text = document.getText();
  const context = keyContextAt(text, document.offsetAt(position));
  const ids = idsOf(text);
  const idItems = (list: readonly string[], kind: string): CompletionItem[] =>
    list.map((id) => ({ label: id, kind: CompletionItemKind.Reference, detail: `${kind} id` }));
  if (context.inValue) {
    switch (valueKind(context.parents, context.key)) {
      case 'category':
        return idItems(ids.categories, 'category');
      case 'retention':
        return idItems(ids.retention, 'retention term');
      case 'role':
        return idItems(ids.roles, 'role');
      case 'purpose':
        return idItems(ids.purposes, 'purpose');
      case 'processor':
        return idItems(ids.processors, 'processor');
      case 'legalBasis':
        return enumItems(LEGAL_BASES);
      case 'starts':
        return enumItems(CLOCK_STARTS);
      case 'consentFrom':
        return enumItems(CONSENT_FROM);
      case 'processorRole':
        return enumItems({ processor: 'verwerker: processes the data for the school, under a verwerkersovereenkomst', recipient: 'ontvanger: receives the data for its own (legal) task' });
      default:
        return [];
    }
  }
  // Typing a key: the ids of categories under `access`, else the keys the schema allows here.
  if (context.parents.length === 1 && context.parents[0] === 'access') return idItems(ids.categories, 'category');
  return allowedCatalogueKeys(context.parents).map((key) => ({
    label: key,
    kind: CompletionItemKind.Property,
    documentation: describeCatalogueKey([...context.parents, key]),
    insertText: `${key}: `,
  }));
}

export function catalogueHover(document: TextDocument, position: Position): Hover | null {
  const text = document.getText();
  const context = keyContextAt(text, document.offsetAt(position));
  if (context.word.text === '') return null;
  const range = { start: { line: position.line, character: context.word.start }, end: { line: position.line, character: context.word.end } };
  if (!context.inValue && context.key === context.word.text) {
    const keyPath = [...context.parents, context.key];
    const description = describeCatalogueKey(keyPath);
    if (!description) return null;
    const isId = allowedCatalogueKeys(context.parents).length === 0 && context.parents.length > 0;
    const heading = isId ? `\`${context.key}\` — an id in \`${context.parents.join('.')}\`` : `\`${keyPath.join('.')}\``;
    return { contents: { kind: MarkupKind.Markdown, value: `**${heading}**\n\n${description}` }, range };
  }
  if (context.inValue) {
    const kind = valueKind(context.parents, context.key);
    const value = context.word.text;
    const enums: Partial<Record<ValueKind, Readonly<Record<string, string>>>> = { legalBasis: LEGAL_BASES, starts: CLOCK_STARTS, consentFrom: CONSENT_FROM };
    const enumText = kind ? enums[kind]?.[value] : undefined;
    if (enumText) return { contents: { kind: MarkupKind.Markdown, value: `\`${value}\`: ${enumText}` }, range };
    const description = context.key ? describeCatalogueKey([...context.parents, context.key]) : undefined;
    if (kind && description) return { contents: { kind: MarkupKind.Markdown, value: `\`${value}\` — a ${kind} id.\n\n${description}` }, range };
  }
  return null;
}
