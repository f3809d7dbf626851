/**
 * The report's words, Dutch first (the FG reads it), English with `--locale en`. The FG's own labels from the
 * catalogue are used as written in both.
 */
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

export interface Words {
  readonly title: string;
  readonly generated: (date: string, project: string) => string;
  readonly catalogue: string;
  readonly typed: (typed: boolean) => string;
  readonly contents: string;
  readonly summary: (s: { flows: number; notAllowed: number; exceptions: number; agreementsEnding: number; stores: number; storesWithoutRetention: number; unclassified: number; files: number }) => string;
  readonly filters: { readonly category: string; readonly processor: string; readonly all: string };
  readonly sections: {
    readonly inventory: string;
    readonly matrix: string;
    readonly diagram: string;
    readonly stores: string;
    readonly exceptions: string;
    readonly agreements: string;
    readonly unclassified: string;
    readonly register: string;
    readonly problems: string;
  };
  readonly intro: {
    readonly inventory: string;
    readonly matrix: string;
    readonly diagram: string;
    readonly stores: string;
    readonly exceptions: string;
    readonly agreements: string;
    readonly unclassified: string;
    readonly register: string;
    readonly problems: string;
  };
  readonly actions: Readonly<Record<'read' | 'store' | 'transfer' | 'log', string>>;
  readonly columns: {
    readonly where: string;
    readonly action: string;
    readonly what: string;
    readonly to: string;
    readonly verdict: string;
    readonly category: string;
    readonly store: string;
    readonly term: string;
    readonly max: string;
    readonly clock: string;
    readonly rules: string;
    readonly reason: string;
    readonly until: string;
    readonly author: string;
    readonly date: string;
    readonly status: string;
    readonly processor: string;
    readonly role: string;
    readonly agreement: string;
    readonly ends: string;
    readonly daysLeft: string;
    readonly name: string;
    readonly kind: string;
    readonly occurrences: string;
    readonly snippet: string;
    readonly basis: string;
    readonly categories: string;
    readonly retention: string;
    readonly purposes: string;
    readonly used: string;
    readonly problem: string;
  };
  readonly verdicts: {
    readonly allowed: string;
    readonly notAllowed: string;
    readonly store: Readonly<Record<'ok' | 'missing' | 'too-long' | 'unknown-term', string>>;
    readonly exception: Readonly<Record<'expired' | 'no-reason' | 'active', string>>;
    readonly agreement: Readonly<Record<'ended' | 'ending' | 'missing' | 'ok', string>>;
    readonly matrix: Readonly<Record<'sent-allowed' | 'sent-not-allowed' | 'allowed-never-sent' | 'none', string>>;
  };
  readonly role: Readonly<Record<'processor' | 'recipient', string>>;
  readonly special: string;
  readonly identifier: string;
  readonly restricted: string;
  readonly none: string;
  readonly unknownColumn: string;
  readonly unresolvedColumn: string;
  readonly logNode: string;
  readonly days: (n: number) => string;
  readonly pathSteps: (n: number) => string;
  readonly yes: string;
  readonly no: string;
  readonly allRules: string;
  readonly diff: {
    readonly title: (base: string) => string;
    readonly nothing: string;
    readonly addedFlows: string;
    readonly removedFlows: string;
    readonly addedStores: string;
    readonly removedStores: string;
    readonly addedExceptions: string;
    readonly removedExceptions: string;
    readonly addedUnclassified: string;
  };
}

