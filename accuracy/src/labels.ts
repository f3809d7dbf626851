/**
 * The labels of one real repository, as written by reading its code (accuracy/labels/<name>.json), and their
 * validation. A label says where personal data is read, sent, stored or logged and whether avglint must report it
 * there (`expected: true`) or must stay silent (`expected: false`: an authorised flow, a store with its bewaartermijn,
 * or a finding judged false). No code of the repository is kept here: paths, line numbers and short notes only.
 */
import { RULE_IDS, type RuleId } from '@avglint/rules';

/** What a label is about; `kind` words are fixed so the report can group them. */
export const LABEL_KINDS = ['transfer', 'store', 'log', 'access', 'bsn-literal', 'consent', 'other'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface Label {
  /** The avglint rule that should (or should not) report here, without the `avglint/` prefix. */
  readonly rule: RuleId;
  /** The file, relative to the checkout's root, with `/` separators. */
  readonly file: string;
  /** 1-based line of the sink call, store or log call (where avglint reports). */
  readonly line: number;
  /** Last line of a call that spans several lines; a finding anywhere in `line..endLine` matches. */
  readonly endLine?: number;
  readonly kind: LabelKind;
  /** true: avglint must report this; false: avglint must stay silent here. */
  readonly expected: boolean;
  /** The catalogue categories that flow here (ids of accuracy/catalogue.yaml). */
  readonly categories?: readonly string[];
  /** Where the data comes from (file:line or a short description). */
  readonly source?: string;
  /** The sink: the call that sends, stores or logs. */
  readonly sink?: string;
  /** The destination (host or party) of a transfer. */
  readonly destination?: string;
  /** Whether the catalogue authorises the destination to receive every category here. */
  readonly authorised?: boolean;
  /** For stores: the bewaartermijn the code declares, or `none`. */
  readonly retention?: string;
  /** For a label avglint misses (or reports falsely) today: the capability it needs, in a few words. */
  readonly capability?: string;
  readonly note: string;
}

export interface RepositoryLabels {
  /** Folder name of the checkout in the cache, and the name in the report. */
  readonly name: string;
  /** https://github.com/<owner>/<name> */
  readonly repo: string;
  /** The pinned commit (40 hex digits). */
  readonly commit: string;
  /** What kind of project it is: api-client, bot, front-end, back-end, app. */
  readonly kind: string;
  readonly language: string;
  /** The folder avglint scans, relative to the checkout (default: the checkout itself). */
  readonly root?: string;
  /** Run the strict rule set (typed, unresolved destinations reported), as a TypeScript project with a tsconfig would. */
  readonly strict: boolean;
  readonly description: string;
  readonly labels: readonly Label[];
}

export interface LabelProblem {
  readonly where: string;
  readonly message: string;
}

const RULES = new Set<string>(RULE_IDS);
const KINDS = new Set<string>(LABEL_KINDS);

/**
 * Checks one parsed label file and returns it typed, with every problem found (not only the first): a label file is
 * data written by hand, and a wrong one would silently move the figures.
 */
export function validateRepositoryLabels(value: unknown, where: string): { labels?: RepositoryLabels; problems: LabelProblem[] } {
  const problems: LabelProblem[] = [];
  const problem = (at: string, message: string): void => {
    problems.push({ where: `${where}${at}`, message });
  };
  if (!isObject(value)) {
    problem('', 'a label file is a JSON object with name, repo, commit, kind, language, strict, description and labels');
    return { problems };
  }
  for (const key of ['name', 'repo', 'kind', 'language', 'description'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') problem(`: ${key}`, `\`${key}\` must be a non-empty string`);
  }
  if (typeof value.name === 'string' && !/^[A-Za-z0-9._-]+$/.test(value.name)) problem(': name', '`name` is a folder name: letters, digits, `.`, `_` and `-` only');
  if (typeof value.repo === 'string' && !/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(value.repo)) problem(': repo', '`repo` must be https://github.com/<owner>/<name>');
  if (typeof value.commit !== 'string' || !/^[0-9a-f]{40}$/.test(value.commit)) problem(': commit', '`commit` must be the pinned commit, 40 lowercase hex digits');
  if (typeof value.strict !== 'boolean') problem(': strict', '`strict` must be true or false');
  if (value.root !== undefined && (typeof value.root !== 'string' || value.root.startsWith('/') || value.root.split('/').includes('..'))) {
    problem(': root', '`root` must be a folder inside the checkout, relative, without `..`');
  }
  if (!Array.isArray(value.labels)) {
    problem(': labels', '`labels` must be an array');
    return { problems };
  }
  const seen = new Map<string, number>();
  value.labels.forEach((label: unknown, index: number) => {
    const at = `: labels[${index}]`;
    if (!isObject(label)) {
      problem(at, 'a label is an object');
      return;
    }
    if (typeof label.rule !== 'string' || !RULES.has(label.rule)) problem(at, `\`rule\` must be one of ${RULE_IDS.join(', ')} (without avglint/)`);
    if (typeof label.file !== 'string' || label.file === '' || label.file.startsWith('/') || label.file.includes('\\')) {
      problem(at, '`file` must be a path relative to the checkout, with / separators');
    }
    if (!isLine(label.line)) problem(at, '`line` must be a positive integer');
    if (label.endLine !== undefined && (!isLine(label.endLine) || (isLine(label.line) && label.endLine < label.line))) {
      problem(at, '`endLine` must be a positive integer not before `line`');
    }
    if (typeof label.kind !== 'string' || !KINDS.has(label.kind)) problem(at, `\`kind\` must be one of ${LABEL_KINDS.join(', ')}`);
    if (typeof label.expected !== 'boolean') problem(at, '`expected` must be true (avglint must report) or false (avglint must stay silent)');
    if (typeof label.note !== 'string' || label.note === '') problem(at, '`note` must say in a few words what happens here');
    for (const key of ['source', 'sink', 'destination', 'retention', 'capability'] as const) {
      if (label[key] !== undefined && typeof label[key] !== 'string') problem(at, `\`${key}\` must be a string`);
    }
    if (label.authorised !== undefined && typeof label.authorised !== 'boolean') problem(at, '`authorised` must be true or false');
    if (label.categories !== undefined && (!Array.isArray(label.categories) || !label.categories.every((c) => typeof c === 'string'))) {
      problem(at, '`categories` must be an array of category ids');
    }
    const key = `${String(label.rule)} ${String(label.file)}:${String(label.line)}`;
    const before = seen.get(key);
    if (before !== undefined) problem(at, `a second label for ${key} (first: labels[${before}]); put every category of one call in one label`);
    else seen.set(key, index);
  });
  return problems.length > 0 ? { problems } : { labels: value as unknown as RepositoryLabels, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
