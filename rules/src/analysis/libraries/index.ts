/**
 * Every library avglint knows, by family, and the indexes the interpreter (`flow/apis.ts`) looks them up by. The
 * tables are the single source: the sink lists in docs/rules/no-unauthorised-transfer.md and
 * no-personal-data-in-logs.md are checked against them (test/unit/flow/libraries.test.ts).
 */
import { LIBRARIES } from './all';
import { LIBRARY_RESULTS } from './results';
import type { Library, LibraryResults, ResultShape } from './types';

export type { DataSlot, DestinationSource, Family, Library, LibraryResults, Maker, Operation, Receiver, ResultShape, Shape, Slot } from './types';
export { LIBRARY_RESULTS } from './results';
export { GENERIC_SDK } from './sdks';
export { librariesMarkdown, resultShapesMarkdown } from './docs';

export { LIBRARIES } from './all';

/**
 * Dependency injection: calls that return an instance of the class they are given (`inject(HttpClient)` in Angular).
 */
export const INJECTORS: readonly { readonly module: string; readonly name: string; readonly arg: number }[] = [{ module: '@angular/core', name: 'inject', arg: 0 }];

const byModule = new Map<string, Library>();
const byGlobal = new Map<string, Library>();
const byInstanceName: Library[] = [];
const byImportedInstanceName: Library[] = [];
for (const library of LIBRARIES) {
  for (const module of library.modules) byModule.set(module, library);
  for (const global of library.globals ?? []) byGlobal.set(global, library);
  if (library.instanceNames) byInstanceName.push(library);
  if (library.importedInstanceNames) byImportedInstanceName.push(library);
}

/** The library a module name (or a subpath of it: `@sentry/node/esm`) belongs to. */
export function libraryOfModule(module: string): Library | undefined {
  const exact = byModule.get(module);
  if (exact) return exact;
  // `node:` builtins and scoped packages: try the package part of a subpath.
  const slash = module.startsWith('@') ? module.indexOf('/', module.indexOf('/') + 1) : module.indexOf('/');
  return slash > 0 ? byModule.get(module.slice(0, slash)) : undefined;
}

/** The library a global name is (`fetch`, `navigator`, `Sentry`). */
export function libraryOfGlobal(name: string): Library | undefined {
  return byGlobal.get(name);
}

/** The library whose instances are received under this name (a parameter `logger`), if any. */
export function libraryOfInstanceName(name: string): Library | undefined {
  for (const library of byInstanceName) if (library.instanceNames?.test(name)) return library;
  return undefined;
}

/** The libraries whose instances are conventionally named so in a project that imports them (`client`). */
export function librariesOfImportedInstanceName(name: string): readonly Library[] {
  // Asked for every member and parameter name the interpreter meets, nearly always in vain: no array unless one matches.
  let found: Library[] | undefined;
  for (const library of byImportedInstanceName) if (library.importedInstanceNames?.test(name) === true) (found ??= []).push(library);
  return found ?? NO_LIBRARIES;
}

const NO_LIBRARIES: readonly Library[] = [];

/** Whether a module is one of a processor's `modules` entries (itself or a subpath of it). */
export function moduleMatches(listed: string, module: string): boolean {
  return module === listed || module.startsWith(`${listed}/`);
}

/** A known result shape (`results.ts`) and the library it belongs to. */
export interface KnownResult {
  readonly library: LibraryResults;
  readonly shape: ResultShape;
}

const resultsByModule = new Map<string, LibraryResults>();
const resultNames = new Set<string>();
for (const results of LIBRARY_RESULTS) {
  for (const module of results.modules) resultsByModule.set(module, results);
  for (const name of [...Object.keys(results.functions ?? {}), ...Object.keys(results.methods ?? {})]) resultNames.add(name);
}

/** Whether some library's function or method has this name: a cheap test before anything is resolved. */
export function mayHaveKnownResult(name: string): boolean {
  return resultNames.has(name);
}

/** What a function a module exports returns (`useSession` of `next-auth/react`). */
export function resultOfFunction(module: string, name: string): KnownResult | undefined {
  const library = resultsByModule.get(module);
  const shape = library?.functions && own(library.functions, name);
  return library && shape ? { library, shape } : undefined;
}

/** What a method of an instance of a class a module exports returns (`getOwnTimetableFor` of `WebUntis`). */
export function resultOfMethod(module: string, className: string, method: string): KnownResult | undefined {
  const library = resultsByModule.get(module);
  if (!library?.classes?.includes(className)) return undefined;
  const shape = library.methods && own(library.methods, method);
  return shape ? { library, shape } : undefined;
}

/** A table's own entry (never `toString` or `constructor` of `Object.prototype`). */
function own(table: Readonly<Record<string, ResultShape>>, key: string): ResultShape | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