const nl: Words = {
  title: 'Privacyrapport',
  generated: (date, project) => `Project ${project}, gemaakt op ${date} door avglint.`,
  catalogue: 'Catalogus',
  typed: (typed) => (typed ? 'Geanalyseerd met type-informatie (tsconfig.json).' : 'Geanalyseerd op namen (geen tsconfig.json gevonden).'),
  contents: 'Inhoud',
  summary: (s) =>
    `${s.flows} gegevensstromen, waarvan ${s.notAllowed} niet toegestaan · ${s.stores} opslagplaatsen, ${s.storesWithoutRetention} zonder passende bewaartermijn · ` +
    `${s.exceptions} uitzonderingen · ${s.agreementsEnding} overeenkomsten verlopen of verlopen binnenkort · ${s.unclassified} namen nog niet in de catalogus · ${s.files} bestanden`,
  filters: { category: 'Categorie', processor: 'Ontvanger', all: 'alle' },
  sections: {
    inventory: '1. Inventaris per categorie',
    matrix: '2. Categorie × ontvanger',
    diagram: '3. Gegevensstromen',
    stores: '4. Opslag en bewaartermijnen',
    exceptions: '5. Register van uitzonderingen',
    agreements: '6. Verwerkersovereenkomsten',
    unclassified: '7. Nog niet in de catalogus',
    register: '8. Concept verwerkingsregister (AVG art. 30)',
    problems: 'Niet geanalyseerd',
  },
  intro: {
    inventory: 'Per categorie uit de catalogus: waar de code het gegeven leest, opslaat, verstuurt en logt, en of dat mag volgens de catalogus.',
    matrix:
      'Welke categorie naar welke ontvanger gaat. Rood: verstuurd en niet toegestaan. Groen: verstuurd en toegestaan. Grijs: toegestaan in de catalogus maar door de code nooit verstuurd — overweeg `receives` of de verwerkersovereenkomst te beperken (dataminimalisatie).',
    diagram: 'Van codegebied (map) naar ontvanger, per categorie. Rode pijlen dragen minstens één stroom die de catalogus niet toestaat.',
    stores: 'Elke plek die persoonsgegevens opslaat, met de bewaartermijn die de code noemt (`@retention`), het maximum uit de catalogus en wat de termijn laat ingaan.',
    exceptions:
      'Elke plek waar een ontwikkelaar een avglint-regel heeft uitgezet, met de reden en de einddatum. Verlopen uitzonderingen en uitzonderingen zonder reden staan bovenaan.',
    agreements: 'Per verwerker en ontvanger: de verwerkersovereenkomst en de einddatum. Verlopen en binnenkort verlopende overeenkomsten staan bovenaan.',
    unclassified:
      'Namen in de code die meestal persoonsgegevens bevatten, maar die bij geen categorie van de catalogus horen. Controleer ze; het YAML-fragment kunt u aanvullen en in de catalogus plakken.',
    register: 'Een concept voor het verwerkingsregister: per ontvanger de categorieën, de grondslag, de bewaartermijnen en de overeenkomst, uit de catalogus. Controleer en vul aan.',
    problems: 'Deze bestanden konden niet (volledig) worden geanalyseerd; het rapport is daar onvolledig.',
  },
  actions: { read: 'gelezen', store: 'opgeslagen', transfer: 'verstuurd', log: 'gelogd' },
  columns: {
    where: 'Waar',
    action: 'Wat gebeurt er',
    what: 'Hoe',
    to: 'Naar',
    verdict: 'Oordeel',
    category: 'Categorie',
    store: 'Opslag',
    term: 'Bewaartermijn in de code',
    max: 'Maximum catalogus',
    clock: 'Termijn gaat in bij',
    rules: 'Regels',
    reason: 'Reden',
    until: 'Tot',
    author: 'Auteur',
    date: 'Datum',
    status: 'Status',
    processor: 'Ontvanger',
    role: 'Rol',
    agreement: 'Overeenkomst',
    ends: 'Einddatum',
    daysLeft: 'Resterend',
    name: 'Naam',
    kind: 'Soort gegeven',
    occurrences: 'Komt voor in',
    snippet: 'Voorstel voor de catalogus',
    basis: 'Grondslag',
    categories: 'Categorieën',
    retention: 'Bewaartermijnen',
    purposes: 'Doelen',
    used: 'Gebruikt in de code',
    problem: 'Probleem',
  },
  verdicts: {
    allowed: 'toegestaan',
    notAllowed: 'niet toegestaan',
    store: { ok: 'in orde', missing: 'geen bewaartermijn', 'too-long': 'termijn te lang', 'unknown-term': 'onbekende termijn' },
    exception: { expired: 'verlopen', 'no-reason': 'zonder reden', active: 'actief' },
    agreement: { ended: 'verlopen', ending: 'verloopt binnenkort', missing: 'ontbreekt', ok: 'in orde' },
    matrix: { 'sent-allowed': 'verstuurd, toegestaan', 'sent-not-allowed': 'verstuurd, niet toegestaan', 'allowed-never-sent': 'toegestaan, nooit verstuurd', none: '' },
  },
  role: { processor: 'verwerker', recipient: 'ontvanger (eigen taak)' },
  special: 'bijzonder persoonsgegeven',
  identifier: 'identificatienummer',
  restricted: 'beperkte toegang',
  none: 'Niets gevonden.',
  unknownColumn: 'onbekend',
  unresolvedColumn: 'niet vast te stellen',
  logNode: 'logbestanden',
  days: (n) => (n < 0 ? `${-n} dagen geleden` : `${n} dagen`),
  pathSteps: (n) => `pad, ${n} stappen`,
  yes: 'ja',
  no: 'nee',
  allRules: 'alle regels',
  diff: {
    title: (base) => `avglint: wat deze wijziging doet met persoonsgegevens (t.o.v. ${base})`,
    nothing: 'Deze wijziging verandert niets aan gegevensstromen, opslag, uitzonderingen of niet-gecatalogiseerde namen.',
    addedFlows: 'Nieuwe gegevensstromen',
    removedFlows: 'Verdwenen gegevensstromen',
    addedStores: 'Nieuwe opslag',
    removedStores: 'Verdwenen opslag',
    addedExceptions: 'Nieuwe of gewijzigde uitzonderingen',
    removedExceptions: 'Verdwenen uitzonderingen',
    addedUnclassified: 'Nieuwe namen die nog niet in de catalogus staan',
  },
};

