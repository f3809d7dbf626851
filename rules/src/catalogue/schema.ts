/**
 * The JSON Schema of the catalogue. It is written here, as code, so the loader can use it without reading a file
 * (the core does no I/O); `rules/schema/catalogue.schema.json` is the same object written out for editors, and a
 * test keeps the two identical. Every key has a description in plain words because the editor's hover and the YAML
 * language server show it to the FG.
 */

const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';

const idList = (description: string): Record<string, unknown> => ({
  description,
  type: 'array',
  items: { type: 'string', minLength: 1 },
});

const stringList = (description: string): Record<string, unknown> => ({
  description,
  type: 'array',
  items: { type: 'string', minLength: 1 },
});

export const CATALOGUE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'avglint data-category catalogue',
  description:
    "The organisation's data-category catalogue, kept by the FG (functionaris gegevensbescherming): which personal data exist, who may receive them, how long they are kept and who may read them.",
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: {
      description: 'The version of the catalogue format. Always 1 for now.',
      const: 1,
    },
    organisation: {
      description: 'The name of the school or school group this catalogue belongs to.',
      type: 'string',
      minLength: 1,
    },
    extends: {
      description:
        "Another catalogue file this one builds on, such as the school group's base catalogue: a relative path, or a list of them. Entries here replace the base's entries with the same id.",
      type: ['string', 'array'],
      minLength: 1,
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    roles: {
      description: 'The roles of the people who work with the data (zorgcoördinator, mentor, …). Code declares its role with `@role <id>`.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/role' },
    },
    purposes: {
      description: 'The purposes for which code may read data (leerlingenzorg, …). Code declares its purpose with `@purpose <id>`.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/purpose' },
    },
    retention: {
      description: 'The bewaartermijnen: how long each kind of data is kept, and what starts the clock.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/retentionTerm' },
    },
    categories: {
      description: 'The categories of personal data (BSN, NAW-gegevens, zorgdossier, …) and how code refers to each of them.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/category' },
    },
    processors: {
      description: 'The verwerkers and ontvangers: who receives personal data, on what legal basis, and which categories.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/processor' },
    },
    access: {
      description:
        'Restricted categories and who may read them: code in these folders, or code that declares one of these roles or purposes. A category listed here may be read nowhere else.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/accessRule' },
    },
    subjects: {
      description:
        'Whose data it is. A category matched by name (naam, postcode) is personal data only when it belongs to a person: leerling.naam is, vak.naam and school.postcode are not. The owner is the type of the object the name is read from (with type information) or its name (without). Without this key avglint uses its defaults (the lists of the starter catalogue).',
      type: 'object',
      additionalProperties: false,
      properties: {
        persons: stringList('Types and names of the persons the data is about (Leerling, Ouder, Medewerker, leerling, student, user). These always count as persons. Replaces the default list.'),
        notPersons: stringList('Types and names of owners that are never persons (School, Vak, Locatie, weer): the naam of a Vak is no personal data. Replaces the default list.'),
        description: { description: 'Why these lists are as they are.', type: 'string' },
        source: { description: 'Where this comes from, such as "Privacyverklaring, Van wie".', type: 'string' },
      },
    },
    settings: {
      description:
        "avglint's one configuration for this project, read by ESLint, `avglint scan` and the editor alike: the language of the messages and the rules' options. An option set in the ESLint config (or the editor's avglint.ruleOptions) wins over the value here, and a different value is reported as a warning (settings/conflict).",
      type: 'object',
      additionalProperties: false,
      properties: {
        locale: { description: 'The language of the messages: nl (Nederlands) or en (English). Without it English, unless the ESLint config or the editor sets one.', enum: ['nl', 'en'] },
        rules: {
          description: 'Options per rule, as in an ESLint config (without the avglint/ prefix): no-bsn-literal, no-unauthorised-transfer.',
          type: 'object',
          additionalProperties: false,
          properties: {
            'no-bsn-literal': {
              description: 'Options of no-bsn-literal.',
              type: 'object',
              additionalProperties: false,
              properties: {
                allow: {
                  description: 'Test numbers that pass the elfproef but are no real BSN or onderwijsnummer (generated ones), as 8 or 9 digits in quotes: ["123456782"].',
                  type: 'array',
                  items: { type: 'string', pattern: '^[0-9]{8,9}$' },
                  uniqueItems: true,
                },
                checkComments: { description: 'Also look for numbers in comments (default true).', type: 'boolean' },
              },
            },
            'no-unauthorised-transfer': {
              description: 'Options of no-unauthorised-transfer.',
              type: 'object',
              additionalProperties: false,
              properties: {
                reportUnknownDestinations: { description: 'Report data sent to hosts that are not in the catalogue (default true).', type: 'boolean' },
                reportUnresolvedDestinations: { description: 'Report data sent to destinations avglint cannot resolve (default false; true in the strict preset).', type: 'boolean' },
                attributeResponseUrls: {
                  description: 'A URL whose host comes from the response of a request to a processor (OAuth or tenant discovery) goes to that processor (default true); false treats such URLs as unresolved.',
                  type: 'boolean',
                },
              },
            },
          },
        },
      },
    },
    sanitisers: {
      description: 'Functions whose result no longer contains some categories, such as a function that turns a BSN into an ECK iD.',
      type: 'array',
      items: { $ref: '#/$defs/sanitiser' },
    },
  },
  $defs: {
    role: {
      description: 'A role: who works with the data.',
      type: 'object',
      additionalProperties: false,
      required: ['label'],
      properties: {
        label: { description: 'The name of the role in your own words (Zorgcoördinator).', type: 'string', minLength: 1 },
        description: { description: 'What people in this role do with the data.', type: 'string' },
        source: { description: 'Where this comes from, such as "Privacyverklaring §5".', type: 'string' },
      },
    },
    purpose: {
      description: 'A purpose: why code reads data.',
      type: 'object',
      additionalProperties: false,
      required: ['label'],
      properties: {
        label: { description: 'The purpose in your own words (Organiseren van de leerlingenzorg).', type: 'string', minLength: 1 },
        description: { description: 'A longer explanation of the purpose.', type: 'string' },
        source: { description: 'Where this comes from, such as "Privacyverklaring §2".', type: 'string' },
      },
    },
    retentionTerm: {
      description: 'A bewaartermijn: how long data is kept after something happens.',
      type: 'object',
      additionalProperties: false,
      required: ['label', 'duration', 'starts'],
      properties: {
        label: { description: 'The name of the term in your own words (Leerlingdossier — 2 jaar na vertrek).', type: 'string', minLength: 1 },
        description: { description: 'A longer explanation of the term.', type: 'string' },
        duration: {
          description: 'How long the data is kept, as an ISO 8601 duration: P2Y is 2 years, P6M 6 months, P4W 4 weeks, P30D 30 days; they combine, as in P1Y6M.',
          type: 'string',
        },
        starts: {
          description:
            'What starts the clock: collection (when the data is collected), leaving-school, end-of-school-year, incident-closed, procedure-closed, consent-withdrawn, contract-ended or exam-result.',
          enum: ['collection', 'leaving-school', 'end-of-school-year', 'incident-closed', 'procedure-closed', 'consent-withdrawn', 'contract-ended', 'exam-result'],
        },
        minimum: {
          description: 'The shortest time the law requires the data to be kept, as an ISO 8601 duration (P7Y). Optional.',
          type: 'string',
        },
        maximum: {
          description: 'The longest time the data may ever be kept, as an ISO 8601 duration. Optional.',
          type: 'string',
        },
        source: { description: 'Where this comes from, such as "Privacyverklaring §8".', type: 'string' },
      },
    },
    category: {
      description: 'A category of personal data.',
      type: 'object',
      additionalProperties: false,
      required: ['label', 'retention', 'match'],
      properties: {
        label: { description: 'The name of the category in your own words (Burgerservicenummer (BSN)).', type: 'string', minLength: 1 },
        description: { description: 'What data belongs to this category.', type: 'string' },
        special: {
          description: 'true for bijzondere persoonsgegevens (AVG art. 9), such as health data in the zorgdossier. Default false.',
          type: 'boolean',
        },
        identifier: {
          description: 'true for a national identifying number such as the BSN or the onderwijsnummer (AVG art. 87, UAVG art. 46). Default false.',
          type: 'boolean',
        },
        retention: {
          description: 'The bewaartermijn of this category: the id of a term under `retention`, or a list of ids (the first is the default). Required.',
          type: ['string', 'array'],
          minLength: 1,
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
        alternative: {
          description: 'The id of the category to use instead, where one exists (send the ECK iD, not the BSN).',
          type: 'string',
          minLength: 1,
        },
        source: { description: 'Where this comes from, such as "Privacyverklaring §3.2".', type: 'string' },
        match: { $ref: '#/$defs/match' },
      },
    },
    match: {
      description: 'How code refers to this category. Give at least one of names, types, members, jsdocTags or brands.',
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        names: stringList(
          'Property, column, parameter and variable names, with synonyms (bsn, burgerservicenummer, sofinummer). Upper and lower case, underscores and dashes do not matter.',
        ),
        types: stringList('TypeScript type names whose values are this category (Bsn, Zorgdossier).'),
        members: stringList('Members of named types, written as Type.member (Leerling.BSN).'),
        jsdocTags: stringList('JSDoc tags that mark a declaration as this category, written without @ (bsn for /** @bsn */).'),
        brands: stringList("Branded types: brand Bsn matches string & { __brand: 'Bsn' }."),
        notPersons: stringList('Owners that are never persons for this category, on top of subjects.notPersons (server for an ipAdres): their members with these names are not this category.'),
      },
    },
    processor: {
      description: 'A verwerker (acts for the school) or ontvanger (receives data for its own task).',
      type: 'object',
      additionalProperties: false,
      required: ['label', 'role', 'legalBasis'],
      properties: {
        label: { description: 'The name of the organisation (DUO (Dienst Uitvoering Onderwijs)).', type: 'string', minLength: 1 },
        description: { description: 'What this organisation does with the data.', type: 'string' },
        role: {
          description: 'processor: a verwerker that acts for the school under a verwerkersovereenkomst; recipient: an ontvanger with its own task (DUO, the gemeente).',
          enum: ['processor', 'recipient'],
        },
        legalBasis: {
          description:
            'The legal basis (AVG art. 6): consent (toestemming), contract (overeenkomst), legal-obligation (wettelijke plicht), vital-interest (vitaal belang), public-task (publiekrechtelijke taak) or legitimate-interest (gerechtvaardigd belang).',
          enum: ['consent', 'contract', 'legal-obligation', 'vital-interest', 'public-task', 'legitimate-interest'],
        },
        legalBasisNote: { description: 'The law or task behind the legal basis, in your own words (Wet op het voortgezet onderwijs).', type: 'string' },
        agreement: { $ref: '#/$defs/agreement' },
        hosts: stringList('Host names data is sent to, without https:// or a path (duo.nl). *.duo.nl matches every subdomain.'),
        urls: stringList('Web addresses data is sent to, where a host name alone is not enough; ** matches any path (https://api.somtoday.nl/rest/v1/**).'),
        modules: stringList('npm packages whose calls send data to this organisation (@google-analytics/data).'),
        globals: stringList('Names of a script-tag SDK of this organisation as code uses them, without window. (Sentry, gtag, dataLayer, analytics).'),
        receives: idList('The ids of the categories this organisation may receive. Anything else sent to it is reported.'),
        consent: { $ref: '#/$defs/consent' },
        source: { description: 'Where this comes from, such as "Privacyverklaring §6".', type: 'string' },
      },
    },
    agreement: {
      description: 'The verwerkersovereenkomst or covenant with this organisation.',
      type: 'object',
      additionalProperties: false,
      required: ['reference'],
      properties: {
        reference: { description: 'The reference of the agreement (VWO-2024-017).', type: 'string', minLength: 1 },
        ends: { description: 'The date the agreement ends, written as YYYY-MM-DD (2027-07-31). The check warns when it has passed.', type: 'string' },
      },
    },
    consent: {
      description: 'Whose consent is needed before data is sent, and which functions in the code check it. Only with legalBasis consent.',
      type: 'object',
      additionalProperties: false,
      required: ['from', 'check'],
      properties: {
        from: {
          description: 'Whose consent: parents, pupil, or parents-until-16 (the parents, and from 16 the pupil alone).',
          enum: ['parents', 'pupil', 'parents-until-16'],
        },
        check: {
          description: 'Names of the functions in the code that check the consent (heeftToestemming). Sending data must be guarded by one of them.',
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
      },
    },
    accessRule: {
      description: 'Who may read this restricted category.',
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: stringList('Folders and files, as patterns relative to the catalogue file (src/zorg/**), whose code may read this category.'),
        roles: idList('Ids of roles; code that declares @role <id> may read this category.'),
        purposes: idList('Ids of purposes; code that declares @purpose <id> may read this category.'),
        description: { description: 'Why access is restricted this way.', type: 'string' },
        source: { description: 'Where this comes from, such as "Privacyverklaring §3.4".', type: 'string' },
      },
    },
    sanitiser: {
      description: 'A function whose result no longer contains some categories (pseudonymise, toEckId).',
      type: 'object',
      additionalProperties: false,
      required: ['function'],
      properties: {
        function: { description: 'The name of the function or method as it is called (toEckId, crypto.hash).', type: 'string', minLength: 1 },
        removes: idList('Ids of the categories its result no longer contains. Leave it out to mean every category.'),
        produces: { description: 'The id of the category its result contains instead (toEckId produces eckid).', type: 'string', minLength: 1 },
        description: { description: 'What the function does.', type: 'string' },
      },
    },
  },
} as const;

