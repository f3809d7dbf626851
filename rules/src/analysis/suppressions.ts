/**
 * ESLint's disable directives, parsed and applied exactly as ESLint 9 does it, so the language server hides the same
 * findings ESLint hides and the editor and CI agree. ESLint applies directives itself for the plugin; the language
 * server calls `parseSuppressions` and `applySuppressions` on the core's findings.
 *
 * The behaviour follows ESLint 9.39 (`@eslint/plugin-kit` ConfigCommentParser, `SourceCode#getDisableDirectives`,
 * `linter/apply-disable-directives.js`):
 * - A directive is a comment whose text, trimmed, starts with `eslint-disable`, `eslint-enable`,
 *   `eslint-disable-line` or `eslint-disable-next-line` followed by whitespace or the end. Line comments (`//`) may
 *   only hold the `-line` and `-next-line` forms; `// eslint-disable` is not a directive.
 * - The description starts at the first whitespace–two-or-more-dashes–whitespace (`-- reason`).
 * - Rules are separated by commas, trimmed, and may be quoted; no rules means every rule.
 * - `eslint-disable-line` in a block comment spanning several lines is not a directive (ESLint reports it).
 * - `eslint-disable-next-line` applies to the line after the comment's *last* line.
 * - Block directives (`disable`/`enable`) and line directives are applied separately: a finding is suppressed when
 *   either set suppresses it. Within a set, for a finding at (line, column), every directive at or before that position
 *   that names its rule (or all rules) is replayed in order: `disable` adds, `enable` clears.
 *
 * avglint's addition: a description may end in `(until YYYY-MM-DD)`. From the day after that date (UTC) the
 * suppression has expired and, when the caller passes `now`, no longer suppresses. ESLint itself cannot know this;
 * the `require-suppression-reason` rule reports expired suppressions in both hosts so CI fails on them too.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Finding, TextRange } from '../finding';

/** A comment in the file, with ESLint's view of it: `value` is the text without `//`, `/*` and `*\/`. */
export interface SourceComment {
  readonly kind: 'line' | 'block';
  /** The whole comment including its delimiters. */
  readonly range: TextRange;
  /** Offset of `value` in the file. */
  readonly valueStart: number;
  readonly value: string;
}

export type SuppressionKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface SuppressionDirective {
  readonly kind: SuppressionKind;
  /** The rule ids as written (`avglint/no-bsn-literal`); empty means every rule. */
  readonly rules: readonly string[];
  /** The text after `--`, trimmed; empty when there is none. */
  readonly reason: string;
  /** `YYYY-MM-DD` from a trailing `(until YYYY-MM-DD)` in the reason, when that date exists. */
  readonly until?: string;
  /** The whole comment. */
  readonly range: TextRange;
  /** 1-based line and column of the comment's start, and 1-based line of its end. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
}

export interface ApplySuppressionsOptions {
  /** The ESLint plugin's namespace; directives name avglint's rules as `<prefix>/<rule-id>`. Default `avglint`. */
  readonly pluginPrefix?: string;
  /** When given, suppressions whose `until` date lies before this day (UTC) no longer suppress. */
  readonly now?: Date;
}

const DIRECTIVE = /^(eslint(?:-env|-enable|-disable(?:(?:-next)?-line)?)?|exported|globals?)(?:\s|$)/u;
const LABEL = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u;
const UNTIL = /\(until\s+(\d{4}-\d{2}-\d{2})\)\s*$/u;

/** Comments per parsed file: the two checks that read comments and the language server share one pass. */
const commentCache = new WeakMap<ts.SourceFile, readonly SourceComment[]>();

/**
 * Every comment in the file, in order, the way ESLint's `ast.comments` lists them (no shebang, nothing inside strings,
 * templates, regular expressions or JSX text).
 *
 * One linear pass over the text: the parser has already decided which characters are strings, template parts,
 * regular expressions and JSX text; everywhere else `//` and `/*` can only start a comment.
 */