const en: Words = {
  title: 'Privacy report',
  generated: (date, project) => `Project ${project}, made on ${date} by avglint.`,
  catalogue: 'Catalogue',
  typed: (typed) => (typed ? 'Analysed with type information (tsconfig.json).' : 'Analysed by names (no tsconfig.json found).'),
  contents: 'Contents',
  summary: (s) =>
    `${s.flows} data flows, ${s.notAllowed} not allowed · ${s.stores} stores, ${s.storesWithoutRetention} without a fitting retention term · ` +
    `${s.exceptions} exceptions · ${s.agreementsEnding} agreements ended or ending soon · ${s.unclassified} names not yet in the catalogue · ${s.files} files`,
  filters: { category: 'Category', processor: 'Recipient', all: 'all' },
  sections: {
    inventory: '1. Inventory per category',
    matrix: '2. Category × recipient',
    diagram: '3. Data flows',
    stores: '4. Stores and retention',
    exceptions: '5. Exceptions register',
    agreements: '6. Processing agreements',
    unclassified: '7. Not yet in the catalogue',
    register: '8. Draft record of processing activities (GDPR art. 30)',
    problems: 'Not analysed',
  },
  intro: {
    inventory: 'For each category of the catalogue: where the code reads, stores, sends and logs it, and whether the catalogue allows that.',
    matrix:
      'Which category goes to which recipient. Red: sent and not allowed. Green: sent and allowed. Grey: allowed by the catalogue but never sent by the code — consider narrowing `receives` or the agreement (data minimisation).',
    diagram: 'From code area (folder) to recipient, per category. Red arrows carry at least one flow the catalogue does not allow.',
    stores: 'Every place that stores personal data, with the retention term the code names (`@retention`), the catalogue maximum and what starts the clock.',
    exceptions: 'Every place where a developer switched an avglint rule off, with the reason and end date. Expired exceptions and those without a reason come first.',
    agreements: 'Per processor and recipient: the processing agreement and its end date. Ended and soon-ending agreements come first.',
    unclassified: 'Names in the code that usually hold personal data but match no category of the catalogue. Check them; complete the YAML snippet and paste it into the catalogue.',
    register: 'A draft for the record of processing activities: per recipient the categories, legal basis, retention terms and agreement, from the catalogue. Check and complete it.',
    problems: 'These files could not be (fully) analysed; the report is incomplete there.',
  },
  actions: { read: 'read', store: 'stored', transfer: 'sent', log: 'logged' },
  columns: {
    where: 'Where',
    action: 'What happens',
    what: 'How',
    to: 'To',
    verdict: 'Verdict',
    category: 'Category',
    store: 'Store',
    term: 'Retention in the code',
    max: 'Catalogue maximum',
    clock: 'Term starts at',
    rules: 'Rules',
    reason: 'Reason',
    until: 'Until',
    author: 'Author',
    date: 'Date',
    status: 'Status',
    processor: 'Recipient',
    role: 'Role',
    agreement: 'Agreement',
    ends: 'Ends',
    daysLeft: 'Left',
    name: 'Name',
    kind: 'Kind of data',
    occurrences: 'Occurs in',
    snippet: 'Suggestion for the catalogue',
    basis: 'Legal basis',
    categories: 'Categories',
    retention: 'Retention terms',
    purposes: 'Purposes',
    used: 'Used in the code',
    problem: 'Problem',
  },
  verdicts: {
    allowed: 'allowed',
    notAllowed: 'not allowed',
    store: { ok: 'fine', missing: 'no retention term', 'too-long': 'term too long', 'unknown-term': 'unknown term' },
    exception: { expired: 'expired', 'no-reason': 'no reason', active: 'active' },
    agreement: { ended: 'ended', ending: 'ending soon', missing: 'missing', ok: 'fine' },
    matrix: { 'sent-allowed': 'sent, allowed', 'sent-not-allowed': 'sent, not allowed', 'allowed-never-sent': 'allowed, never sent', none: '' },
  },
  role: { processor: 'processor', recipient: 'recipient (own task)' },
  special: 'special category',
  identifier: 'identifying number',
  restricted: 'restricted access',
  none: 'Nothing found.',
  unknownColumn: 'unknown',
  unresolvedColumn: 'cannot be determined',
  logNode: 'log files',
  days: (n) => (n < 0 ? `${-n} days ago` : `${n} days`),
  pathSteps: (n) => `path, ${n} steps`,
  yes: 'yes',
  no: 'no',
  allRules: 'all rules',
  diff: {
    title: (base) => `avglint: what this change does with personal data (against ${base})`,
    nothing: 'This change alters no data flows, stores, exceptions or unclassified names.',
    addedFlows: 'New data flows',
    removedFlows: 'Removed data flows',
    addedStores: 'New stores',
    removedStores: 'Removed stores',
    addedExceptions: 'New or changed exceptions',
    removedExceptions: 'Removed exceptions',
    addedUnclassified: 'New names not yet in the catalogue',
  },
};

export const WORDS: Readonly<Record<Locale, Words>> = { nl, en };
