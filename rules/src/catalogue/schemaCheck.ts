/**
 * Structure: the catalogue's data checked against the JSON Schema with Ajv, each Ajv error turned into a problem at
 * the YAML key or value it is about, in words the FG can act on.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import { validate as validateCatalogue } from './catalogueValidator';
import { problemText, type PendingProblem, type SchemaType } from './problemText';
import { allowedCatalogueKeys } from './schema';
import { locate, problemAt, type KeyPath, type SourceFile } from './source';
import { closest } from './words';

/**
 * The schema's validator, compiled ahead of time (`rules/scripts/build-validator.mjs`, Ajv standalone code): compiling
 * `CATALOGUE_SCHEMA` with Ajv when a process first loads a catalogue was its largest single cost in ESLint
 * (BENCHMARKS.md). A test compiles the schema again and compares, so the module cannot drift from the schema.
 */
const validator = validateCatalogue as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

function validate(data: unknown): readonly ErrorObject[] {
  return validator(data) ? [] : (validator.errors ?? []);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[String(segment)];
  }
  return value;
}

/** Checks one file's data against the schema; pushes one problem per distinct mistake (its words come later). */
export function checkStructure(source: SourceFile, problems: PendingProblem[]): void {
  const data = source.data;
  if (data === null || data === undefined) {
    problems.push(problemAt(source, { line: 1, column: 1 }, 'error', 'catalogue/empty', problemText('empty', {})));
    return;
  }
  const seen = new Set<string>();
  const errors = validate(data);
  // A misspelt key (`retentoin`) also makes the real key missing; the "did you mean" says it all, so the missing-key
  // problem for the same object is left out.
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const near = closest(String((error.params as Record<string, unknown>)['additionalProperty']), allowedCatalogueKeys(pointerToPath(error.instancePath)));
    if (near !== undefined) misspelt.add(`${error.instancePath}\0${near}`);
  }
  for (const error of errors) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}\0${String((error.params as Record<string, unknown>)['missingProperty'])}`)) continue;
    // The pattern error inside `propertyNames` repeats what the `propertyNames` error says.
    if (error.propertyName !== undefined) continue;
    const problem = toProblem(source, data, error);
    if (!problem) continue;
    const key = `${problem.line}:${problem.column}:${problem.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
}

function toProblem(source: SourceFile, data: unknown, error: ErrorObject): PendingProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = allowedCatalogueKeys(path);
      const near = closest(key, allowed);
      return problemAt(source, locate(source, [...path, key], 'key'), 'error', 'catalogue/unknown-key', problemText('unknownKey', { key, path, allowed, ...(near !== undefined ? { near } : {}) }));
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      if (path[0] === 'categories' && path.length === 2 && missing === 'retention') {
        return missingRetention(source, path);
      }
      return problemAt(source, locate(source, path, 'key'), 'error', 'catalogue/missing-key', problemText('missingKey', { path, missing }));
    }
    case 'type':
      return problemAt(source, locate(source, path), 'error', 'catalogue/wrong-type', problemText('wrongType', { path, type: schemaType(params['type']), value }));
    case 'enum':
      return problemAt(source, locate(source, path), 'error', 'catalogue/bad-value', problemText('badEnum', { path, value, allowed: (params['allowedValues'] as unknown[]).map(String) }));
    case 'const':
      return problemAt(source, locate(source, path), 'error', 'catalogue/bad-value', problemText('badConst', { path, value, allowed: params['allowedValue'] }));
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      if (path[0] === 'categories' && path.length === 3 && path[2] === 'retention') return missingRetention(source, path.slice(0, 2));
      return problemAt(source, locate(source, path), 'error', 'catalogue/empty-value', problemText('emptyValue', { path, block: error.keyword === 'minProperties' }));
    case 'propertyNames': {
      const id = String(params['propertyName']);
      return problemAt(source, locate(source, [...path, id], 'key'), 'error', 'catalogue/bad-id', problemText('badId', { path, id }));
    }
    default:
      return problemAt(source, locate(source, path), 'error', 'catalogue/invalid', problemText('invalid', { path, schema: error.message ?? 'is not valid' }));
  }
}

function missingRetention(source: SourceFile, categoryPath: KeyPath): PendingProblem {
  return problemAt(source, locate(source, categoryPath, 'key'), 'error', 'catalogue/missing-retention', problemText('missingRetention', { category: String(categoryPath[1]) }));
}

function schemaType(type: unknown): SchemaType {
  return Array.isArray(type) ? type.map(String) : String(type);
}
