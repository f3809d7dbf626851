/**
 * Structure: the catalogue's data checked against the JSON Schema with Ajv, each Ajv error turned into a problem at
 * the YAML key or value it is about, in words the FG can act on.
 */
import type { ErrorObject } from 'ajv/dist/2020';
import type { Problem } from '../problem';
import { validate as validateCatalogue } from './catalogueValidator';
import { allowedCatalogueKeys } from './schema';
import { locate, problemAt, type KeyPath, type SourceFile } from './source';
import { closest, describeKind, describeType, describeValue, keyName, listWords, placeOf, suggestion } from './words';

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

/** Checks one file's data against the schema; pushes one problem per distinct mistake. */
export function checkStructure(source: SourceFile, problems: Problem[]): void {
  const data = source.data;
  if (data === null || data === undefined) {
    problems.push(
      problemAt(source, { line: 1, column: 1 }, 'error', 'catalogue/empty', 'The catalogue file is empty.', 'Start the file with `version: 1`, then add `categories`, `retention` and `processors` (see docs/catalogue.md).'),
    );
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

function toProblem(source: SourceFile, data: unknown, error: ErrorObject): Problem | undefined {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, path);
  const place = placeOf(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = allowedCatalogueKeys(path);
      const near = closest(key, allowed);
      const hint =
        near !== undefined
          ? `Did you mean \`${near}\`?`
          : allowed.length > 0
            ? `The keys allowed here are ${listWords(allowed)}.`
            : 'Remove this key.';
      return problemAt(source, locate(source, [...path, key], 'key'), 'error', 'catalogue/unknown-key', `Unknown key \`${key}\` in ${place}.`, hint);
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      if (path[0] === 'categories' && path.length === 2 && missing === 'retention') {
        return missingRetention(source, path);
      }
      return problemAt(
        source,
        locate(source, path, 'key'),
        'error',
        'catalogue/missing-key',
        `${capitalise(place)} has no \`${missing}\`.`,
        `Add \`${missing}:\` to ${place}. ${path.length === 0 ? '' : 'It is required.'}`.trim(),
      );
    }
    case 'type':
      return problemAt(
        source,
        locate(source, path),
        'error',
        'catalogue/wrong-type',
        // A whole file that is not a block of keys is not a catalogue: its content is never quoted (it may be any
        // file a path led to), only what kind of value it is.
        `${capitalise(keyName(path))} in ${place} must be ${describeType(params['type'])}, but it is ${path.length === 0 ? describeKind(value) : describeValue(value)}.`,
        typeHint(params['type']),
      );
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      return problemAt(
        source,
        locate(source, path),
        'error',
        'catalogue/bad-value',
        `${capitalise(keyName(path))} in ${place} cannot be ${describeValue(value)}.`,
        typeof value === 'string' ? suggestion(value, allowed, 'allowed values').replace('The allowed values in the catalogue are', 'Write one of') : `Write one of ${listWords(allowed)}.`,
      );
    }
    case 'const':
      return problemAt(source, locate(source, path), 'error', 'catalogue/bad-value', `${capitalise(keyName(path))} must be ${JSON.stringify(params['allowedValue'])}, but it is ${describeValue(value)}.`, `Write \`${keyName(path).replace(/`/g, '')}: ${JSON.stringify(params['allowedValue'])}\`.`);
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      if (path[0] === 'categories' && path.length === 3 && path[2] === 'retention') return missingRetention(source, path.slice(0, 2));
      return problemAt(source, locate(source, path), 'error', 'catalogue/empty-value', `${capitalise(keyName(path))} in ${place} is empty.`, error.keyword === 'minProperties' ? 'Give at least one entry, or remove the key.' : 'Fill it in, or remove the key.');
    case 'propertyNames': {
      const id = String(params['propertyName']);
      return problemAt(
        source,
        locate(source, [...path, id], 'key'),
        'error',
        'catalogue/bad-id',
        `\`${id}\` cannot be used as an id in ${place}.`,
        'Ids start with a letter and contain only letters, digits, `-`, `_` and `.` (for example `leerlingdossier` or `zorg-dossier`).',
      );
    }
    default:
      return problemAt(source, locate(source, path), 'error', 'catalogue/invalid', `${capitalise(keyName(path))} in ${place}: ${error.message ?? 'is not valid'}.`, 'Compare this entry with the examples in docs/catalogue.md.');
  }
}

function missingRetention(source: SourceFile, categoryPath: KeyPath): Problem {
  return problemAt(
    source,
    locate(source, categoryPath, 'key'),
    'error',
    'catalogue/missing-retention',
    `Category \`${String(categoryPath[1])}\` has no bewaartermijn (\`retention\`).`,
    'Every category needs a retention term: add `retention: <id>` with the id of a term under `retention:` (for example `retention: leerlingdossier`).',
  );
}

function typeHint(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  if (types.includes('boolean')) return 'Write `true` or `false` (without quotes).';
  if (types.includes('array') && types.includes('string')) return 'Write one id (`leerlingdossier`) or a list of them (`[leerlingdossier, examen]`).';
  if (types.includes('array')) return 'Write a list: `[a, b]` on one line, or one `- item` per line below the key.';
  if (types.includes('object')) return 'Write the keys of this block on the lines below, indented by two more spaces.';
  if (types.includes('string')) return 'Write text here; put it in quotes if it starts with a special character or looks like a number.';
  return 'Compare this entry with the examples in docs/catalogue.md.';
}

function capitalise(text: string): string {
  return text.length > 0 ? text[0]?.toUpperCase() + text.slice(1) : text;
}
