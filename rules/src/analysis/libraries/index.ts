/**
 * Every library avglint knows, by family, and the indexes the interpreter (`flow/apis.ts`) looks them up by. The
 * tables are the single source: the sink lists in docs/rules/no-unauthorised-transfer.md and
 * no-personal-data-in-logs.md are checked against them (test/unit/flow/libraries.test.ts).
 */
import { LIBRARIES } from './all';
import type { Library } from './types';

export type { DataSlot, DestinationSource, Family, Library, Maker, Operation, Receiver, Shape, Slot } from './types';
export { GENERIC_SDK } from './sdks';
export { librariesMarkdown } from './docs';

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
  return byImportedInstanceName.filter((library) => library.importedInstanceNames?.test(name) === true);
}

/** Whether a module is one of a processor's `modules` entries (itself or a subpath of it). */
export function moduleMatches(listed: string, module: string): boolean {
  return module === listed || module.startsWith(`${listed}/`);
}
