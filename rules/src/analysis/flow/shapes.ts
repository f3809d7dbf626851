/**
 * The observed shape of an untyped binding: the members its own code reads or writes (`l.bsn`, `l?.adres?.postcode`,
 * `l['bsn']`, `const { bsn } = l`, `l.bsn = x`). Without a declared type nothing else says what a whole object
 * holds when it is sent, logged or stored (`axios.post(url, l)`, `console.log(l)`); a member the code reads on the same
 * binding proves the object has it. Only the same binding counts (the declaration a name resolves to, not the name),
 * and only members that classify, with the owner rules of `catalogue/subjects.ts` (`school.naam` is no person's).
 *
 * A read counts whatever is done with it: `if (l.bsn)`, `l.bsn.length` and `!!l.bsn` each show the object holds a
 * `bsn`, although the truth value or length itself is no BSN.
 *
 * Computed only when the engine evaluates such a binding (a whole value on its way to a sink), once per declaration
 * per program; the candidate reads come from the file's one walk (`nodes.ts`), indexed by name once per file.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Classifier, Hit } from './classify';
import type { Resolver } from './resolver';
import { nodesFor } from './nodes';
import { sourceFileOf } from './walk';

const { isBinaryExpression, isBindingElement, isElementAccessExpression, isIdentifier, isNoSubstitutionTemplateLiteral, isObjectBindingPattern, isParameter, isPropertyAccessExpression, isStringLiteral, isVariableDeclaration, SyntaxKind, TypeFlags } = ts;

/** One member the binding's code reads or writes, with the categories it classifies as (paths from the binding). */
export interface ObservedMember {
  /** Where the member is read or written: the access or the destructured element. */
  readonly node: ts.Node;
  /** The members from the binding to this one (`['adres', 'postcode']`). */
  readonly path: readonly string[];
  readonly hits: readonly Hit[];
  /** For a member written (`l.bsn = x`): the value written, which decides whether it is data at all. */
  readonly written?: ts.Expression;
}

/** Members deeper than this are not followed (the label paths stop at four as well). */
const MAX_DEPTH = 4;

type Binding = ts.ParameterDeclaration | ts.VariableDeclaration | ts.BindingElement;

export class ObservedShapes {
  /** Per declaration, for the program's lifetime: a function summary of sorts, asked again from every file. */
  private readonly members = new Map<ts.Node, readonly ObservedMember[]>();
  /** Per file being analysed: identifiers that have a member read on them, by name (dropped by `release`). */
  private readonly roots = new Map<ts.SourceFile, ReadonlyMap<string, readonly ts.Identifier[]>>();

  constructor(
    private readonly resolver: Resolver,
    private readonly classifier: Classifier,
    private readonly checker: ts.TypeChecker | undefined,
  ) {}

  release(): void {
    this.roots.clear();
  }

  /**
   * The members observed on a binding whose type is unknown: a parameter, variable or destructured name with a plain
   * identifier, declared without a type, or as `any`/`unknown`, or (with a checker) whose type is `any`/`unknown`.
   * Empty for anything typed: a declared type says what the value holds.
   */
  of(decl: ts.Node): readonly ObservedMember[] {
    if (!isBinding(decl) || !isIdentifier(decl.name)) return [];
    const cached = this.members.get(decl);
    if (cached) return cached;
    const found = this.isUntyped(decl) ? this.collect(decl, decl.name.text) : [];
    this.members.set(decl, found);
    return found;
  }

  private isUntyped(decl: Binding): boolean {
    const annotation = isBindingElement(decl) ? undefined : decl.type;
    if (annotation) return annotation.kind === SyntaxKind.AnyKeyword || annotation.kind === SyntaxKind.UnknownKeyword;
    if (!this.checker) return true;
    return (this.checker.getTypeAtLocation(decl.name).flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0;
  }

  private collect(decl: Binding, name: string): ObservedMember[] {
    const found: ObservedMember[] = [];
    for (const id of this.rootsOf(sourceFileOf(decl)).get(name) ?? []) {
      if (this.resolver.resolve(id) !== decl) continue;
      const parent = id.parent;
      if (isVariableDeclaration(parent)) {
        if (isObjectBindingPattern(parent.name)) this.destructured(parent.name, [], name, found);
        continue;
      }
      // `l.adres.postcode`: every level of the chain is a member of `l`, under its path.
      let node: ts.Node = parent;
      const path: string[] = [];
      while (path.length < MAX_DEPTH && (isPropertyAccessExpression(node) || isElementAccessExpression(node))) {
        const key = memberKey(node);
        if (key === undefined) break;
        path.push(key);
        const hits = this.classifier.member(node, key);
        const assignment = node.parent;
        const written = isBinaryExpression(assignment) && assignment.left === node && assignment.operatorToken.kind === SyntaxKind.EqualsToken ? assignment.right : undefined;
        if (hits.length > 0) found.push(written ? { node, path: [...path], hits, written } : { node, path: [...path], hits });
        const next: ts.Node = node.parent;
        if (!(isPropertyAccessExpression(next) || isElementAccessExpression(next)) || next.expression !== node) break;
        node = next;
      }
    }
    return found;
  }

  /** `const { bsn, adres: { postcode } } = l`: each key is a member, classified by name with `l` as its owner. */
  private destructured(pattern: ts.ObjectBindingPattern, path: readonly string[], owner: string, found: ObservedMember[]): void {
    if (path.length >= MAX_DEPTH) return;
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) continue;
      const keyNode = element.propertyName ?? element.name;
      const key = isIdentifier(keyNode) || isStringLiteral(keyNode) ? keyNode.text : undefined;
      if (key === undefined) continue;
      const hits = this.classifier.owned(this.classifier.byName(key), () => [path[path.length - 1] ?? owner]);
      if (hits.length > 0) found.push({ node: element, path: [...path, key], hits });
      if (isObjectBindingPattern(element.name)) this.destructured(element.name, [...path, key], owner, found);
    }
  }

  /** The identifiers of a file that have a member read on them or are destructured, by name: one pass per file. */
  private rootsOf(file: ts.SourceFile): ReadonlyMap<string, readonly ts.Identifier[]> {
    const cached = this.roots.get(file);
    if (cached) return cached;
    const roots = new Map<string, ts.Identifier[]>();
    const add = (e: ts.Expression): void => {
      if (!isIdentifier(e)) return;
      const list = roots.get(e.text);
      if (list) list.push(e);
      else roots.set(e.text, [e]);
    };
    for (const node of nodesFor(file).reads) {
      if (isPropertyAccessExpression(node) || isElementAccessExpression(node)) add(node.expression);
      else if (isVariableDeclaration(node) && node.initializer && isObjectBindingPattern(node.name)) add(node.initializer);
    }
    this.roots.set(file, roots);
    return roots;
  }
}

function isBinding(node: ts.Node): node is Binding {
  return isParameter(node) || isVariableDeclaration(node) || isBindingElement(node);
}

/** `x.bsn`, `x?.bsn`: `bsn`; `x['bsn']`: `bsn`; a computed key: undefined. */
function memberKey(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (isPropertyAccessExpression(node)) return isIdentifier(node.name) ? node.name.text : undefined;
  const key = node.argumentExpression;
  return isStringLiteral(key) || isNoSubstitutionTemplateLiteral(key) ? key.text : undefined;
}
