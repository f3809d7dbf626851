/**
 * The public rules. Ids, descriptions, messages and option schemas live here once; the ESLint plugin, the language
 * server, the docs meta-test and the configs are derived from this table so they cannot drift.
 *
 * Message templates use ESLint's `{{name}}` placeholders; `fillMessage` fills them for hosts that are not ESLint.
 */

export interface RuleMeta {
  readonly id: RuleId;
  /** `Disallow …` or `Require …`. */
  readonly description: string;
  /** Whether the rule needs type information to be useful (it still runs without, from names). */
  readonly requiresTypes: boolean;
  /** Included in `configs.recommended` (all rules are in `configs.strict`). */
  readonly recommended: boolean;
  readonly messages: Readonly<Record<string, string>>;
  /** JSON Schema for the rule's options array (ESLint `meta.schema`). */
  readonly schema: readonly object[];
  readonly defaultOptions: readonly object[];
}

export const RULE_IDS = [
  'no-unauthorised-access',
  'no-unauthorised-transfer',
  'require-retention',
  'no-personal-data-in-logs',
  'no-bsn-literal',
  'require-consent-check',
  'require-suppression-reason',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const DOCS_BASE = 'https://github.com/avglint/avglint/blob/main/docs/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

export const RULES: Readonly<Record<RuleId, RuleMeta>> = {
  'no-unauthorised-access': {
    id: 'no-unauthorised-access',
    description: 'Disallow reading a restricted category (such as the zorgdossier) outside the code the catalogue authorises',
    requiresTypes: false,
    recommended: true,
    messages: {
      unauthorisedRead:
        '{{what}} reads {{category}}{{special}} outside the code the catalogue authorises. Why: {{why}} What to do: {{todo}}',
    },
    schema: [],
    defaultOptions: [],
  },
  'no-unauthorised-transfer': {
    id: 'no-unauthorised-transfer',
    description: 'Disallow sending a category of personal data to a processor the catalogue does not authorise for it',
    requiresTypes: false,
    recommended: true,
    messages: {
      unauthorisedTransfer:
        '{{category}} is sent to {{processor}}, which may not receive it. Why: {{why}} What to do: {{todo}}',
      unknownDestination:
        '{{category}} is sent to {{destination}}, which is not a processor in the catalogue. Why: every recipient of personal data needs a legal basis and, for a verwerker, a verwerkersovereenkomst. What to do: add the recipient to the catalogue (ask the FG) or stop sending the data.',
      unresolvedDestination:
        '{{category}} is sent to a destination avglint cannot resolve. Why: without a known recipient nobody can check the legal basis. What to do: use a URL constant or a client whose baseURL is a literal, or suppress with a reason.',
      useAlternative: 'Send {{alternative}} instead: use `{{replacement}}`',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportUnknownDestinations: { type: 'boolean', description: 'Report data sent to hosts that are not in the catalogue.' },
          reportUnresolvedDestinations: { type: 'boolean', description: 'Report data sent to destinations that cannot be resolved statically.' },
        },
      },
    ],
    defaultOptions: [{ reportUnknownDestinations: true, reportUnresolvedDestinations: false }],
  },
  'require-retention': {
    id: 'require-retention',
    description: 'Require retention metadata (a bewaartermijn from the catalogue) wherever personal data is stored',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingRetention:
        '{{store}} stores {{category}} without a bewaartermijn. Why: the catalogue allows {{allowed}} for this data. What to do: add `/** @retention {{suggested}} */` to the declaration.',
      unknownTerm:
        '`@retention {{term}}` is not a bewaartermijn in the catalogue. What to do: use one of {{allowed}}.',
      termTooLong:
        '{{store}} keeps {{category}} for {{term}} ({{termDuration}}), longer than the catalogue allows ({{allowed}}). Why: {{why}} What to do: use `@retention {{suggested}}`.',
      ttlTooLong:
        '{{store}} keeps {{category}} with a TTL of {{ttl}}, longer than the catalogue allows ({{allowed}}). What to do: lower the TTL or remove the data sooner.',
      addRetention: 'Add `@retention {{term}}` ({{label}})',
    },
    schema: [],
    defaultOptions: [],
  },
  'no-personal-data-in-logs': {
    id: 'no-personal-data-in-logs',
    description: 'Disallow writing catalogued personal data to logs (console, pino, winston, bunyan, debug)',
    requiresTypes: false,
    recommended: true,
    messages: {
      personalDataInLog:
        '{{logger}} writes {{category}} to a log. Why: logs are kept and read outside the catalogue\'s bewaartermijnen and access rules. What to do: {{todo}}',
    },
    schema: [],
    defaultOptions: [],
  },
  'no-bsn-literal': {
    id: 'no-bsn-literal',
    description: 'Disallow literals that pass the BSN elfproef or the onderwijsnummer check: a real number in the repository',
    requiresTypes: false,
    recommended: true,
    messages: {
      bsnLiteral:
        '{{value}} passes the {{check}}: it may be a real person\'s {{kind}}. Why: a BSN may only be processed where a law requires it (AVG art. 87, UAVG art. 46), and a repository is not such a place. What to do: use a generated test number and list it in the rule\'s `allow` option.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { type: 'array', items: { type: 'string', pattern: '^[0-9]{8,9}$' }, uniqueItems: true },
          checkComments: { type: 'boolean' },
        },
      },
    ],
    defaultOptions: [{ allow: [], checkComments: true }],
  },
  'require-consent-check': {
    id: 'require-consent-check',
    description: 'Require a consent check before sending data to a processor whose legal basis is consent',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingConsentCheck:
        'This call sends {{category}} to {{processor}} without a consent check. Why: the legal basis is {{basis}}; consent is needed from {{from}}. What to do: guard the call with {{checks}}.',
    },
    schema: [],
    defaultOptions: [],
  },
  'require-suppression-reason': {
    id: 'require-suppression-reason',
    description: 'Require a reason (`-- reason`) on every comment that disables an avglint rule',
    requiresTypes: false,
    recommended: true,
    messages: {
      missingReason:
        'This comment disables {{rules}} without a reason. Why: the FG reviews every exception to the catalogue. What to do: add `-- <why this is allowed>` to the comment.',
      expiredSuppression:
        'This comment disabled {{rules}} until {{until}}, and that day has passed. Why: the exception was granted for a limited time ({{reason}}). What to do: fix the code, or ask the FG to renew the exception and update the date.',
    },
    schema: [],
    defaultOptions: [],
  },
};

/** Fills `{{name}}` placeholders the way ESLint does. Unknown names stay as written. */
export function fillMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => (name in data ? (data[name] ?? '') : whole));
}
