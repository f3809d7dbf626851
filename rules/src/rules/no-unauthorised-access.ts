/**
 * no-unauthorised-access: a restricted category (one with an `access` entry, like the zorgdossier) is read outside the
 * code the catalogue authorises: files under `access.paths`, or code whose enclosing function, class or file declares
 * `@purpose <id>` / `@role <id>` that the entry lists.
 *
 * A read is a property read (`x.diagnose`, `x?.diagnose`, `x['diagnose']`), a destructuring (`{ diagnose }`), a spread
 * of an object that holds restricted members, a parameter of a restricted type or name, and (with types) a call or
 * `await` whose result is of a restricted type. A read of a value that is already restricted (a member of a
 * zorgdossier that was itself read) is not reported again.
 */
import picomatch from 'picomatch';
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { AccessRule, Category } from '../catalogue/model';
import { normaliseName, type CategoryIndex } from '../catalogue/names';
import type { Finding } from '../finding';
import type { CheckContext } from '../analysis/context';
import { Classifier, declarationName, skipOuter, type Hit } from '../analysis/flow/classify';
import { flowStep } from '../analysis/flow/describe';
import { shortText, type FlowEngine } from '../analysis/flow/engine';
import { engineOf } from '../analysis/flow/flows';
import { fileNodes } from '../analysis/flow/nodes';
import { categoriesOf } from '../analysis/flow/labels';
import { phrase } from '../analysis/flow/steps';
import { list } from '../analysis/flow/wording';
import type { Locale } from '../catalogue/model';
import { createRule, type RuleHelpers, type RuleMessage } from './rule';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { getJSDocTags, getLeadingCommentRanges, isArrayLiteralExpression, isArrowFunction, isAwaitExpression, isBinaryExpression, isBindingElement, isCallExpression, isClassLike, isConstructorDeclaration, isElementAccessExpression, isFunctionDeclaration, isFunctionExpression, isFunctionLike, isIdentifier, isImportDeclaration, isMethodDeclaration, isNoSubstitutionTemplateLiteral, isObjectBindingPattern, isParameter, isPropertyAccessExpression, isPropertyAssignment, isQualifiedName, isSpreadAssignment, isSpreadElement, isStringLiteral, isVariableDeclaration, isVariableStatement, SyntaxKind } = ts;

const pathMatchers = new WeakMap<AccessRule, (path: string) => boolean>();

function pathAllowed(rule: AccessRule, relativePath: string): boolean {
  let matcher = pathMatchers.get(rule);
  if (!matcher) {
    const compiled = rule.paths.map((glob) => picomatch(glob, { dot: true }));
    matcher = (p: string): boolean => compiled.some((m) => m(p));
    pathMatchers.set(rule, matcher);
  }
  return matcher(relativePath);
}

type MessageId = 'unauthorisedRead';

