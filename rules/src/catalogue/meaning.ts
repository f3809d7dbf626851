/**
 * Meaning: after the structure, the checks a schema cannot express — every reference resolves, durations and dates
 * parse, globs compile, bounds hold, synonyms do not overlap — and then the model objects. The merged entries may
 * come from several files (`extends`); each entry carries its own file so problems point into the right one.
 *
 * The data may still be structurally wrong here (the FG should see every problem at once), so every read is
 * defensive: a value of the wrong type is skipped, since the structure check has already reported it.
 */
import picomatch from 'picomatch';
import type { Problem } from '../problem';
import type {
  AccessRule,
  Catalogue,
  CatalogueLocation,
  Category,
  ClockStart,
  ConsentFrom,
  LegalBasis,
  Processor,
  Purpose,
  RetentionTerm,
  Role,
  Sanitiser,
} from './model';
import { isLocale, type CatalogueSettings } from './model';
import { normaliseName } from './names';
import { DEFAULT_SUBJECTS } from './subjects';
import { parseDuration, parseIsoDate } from './duration';
import { problemText, type CatalogueText, type PendingProblem } from './problemText';
import { locate, locateStart, problemAt, type KeyPath, type SourceFile } from './source';

/** One entry of a section (`categories.bsn`), with the file it was written in. */
export interface Entry {
  readonly id: string;
  readonly value: Record<string, unknown>;
  readonly source: SourceFile;
  /** Path of the entry inside its file: `['categories', 'bsn']` or `['sanitisers', 2]`. */
  readonly path: KeyPath;
}

export const SECTIONS = ['roles', 'purposes', 'retention', 'categories', 'processors', 'access'] as const;
export type Section = (typeof SECTIONS)[number];

export interface MergedEntries {
  organisation?: string;
  readonly sections: Record<Section, Map<string, Entry>>;
  /** By function name. */
  readonly sanitisers: Map<string, Entry>;
  /** The `subjects` block, if written; a catalogue that extends another replaces the base's block as a whole. */
  subjects?: Entry;
  /** The `settings` block, if written; replaced as a whole by a catalogue that extends another and writes its own. */
  settings?: Entry;
}


/** An agreement that ends within this many days is a warning (`catalogue/agreement-ending`), as in the FG's report. */
export const AGREEMENT_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;

export interface MeaningOptions {
  /** Today, for reporting agreements that have ended; without it that check is skipped (the core has no clock). */
  readonly now?: Date;
}

/** Longer terms are typing mistakes (`P99999999Y`), and would break comparisons and date arithmetic downstream. */
const MAX_RETENTION_DAYS = 200 * 365.25;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A list of strings with their indexes in the YAML list; a single string counts as a list of one. */
function strings(value: unknown): { readonly value: string; readonly index?: number }[] {
  if (typeof value === 'string') return [{ value }];
  if (!Array.isArray(value)) return [];
  const result: { value: string; index?: number }[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') result.push({ value: item, index });
  });
  return result;
}

/** Collects each section's entries from one file's data. */
export function entriesOf(source: SourceFile): MergedEntries {
  const merged = emptyEntries();
  const data = source.data;
  if (!isRecord(data)) return merged;
  if (typeof data['organisation'] === 'string') merged.organisation = data['organisation'];
  for (const section of SECTIONS) {
    const block = data[section];
    if (!isRecord(block)) continue;
    for (const [id, value] of Object.entries(block)) {
      if (isRecord(value)) merged.sections[section].set(id, { id, value, source, path: [section, id] });
      else if (section === 'access' && (value === null || value === undefined)) {
        // `access: { zorgdossier: }` restricts the category to nobody; that is a valid, if strict, rule.
        merged.sections[section].set(id, { id, value: {}, source, path: [section, id] });
      }
    }
  }
  const subjects = data['subjects'];
  if (isRecord(subjects)) merged.subjects = { id: 'subjects', value: subjects, source, path: ['subjects'] };
  const settings = data['settings'];
  if (isRecord(settings)) merged.settings = { id: 'settings', value: settings, source, path: ['settings'] };
  const sanitisers = data['sanitisers'];
  if (Array.isArray(sanitisers)) {
    sanitisers.forEach((value: unknown, index) => {
      if (isRecord(value) && typeof value['function'] === 'string') {
        merged.sanitisers.set(value['function'], { id: value['function'], value, source, path: ['sanitisers', index] });
      }
    });
  }
  return merged;
}

export function emptyEntries(): MergedEntries {
  return {
    sections: { roles: new Map(), purposes: new Map(), retention: new Map(), categories: new Map(), processors: new Map(), access: new Map() },
    sanitisers: new Map(),
  };
}

