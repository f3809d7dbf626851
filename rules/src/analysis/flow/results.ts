/**
 * Known SDK result shapes at a call: which entry of `libraries/results.ts` a call is, when the type checker has no
 * declaration for it (a checkout without `node_modules`, plain JavaScript). It follows a function to its import
 * (`import { useSession } from 'next-auth/react'`, `require`, a namespace's member) and a method's receiver to the
 * `new` of a library's class (through variables, fields, `this.x = …`, parameter defaults and type annotations).
 * The engine classifies the shape with the catalogue (`Classifier.shape`).
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { mayHaveKnownResult, resultOfFunction, resultOfMethod, type KnownResult } from '../libraries';
import { propertyNameText, skipOuter } from './classify';
import type { Resolver } from './resolver';
import { importOf, requiredModule } from './scopes';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { isBindingElement, isCallExpression, isIdentifier, isNewExpression, isObjectBindingPattern, isParameter, isPropertyAccessExpression, isPropertyDeclaration, isTypeReferenceNode, isVariableDeclaration, SyntaxKind } = ts;

/** How many variables, fields and parameters a receiver is followed through to its `new`. */
const MAX_HOPS = 5;

export class KnownResults {
  constructor(
    private readonly resolver: Resolver,
    private readonly checker: ts.TypeChecker | undefined,
  ) {}

  /** The known result of a call, unless the checker knows the callee's declaration (then its types decide). */
  of(call: ts.CallExpression): KnownResult | undefined {
    const callee = skipOuter(call.expression);
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined || !mayHaveKnownResult(name)) return undefined;
    const known = isIdentifier(callee) ? this.functionResult(callee, name) : isPropertyAccessExpression(callee) ? this.memberResult(callee, name) : undefined;
    if (!known) return undefined;
    return this.checker?.getResolvedSignature(call)?.declaration ? undefined : known;
  }

  private functionResult(callee: ts.Identifier, name: string): KnownResult | undefined {
    const imported = importedName(this.resolver.resolveLocal(callee));
    return imported ? resultOfFunction(imported.module, imported.name === 'default' ? name : imported.name) : undefined;
  }

  private memberResult(callee: ts.PropertyAccessExpression, name: string): KnownResult | undefined {
    const owner = skipOuter(callee.expression);
    if (isIdentifier(owner)) {
      // `NextAuth.useSession()` with `import * as NextAuth from 'next-auth/react'` (or its default, or `require`).
      const imported = importedName(this.resolver.resolveLocal(owner));
      if (imported && (imported.name === '*' || imported.name === 'default')) return resultOfFunction(imported.module, name);
    }
    const made = this.classOf(owner, 0);
    return made ? resultOfMethod(made.module, made.name, name) : undefined;
  }

  /** The imported class a receiver was made from (`new WebUntis(…)`) or is declared as (`client: WebUntis`). */
  private classOf(receiver: ts.Expression, hops: number): { module: string; name: string } | undefined {
    const e = skipOuter(receiver);
    if (isNewExpression(e)) return this.imported(skipOuter(e.expression));
    if (hops > MAX_HOPS) return undefined;
    let decl: ts.Node | undefined;
    if (isIdentifier(e)) decl = this.resolver.resolve(e);
    else if (isPropertyAccessExpression(e)) {
      decl = this.resolver.resolveMember(e);
      // A field set in the class (`this.untis = new WebUntis(…)` in the constructor).
      if (decl && isPropertyDeclaration(decl) && !decl.initializer && e.expression.kind === SyntaxKind.ThisKeyword) {
        for (const value of this.resolver.thisAssignments(e)) {
          const made = this.classOf(value, hops + 1);
          if (made) return made;
        }
      }
    }
    if (!decl || !(isVariableDeclaration(decl) || isPropertyDeclaration(decl) || isParameter(decl))) return undefined;
    // A parameter's default is what it holds when the caller gives nothing (`function watch(untis = client)`).
    if (decl.initializer) {
      const made = this.classOf(decl.initializer, hops + 1);
      if (made) return made;
    }
    const type = decl.type;
    return type && isTypeReferenceNode(type) && isIdentifier(type.typeName) ? this.imported(type.typeName) : undefined;
  }

  /** `WebUntis` imported from `webuntis`, or `untis.WebUntis` of a namespace import. */
  private imported(name: ts.Expression): { module: string; name: string } | undefined {
    if (isIdentifier(name)) {
      const imported = importedName(this.resolver.resolveLocal(name));
      return imported && imported.name !== '*' ? { module: imported.module, name: imported.name === 'default' ? name.text : imported.name } : undefined;
    }
    if (isPropertyAccessExpression(name)) {
      const owner = skipOuter(name.expression);
      const imported = isIdentifier(owner) ? importedName(this.resolver.resolveLocal(owner)) : undefined;
      return imported && (imported.name === '*' || imported.name === 'default') ? { module: imported.module, name: name.name.text } : undefined;
    }
    return undefined;
  }
}

/**
 * The module and export a local name is bound to: ES imports, `const X = require('m')` (`*`),
 * `const { X } = require('m')` and `const X = require('m').X`.
 */
function importedName(decl: ts.Node | undefined): { module: string; name: string } | undefined {
  if (!decl) return undefined;
  const imported = importOf(decl);
  if (imported) return imported;
  if (isBindingElement(decl) && isObjectBindingPattern(decl.parent) && isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer) {
    const module = requiredModule(skipOuter(decl.parent.parent.initializer));
    const key = decl.propertyName ? propertyNameText(decl.propertyName) : isIdentifier(decl.name) ? decl.name.text : undefined;
    return module !== undefined && key !== undefined ? { module, name: key } : undefined;
  }
  if (!isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const initializer = skipOuter(decl.initializer);
  const whole = requiredModule(initializer);
  if (whole !== undefined) return { module: whole, name: '*' };
  if (isPropertyAccessExpression(initializer) && isCallExpression(skipOuter(initializer.expression))) {
    const module = requiredModule(skipOuter(initializer.expression));
    return module !== undefined ? { module, name: initializer.name.text } : undefined;
  }
  return undefined;
}