export default createRule({
  id: 'no-unauthorised-access',
  meta: {
    description: 'Disallow reading a restricted category (such as the zorgdossier) outside the code the catalogue authorises',
    requiresTypes: false,
    recommended: true,
    messages: {
      unauthorisedRead: {
        nl: { summary: '{{category}} gelezen door {{what}}: buiten de toegestane code', detail: 'Waarom: {{why}}{{special}}\nWat te doen: {{todo}}' },
        en: { summary: '{{category}} read by {{what}}: outside the authorised code', detail: 'Why: {{why}}{{special}}\nWhat to do: {{todo}}' },
      },
    } satisfies Record<MessageId, RuleMessage>,
    schema: [],
    defaultOptions: [],
  },
  check(context, helpers) {
    // For the report (`observe`), reads inside the authorised code are recorded too, as allowed reads.
    const observe = context.observe;
    const restricted = [...context.catalogue.access.values()].filter((rule) => observe !== undefined || !pathAllowed(rule, context.relativePath));
    if (restricted.length === 0) return [];
    const rules = new Map(restricted.map((r) => [r.category, r]));
    const engine = engineOf(context);
    const findings: Finding[] = [];
    // Read only when a read is found: most files have none, and their leading comments need not be parsed.
    let fileTags: Declared | undefined;
    // When no restricted category is matched by type, brand, member or JSDoc tag, only a name can make a read
    // restricted. Asking the checker about every call and member would then type-check the whole file for nothing:
    // on the benchmark corpus that was most of the scan's time (BENCHMARKS.md, "Profile").
    const typeLevel = restricted.some((r) => hasTypeLevelMatch(context.catalogue.categories.get(r.category)));
    const restrictedTypeNames = restricted.flatMap((r) => context.catalogue.categories.get(r.category)?.match.types ?? []);
    const restrictedName = (name: string | undefined): boolean => name !== undefined && (context.index.byName.get(normaliseName(name))?.some((c) => rules.has(c.id)) ?? false);
    const report = (node: ts.Node, hits: readonly Hit[], describe: () => string): void => {
      for (const hit of firstHitPerCategory(hits)) {
        const access = rules.get(hit.category.id);
        if (!access) continue;
        const allowed = declares(node, access, (fileTags ??= fileDeclarations(context.sourceFile))) || (observe !== undefined && pathAllowed(access, context.relativePath));
        if (observe) observe({ kind: 'read', category: hit.category.id, what: describe(), allowed, range: { start: node.getStart(), end: node.getEnd() }, path: [] });
        if (!allowed) findings.push(finding(context, helpers, node, hit, access, describe()));
      }
    };
    const visit = (node: ts.Node): void => {
      if (isPropertyAccessExpression(node) && !isWrite(node) && !isQualifiedName(node.parent)) {
        report(node, direct(engine.classifier.member(node, node.name.text)).filter((h) => !alreadyRestricted(engine, node.expression, h.category)), () => `\`${shortText(node)}\``);
      } else if (isElementAccessExpression(node) && !isWrite(node) && (isStringLiteral(node.argumentExpression) || isNoSubstitutionTemplateLiteral(node.argumentExpression))) {
        report(node, direct(engine.classifier.member(node, node.argumentExpression.text)).filter((h) => !alreadyRestricted(engine, node.expression, h.category)), () => `\`${shortText(node)}\``);
      } else if (isBindingElement(node) && isObjectBindingPattern(node.parent) && !node.dotDotDotToken) {
        const name = declarationName(node);
        if (name !== undefined) report(node, direct(bindingHits(engine.classifier, node, name)), () => (context.locale === 'nl' ? `destructurering \`${name}\`` : `destructuring \`${name}\``));
      } else if (isParameter(node) && isIdentifier(node.name) && isFunctionParameter(node)) {
        report(node.name, direct(engine.classifier.declaration(node)), () => `parameter \`${(node.name as ts.Identifier).text}\``);
      } else if ((isSpreadAssignment(node) || isSpreadElement(node)) && !isArrayLiteralExpression(node.parent)) {
        const members = categoriesOf(engine.valueOf(node.expression)).filter((l) => l.path.length > 0);
        report(node, members.map((l) => ({ category: l.category, reason: 'member' as const, matched: l.path.join('.'), path: [] })), () => (context.locale === 'nl' ? `spreiding \`${shortText(node.expression)}\`` : `spreading \`${shortText(node.expression)}\``));
      } else if (!engine.checker && isVariableDeclaration(node) && isIdentifier(node.name) && node.type) {
        // Without types, a variable declared with a restricted type (`const plan: Handelingsplan = await haal()`) is
        // where the restricted value comes in, unless its initialiser was already reported as a read.
        const init = node.initializer;
        const hits = direct(engine.classifier.typeNode(node.type)).filter((h) => !init || !alreadyRestricted(engine, init, h.category));
        report(node.name, hits, () => `\`${(node.name as ts.Identifier).text}\``);
      } else if (engine.checker && (isAwaitExpression(node) || (isCallExpression(node) && !isAwaitExpression(node.parent)))) {
        report(node, direct(callResultHits(engine, node, restrictedTypeNames)), () => `\`${shortText(node)}\``);
      }
    };
    // Without type-level matches, a file whose text cannot hold a restricted name has nothing to visit but spreads,
    // and a file without `...` has none.
    const text = context.sourceFile.text;
    const byName = typeLevel || mayHoldName(text, restrictedNameTest(context.index, rules));
    const reads = byName || text.includes('...') ? fileNodes(context.sourceFile).reads : [];
    for (const node of reads) {
      if (context.isCancelled()) break;
      // Decided here rather than in `visit`: its closures capture the node, so every call to it allocates.
      const kind = node.kind;
      if (!typeLevel && kind !== SPREAD_ASSIGNMENT && kind !== SPREAD_ELEMENT && !(byName && restrictedName(readName(node)))) continue;
      visit(node);
    }
    return findings;
  },
});

/**
 * The categories a call's result is typed as. Typing every call in a file would make the checker resolve every
 * signature (on a large file, most of the analysis' time), so the checker is asked only when the declarations leave
 * the answer open: a project function without a return type annotation, a library call on a receiver declared with a
 * restricted type (`Repository<Zorgdossier>`), or an `await` of something that is not a call. A written return type
 * (`Promise<Zorgdossier>`) or explicit type arguments (`api.get<Handelingsplan>(…)`) are read without it.
 */
