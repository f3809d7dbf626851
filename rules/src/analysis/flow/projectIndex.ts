/**
 * What the whole project declares at the top level of its files, for questions a single file cannot answer in plain
 * JavaScript, where values arrive untyped through dynamic `require`s and registries:
 *
 * - which modules the project imports anywhere (`import … from 'discord.js'`, `const Discord = require('discord.js')`),
 *   so a library's conventional instance name (`client`) means that library only in a project that uses it;
 * - which classes it declares, by name (`class Interaction`, `exports.Interaction = class Interaction`), so an untyped
 *   parameter named after exactly one of them (`interaction`) is taken as its instance.
 *
 * Only top-level statements are read, once per program (or per file without one), so the cost is a pass over
 * statement lists, not a walk of every node.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { propertyNameText, skipOuter } from './classify';
import { isFunctionWithBody, type FunctionWithBody } from './syntax';
import { requiredModule } from './scopes';
import { sourceFileOf } from './walk';
import { LIBRARIES } from '../libraries/all';
// Read once: every member of the typescript module is a getter.
const { isBinaryExpression, isCallExpression, isClassDeclaration, isClassExpression, isExpressionStatement, isFunctionDeclaration, isIdentifier, isImportDeclaration, isImportEqualsDeclaration, isExternalModuleReference, isMethodDeclaration, isNamespaceImport, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteral, isVariableStatement, SyntaxKind } = ts;

interface FileFacts {
  readonly modules: ReadonlySet<string>;
  readonly classes: ReadonlyMap<string, readonly ts.ClassLikeDeclaration[]>;
  /** Functions a CommonJS module exports under a name (`module.exports = { callback }`, `exports.run = …`). */
  readonly exported: ReadonlyMap<string, readonly FunctionWithBody[]>;
  /** Methods added to a prototype (`Discord.CommandInteraction.prototype.sendSilent = function …`), with its owner. */
  readonly extensions: ReadonlyMap<string, readonly { readonly owner: ts.Expression; readonly fn: FunctionWithBody }[]>;
  /** Base URLs set on a library's module for every call (`axios.defaults.baseURL = url`), by module. */
  readonly defaultBases: ReadonlyMap<string, readonly ts.Expression[]>;
}

/** The member paths libraries take a default base URL under, by module (`axios` → `defaults.baseURL`). */
const DEFAULT_BASE_PATHS: ReadonlyMap<string, string> = new Map(LIBRARIES.flatMap((l) => (l.defaultBase ? l.modules.map((m) => [m, l.defaultBase?.join('.') ?? ''] as const) : [])));

export class ProjectIndex {
  private facts: FileFacts | undefined;
  private readonly perFile = new WeakMap<ts.SourceFile, FileFacts>();

  constructor(
    private readonly program: ts.Program | undefined,
    /** Library code (`.d.ts` of packages and the standard library) is not the project. */
    private readonly isLibraryFile: (file: ts.SourceFile) => boolean,
  ) {}

  /** Whether the project (or, without a program, the file of `at`) imports `module` or one of its subpaths. */
  importsModule(module: string, at: ts.Node): boolean {
    for (const m of this.of(at).modules) if (m === module || m.startsWith(`${module}/`)) return true;
    return false;
  }

  /** The one class the project declares with this name (none when two classes share it). */
  classNamed(name: string, at: ts.Node): ts.ClassLikeDeclaration | undefined {
    const found = this.of(at).classes.get(name);
    return found?.length === 1 ? found[0] : undefined;
  }

  /**
   * The functions the project's modules export under `name`: what `command.callback(…)` may call when `command` is
   * one of the modules a registry loaded (`commands.set(name, require(file))`). Field-based, as JavaScript IDEs
   * build call graphs: every function stored under that property name.
   */
  exportedFunctions(name: string, at: ts.Node): readonly FunctionWithBody[] {
    return this.of(at).exported.get(name) ?? [];
  }

