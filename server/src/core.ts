/**
 * The server's view of the core: the loader, suppressions and the schema, re-exported or adapted in one place (the
 * suppressions with ESLint's semantics, the schema walk for key completion in the catalogue).
 */
import {
  applySuppressions as coreApplySuppressions,
  CATALOGUE_FILE_NAMES,
  CATALOGUE_SCHEMA,
  parseSuppressions,
  type Finding,
} from '@avglint/rules';
import * as path from 'node:path';
import type * as ts from 'typescript';

export { describeCatalogueKey, findCatalogue, loadCatalogue, loadCatalogueFromText, type CatalogueHost } from '@avglint/rules';

/** `avglint.catalogue.yaml`, or a shared base such as `groep.avglint.catalogue.yaml` that others extend. */
export function isCatalogueFileName(fileName: string): boolean {
  const base = path.basename(fileName);
  return CATALOGUE_FILE_NAMES.some((name) => base === name || base.endsWith(`.${name}`));
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