/** Adds `top` over `base`: per id, the entry of `top` replaces the base's whole entry. */
export function mergeEntries(base: MergedEntries, top: MergedEntries): MergedEntries {
  const merged = emptyEntries();
  for (const section of SECTIONS) {
    for (const [id, entry] of base.sections[section]) merged.sections[section].set(id, entry);
    for (const [id, entry] of top.sections[section]) merged.sections[section].set(id, entry);
  }
  for (const [id, entry] of base.sanitisers) merged.sanitisers.set(id, entry);
  for (const [id, entry] of top.sanitisers) merged.sanitisers.set(id, entry);
  const organisation = top.organisation ?? base.organisation;
  if (organisation !== undefined) merged.organisation = organisation;
  const subjects = top.subjects ?? base.subjects;
  if (subjects !== undefined) merged.subjects = subjects;
  const settings = top.settings ?? base.settings;
  if (settings !== undefined) merged.settings = settings;
  return merged;
}

const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;
const NPM_MODULE = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:\/[A-Za-z0-9._~-]+)*$/;
/** A global name code reaches a script-tag SDK by (`Sentry`, `dataLayer`); no `window.` and no member path. */
const JS_GLOBAL = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

type Report = (entry: Entry, sub: KeyPath, severity: Problem['severity'], code: string, text: CatalogueText, part?: 'key' | 'value') => void;

/** An owner name must have letters or digits to match any code. */
function checkOwnerNames(entry: Entry, at: KeyPath, value: unknown, list: 'subjects.persons' | 'subjects.notPersons' | 'match.notPersons', category: string | undefined, report: Report): void {
  for (const name of strings(value)) {
    if (normaliseName(name.value) !== '') continue;
    report(entry, [...at, name.index ?? 0], 'error', 'catalogue/bad-name', problemText('badOwnerName', { list, name: name.value, ...(category !== undefined ? { category } : {}) }));
  }
}

