/**
 * The catalogues the open documents use, each with its last good version. While the FG edits a catalogue the
 * documents keep being analysed with the last version that loaded without errors, and the status says so; a
 * catalogue that never loaded leaves the documents with one clear diagnostic instead of a silent pass.
 */
import * as path from 'node:path';
import { findRepositoryRoot } from '@avglint/node';
import { hasErrors, type Catalogue, type Problem } from '@avglint/rules';
import { findCatalogue, loadCatalogue, loadCatalogueFromText, type CatalogueHost } from './core';
import type { StatusNotification } from './protocol';

export interface CatalogueState {
  readonly file: string;
  /** The catalogue the analysis uses: the current version if it is valid, else the last good one. */
  readonly catalogue?: Catalogue;
  /** Problems of the latest load (the current text). */
  readonly problems: readonly Problem[];
  /** The latest load had errors. */
  readonly broken: boolean;
  /** Broken, but an earlier valid version still serves. */
  readonly servingLastGood: boolean;
}

export class Catalogues {
  private readonly states = new Map<string, CatalogueState>();
  /** Directory → catalogue found upward from it (or null). */
  private readonly found = new Map<string, string | null>();

  constructor(private readonly host: CatalogueHost) {}

  /** The catalogue file for a document: the configured one, else the nearest upward. */
  locate(fileName: string, configured: string | null, workspaceFolder: string | undefined): string | undefined {
    if (configured) return path.resolve(workspaceFolder ?? path.dirname(fileName), configured);
    const dir = path.dirname(fileName);
    let file = this.found.get(dir);
    if (file === undefined) {
      file = findCatalogue(fileName, this.host) ?? null;
      this.found.set(dir, file);
    }
    return file ?? undefined;
  }

  /** The state of a catalogue, loading it from disk the first time. */
  get(file: string): CatalogueState {
    return this.states.get(file) ?? this.reload(file);
  }

  peek(file: string): CatalogueState | undefined {
    return this.states.get(file);
  }

  /** Loads the catalogue again (from `text` when given: the saved text of the open document). */
  reload(file: string, text?: string): CatalogueState {
    // The same repository root as every other host: the nearest `.git` or `package.json` above the catalogue.
    const options = { now: new Date(), root: findRepositoryRoot(file) };
    const result = text === undefined ? loadCatalogue(file, this.host, options) : loadCatalogueFromText(file, text, this.host, options);
    const previous = this.states.get(file);
    const broken = !result.catalogue || hasErrors(result.problems);
    const state: CatalogueState = broken
      ? { file, catalogue: previous?.catalogue, problems: result.problems, broken: true, servingLastGood: previous?.catalogue !== undefined }
      : { file, catalogue: result.catalogue, problems: result.problems, broken: false, servingLastGood: false };
    this.states.set(file, state);
    return state;
  }

  /** Catalogues that include `file` (itself or through `extends`), to reload when it changes. */
  dependents(file: string): string[] {
    const result: string[] = [];
    for (const state of this.states.values()) {
      if (state.file === file || state.catalogue?.files.includes(file)) result.push(state.file);
    }
    return result;
  }

  /** A catalogue file appeared or disappeared: the upward search must run again. */
  forgetLocations(): void {
    this.found.clear();
  }

  forget(file: string): void {
    this.states.delete(file);
  }
}

export function statusOf(file: string | undefined, state: CatalogueState | undefined, uri: (file: string) => string): StatusNotification.Params {
  if (!file || !state) {
    return { state: 'missing', problems: 0, servingLastGood: false, message: 'avglint: no avglint.catalogue.yaml found for this file' };
  }
  const errors = state.problems.filter((p) => p.severity === 'error').length;
  const name = path.basename(file);
  if (state.broken) {
    return {
      state: 'broken',
      catalogue: uri(file),
      problems: state.problems.length,
      servingLastGood: state.servingLastGood,
      message: state.servingLastGood
        ? `avglint: ${name} has ${errors} error(s); the last valid version is still used`
        : `avglint: ${name} has ${errors} error(s); nothing is analysed until it loads`,
    };
  }
  const catalogue = state.catalogue;
  return {
    state: 'loaded',
    catalogue: uri(file),
    problems: state.problems.length,
    servingLastGood: false,
    message: `avglint: ${name} loaded (${catalogue?.categories.size ?? 0} categories, ${catalogue?.processors.size ?? 0} processors)`,
  };
}
