/**
 * The resolved data-category catalogue: what the loader returns after parsing, validating and merging `extends`.
 * Ids are the keys the FG wrote in the YAML (e.g. `bsn`, `zorgdossier`, `duo`); labels are the FG's Dutch words.
 */

/** Where an entry was written, so findings and hovers can link to it. */
export interface CatalogueLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** AVG art. 6(1) (a)–(f). */
export const LEGAL_BASES = {
  consent: 'toestemming (AVG art. 6 lid 1 sub a)',
  contract: 'uitvoering van een overeenkomst (AVG art. 6 lid 1 sub b)',
  'legal-obligation': 'wettelijke verplichting (AVG art. 6 lid 1 sub c)',
  'vital-interest': 'vitaal belang (AVG art. 6 lid 1 sub d)',
  'public-task': 'taak van algemeen belang / publiekrechtelijke taak (AVG art. 6 lid 1 sub e)',
  'legitimate-interest': 'gerechtvaardigd belang (AVG art. 6 lid 1 sub f)',
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;

/** What starts the retention clock. */
export const CLOCK_STARTS = {
  collection: 'het moment van verzamelen',
  'leaving-school': 'het vertrek van de leerling van school (uitschrijving)',
  'end-of-school-year': 'het einde van het betreffende schooljaar',
  'incident-closed': 'het afsluiten van het incident',
  'procedure-closed': 'het afsluiten van de procedure (bezwaar, klacht, rechtszaak)',
  'consent-withdrawn': 'het intrekken van de toestemming',
  'contract-ended': 'het einde van de overeenkomst',
  'exam-result': 'de uitslag van het examen',
} as const;
export type ClockStart = keyof typeof CLOCK_STARTS;

/** Whose consent a consent-based transfer needs (AVG art. 8, UAVG art. 5: parents under 16, the pupil from 16). */
export const CONSENT_FROM = {
  parents: 'ouders/verzorgers',
  pupil: 'de leerling',
  'parents-until-16': 'ouders/verzorgers, vanaf 16 jaar de leerling zelf',
} as const;
export type ConsentFrom = keyof typeof CONSENT_FROM;

export interface RetentionTerm {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** ISO 8601 duration as written, e.g. `P2Y`. */
  readonly duration: string;
  /** The duration in days (years count 365.25, months 30.44), for comparing terms. */
  readonly days: number;
  readonly starts: ClockStart;
  /** Lower bound where the law sets one (e.g. bekostiging: at least 7 years). */
  readonly minimum?: string;
  /** Upper bound (e.g. camera images while an incident is open). */
  readonly maximum?: string;
  readonly location: CatalogueLocation;
}

/** How code refers to a category. All name matching is case- and style-insensitive (see `normaliseName`). */
export interface CategoryMatch {
  /** Property, column, parameter and variable names, with synonyms: `bsn`, `burgerservicenummer`, `sofinummer`. */
  readonly names: readonly string[];
  /** TypeScript type names whose values *are* this category (`Bsn`, `Zorgdossier`). */
  readonly types: readonly string[];
  /** Members of named types, as `Type.member` (`Leerling.BSN`). */
  readonly members: readonly string[];
  /** JSDoc tags on a declaration that mark it as this category (`@bsn`, written without `@`). */
  readonly jsdocTags: readonly string[];
  /** Branded types: `string & { readonly __brand: 'Bsn' }` matches brand `Bsn`. */
  readonly brands: readonly string[];
  /**
   * Owners that are never persons *for this category*, on top of `subjects.notPersons` (a server's `ipAdres` is no
   * log data of a person). Matched like `subjects`: the owner's type name, or without types the owner's name.
   */
  readonly notPersons?: readonly string[];
}

export interface Category {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Bijzondere persoonsgegevens (AVG art. 9) — e.g. health data in the zorgdossier. */
  readonly special: boolean;
  /** A national identifying number (AVG art. 87, UAVG art. 46) — the BSN and the onderwijsnummer. */
  readonly identifier: boolean;
  /** Ids of the retention terms allowed for this category; the first is the default. Never empty. */
  readonly retention: readonly string[];
  /** Id of the category to use instead, where one exists (`eckid` for `bsn`). */
  readonly alternative?: string;
  readonly match: CategoryMatch;
  /** Whether the catalogue restricts who may read it (it has an `access` entry). */
  readonly restricted: boolean;
  /** Where the privacy statement says so (e.g. "Privacyverklaring §3.2"). */
  readonly source?: string;
  readonly location: CatalogueLocation;
}

export interface Agreement {
  /** The verwerkersovereenkomst or covenant, e.g. "VWO-2024-017 (Model Verwerkersovereenkomst 4.0)". */
  readonly reference: string;
  /** ISO date the agreement ends (YYYY-MM-DD). */
  readonly ends?: string;
}

export interface ConsentRequirement {
  readonly from: ConsentFrom;
  /** Names of functions that check the consent; a transfer must be guarded by a call to one of them. */
  readonly check: readonly string[];
}

export interface Processor {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** `processor` (verwerker, acts for the school) or `recipient` (ontvanger / third party with its own task). */
  readonly role: 'processor' | 'recipient';
  readonly legalBasis: LegalBasis;
  /** The law or task behind the basis, in the FG's words ("Wet op het onderwijstoezicht"). */
  readonly legalBasisNote?: string;
  readonly agreement?: Agreement;
  /** Host names; `*.magister.net` matches any subdomain. */
  readonly hosts: readonly string[];
  /** URL globs (`https://api.somtoday.nl/rest/v1/**`) for destinations that a host alone does not pin down. */
  readonly urls: readonly string[];
  /** npm modules whose calls send data to this processor (`@google-analytics/data`). */
  readonly modules: readonly string[];
  /**
   * Global names through which code reaches this organisation's script-tag SDK (`Sentry`, `gtag`, `dataLayer`,
   * `analytics`): calls on them send data to it.
   */
  readonly globals: readonly string[];
  /** Ids of the categories this processor may receive. */
  readonly receives: readonly string[];
  readonly consent?: ConsentRequirement;
  readonly source?: string;
  readonly location: CatalogueLocation;
}

export interface Role {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly location: CatalogueLocation;
}

export interface Purpose {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly location: CatalogueLocation;
}

/** Who may read a restricted category: code under these globs, or code that declares one of these purposes or roles. */
export interface AccessRule {
  readonly category: string;
  /** Globs relative to the catalogue's root (`src/zorg/**`). */
  readonly paths: readonly string[];
  /** Role ids; code declares them with JSDoc `@role <id>`. */
  readonly roles: readonly string[];
  /** Purpose ids; code declares them with JSDoc `@purpose <id>`. */
  readonly purposes: readonly string[];
  readonly location: CatalogueLocation;
}

/** A function whose result no longer carries some categories (pseudonymise, hash, toEckId). */
export interface Sanitiser {
  /** Function or method name as called (`toEckId`, `crypto.hash`). */
  readonly function: string;
  /** Category ids it removes; empty means all. */
  readonly removes: readonly string[];
  /** Category its result carries instead, if any (`toEckId` produces `eckid`). */
  readonly produces?: string;
  readonly location: CatalogueLocation;
}

/**
 * Whose data it is. A category matched **by name** (`naam`, `postcode`) is personal data when it belongs to a person:
 * `leerling.naam` is, `vak.naam` and `school.postcode` are not. The owner is the object the name is read from: its
 * type (with type information) or its name (without). Entries are compared case- and style-insensitively, as a whole
 * name or as any of its words (`HuidigeSchool`, `schoolData`, `api_schooljaar_item`); a person's word wins.
 */
export interface Subjects {
  /** Types and owner names of the persons the data is about (`Leerling`, `ouder`, `user`); these always count. */
  readonly persons: readonly string[];
  /** Types and owner names that are never persons (`School`, `Vak`, `Locatie`): their names, addresses are not data. */
  readonly notPersons: readonly string[];
  /** Where `subjects` was written; absent for the built-in defaults. */
  readonly location?: CatalogueLocation;
}

/** The languages avglint's messages are written in. */
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
/** Without a `locale` setting (the catalogue's `settings.locale`, or the host's own), messages are in English. */
export const DEFAULT_LOCALE: Locale = 'en';

/** The language of a run's messages: the host's `locale`, else the catalogue's `settings.locale`, else English. */
export function messageLocale(host: Locale | undefined, catalogue: Pick<Catalogue, 'settings'>): Locale {
  return host ?? catalogue.settings?.locale ?? DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/**
 * The project's one avglint configuration, written in the catalogue's `settings:` block and read by every host
 * (ESLint, `avglint scan`, the language server): the language of the messages and the rules' options.
 */
export interface CatalogueSettings {
  readonly locale?: Locale;
  /** Options per rule id (without the `avglint/` prefix), in the shape of the rule's ESLint options. */
  readonly rules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly location?: CatalogueLocation;
}

export interface Catalogue {
  /** The catalogue file that was loaded, then each file it extends, in load order. */
  readonly files: readonly string[];
  /** Directory that `access` globs are relative to: the directory of the loaded catalogue file. */
  readonly root: string;
  readonly organisation?: string;
  readonly categories: ReadonlyMap<string, Category>;
  readonly processors: ReadonlyMap<string, Processor>;
  readonly retention: ReadonlyMap<string, RetentionTerm>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly purposes: ReadonlyMap<string, Purpose>;
  /** By category id. */
  readonly access: ReadonlyMap<string, AccessRule>;
  readonly sanitisers: readonly Sanitiser[];
  /** Whose data it is; absent means the built-in defaults (`DEFAULT_SUBJECTS`, the same lists as the starter catalogue). */
  readonly subjects?: Subjects;
  /** The `settings:` block; absent when the catalogue has none (the defaults, overridden only by a host's options). */
  readonly settings?: CatalogueSettings;
}