export function collectComments(sourceFile: ts.SourceFile): readonly SourceComment[] {
  const cached = commentCache.get(sourceFile);
  if (cached) return cached;
  const text = sourceFile.text;
  const opaque: number[] = [];
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.JsxText:
        opaque.push(node.getStart(sourceFile), node.end);
        return;
      default:
        ts.forEachChild(node, visit);
    }
  };
  visit(sourceFile);
  const comments: SourceComment[] = [];
  let i = ts.getShebang(text)?.length ?? 0;
  let k = 0;
  while (i < text.length) {
    while (k < opaque.length && (opaque[k + 1] ?? 0) <= i) k += 2;
    const opaqueStart = opaque[k] ?? text.length;
    if (i >= opaqueStart) {
      i = opaque[k + 1] ?? text.length;
      continue;
    }
    const slash = text.indexOf('/', i);
    if (slash < 0 || slash >= opaqueStart) {
      i = opaqueStart;
      continue;
    }
    const next = text.charCodeAt(slash + 1);
    if (next === 0x2f /* / */) {
      let end = slash + 2;
      while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
      comments.push({ kind: 'line', range: { start: slash, end }, valueStart: slash + 2, value: text.slice(slash + 2, end) });
      i = end;
    } else if (next === 0x2a /* * */) {
      const close = text.indexOf('*/', slash + 2);
      const end = close < 0 ? text.length : close + 2;
      comments.push({ kind: 'block', range: { start: slash, end }, valueStart: slash + 2, value: text.slice(slash + 2, close < 0 ? end : close) });
      i = end;
    } else {
      i = slash + 1;
    }
  }
  commentCache.set(sourceFile, comments);
  return comments;
}

/** Line terminators as ECMAScript (and so ESLint and TypeScript) define them. */
function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The disable/enable directives in the file, in order, as ESLint reads them. */
export function parseSuppressions(sourceFile: ts.SourceFile, comments?: readonly SourceComment[]): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  // Every directive label starts with `eslint-disable` or `eslint-enable`: a file without either has none, and its
  // comments need not be collected at all.
  if (comments === undefined && !mayHoldDirective(sourceFile.text)) return directives;
  for (const comment of comments ?? collectComments(sourceFile)) {
    const directive = parseDirectiveComment(comment, sourceFile);
    if (directive) directives.push(directive);
  }
  return directives;
}

/**
 * Whether the text holds `eslint-disable` or `eslint-enable`: one search for their common prefix, which most files
 * never contain, instead of a search for each.
 */
function mayHoldDirective(text: string): boolean {
  for (let at = text.indexOf('eslint-'); at >= 0; at = text.indexOf('eslint-', at + 1)) {
    if (text.startsWith('disable', at + 7) || text.startsWith('enable', at + 7)) return true;
  }
  return false;
}

function parseDirectiveComment(comment: SourceComment, sourceFile: ts.SourceFile): SuppressionDirective | undefined {
  const { directivePart, justification } = splitJustification(comment.value);
  const match = LABEL.exec(directivePart);
  if (!match?.[1] || !DIRECTIVE.test(match[1])) return undefined;
  const label = match[1];
  const kind = directiveKind(label);
  if (!kind) return undefined;
  if (comment.kind === 'line' && kind !== 'disable-line' && kind !== 'disable-next-line') return undefined;
  const start = sourceFile.getLineAndCharacterOfPosition(comment.range.start);
  const end = sourceFile.getLineAndCharacterOfPosition(comment.range.end);
  if (kind === 'disable-line' && start.line !== end.line) return undefined;
  const rules = parseRuleList(directivePart.slice(label.length));
  const until = expiry(justification);
  return {
    kind,
    rules,
    reason: justification,
    ...(until !== undefined ? { until } : {}),
    range: comment.range,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
  };
}

function directiveKind(label: string): SuppressionKind | undefined {
  switch (label) {
    case 'eslint-disable':
      return 'disable';
    case 'eslint-enable':
      return 'enable';
    case 'eslint-disable-line':
      return 'disable-line';
    case 'eslint-disable-next-line':
      return 'disable-next-line';
    default:
      return undefined;
  }
}

/** ESLint's `#extractDirectiveComment`: the first `\s-{2,}\s` separates the directive from its description. */
function splitJustification(value: string): { directivePart: string; justification: string } {
  const match = /\s-{2,}\s/u.exec(value);
  if (!match) return { directivePart: value.trim(), justification: '' };
  return { directivePart: value.slice(0, match.index).trim(), justification: value.slice(match.index + match[0].length).trim() };
}