function callResultHits(engine: FlowEngine, node: ts.AwaitExpression | ts.CallExpression, restrictedTypeNames: readonly string[]): readonly Hit[] {
  const checker = engine.checker;
  if (!checker) return [];
  const call = isAwaitExpression(node) ? skipOuter(node.expression) : node;
  if (!isCallExpression(call)) return engine.classifier.type(checker.getTypeAtLocation(node));
  const fromTypeArguments = (call.typeArguments ?? []).flatMap((t) => [...engine.classifier.typeNode(t)]);
  const decl = engine.resolver.calleeSignature(call);
  if (decl && !engine.classifier.isLibraryFile(decl.getSourceFile())) {
    return decl.type ? [...engine.classifier.typeNode(decl.type), ...fromTypeArguments] : engine.classifier.type(checker.getTypeAtLocation(node));
  }
  if (fromTypeArguments.length > 0) return fromTypeArguments;
  const annotation = receiverAnnotation(engine, call);
  return annotation !== undefined && restrictedTypeNames.some((name) => annotation.includes(name)) ? engine.classifier.type(checker.getTypeAtLocation(node)) : [];
}

/** The type annotation text of the declaration of a method call's receiver (`repo` in `repo.findOne()`). */
function receiverAnnotation(engine: FlowEngine, call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (!isPropertyAccessExpression(callee)) return undefined;
  const receiver = skipOuter(callee.expression);
  const decl = isIdentifier(receiver) ? engine.resolver.resolve(receiver) : isPropertyAccessExpression(receiver) ? engine.resolver.resolveMember(receiver) : undefined;
  const type = decl && (decl as { type?: ts.TypeNode }).type;
  return type ? type.getText() : undefined;
}

function hasTypeLevelMatch(category: Category | undefined): boolean {
  if (!category) return false;
  const m = category.match;
  return m.types.length > 0 || m.brands.length > 0 || m.members.length > 0 || m.jsdocTags.length > 0;
}

const SPREAD_ASSIGNMENT = SyntaxKind.SpreadAssignment;
const SPREAD_ELEMENT = SyntaxKind.SpreadElement;
const PROPERTY_ACCESS = SyntaxKind.PropertyAccessExpression;
const ELEMENT_ACCESS = SyntaxKind.ElementAccessExpression;
const BINDING_ELEMENT = SyntaxKind.BindingElement;
const PARAMETER = SyntaxKind.Parameter;
const IDENTIFIER = SyntaxKind.Identifier;

/** The name a node reads or declares, for the name-only fast path; undefined for nodes only types can classify. */
function readName(node: ts.Node): string | undefined {
  switch (node.kind) {
    case PROPERTY_ACCESS:
      return (node as ts.PropertyAccessExpression).name.text;
    case ELEMENT_ACCESS: {
      const key = (node as ts.ElementAccessExpression).argumentExpression;
      return isStringLiteral(key) || isNoSubstitutionTemplateLiteral(key) ? key.text : undefined;
    }
    case PARAMETER:
    case BINDING_ELEMENT: {
      // The common case, a plain identifier, without `declarationName`'s tests: the same text.
      const { name, propertyName } = node as ts.BindingElement;
      return propertyName === undefined && name.kind === IDENTIFIER ? name.text : declarationName(node);
    }
    default:
      return undefined;
  }
}

/**
 * Per category index and set of restricted categories: the text test for the names the index maps to one of them, or
 * null when no text test can be written (see `nameTest`).
 */
const nameTests = new WeakMap<CategoryIndex, Map<string, NameTest | null>>();

function restrictedNameTest(index: CategoryIndex, rules: ReadonlyMap<string, AccessRule>): NameTest | null {
  let tests = nameTests.get(index);
  if (!tests) {
    tests = new Map();
    nameTests.set(index, tests);
  }
  const key = [...rules.keys()].join('\0');
  let test = tests.get(key);
  if (test === undefined) {
    const names = [...index.byName].filter(([, categories]) => categories.some((c) => rules.has(c.id))).map(([name]) => name);
    test = nameTest(names);
    tests.set(key, test);
  }
  return test;
}