type SchemaNode = Record<string, unknown>;

function resolveRef(node: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const defs = CATALOGUE_SCHEMA.$defs as Record<string, SchemaNode>;
    const target = defs[ref.slice('#/$defs/'.length)];
    if (target) return target;
  }
  return node;
}

/** The schema node a key path leads to, following map entries (ids) and list items. */
export function catalogueSchemaNode(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode = CATALOGUE_SCHEMA as unknown as SchemaNode;
  for (const segment of path) {
    node = resolveRef(node);
    const properties = node['properties'] as Record<string, SchemaNode> | undefined;
    const additional = node['additionalProperties'];
    const items = node['items'];
    if (properties && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(properties, segment)) {
      node = properties[segment] as SchemaNode;
    } else if (additional && typeof additional === 'object') {
      node = additional as SchemaNode;
    } else if (items && typeof items === 'object' && (typeof segment === 'number' || /^\d+$/.test(segment))) {
      node = items as SchemaNode;
    } else {
      return undefined;
    }
  }
  return resolveRef(node);
}

/**
 * Explains a key of the catalogue in plain words, for hovers: `['categories', 'bsn', 'retention']` describes the
 * `retention` key of a category. Ids (the FG's own keys such as `bsn`) describe the kind of entry they start.
 */
export function describeCatalogueKey(path: readonly (string | number)[]): string | undefined {
  let node: SchemaNode = CATALOGUE_SCHEMA as unknown as SchemaNode;
  // A list item (`extends[0]`, `names[2]`) has no description of its own; it is explained by its list's.
  let inherited: string | undefined;
  for (const segment of path) {
    const own = describe(node);
    if (own !== undefined) inherited = own;
    // A `$ref` carries no description of its own use, so the description of the referring property wins.
    const target = resolveRef(node);
    const properties = target['properties'] as Record<string, SchemaNode> | undefined;
    const additional = target['additionalProperties'];
    const items = target['items'];
    if (properties && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(properties, segment)) {
      node = properties[segment] as SchemaNode;
      inherited = undefined;
    } else if (additional && typeof additional === 'object') {
      node = additional as SchemaNode;
      inherited = undefined;
    } else if (items && typeof items === 'object' && (typeof segment === 'number' || /^\d+$/.test(segment))) {
      node = items as SchemaNode;
    } else {
      return undefined;
    }
  }
  return describe(node) ?? inherited;
}

function describe(node: SchemaNode): string | undefined {
  const own = node['description'];
  if (typeof own === 'string') return own;
  const target = resolveRef(node)['description'];
  return typeof target === 'string' ? target : undefined;
}

/** The keys allowed in the object a key path leads to, for "did you mean" hints. */
export function allowedCatalogueKeys(path: readonly (string | number)[]): readonly string[] {
  const node = catalogueSchemaNode(path);
  const properties = node?.['properties'];
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}