  /** The methods the project adds to prototypes under `name` (`X.prototype.name = function …`), with their owner `X`. */
  prototypeExtensions(name: string, at: ts.Node): readonly { readonly owner: ts.Expression; readonly fn: FunctionWithBody }[] {
    return this.of(at).extensions.get(name) ?? [];
  }

  /**
   * The base URL the project sets on `module` for every call (`axios.defaults.baseURL = 'https://…'` at the top level
   * of a module), when it sets one: a single place, so two different settings give none.
   */
  defaultBase(module: string, at: ts.Node): ts.Expression | undefined {
    const found = this.of(at).defaultBases.get(module) ?? [];
    return found.length === 1 ? found[0] : undefined;
  }

  private of(at: ts.Node): FileFacts {
    if (!this.program) {
      const file = sourceFileOf(at);
      let facts = this.perFile.get(file);
      if (!facts) {
        facts = collect([file]);
        this.perFile.set(file, facts);
      }
      return facts;
    }
    this.facts ??= collect(this.program.getSourceFiles().filter((f) => !this.isLibraryFile(f)));
    return this.facts;
  }
}

function collect(files: readonly ts.SourceFile[]): FileFacts {
  const exported = new Map<string, FunctionWithBody[]>();
  const addExport = (name: string | undefined, value: ts.Node | undefined, file: ts.SourceFile): void => {
    const fn = value && functionIn(value, file);
    if (name === undefined || !fn) return;
    exported.set(name, [...(exported.get(name) ?? []), fn]);
  };
  const extensions = new Map<string, { owner: ts.Expression; fn: FunctionWithBody }[]>();
  const modules = new Set<string>();
  const classes = new Map<string, ts.ClassLikeDeclaration[]>();
  const addClass = (name: string | undefined, cls: ts.ClassLikeDeclaration): void => {
    if (name === undefined) return;
    const list = classes.get(name) ?? [];
    if (!list.includes(cls)) list.push(cls);
    classes.set(name, list);
  };
  const defaultBases = new Map<string, ts.Expression[]>();
  for (const file of files) {
    // The file's names for modules whose libraries take a default base URL (`import axios from 'axios'`).
    const moduleNames = new Map<string, string>();
    for (const statement of file.statements) {
      if (DEFAULT_BASE_PATHS.size === 0) break;
      const imported = moduleNameOf(statement);
      if (imported && DEFAULT_BASE_PATHS.has(imported.module)) moduleNames.set(imported.name, imported.module);
    }
    for (const statement of file.statements) {
      if (moduleNames.size > 0 && isExpressionStatement(statement)) {
        const set = defaultBaseAssignment(statement.expression, moduleNames);
        if (set) defaultBases.set(set.module, [...(defaultBases.get(set.module) ?? []), set.value]);
      }
      if (isImportDeclaration(statement) && isStringLiteral(statement.moduleSpecifier)) modules.add(statement.moduleSpecifier.text);
      else if (isImportEqualsDeclaration(statement) && isExternalModuleReference(statement.moduleReference) && isStringLiteral(statement.moduleReference.expression)) modules.add(statement.moduleReference.expression.text);
      else if (isClassDeclaration(statement)) addClass(statement.name?.text, statement);
      else if (isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          const init = decl.initializer && skipOuter(decl.initializer);
          if (!init) continue;
          const module = requiredModule(isPropertyAccessExpression(init) ? skipOuter(init.expression) : init);
          if (module !== undefined) modules.add(module);
          else if (isClassExpression(init) && isIdentifier(decl.name)) addClass(init.name?.text ?? decl.name.text, init);
        }
      } else if (isExpressionStatement(statement)) {
        // `exports.Interaction = class Interaction { … }`, `module.exports = class Client { … }`, a bare `require('x')`.
        const e = skipOuter(statement.expression);
        if (isCallExpression(e)) {
          const module = requiredModule(e);
          if (module !== undefined) modules.add(module);
        } else if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsToken) {
          const right = skipOuter(e.right);
          const left = skipOuter(e.left);
          if (isClassExpression(right)) addClass(right.name?.text ?? (isPropertyAccessExpression(left) && left.name.text !== 'exports' ? left.name.text : undefined), right);
          if (isModuleExports(left) && isObjectLiteralExpression(right)) {
            for (const property of right.properties) {
              if (isShorthandPropertyAssignment(property)) addExport(property.name.text, property.name, file);
              else if (isPropertyAssignment(property)) addExport(propertyNameText(property.name), property.initializer, file);
              else if (isMethodDeclaration(property)) addExport(propertyNameText(property.name), property, file);
            }
          } else if (isPropertyAccessExpression(left) && isModuleExports(left.expression)) addExport(left.name.text, right, file);
          else if (isPropertyAccessExpression(left) && isFunctionWithBody(right)) {
            const prototype = skipOuter(left.expression);
            if (isPropertyAccessExpression(prototype) && prototype.name.text === 'prototype') extensions.set(left.name.text, [...(extensions.get(left.name.text) ?? []), { owner: prototype.expression, fn: right }]);
          }
        }
      }
    }
  }
  return { modules, classes, exported, extensions, defaultBases };
}