/** Patterns for finding in a file's text where a restricted name may be written. */
interface NameTest {
  /**
   * Matches every piece of text whose normalised form (`normaliseName`) is one of the names: their letters in either
   * case, with anything that is not a letter or digit between them (`medicijn_gebruik`, `'medicijn-gebruik'`, the
   * backslash of an escape that stands for its letter, `\d`) and escapes that stand for such a character (`\n`).
   */
  readonly spelled: RegExp;
  /** `spelled`, or a character outside ASCII, or an escape that can stand for any letter or digit (`\x64`, `\u0064`). */
  readonly spelledOrUnsure: RegExp;
}

/**
 * The text test for names as `normaliseName` leaves them (`[a-z0-9]*`). Null when a name could also come from text
 * that does not spell it: a numeric property name (`{ 1e3: x }` declares `1000`, `{ 1e999: x }` `Infinity`), and the
 * empty name.
 */
function nameTest(names: readonly string[]): NameTest | null {
  if (names.some((name) => /^[0-9e]*$/.test(name) || name === 'infinity')) return null;
  const between = String.raw`(?:[^A-Za-z0-9]|\\[bfnrtv])*`;
  const spelled = names.length === 0 ? '(?!)' : names.map((name) => [...name].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join(between)).join('|');
  return { spelled: new RegExp(spelled), spelledOrUnsure: new RegExp(`${spelled}|${NOT_ASCII.source}|${ANY_LETTER_ESCAPE.source}`) };
}

/**
 * Whether the text of a file may hold a name `test` stands for: one pass over the text instead of a test of every
 * property read, parameter and binding of the file. Text with characters outside ASCII is tested again in the form
 * `normaliseName` gives names (compatibility decomposition, lower case), so that `ﬁ` is `fi` and `Ë` is `e` there too.
 * Hexadecimal, Unicode and octal escapes (and `\8`, `\9`), which can stand for any letter or digit, let every file
 * through.
 */
function mayHoldName(text: string, test: NameTest | null): boolean {
  if (test === null) return true;
  const at = text.search(test.spelledOrUnsure);
  if (at < 0) return false;
  // A name or an escape; else the first character outside ASCII, before any name or escape.
  if (text.charCodeAt(at) <= 0x7f) return true;
  const normal = text.normalize('NFKD').toLowerCase();
  return test.spelled.test(normal) || ANY_LETTER_ESCAPE.test(normal);
}

const NOT_ASCII = /[\u0080-\uffff]/;
const ANY_LETTER_ESCAPE = /\\[xXuU0-9]/;

function finding(context: CheckContext, helpers: RuleHelpers<MessageId>, node: ts.Node, hit: Hit, rule: AccessRule, what: string): Finding {
  const category = hit.category;
  const locale = context.locale;
  const special = !category.special ? '' : locale === 'nl' ? ' Het is een bijzonder persoonsgegeven (AVG art. 9).' : ' It is a special category of personal data (AVG art. 9).';
  const data = { what, category: category.label, special, why: why(context, category, rule, locale), todo: todo(context, rule, locale) };
  return helpers.finding({
    messageId: 'unauthorisedRead',
    data,
    range: { start: node.getStart(), end: node.getEnd() },
    path: [flowStep(node, 'source', phrase('readsCategory', { category: category.label, by: hit.reason, matched: hit.matched }), locale)],
    categories: [category.id],
  });
}

function why(context: CheckContext, category: Category, rule: AccessRule, locale: Locale): string {
  const nl = locale === 'nl';
  const who: string[] = [];
  if (rule.paths.length > 0) who.push(`${nl ? 'code onder' : 'code under'} ${list(rule.paths.map((p) => `\`${p}\``), locale)}`);
  const roles = rule.roles.map((r) => `\`@role ${r}\` (${context.catalogue.roles.get(r)?.label ?? r})`);
  const purposes = rule.purposes.map((p) => `\`@purpose ${p}\` (${context.catalogue.purposes.get(p)?.label ?? p})`);
  if (roles.length + purposes.length > 0) who.push(`${nl ? 'code die' : 'code that declares'} ${list([...purposes, ...roles], locale, 'or')}${nl ? ' declareert' : ''}`);
  return nl
    ? `de catalogus (access.${category.id}) beperkt ${category.label} tot ${who.join(', en ')}; dit is \`${context.relativePath}\`.`
    : `the catalogue (access.${category.id}) restricts ${category.label} to ${who.join(', and ')}; this is \`${context.relativePath}\`.`;
}