/** Checks the meaning of the merged entries and pushes problems; returns nothing, the model is built separately. */
export function checkMeaning(entries: MergedEntries, problems: PendingProblem[], options: MeaningOptions): void {
  const { sections } = entries;
  const ids = (section: Section): string[] => [...sections[section].keys()];
  const report: Report = (entry, sub, severity, code, text, part = 'value') => {
    problems.push(problemAt(entry.source, locate(entry.source, [...entry.path, ...sub], part), severity, code, text));
  };
  const checkReferences = (entry: Entry, key: string, target: 'retention' | 'categories' | 'roles' | 'purposes', owner: 'categories' | 'processors' | 'access' | 'sanitisers'): void => {
    for (const reference of strings(entry.value[key])) {
      if (sections[target].has(reference.value)) continue;
      report(
        entry,
        reference.index === undefined ? [key] : [key, reference.index],
        'error',
        'catalogue/unknown-reference',
        problemText('unknownReference', { owner: { section: owner, id: entry.id }, target, reference: reference.value, known: ids(target) }),
      );
    }
  };

  for (const entry of sections.retention.values()) {
    const term = entry.id;
    const parsed: Partial<Record<'duration' | 'minimum' | 'maximum', number>> = {};
    for (const key of ['duration', 'minimum', 'maximum'] as const) {
      const value = text(entry.value[key]);
      if (value === undefined) continue;
      const duration = parseDuration(value);
      if (duration && duration.totalDays > MAX_RETENTION_DAYS) {
        report(entry, [key], 'error', 'catalogue/bad-duration', problemText('durationTooLong', { term, key, value }));
      } else if (duration) parsed[key] = duration.totalDays;
      else
        report(entry, [key], 'error', 'catalogue/bad-duration', problemText('badDuration', { term, key, value }));
    }
    if (parsed.minimum !== undefined && parsed.duration !== undefined && parsed.minimum > parsed.duration) {
      report(entry, ['minimum'], 'error', 'catalogue/retention-bounds', problemText('shorterThanMinimum', { term }));
    }
    if (parsed.maximum !== undefined && parsed.duration !== undefined && parsed.maximum < parsed.duration) {
      report(entry, ['maximum'], 'error', 'catalogue/retention-bounds', problemText('longerThanMaximum', { term }));
    }
    if (parsed.minimum !== undefined && parsed.maximum !== undefined && parsed.minimum > parsed.maximum) {
      report(entry, ['minimum'], 'error', 'catalogue/retention-bounds', problemText('minimumAboveMaximum', { term }));
    }
  }

  // Whose data it is: the persons and the owners that are never persons (see `Subjects` in model.ts).
  const personKeys = new Set<string>();
  if (entries.subjects) {
    const subjects = entries.subjects;
    checkOwnerNames(subjects, ['persons'], subjects.value['persons'], 'subjects.persons', undefined, report);
    checkOwnerNames(subjects, ['notPersons'], subjects.value['notPersons'], 'subjects.notPersons', undefined, report);
    if (subjects.value['persons'] === undefined) for (const person of DEFAULT_SUBJECTS.persons) personKeys.add(normaliseName(person));
    for (const person of strings(subjects.value['persons'])) personKeys.add(normaliseName(person.value));
    for (const notPerson of strings(subjects.value['notPersons'])) {
      if (!personKeys.has(normaliseName(notPerson.value))) continue;
      report(subjects, ['notPersons', notPerson.index ?? 0], 'error', 'catalogue/subject-conflict', problemText('subjectConflict', { name: notPerson.value }));
    }
  } else {
    for (const person of DEFAULT_SUBJECTS.persons) personKeys.add(normaliseName(person));
  }

  const synonymOwner = new Map<string, { category: string; written: string }>();
  for (const entry of sections.categories.values()) {
    const category = entry.id;
    checkReferences(entry, 'retention', 'retention', 'categories');
    const alternative = text(entry.value['alternative']);
    if (alternative !== undefined && !sections.categories.has(alternative)) {
      report(entry, ['alternative'], 'error', 'catalogue/unknown-reference', problemText('unknownAlternative', { category, alternative, known: ids('categories') }));
    } else if (alternative === entry.id) {
      report(entry, ['alternative'], 'error', 'catalogue/unknown-reference', problemText('selfAlternative', { category }));
    }
    const match = entry.value['match'];
    if (!isRecord(match)) continue;
    const seenHere = new Set<string>();
    for (const name of strings(match['names'])) {
      const key = normaliseName(name.value);
      if (key === '') {
        report(entry, ['match', 'names', name.index ?? 0], 'error', 'catalogue/bad-name', problemText('badName', { category, name: name.value }));
        continue;
      }
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = synonymOwner.get(key);
      if (owner && owner.category !== entry.id) {
        report(entry, ['match', 'names', name.index ?? 0], 'warning', 'catalogue/overlapping-synonym', problemText('overlappingSynonym', { name: name.value, owner: owner.category, written: owner.written, category }));
      } else if (!owner) {
        synonymOwner.set(key, { category: entry.id, written: name.value });
      }
    }
    checkOwnerNames(entry, ['match', 'notPersons'], match['notPersons'], 'match.notPersons', category, report);
    for (const notPerson of strings(match['notPersons'])) {
      if (personKeys.has(normaliseName(notPerson.value))) {
        report(entry, ['match', 'notPersons', notPerson.index ?? 0], 'error', 'catalogue/subject-conflict', problemText('categorySubjectConflict', { category, name: notPerson.value }));
      }
    }
    for (const member of strings(match['members'])) {
      if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.[^.\s]+$/.test(member.value)) {
        report(entry, ['match', 'members', member.index ?? 0], 'error', 'catalogue/bad-member', problemText('badMember', { category, member: member.value }));
      }
    }
  }

  for (const entry of sections.processors.values()) {
    const processor = entry.id;
    checkReferences(entry, 'receives', 'categories', 'processors');
    for (const host of strings(entry.value['hosts'])) {
      if (HOST.test(host.value)) continue;
      const bare = host.value.replace(/^[a-z]+:\/\//i, '').replace(/[/:?#].*$/, '');
      report(entry, ['hosts', host.index ?? 0], 'error', 'catalogue/bad-host', problemText('badHost', { processor, host: host.value, ...(HOST.test(bare) && bare !== host.value ? { bare } : {}) }));
    }
    for (const url of strings(entry.value['urls'])) {
      if (!/^https?:\/\/[^/\s]+/i.test(url.value)) {
        report(entry, ['urls', url.index ?? 0], 'error', 'catalogue/bad-url', problemText('badUrl', { processor, url: url.value }));
      } else if (!compiles(url.value)) {
        report(entry, ['urls', url.index ?? 0], 'error', 'catalogue/bad-glob', problemText('badUrlPattern', { processor, url: url.value }));
      }
    }
    for (const module of strings(entry.value['modules'])) {
      if (!NPM_MODULE.test(module.value)) {
        report(entry, ['modules', module.index ?? 0], 'error', 'catalogue/bad-module', problemText('badModule', { processor, module: module.value }));
      }
    }
    for (const global of strings(entry.value['globals'])) {
      if (!JS_GLOBAL.test(global.value)) {
        report(entry, ['globals', global.index ?? 0], 'error', 'catalogue/bad-global', problemText('badGlobal', { processor, global: global.value }));
      }
    }
    const agreement = entry.value['agreement'];
    if (entry.value['role'] === 'processor' && agreement === undefined) {
      // AVG art. 28: a verwerker may only process for the school under a verwerkersovereenkomst. A warning, because
      // the agreement may exist without the FG having written its reference here yet.
      report(entry, ['role'], 'warning', 'catalogue/agreement-missing', problemText('agreementMissing', { processor }));
    }
    const ends = isRecord(agreement) ? text(agreement['ends']) : undefined;
    const reference = isRecord(agreement) && typeof agreement['reference'] === 'string' ? { reference: agreement['reference'] } : {};
    if (ends !== undefined) {
      const date = parseIsoDate(ends);
      if (!date) {
        report(entry, ['agreement', 'ends'], 'error', 'catalogue/bad-date', problemText('badDate', { processor, value: ends }));
      } else if (options.now && date.getTime() < Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate())) {
        report(entry, ['agreement', 'ends'], 'warning', 'catalogue/agreement-ended', problemText('agreementEnded', { processor, ends, ...reference }));
      } else if (options.now && date.getTime() <= Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate()) + AGREEMENT_WARNING_DAYS * DAY_MS) {
        const days = Math.round((date.getTime() - Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate())) / DAY_MS);
        report(entry, ['agreement', 'ends'], 'warning', 'catalogue/agreement-ending', problemText('agreementEnding', { processor, ends, days, ...reference }));
      }
    }
    const basis = entry.value['legalBasis'];
    const consent = entry.value['consent'];
    if (basis === 'consent' && consent === undefined) {
      // An error, not a warning: without it the consent check cannot know whose consent to ask or which function checks it.
      report(entry, ['legalBasis'], 'error', 'catalogue/consent-missing', problemText('consentMissing', { processor }));
    } else if (consent !== undefined && typeof basis === 'string' && basis !== 'consent') {
      report(entry, ['consent'], 'warning', 'catalogue/consent-unexpected', problemText('consentUnexpected', { processor, basis }), 'key');
    }
  }

  for (const entry of sections.access.values()) {
    if (!sections.categories.has(entry.id)) {
      report(entry, [], 'error', 'catalogue/unknown-reference', problemText('unknownAccessCategory', { category: entry.id, known: ids('categories') }), 'key');
    }
    checkReferences(entry, 'roles', 'roles', 'access');
    checkReferences(entry, 'purposes', 'purposes', 'access');
    for (const glob of strings(entry.value['paths'])) {
      const why = globProblem(glob.value);
      if (why) report(entry, ['paths', glob.index ?? 0], 'error', 'catalogue/bad-glob', problemText('badPathPattern', { category: entry.id, pattern: glob.value, why }));
    }
  }

  for (const entry of entries.sanitisers.values()) {
    checkReferences(entry, 'removes', 'categories', 'sanitisers');
    const produces = text(entry.value['produces']);
    if (produces !== undefined && !sections.categories.has(produces)) {
      report(entry, ['produces'], 'error', 'catalogue/unknown-reference', problemText('unknownProduced', { sanitiser: entry.id, produces, known: ids('categories') }));
    }
  }
}

