/**
 * The parts of the core's API the server uses that colleagues are landing while the server is written (the catalogue
 * loader, suppressions, classification, the schema describer). Reaching them through this one module keeps the rest
 * of the server typed against the documented contracts (TEAM.md / ARCHITECTURE.md) and lets it degrade with a clear
 * problem, instead of failing to load, while a piece is missing.
 */
import * as path from 'node:path';
import * as rules from '@avglint/rules';
import type { Catalogue, Category, Finding, Problem } from '@avglint/rules';
import type * as ts from 'typescript';

export interface CatalogueHost {
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
}

export interface CatalogueLoadResult {
  readonly catalogue?: Catalogue;
  readonly problems: readonly Problem[];
}

interface LoaderApi {
  loadCatalogue(fileName: string, host: CatalogueHost, options?: { root?: string }): CatalogueLoadResult;
  loadCatalogueFromText(fileName: string, text: string, host: CatalogueHost, options?: { root?: string }): CatalogueLoadResult;
  findCatalogue(fromFile: string, host: CatalogueHost): string | undefined;
  describeCatalogueKey(path: readonly (string | number)[]): string | undefined;
  allowedCatalogueKeys(path: readonly (string | number)[]): readonly string[];
}

/** What the core tells about a piece of code at a position (H3a's `classifyAt`). */
export interface Classification {
  readonly categories: readonly Category[];
  readonly range?: { readonly start: number; readonly end: number };
}

interface AnalysisExtrasApi {
  classifyAt(input: { sourceFile: ts.SourceFile; program?: ts.Program; catalogue: Catalogue; position: number }): unknown;
  parseSuppressions(sourceFile: ts.SourceFile): unknown;
  applySuppressions(findings: readonly Finding[], suppressions: unknown, sourceFile: ts.SourceFile): unknown;
}

const api = rules as unknown as Partial<LoaderApi & AnalysisExtrasApi>;

const CATALOGUE_NAMES = ['avglint.catalogue.yaml', 'avglint.catalogue.yml'];

export function isCatalogueFileName(fileName: string): boolean {
  return CATALOGUE_NAMES.includes(path.basename(fileName));
}

function loaderMissing(fileName: string): CatalogueLoadResult {
  return {
    problems: [
      {
        file: fileName,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'catalogue/loader-unavailable',
        message: 'This build of avglint has no catalogue loader, so the catalogue cannot be read.',
        hint: 'Rebuild avglint (npm run build); the loader lives in @avglint/rules.',
      },
    ],
  };
}

export function loadCatalogue(fileName: string, host: CatalogueHost): CatalogueLoadResult {
  return api.loadCatalogue ? api.loadCatalogue(fileName, host) : loaderMissing(fileName);
}

export function loadCatalogueFromText(fileName: string, text: string, host: CatalogueHost): CatalogueLoadResult {
  return api.loadCatalogueFromText ? api.loadCatalogueFromText(fileName, text, host) : loaderMissing(fileName);
}

/** The nearest catalogue upward from a file; the same search ESLint and the CLI do. */
export function findCatalogue(fromFile: string, host: CatalogueHost): string | undefined {
  if (api.findCatalogue) return api.findCatalogue(fromFile, host);
  let dir = path.dirname(fromFile);
  for (;;) {
    for (const name of CATALOGUE_NAMES) {
      const candidate = path.join(dir, name);
      if (host.fileExists(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function describeCatalogueKey(keyPath: readonly (string | number)[]): string | undefined {
  return api.describeCatalogueKey?.(keyPath);
}

export function allowedCatalogueKeys(keyPath: readonly (string | number)[]): readonly string[] {
  return api.allowedCatalogueKeys?.(keyPath) ?? [];
}

/** The categories of the expression at `position`, from the core's classifier when it is there. */
export function classifyAt(sourceFile: ts.SourceFile, program: ts.Program | undefined, catalogue: Catalogue, position: number): Classification | undefined {
  if (!api.classifyAt) return undefined;
  const result = api.classifyAt({ sourceFile, program, catalogue, position });
  if (!result || typeof result !== 'object') return undefined;
  const categories = (result as { categories?: unknown }).categories;
  if (!Array.isArray(categories)) return undefined;
  const resolved = categories
    .map((c: unknown) => (typeof c === 'string' ? catalogue.categories.get(c) : (c as Category | undefined)))
    .filter((c): c is Category => c !== undefined && typeof c === 'object' && typeof c.id === 'string');
  const range = (result as { range?: { start: number; end: number } }).range;
  return { categories: resolved, range };
}

export interface SuppressedResult {
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}

/**
 * Applies the `eslint-disable` comments of the file to the findings, with the core's parser, so the editor hides
 * exactly what ESLint hides. Until the core exports it, findings pass through unchanged.
 */
export function applySuppressions(sourceFile: ts.SourceFile, findings: readonly Finding[]): SuppressedResult {
  if (!api.parseSuppressions || !api.applySuppressions) return { findings, problems: [] };
  const suppressions = api.parseSuppressions(sourceFile);
  const result = api.applySuppressions(findings, suppressions, sourceFile);
  if (Array.isArray(result)) return { findings: result as Finding[], problems: [] };
  const shaped = result as { findings?: Finding[]; problems?: Problem[] };
  return { findings: shaped.findings ?? findings, problems: shaped.problems ?? [] };
}
