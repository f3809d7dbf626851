/**
 * The per-file table of definitions: every assignment, property write and mutating call of a file, keyed by the
 * declaration it changes (a variable, a parameter, a class field). Built in one pass over the file's writes as
 * `nodes.ts` collected them, once per file and engine; the flow engine reads it to give a variable its value at a use
 * (`x = v`, `x.bsn = v`, `x.push(v)`, `this.veld = v`, `Object.assign(x, v)`).
 *
 * The table knows where values come from, not what they are: each entry holds a thunk that asks the engine (through
 * `Evaluator`) for the value when, and only when, a use needs it.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { skipOuter } from './classify';
import { apply, union, withStep, type Value } from './labels';
import { phrase } from './steps';
import { nodesFor } from './nodes';
import { classMember, type Resolver } from './resolver';
import { shortText } from './syntax';
import { sourceFileOf } from './walk';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isBinaryExpression, isCallExpression, isElementAccessExpression, isGetAccessorDeclaration, isIdentifier, isNoSubstitutionTemplateLiteral, isParameter, isPropertyAccessExpression, isPropertyDeclaration, isStringLiteral, SyntaxKind } = ts;

/** An assignment or mutation that gives a variable or field (part of) its value. */
export interface Definition {
  readonly node: ts.Node;
  /** `assign` replaces the value (`x = v`); `mutate` adds to it (`x.push(v)`, `x.bsn = v`, `x += v`). */
  readonly kind: 'assign' | 'mutate';
  readonly value: () => Value;
}

/** What the table asks the engine when a definition's value is needed. */
export interface Evaluator {
  valueOf(node: ts.Expression): Value;
  /** `params.append('bsn', x)`: the value stored under a key, classified by the key's name too. */
  keyedValue(keyNode: ts.Expression, valueNode: ts.Expression, method: string): Value;
}

const MUTATING_ADD = new Set(['push', 'unshift', 'add']);
const MUTATING_KEYED = new Set(['append', 'set']);

export class DefinitionTable {
  private readonly tables = new WeakMap<ts.SourceFile, Map<ts.Node, Definition[]>>();

  constructor(
    private readonly resolver: Resolver,
    private readonly evaluator: Evaluator,
  ) {}

  /** The definitions of a declaration, in source order, from the file it is declared in. */
  of(decl: ts.Node): readonly Definition[] {
    const file = sourceFileOf(decl);
    let table = this.tables.get(file);
    if (!table) {
      table = this.collect(file);
      this.tables.set(file, table);
    }
    return table.get(decl) ?? [];
  }

  /** One pass over a file: every assignment, property write and mutating call, keyed by the declaration it changes. */
  private collect(file: ts.SourceFile): Map<ts.Node, Definition[]> {
    const table = new Map<ts.Node, Definition[]>();
    const add = (target: ts.Node | undefined, definition: Definition): void => {
      if (!target) return;
      const list = table.get(target);
      if (list) list.push(definition);
      else table.set(target, [definition]);
    };
    const evaluator = this.evaluator;
    for (const node of nodesFor(file).writes) {
      if (isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
        const assign = node.operatorToken.kind === SyntaxKind.EqualsToken;
        this.addWrite(node.left, node, assign, () => evaluator.valueOf(node.right), add);
      } else if (isCallExpression(node) && isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const target = node.expression.expression;
        if (MUTATING_ADD.has(method)) {
          this.addWrite(target, node, false, () => withStep(union(...node.arguments.map((a) => evaluator.valueOf(a))), node, phrase('addedBy', { method })), add);
        } else if (MUTATING_KEYED.has(method) && node.arguments.length >= 2) {
          const [keyNode, valueNode] = node.arguments;
          if (keyNode && valueNode) this.addWrite(target, node, false, () => evaluator.keyedValue(keyNode, valueNode, method), add);
        } else if (method === 'assign' && isIdentifier(target) && target.text === 'Object' && node.arguments[0]) {
          const [first, ...rest] = node.arguments;
          if (first) this.addWrite(first, node, false, () => union(...rest.map((a) => evaluator.valueOf(a))), add);
        }
      }
    }
    return table;
  }

  private addWrite(target: ts.Expression, node: ts.Node, assign: boolean, value: () => Value, add: (target: ts.Node | undefined, d: Definition) => void): void {
    // The keys of the property path written (`x.a.b = v`: a, b), outermost first; most writes have none, and then no
    // list is made.
    let keys: string[] | undefined;
    let e = skipOuter(target);
    for (;;) {
      if (isPropertyAccessExpression(e) && e.expression.kind !== SyntaxKind.ThisKeyword) {
        (keys ??= []).unshift(e.name.text);
        e = skipOuter(e.expression);
      } else if (isElementAccessExpression(e)) {
        const k = e.argumentExpression;
        if (isStringLiteral(k) || isNoSubstitutionTemplateLiteral(k)) (keys ??= []).unshift(k.text);
        e = skipOuter(e.expression);
      } else break;
    }
    if (isIdentifier(e)) {
      const decl = this.resolver.resolve(e);
      if (!decl) return;
      add(decl, { node, kind: assign && keys === undefined ? 'assign' : 'mutate', value: () => withStep(withKeys(value(), keys), node, phrase('assignedTo', { name: shortText(target) })) });
    } else if (isPropertyAccessExpression(e) && e.expression.kind === SyntaxKind.ThisKeyword) {
      const member = this.resolver.resolveMember(e) ?? classMember(e, e.name.text);
      if (member && (isPropertyDeclaration(member) || isGetAccessorDeclaration(member) || isParameter(member))) {
        add(member, { node, kind: 'mutate', value: () => withStep(withKeys(value(), keys), node, phrase('storedIn', { target: shortText(target) })) });
      }
    }
  }
}

/** `v` put under the keys of a property path, innermost first (`x.a.b = v`: `{ a: { b: v } }`). */
function withKeys(value: Value, keys: readonly string[] | undefined): Value {
  let v = value;
  if (keys !== undefined) for (let i = keys.length - 1; i >= 0; i--) v = apply(v, { op: 'put', key: keys[i] ?? '' });
  return v;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsToken || kind === SyntaxKind.PlusEqualsToken || kind === SyntaxKind.QuestionQuestionEqualsToken || kind === SyntaxKind.BarBarEqualsToken || kind === SyntaxKind.AmpersandAmpersandEqualsToken;
}
