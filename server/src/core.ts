/**
 * The server's view of the core. Most of it is re-exported as is; two pieces are adapted here in one place: the
 * classifier for hovers (`classifyAt`, which the core may not export yet: the hover then falls back to the core's own
 * lookup tables) and the schema walk for key completion in the catalogue.
 */
import * as rules from '@avglint/rules';
import {
  applySuppressions as coreApplySuppressions,
  CATALOGUE_FILE_NAMES,
  CATALOGUE_SCHEMA,
  parseSuppressions,
  type Catalogue,
  type Category,
  type Finding,
} from '@avglint/rules';
import * as path from 'node:path';
import type * as ts from 'typescript';

export { describeCatalogueKey, findCatalogue, loadCatalogue, loadCatalogueFromText, type CatalogueHost } from '@avglint/rules';

export function isCatalogueFileName(fileName: string): boolean {
  return (CATALOGUE_FILE_NAMES as readonly string[]).includes(path.basename(fileName));
}

/** What the core tells about a piece of code at a position. */
export interface Classification {
  readonly categories: readonly Category[];
  readonly range?: { readonly start: number; readonly end: number };
}

type ClassifyAt = (input: { sourceFile: ts.SourceFile; program?: ts.Program; catalogue: Catalogue; position: number }) => unknown;

/** The categories of the expression at `position`, from the core's classifier when it exports one. */
export function classifyAt(sourceFile: ts.SourceFile, program: ts.Program | undefined, catalogue: Catalogue, position: number): Classification | undefined {
  const classify = (rules as unknown as { classifyAt?: ClassifyAt }).classifyAt;
  if (typeof classify !== 'function') return undefined;
  const result = classify({ sourceFile, program, catalogue, position });
  if (!result || typeof result !== 'object') return undefined;
  const categories = (result as { categories?: unknown }).categories;
  if (!Array.isArray(categories)) return undefined;
  const resolved = categories
    .map((c: unknown) => (typeof c === 'string' ? catalogue.categories.get(c) : (c as Category | undefined)))
    .filter((c): c is Category => c !== undefined && typeof c === 'object' && typeof c.id === 'string');
  const range = (result as { range?: { start: number; end: number } }).range;
  return { categories: resolved, range };
}

/**
 * Applies the file's `eslint-disable` comments to the findings exactly as ESLint does. Like ESLint, expired
 * suppressions still suppress here; `require-suppression-reason` (given `now` by the analysis) reports them.
 */
export function applySuppressions(sourceFile: ts.SourceFile, findings: readonly Finding[]): readonly Finding[] {
  return coreApplySuppressions(findings, parseSuppressions(sourceFile), sourceFile);
}

type SchemaNode = Readonly<Record<string, unknown>>;

function resolveRef(node: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  const defs = (CATALOGUE_SCHEMA as unknown as SchemaNode)['$defs'] as Record<string, SchemaNode> | undefined;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return defs?.[ref.slice('#/$defs/'.length)] ?? node;
  return node;
}

/** The keys the schema allows in the mapping a key path leads to (for key completion); none for maps of ids. */
export function allowedCatalogueKeys(keyPath: readonly string[]): readonly string[] {
  let node = resolveRef(CATALOGUE_SCHEMA as unknown as SchemaNode);
  for (const segment of keyPath) {
    const properties = node['properties'] as Record<string, SchemaNode> | undefined;
    const additional = node['additionalProperties'];
    if (properties && Object.prototype.hasOwnProperty.call(properties, segment)) node = resolveRef(properties[segment] as SchemaNode);
    else if (additional && typeof additional === 'object') node = resolveRef(additional as SchemaNode);
    else return [];
    // A list of mappings (sanitisers): the block parent is the list's key; its items hold the keys.
    const itemNode = node['items'];
    if (node['type'] === 'array' && itemNode && typeof itemNode === 'object' && !Array.isArray(itemNode)) node = resolveRef(itemNode as SchemaNode);
  }
  const properties = node['properties'];
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}
