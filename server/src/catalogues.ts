/**
 * The catalogues the open documents use, each with its last good version. While the FG edits a catalogue the
 * documents keep being analysed with the last version that loaded without errors, and the status says so; a
 * catalogue that never loaded leaves the documents with one clear diagnostic instead of a silent pass.
 */
import * as path from 'node:path';
import { catalogueRefusal, configuredCatalogueNotFound, findRepositoryRoot, stampsChanged, stampsOf } from '@avglint/node';
import { DEFAULT_LOCALE, hasErrors, type Catalogue, type Locale, type Problem } from '@avglint/rules';
import { findCatalogue, loadCatalogue, loadCatalogueFromText, type CatalogueHost } from './core';
import type { FileSystem } from './host';
import type { StatusNotification } from './protocol';

/** A catalogue host that refuses files as the Node layer does; the store takes no other. */
export type RefusingCatalogueHost = CatalogueHost & Required<Pick<CatalogueHost, 'refusal'>>;

/**
 * The server's catalogue host: the catalogue and its `extends` files read through the server's file system (the saved
 * files: what CI sees), with the Node layer's refusal — real paths inside the repository, regular files, the size
 * limit — as in every other host.
 */
export function catalogueHostOf(fileSystem: Pick<FileSystem, 'readFile' | 'fileExists'>): RefusingCatalogueHost {
  return { readFile: (f) => fileSystem.readFile(f), fileExists: (f) => fileSystem.fileExists(f), refusal: catalogueRefusal };
}

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
  /** The files read for this state (the catalogue and what it extends) and their modification times then. */
  readonly files: readonly string[];
  readonly stamps: readonly (number | undefined)[];
  /** The language of `problems`: the editor's `avglint.locale`, else the catalogue's `settings.locale`, else English. */
  readonly locale: Locale;
}

/** How the hint of the "no catalogue" problem names the editor's setting. */
export const CATALOGUE_SETTING = 'the `avglint.catalogue` setting';

export class Catalogues {
  private readonly states = new Map<string, CatalogueState>();
  /** Directory → catalogue found upward from it. */
  private readonly found = new Map<string, string>();

  /** The editor's `avglint.locale`, in which catalogue problems are said; undefined: the catalogue's own. */
  private locale: Locale | undefined;

  constructor(private readonly host: RefusingCatalogueHost) {}

  /**
   * The language for catalogue problems from now on (the editor's setting, or undefined for the catalogue's own
   * `settings.locale`). A change loads every catalogue again at its next use, so its problems are said in it.
   */
  useLocale(locale: Locale | undefined): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.states.clear();
  }

  /** The load option for the editor's locale, for a catalogue loaded from an open document. */
  localeOption(): { readonly locale?: Locale } {
    return this.locale !== undefined ? { locale: this.locale } : {};
  }

  /**
   * The catalogue file for a document: the configured one, else the nearest upward. A remembered catalogue that is
   * gone from disk is searched for again: not every client reports deleted files.
   */
  locate(fileName: string, configured: string | null, workspaceFolder: string | undefined): string | undefined {
    if (configured) return path.resolve(workspaceFolder ?? path.dirname(fileName), configured);
    const dir = path.dirname(fileName);
    const known = this.found.get(dir);
    if (known !== undefined && this.host.fileExists(known)) return known;
    if (known !== undefined) {
      this.forget(known);
      this.found.clear();
    }
    // A miss is not remembered: a catalogue the FG creates is found at the next analysis, with or without an event.
    const file = findCatalogue(fileName, this.host);
    if (file !== undefined) this.found.set(dir, file);
    return file;
  }

  /**
   * The state of a catalogue, loading it from disk the first time, and again when a file it was read from changed or
   * disappeared on disk (one stat per file: a client that sends no file-change events must not leave the analysis on
   * a deleted or outdated catalogue).
   */
  get(file: string): CatalogueState {
    const state = this.states.get(file);
    if (state !== undefined && !stampsChanged(state.files, state.stamps)) return state;
    return this.reload(file);
  }

  peek(file: string): CatalogueState | undefined {
    return this.states.get(file);
  }

  /** Loads the catalogue again (from `text` when given: the saved text of the open document). */
  reload(file: string, text?: string): CatalogueState {
    if (text === undefined && !this.host.fileExists(file)) {
      // Gone: no last good version serves a catalogue that no longer exists.
      const locale = this.locale ?? DEFAULT_LOCALE;
      const state: CatalogueState = { file, problems: [configuredCatalogueNotFound(file, CATALOGUE_SETTING, locale)], broken: true, servingLastGood: false, files: [file], stamps: stampsOf([file]), locale };
      this.states.set(file, state);
      return state;
    }
    // The same repository root as every other host: the nearest `.git` or `package.json` above the catalogue.
    const options = { now: new Date(), root: findRepositoryRoot(file), ...this.localeOption() };
    const result = text === undefined ? loadCatalogue(file, this.host, options) : loadCatalogueFromText(file, text, this.host, options);
    const previous = this.states.get(file);
    const broken = !result.catalogue || hasErrors(result.problems);
    const files = result.catalogue?.files ?? [file];
    const read = { files, stamps: stampsOf(files), locale: result.locale };
    const state: CatalogueState = broken
      ? { file, catalogue: previous?.catalogue, problems: result.problems, broken: true, servingLastGood: previous?.catalogue !== undefined, ...read }
      : { file, catalogue: result.catalogue, problems: result.problems, broken: false, servingLastGood: false, ...read };
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

  /**
   * The loader's problems located in `file` (a catalogue or a file one extends), from every catalogue loaded from
   * disk, each once: what the catalogue document shows while it is not open in the editor.
   */
  problemsAt(file: string): Problem[] {
    const found = new Map<string, Problem>();
    for (const state of this.states.values()) {
      for (const p of state.problems) if (path.resolve(p.file) === file) found.set(JSON.stringify([p.code, p.line, p.column, p.message]), p);
    }
    return [...found.values()];
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