function compiles(glob: string): boolean {
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return true;
  } catch {
    return false;
  }
}

/** Why a path pattern cannot be used, or undefined when it can. */
function globProblem(glob: string): 'absolute' | 'parent' | 'unreadable' | undefined {
  if (/^([/\\]|[A-Za-z]:|~)/.test(glob)) return 'absolute';
  if (glob.split(/[/\\]/).includes('..')) return 'parent';
  if (!compiles(glob)) return 'unreadable';
  return undefined;
}

function locationOf(entry: Entry): CatalogueLocation {
  return { file: entry.source.file, ...locateStart(entry.source, entry.path) };
}

function stringList(value: unknown): string[] {
  return strings(value).map((s) => s.value);
}

function optional<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}

/** Builds the model; only called when no error was found, so the data has the schema's shape. */
export function buildCatalogue(entries: MergedEntries, files: readonly string[], root: string): Catalogue {
  const { sections } = entries;
  const roles = new Map<string, Role>();
  for (const entry of sections.roles.values()) {
    roles.set(entry.id, { id: entry.id, label: String(entry.value['label']), ...optional('description', entry.value['description']), location: locationOf(entry) });
  }
  const purposes = new Map<string, Purpose>();
  for (const entry of sections.purposes.values()) {
    purposes.set(entry.id, { id: entry.id, label: String(entry.value['label']), ...optional('description', entry.value['description']), location: locationOf(entry) });
  }
  const retention = new Map<string, RetentionTerm>();
  for (const entry of sections.retention.values()) {
    const duration = String(entry.value['duration']);
    retention.set(entry.id, {
      id: entry.id,
      label: String(entry.value['label']),
      ...optional('description', entry.value['description']),
      duration,
      days: parseDuration(duration)?.totalDays ?? 0,
      starts: entry.value['starts'] as ClockStart,
      ...optional('minimum', entry.value['minimum']),
      ...optional('maximum', entry.value['maximum']),
      location: locationOf(entry),
    });
  }
  const categories = new Map<string, Category>();
  for (const entry of sections.categories.values()) {
    const match = isRecord(entry.value['match']) ? entry.value['match'] : {};
    categories.set(entry.id, {
      id: entry.id,
      label: String(entry.value['label']),
      ...optional('description', entry.value['description']),
      special: entry.value['special'] === true,
      identifier: entry.value['identifier'] === true,
      retention: stringList(entry.value['retention']),
      ...optional('alternative', entry.value['alternative']),
      match: {
        names: stringList(match['names']),
        types: stringList(match['types']),
        members: stringList(match['members']),
        jsdocTags: stringList(match['jsdocTags']).map((tag) => tag.replace(/^@/, '')),
        brands: stringList(match['brands']),
        ...(match['notPersons'] !== undefined ? { notPersons: stringList(match['notPersons']) } : {}),
      },
      restricted: sections.access.has(entry.id),
      ...optional('source', entry.value['source']),
      location: locationOf(entry),
    });
  }
  const processors = new Map<string, Processor>();
  for (const entry of sections.processors.values()) {
    const agreement = entry.value['agreement'];
    const consent = entry.value['consent'];
    processors.set(entry.id, {
      id: entry.id,
      label: String(entry.value['label']),
      ...optional('description', entry.value['description']),
      role: entry.value['role'] === 'recipient' ? 'recipient' : 'processor',
      legalBasis: entry.value['legalBasis'] as LegalBasis,
      ...optional('legalBasisNote', entry.value['legalBasisNote']),
      ...(isRecord(agreement) ? { agreement: { reference: String(agreement['reference']), ...optional('ends', agreement['ends']) } } : {}),
      hosts: stringList(entry.value['hosts']),
      urls: stringList(entry.value['urls']),
      modules: stringList(entry.value['modules']),
      globals: stringList(entry.value['globals']),
      receives: stringList(entry.value['receives']),
      ...(isRecord(consent) ? { consent: { from: consent['from'] as ConsentFrom, check: stringList(consent['check']) } } : {}),
      ...optional('source', entry.value['source']),
      location: locationOf(entry),
    });
  }
  const access = new Map<string, AccessRule>();
  for (const entry of sections.access.values()) {
    access.set(entry.id, {
      category: entry.id,
      paths: stringList(entry.value['paths']),
      roles: stringList(entry.value['roles']),
      purposes: stringList(entry.value['purposes']),
      location: locationOf(entry),
    });
  }
  const sanitisers: Sanitiser[] = [];
  for (const entry of entries.sanitisers.values()) {
    sanitisers.push({
      function: entry.id,
      removes: stringList(entry.value['removes']),
      ...optional('produces', entry.value['produces']),
      location: locationOf(entry),
    });
  }
  return {
    files,
    root,
    ...(entries.organisation !== undefined ? { organisation: entries.organisation } : {}),
    categories,
    processors,
    retention,
    roles,
    purposes,
    access,
    sanitisers,
    ...(entries.subjects
      ? {
          subjects: {
            // A list the FG leaves out keeps its default.
            persons: entries.subjects.value['persons'] === undefined ? [...DEFAULT_SUBJECTS.persons] : stringList(entries.subjects.value['persons']),
            notPersons: entries.subjects.value['notPersons'] === undefined ? [...DEFAULT_SUBJECTS.notPersons] : stringList(entries.subjects.value['notPersons']),
            location: locationOf(entries.subjects),
          },
        }
      : {}),
    ...(entries.settings ? { settings: settingsOf(entries.settings) } : {}),
  };
}

/** The `settings` block as the model holds it; its shape was checked against the schema. */
function settingsOf(entry: Entry): CatalogueSettings {
  const locale = entry.value['locale'];
  const rules: Record<string, Record<string, unknown>> = {};
  const written = entry.value['rules'];
  if (isRecord(written)) for (const [id, options] of Object.entries(written)) if (isRecord(options)) rules[id] = { ...options };
  return { ...(isLocale(locale) ? { locale } : {}), rules, location: locationOf(entry) };
}
