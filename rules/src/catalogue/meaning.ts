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
import { locate, locateStart, problemAt, type KeyPath, type SourceFile } from './source';
import { suggestion, truncate } from './words';

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

const SINGULAR: Record<Section, string> = {
  roles: 'role',
  purposes: 'purpose',
  retention: 'retention term',
  categories: 'category',
  processors: 'processor',
  access: 'access rule',
};

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

/** An owner name must have letters or digits to match any code. */
function checkOwnerNames(
  entry: Entry,
  at: KeyPath,
  value: unknown,
  place: string,
  report: (entry: Entry, sub: KeyPath, severity: Problem['severity'], code: string, message: string, hint: string) => void,
): void {
  for (const name of strings(value)) {
    if (normaliseName(name.value) !== '') continue;
    report(entry, [...at, name.index ?? 0], 'error', 'catalogue/bad-name', `${place}, \`${truncate(name.value)}\` has no letters or digits, so no code can match it.`, 'Write the type or name as code spells it, such as `Leerling` or `school`.');
  }
}

/** Checks the meaning of the merged entries and pushes problems; returns nothing, the model is built separately. */
export function checkMeaning(entries: MergedEntries, problems: Problem[], options: MeaningOptions): void {
  const { sections } = entries;
  const ids = (section: Section): string[] => [...sections[section].keys()];
  const report = (entry: Entry, sub: KeyPath, severity: Problem['severity'], code: string, message: string, hint: string, part: 'key' | 'value' = 'value'): void => {
    problems.push(problemAt(entry.source, locate(entry.source, [...entry.path, ...sub], part), severity, code, message, hint));
  };
  const checkReferences = (entry: Entry, key: string, target: Section, kind: string, what: string): void => {
    const singular = SINGULAR[target];
    for (const reference of strings(entry.value[key])) {
      if (sections[target].has(reference.value)) continue;
      report(
        entry,
        reference.index === undefined ? [key] : [key, reference.index],
        'error',
        'catalogue/unknown-reference',
        `${what} refers to ${singular} \`${truncate(reference.value)}\`, which is not in the catalogue.`,
        suggestion(reference.value, ids(target), kind),
      );
    }
  };

  for (const entry of sections.retention.values()) {
    const place = `Retention term \`${entry.id}\``;
    const parsed: Partial<Record<'duration' | 'minimum' | 'maximum', number>> = {};
    for (const key of ['duration', 'minimum', 'maximum'] as const) {
      const value = text(entry.value[key]);
      if (value === undefined) continue;
      const duration = parseDuration(value);
      if (duration && duration.totalDays > MAX_RETENTION_DAYS) {
        report(
          entry,
          [key],
          'error',
          'catalogue/bad-duration',
          `${place}: \`${key}\` is \`${truncate(value)}\`, which is longer than 200 years.`,
          'A bewaartermijn is counted in years, months, weeks or days, such as `P7Y`; for records kept for good, write the longest term the archive law gives and say so in the label.',
        );
      } else if (duration) parsed[key] = duration.totalDays;
      else
        report(
          entry,
          [key],
          'error',
          'catalogue/bad-duration',
          `${place}: \`${key}\` is \`${truncate(value)}\`, which is not an ISO 8601 duration.`,
          'Write P, then a number and Y (years), M (months), W (weeks) or D (days): `P2Y` is 2 years, `P6M` 6 months, `P4W` 4 weeks, `P1Y6M` a year and a half.',
        );
    }
    if (parsed.minimum !== undefined && parsed.duration !== undefined && parsed.minimum > parsed.duration) {
      report(entry, ['minimum'], 'error', 'catalogue/retention-bounds', `${place} is shorter than its own minimum.`, 'Make `duration` at least as long as `minimum`, or correct the minimum.');
    }
    if (parsed.maximum !== undefined && parsed.duration !== undefined && parsed.maximum < parsed.duration) {
      report(entry, ['maximum'], 'error', 'catalogue/retention-bounds', `${place} is longer than its own maximum.`, 'Make `duration` at most as long as `maximum`, or correct the maximum.');
    }
    if (parsed.minimum !== undefined && parsed.maximum !== undefined && parsed.minimum > parsed.maximum) {
      report(entry, ['minimum'], 'error', 'catalogue/retention-bounds', `${place}: the minimum is longer than the maximum.`, 'Swap `minimum` and `maximum`, or correct one of them.');
    }
  }

  // Whose data it is: the persons and the owners that are never persons (see `Subjects` in model.ts).
  const personKeys = new Set<string>();
  if (entries.subjects) {
    const subjects = entries.subjects;
    checkOwnerNames(subjects, ['persons'], subjects.value['persons'], 'In `subjects.persons`', report);
    checkOwnerNames(subjects, ['notPersons'], subjects.value['notPersons'], 'In `subjects.notPersons`', report);
    if (subjects.value['persons'] === undefined) for (const person of DEFAULT_SUBJECTS.persons) personKeys.add(normaliseName(person));
    for (const person of strings(subjects.value['persons'])) personKeys.add(normaliseName(person.value));
    for (const notPerson of strings(subjects.value['notPersons'])) {
      if (!personKeys.has(normaliseName(notPerson.value))) continue;
      report(
        subjects,
        ['notPersons', notPerson.index ?? 0],
        'error',
        'catalogue/subject-conflict',
        `\`${truncate(notPerson.value)}\` is listed both as a person and as never a person.`,
        'Keep it in `subjects.persons` if it is a person (a leerling, ouder, medewerker), in `subjects.notPersons` if it never is (a school, vak, locatie).',
      );
    }
  } else {
    for (const person of DEFAULT_SUBJECTS.persons) personKeys.add(normaliseName(person));
  }

  const synonymOwner = new Map<string, { category: string; written: string }>();
  for (const entry of sections.categories.values()) {
    const place = `Category \`${entry.id}\``;
    checkReferences(entry, 'retention', 'retention', 'retention terms', place);
    const alternative = text(entry.value['alternative']);
    if (alternative !== undefined && !sections.categories.has(alternative)) {
      report(entry, ['alternative'], 'error', 'catalogue/unknown-reference', `${place} names \`${truncate(alternative)}\` as its alternative, but there is no such category.`, suggestion(alternative, ids('categories'), 'categories'));
    } else if (alternative === entry.id) {
      report(entry, ['alternative'], 'error', 'catalogue/unknown-reference', `${place} names itself as its alternative.`, 'Name another category (for the BSN: `eckid`), or remove `alternative`.');
    }
    const match = entry.value['match'];
    if (!isRecord(match)) continue;
    const seenHere = new Set<string>();
    for (const name of strings(match['names'])) {
      const key = normaliseName(name.value);
      if (key === '') {
        report(entry, ['match', 'names', name.index ?? 0], 'error', 'catalogue/bad-name', `${place}: the name \`${truncate(name.value)}\` has no letters or digits, so no code can match it.`, 'Write the name as code spells it, such as `burgerservicenummer`.');
        continue;
      }
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = synonymOwner.get(key);
      if (owner && owner.category !== entry.id) {
        report(
          entry,
          ['match', 'names', name.index ?? 0],
          'warning',
          'catalogue/overlapping-synonym',
          `The name \`${name.value}\` belongs to both category \`${owner.category}\` (as \`${owner.written}\`) and category \`${entry.id}\`.`,
          'Code named this way would count as both categories. Keep the name in the category it really means and remove it from the other one.',
        );
      } else if (!owner) {
        synonymOwner.set(key, { category: entry.id, written: name.value });
      }
    }
    checkOwnerNames(entry, ['match', 'notPersons'], match['notPersons'], `${place}: in \`match.notPersons\``, report);
    for (const notPerson of strings(match['notPersons'])) {
      if (personKeys.has(normaliseName(notPerson.value))) {
        report(
          entry,
          ['match', 'notPersons', notPerson.index ?? 0],
          'error',
          'catalogue/subject-conflict',
          `${place}: \`${truncate(notPerson.value)}\` is listed as never a person here, but \`subjects.persons\` says it is a person.`,
          'Remove it from one of the two lists: a person\'s data is always personal data.',
        );
      }
    }
    for (const member of strings(match['members'])) {
      if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.[^.\s]+$/.test(member.value)) {
        report(entry, ['match', 'members', member.index ?? 0], 'error', 'catalogue/bad-member', `${place}: the member \`${truncate(member.value)}\` is not written as Type.member.`, 'Write the type name, a dot and the member name, such as `Leerling.BSN`.');
      }
    }
  }

  for (const entry of sections.processors.values()) {
    const place = `Processor \`${entry.id}\``;
    checkReferences(entry, 'receives', 'categories', 'categories', place);
    for (const host of strings(entry.value['hosts'])) {
      if (HOST.test(host.value)) continue;
      const bare = host.value.replace(/^[a-z]+:\/\//i, '').replace(/[/:?#].*$/, '');
      report(
        entry,
        ['hosts', host.index ?? 0],
        'error',
        'catalogue/bad-host',
        `${place}: \`${truncate(host.value)}\` is not a host name.`,
        HOST.test(bare) && bare !== host.value
          ? `Write only the host name, \`${bare}\`; put a full address under \`urls\` instead.`
          : 'Write a host name such as `duo.nl`, or `*.duo.nl` for every subdomain, without `https://` or a path.',
      );
    }
    for (const url of strings(entry.value['urls'])) {
      if (!/^https?:\/\/[^/\s]+/i.test(url.value)) {
        report(entry, ['urls', url.index ?? 0], 'error', 'catalogue/bad-url', `${place}: \`${truncate(url.value)}\` is not a web address.`, 'Write a full address starting with `https://`, such as `https://api.somtoday.nl/rest/v1/**`.');
      } else if (!compiles(url.value)) {
        report(entry, ['urls', url.index ?? 0], 'error', 'catalogue/bad-glob', `${place}: the address pattern \`${truncate(url.value)}\` cannot be read.`, 'Close every `[`, `{` and `(`, or put a `\\` before it to mean the character itself.');
      }
    }
    for (const module of strings(entry.value['modules'])) {
      if (!NPM_MODULE.test(module.value)) {
        report(entry, ['modules', module.index ?? 0], 'error', 'catalogue/bad-module', `${place}: \`${truncate(module.value)}\` is not an npm package name.`, 'Write the package name as in package.json, such as `@google-analytics/data` or `leermiddel-sdk`.');
      }
    }
    for (const global of strings(entry.value['globals'])) {
      if (!JS_GLOBAL.test(global.value)) {
        report(entry, ['globals', global.index ?? 0], 'error', 'catalogue/bad-global', `${place}: \`${truncate(global.value)}\` is not a JavaScript name.`, 'Write the name code uses for the SDK loaded by a script tag, such as `Sentry`, `gtag` or `dataLayer` (without `window.`).');
      }
    }
    const agreement = entry.value['agreement'];
    if (entry.value['role'] === 'processor' && agreement === undefined) {
      // AVG art. 28: a verwerker may only process for the school under a verwerkersovereenkomst. A warning, because
      // the agreement may exist without the FG having written its reference here yet.
      report(
        entry,
        ['role'],
        'warning',
        'catalogue/agreement-missing',
        `${place} is a verwerker (role processor), but the catalogue names no verwerkersovereenkomst.`,
        'Add `agreement: { reference: <kenmerk>, ends: <YYYY-MM-DD> }` with the verwerkersovereenkomst (AVG art. 28), or set `role: recipient` if this organisation receives the data for its own task.',
      );
    }
    const ends = isRecord(agreement) ? text(agreement['ends']) : undefined;
    if (ends !== undefined) {
      const date = parseIsoDate(ends);
      if (!date) {
        report(entry, ['agreement', 'ends'], 'error', 'catalogue/bad-date', `${place}: the end date \`${truncate(ends)}\` is not a date.`, 'Write the date as year-month-day, such as `2027-07-31`.');
      } else if (options.now && date.getTime() < Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate())) {
        report(
          entry,
          ['agreement', 'ends'],
          'warning',
          'catalogue/agreement-ended',
          `${place}: the agreement ${isRecord(agreement) && typeof agreement['reference'] === 'string' ? `\`${agreement['reference']}\` ` : ''}ended on ${ends}.`,
          'Renew the verwerkersovereenkomst and write its new end date, or stop sending data to this processor.',
        );
      } else if (options.now && date.getTime() <= Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate()) + AGREEMENT_WARNING_DAYS * DAY_MS) {
        const days = Math.round((date.getTime() - Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate())) / DAY_MS);
        report(
          entry,
          ['agreement', 'ends'],
          'warning',
          'catalogue/agreement-ending',
          `${place}: the agreement ${isRecord(agreement) && typeof agreement['reference'] === 'string' ? `\`${agreement['reference']}\` ` : ''}ends on ${ends}, in ${days} day${days === 1 ? '' : 's'}.`,
          'Start renewing the verwerkersovereenkomst now, then write its new end date here.',
        );
      }
    }
    const basis = entry.value['legalBasis'];
    const consent = entry.value['consent'];
    if (basis === 'consent' && consent === undefined) {
      // An error, not a warning: without it the consent check cannot know whose consent to ask or which function checks it.
      report(
        entry,
        ['legalBasis'],
        'error',
        'catalogue/consent-missing',
        `${place} relies on consent, but the catalogue does not say whose consent or how the code checks it.`,
        'Add `consent: { from: parents-until-16, check: [heeftToestemming] }` with whose consent is needed and the functions that check it.',
      );
    } else if (consent !== undefined && typeof basis === 'string' && basis !== 'consent') {
      report(
        entry,
        ['consent'],
        'warning',
        'catalogue/consent-unexpected',
        `${place} has a \`consent\` block, but its legal basis is \`${basis}\`, not consent.`,
        'Remove the `consent` block, or change `legalBasis` to `consent` if the data is really only sent with permission.',
        'key',
      );
    }
  }

  for (const entry of sections.access.values()) {
    if (!sections.categories.has(entry.id)) {
      report(entry, [], 'error', 'catalogue/unknown-reference', `The access rule is for category \`${truncate(entry.id)}\`, which is not in the catalogue.`, suggestion(entry.id, ids('categories'), 'categories'), 'key');
    }
    const place = `The access rule for \`${entry.id}\``;
    checkReferences(entry, 'roles', 'roles', 'roles', place);
    checkReferences(entry, 'purposes', 'purposes', 'purposes', place);
    for (const glob of strings(entry.value['paths'])) {
      const problem = globProblem(glob.value);
      if (problem) report(entry, ['paths', glob.index ?? 0], 'error', 'catalogue/bad-glob', `${place}: the path pattern \`${truncate(glob.value)}\` ${problem.message}`, problem.hint);
    }
  }

  for (const entry of entries.sanitisers.values()) {
    const place = `Sanitiser \`${entry.id}\``;
    checkReferences(entry, 'removes', 'categories', 'categories', place);
    const produces = text(entry.value['produces']);
    if (produces !== undefined && !sections.categories.has(produces)) {
      report(entry, ['produces'], 'error', 'catalogue/unknown-reference', `${place} produces category \`${truncate(produces)}\`, which is not in the catalogue.`, suggestion(produces, ids('categories'), 'categories'));
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

function globProblem(glob: string): { message: string; hint: string } | undefined {
  if (/^([/\\]|[A-Za-z]:|~)/.test(glob)) {
    return { message: 'is not relative.', hint: 'Write the path from the folder of the catalogue file, such as `src/zorg/**`, without a leading `/`.' };
  }
  if (glob.split(/[/\\]/).includes('..')) {
    return { message: 'goes outside the folder of the catalogue file with `..`.', hint: 'Write the path from the folder of the catalogue file downwards, such as `src/zorg/**`.' };
  }
  if (!compiles(glob)) {
    return { message: 'cannot be read.', hint: 'Close every `[`, `{` and `(`, or put a `\\` before it to mean the character itself. `**` matches any folders, `*` any part of a name.' };
  }
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