function todo(context: CheckContext, rule: AccessRule, locale: Locale): string {
  const nl = locale === 'nl';
  const options: string[] = [];
  if (rule.paths.length > 0) options.push(`${nl ? 'verplaats deze code naar' : 'move this code under'} ${rule.paths[0] ?? ''}`);
  const purpose = rule.purposes[0];
  const role = rule.roles[0];
  if (purpose) options.push(nl ? `declareer \`/** @purpose ${purpose} */\` op de functie als die daarvoor is` : `declare \`/** @purpose ${purpose} */\` on the function if that is what it is for`);
  else if (role) {
    const label = context.catalogue.roles.get(role)?.label ?? role;
    options.push(nl ? `declareer \`/** @role ${role} */\` op de functie als alleen ${label} die gebruikt` : `declare \`/** @role ${role} */\` on the function if only a ${label} uses it`);
  }
  options.push(nl ? 'lees het hier niet' : 'stop reading it here');
  return `${options.join(nl ? ', of ' : ', or ')}.`;
}

/** Hits that classify the value itself, not one of its members. */
function direct(hits: readonly Hit[]): Hit[] {
  return hits.filter((h) => h.path.length === 0);
}

function firstHitPerCategory(hits: readonly Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.category.id) ? false : (seen.add(h.category.id), true)));
}

/** The receiver is itself a restricted value (already reported where it was read). */
function alreadyRestricted(engine: FlowEngine, receiver: ts.Expression, category: Category): boolean {
  return categoriesOf(engine.valueOf(receiver)).some((l) => l.category === category && l.path.length === 0);
}

function bindingHits(classifier: Classifier, element: ts.BindingElement, name: string): Hit[] {
  return [...classifier.byName(name), ...classifier.declaration(element).filter((h) => h.reason !== 'name')];
}

function isWrite(node: ts.Expression): boolean {
  const parent = node.parent;
  return isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === SyntaxKind.EqualsToken;
}

function isFunctionParameter(node: ts.ParameterDeclaration): boolean {
  const fn = node.parent;
  return (isFunctionDeclaration(fn) || isFunctionExpression(fn) || isArrowFunction(fn) || isMethodDeclaration(fn) || isConstructorDeclaration(fn)) && fn.body !== undefined;
}

interface Declared {
  readonly purposes: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
}

/** Whether `node` is in code that declares a purpose or role the access rule allows. */
function declares(node: ts.Node, rule: AccessRule, file: Declared): boolean {
  const allowed = (d: Declared): boolean => rule.purposes.some((p) => d.purposes.has(p)) || rule.roles.some((r) => d.roles.has(r));
  if (allowed(file)) return true;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (isFunctionLike(n) || isClassLike(n) || isVariableStatement(n) || isPropertyAssignment(n)) {
      if (allowed(declaredBy(n))) return true;
    }
  }
  return false;
}

const declaredCache = new WeakMap<ts.Node, Declared>();

function declaredBy(node: ts.Node): Declared {
  let declared = declaredCache.get(node);
  if (!declared) {
    const purposes = new Set<string>();
    const roles = new Set<string>();
    for (const tag of getJSDocTags(node)) {
      const name = tag.tagName.text;
      if (name !== 'purpose' && name !== 'role') continue;
      for (const id of tagIds(tag)) (name === 'purpose' ? purposes : roles).add(id);
    }
    declared = { purposes, roles };
    declaredCache.set(node, declared);
  }
  return declared;
}

function tagIds(tag: ts.JSDocTag): string[] {
  const comment = typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((c) => c.text).join('');
  return comment.split(/[\s,]+/).filter((w) => /^[\w-]+$/.test(w));
}

/**
 * `@purpose`/`@role` in a comment at the top of the file. A JSDoc directly on the first declaration belongs to that
 * declaration; it counts for the whole file only when a blank line or an import separates it from the code.
 */
function fileDeclarations(file: ts.SourceFile): Declared {
  const purposes = new Set<string>();
  const roles = new Set<string>();
  const first = file.statements[0];
  const start = first ? first.getStart(file) : file.text.length;
  const comments = getLeadingCommentRanges(file.text, 0) ?? [];
  comments.forEach((comment, i) => {
    const text = file.text.slice(comment.pos, comment.end);
    const last = i === comments.length - 1;
    const detached = !last || /\n[ \t]*\r?\n/.test(file.text.slice(comment.end, start)) || (first !== undefined && isImportDeclaration(first)) || first === undefined;
    if (!detached) return;
    for (const match of text.matchAll(/@(purpose|role)\s+([\w-]+)/g)) (match[1] === 'purpose' ? purposes : roles).add(match[2] ?? '');
  });
  return { purposes, roles };
}