/** `import axios from 'axios'`, `import * as axios from 'axios'`, `const axios = require('axios')`: the local name. */
function moduleNameOf(statement: ts.Statement): { name: string; module: string } | undefined {
  if (isImportDeclaration(statement) && isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    const name = clause?.name?.text ?? (bindings && isNamespaceImport(bindings) ? bindings.name.text : undefined);
    return name !== undefined ? { name, module: statement.moduleSpecifier.text } : undefined;
  }
  if (isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer && skipOuter(decl.initializer);
      const module = init && requiredModule(isPropertyAccessExpression(init) && init.name.text === 'default' ? skipOuter(init.expression) : init);
      if (module !== undefined && isIdentifier(decl.name)) return { name: decl.name.text, module };
    }
  }
  return undefined;
}

/** `axios.defaults.baseURL = value` where `axios` names a module in `moduleNames` and the path is its library's. */
function defaultBaseAssignment(expression: ts.Expression, moduleNames: ReadonlyMap<string, string>): { module: string; value: ts.Expression } | undefined {
  const e = skipOuter(expression);
  if (!isBinaryExpression(e) || e.operatorToken.kind !== SyntaxKind.EqualsToken) return undefined;
  const path: string[] = [];
  let target = skipOuter(e.left);
  while (isPropertyAccessExpression(target)) {
    path.unshift(target.name.text);
    target = skipOuter(target.expression);
  }
  const module = isIdentifier(target) ? moduleNames.get(target.text) : undefined;
  return module !== undefined && DEFAULT_BASE_PATHS.get(module) === path.join('.') ? { module, value: e.right } : undefined;
}

/** `module.exports` or `exports`. */
function isModuleExports(node: ts.Expression): boolean {
  const e = skipOuter(node);
  if (isIdentifier(e)) return e.text === 'exports';
  return isPropertyAccessExpression(e) && e.name.text === 'exports' && isIdentifier(e.expression) && e.expression.text === 'module';
}

/** A function given as an export: written there, or a top-level function (or `const f = () => …`) of the file by name. */
function functionIn(value: ts.Node, file: ts.SourceFile): FunctionWithBody | undefined {
  const e = isIdentifier(value) || isFunctionWithBody(value) ? value : skipOuter(value as ts.Expression);
  if (isFunctionWithBody(e)) return e;
  if (!isIdentifier(e)) return undefined;
  for (const statement of file.statements) {
    if (isFunctionDeclaration(statement) && statement.name?.text === e.text && isFunctionWithBody(statement)) return statement;
    if (isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer && skipOuter(decl.initializer);
        if (isIdentifier(decl.name) && decl.name.text === e.text && init && isFunctionWithBody(init)) return init;
      }
    }
  }
  return undefined;
}