/** ESLint's `parseListConfig`: comma-separated, trimmed, optional matching quotes, empty items dropped, no duplicates. */
function parseRuleList(list: string): string[] {
  const rules: string[] = [];
  for (const item of list.split(',')) {
    const name = item.trim().replace(/^(?<quote>['"]?)(?<ruleId>.*)\k<quote>$/su, '$<ruleId>');
    if (name && !rules.includes(name)) rules.push(name);
  }
  return rules;
}

/** The `(until YYYY-MM-DD)` date at the end of a reason, if it names a day that exists. */
function expiry(reason: string): string | undefined {
  const date = UNTIL.exec(reason)?.[1];
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

/** Whether a suppression with this `until` date has expired on `now`: it is valid through the whole named day (UTC). */
export function isExpired(directive: Pick<SuppressionDirective, 'until'>, now: Date): boolean {
  if (directive.until === undefined) return false;
  return now.toISOString().slice(0, 10) > directive.until;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

interface LineDirective extends Position {
  readonly type: 'disable' | 'enable';
  readonly rules: readonly string[];
  /** The comment this entry came from (a `-line` directive gives two entries). */
  readonly directive: SuppressionDirective;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/** A finding a disable comment hides, with that comment (its `reason` is the justification reports show). */
export interface SuppressedFinding {
  readonly finding: Finding;
  readonly directive: SuppressionDirective;
}

/**
 * The findings ESLint would still report after the file's directives. Findings are matched by `<prefix>/<ruleId>`.
 * With `options.now`, expired suppressions are ignored (see the module comment).
 */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
  sourceFile: ts.SourceFile,
  options: ApplySuppressionsOptions = {},
): Finding[] {
  return partitionSuppressions(findings, directives, sourceFile, options).kept;
}

/**
 * `applySuppressions` that keeps what it hides: the findings still reported, and the suppressed ones with the comment
 * that suppressed each (for reports that list suppressed results with their justification, as SARIF does).
 */
export function partitionSuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
  sourceFile: ts.SourceFile,
  options: ApplySuppressionsOptions = {},
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  const prefix = options.pluginPrefix ?? 'avglint';
  const now = options.now;
  const active = now ? directives.filter((d) => !isExpired(d, now)) : directives;
  const block: LineDirective[] = [];
  const line: LineDirective[] = [];
  for (const d of active) {
    switch (d.kind) {
      case 'disable':
      case 'enable':
        block.push({ type: d.kind, line: d.line, column: d.column, rules: d.rules, directive: d });
        break;
      case 'disable-line':
        line.push({ type: 'disable', line: d.line, column: 1, rules: d.rules, directive: d }, { type: 'enable', line: d.line + 1, column: 0, rules: d.rules, directive: d });
        break;
      case 'disable-next-line':
        line.push({ type: 'disable', line: d.endLine + 1, column: 1, rules: d.rules, directive: d }, { type: 'enable', line: d.endLine + 2, column: 0, rules: d.rules, directive: d });
        break;
    }
  }
  // Array.prototype.sort is stable, as ESLint relies on for directives at the same position.
  block.sort(compare);
  line.sort(compare);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const start = sourceFile.getLineAndCharacterOfPosition(finding.range.start);
    const position = { line: start.line + 1, column: start.character + 1 };
    const ruleId = `${prefix}/${finding.ruleId}`;
    const directive = suppressedBy(block, position, ruleId) ?? suppressedBy(line, position, ruleId);
    if (directive === undefined) kept.push(finding);
    else suppressed.push({ finding, directive });
  }
  return { kept, suppressed };
}

/** The directive that leaves `ruleId` disabled at `position`, if any. */
function suppressedBy(directives: readonly LineDirective[], position: Position, ruleId: string): SuppressionDirective | undefined {
  let disabledBy: SuppressionDirective | undefined;
  for (const directive of directives) {
    if (compare(directive, position) > 0) break;
    if (directive.rules.length > 0 && !directive.rules.includes(ruleId)) continue;
    disabledBy = directive.type === 'disable' ? directive.directive : undefined;
  }
  return disabledBy;
}

/** The directive's rules that are avglint's (`<prefix>/…`), or `all` when it names no rules at all. */
export function avglintRulesOf(directive: SuppressionDirective, pluginPrefix = 'avglint'): readonly string[] | 'all' {
  if (directive.rules.length === 0) return 'all';
  return directive.rules.filter((rule) => rule.startsWith(`${pluginPrefix}/`));
}
