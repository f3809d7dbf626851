/**
 * Classification: which categories of personal data an expression or declaration *is*, by the catalogue's `match`
 * entries. Names work everywhere; types, members, JSDoc tags and brands need the type checker, except where the type
 * is written in the same file (an annotation naming a local interface), which is read without one.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import type { Catalogue, Category } from '../../catalogue/model';
import { normaliseName, type CategoryIndex } from '../../catalogue/names';
import { hasNotPersons, ownerCanDecide, ownerIsKnown, ownerIsNotPerson } from '../../catalogue/subjects';
import type { ResultShape } from '../libraries/types';
import type { MatchReason } from './labels';
import { lexicalDeclaration } from './scopes';
import { sourceFileOf } from './walk';
// Read once: every member of the typescript module is a getter, and these run for every node.
const { getJSDocTags, isArrayBindingPattern, isArrayTypeNode, isAsExpression, isBindingElement, isCallExpression, isClassDeclaration, isClassExpression, isComputedPropertyName, isElementAccessExpression, isGetAccessorDeclaration, isIdentifier, isInterfaceDeclaration, isIntersectionTypeNode, isLiteralTypeNode, isMethodDeclaration, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression, isParameter, isParenthesizedExpression, isParenthesizedTypeNode, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isTypeAliasDeclaration, isTypeAssertionExpression, isTypeLiteralNode, isTypeReferenceNode, isUnionTypeNode, isVariableDeclaration, ObjectFlags, SymbolFlags, SyntaxKind, TypeFlags } = ts;

/** One reason an expression is of a category. `path` is where in the value (`['bsn']` for a `Leerling`'s `bsn`). */
export interface Hit {
  readonly category: Category;
  readonly reason: MatchReason;
  /** What matched, as written: the name `bsn`, the type `Bsn`, the member `Leerling.BSN`, the tag `zorg` (`matchText` says it in words). */
  readonly matched: string;
  readonly path: readonly string[];
  /** For a hit by name: the name as written in the code, so its owner can be judged (`owned`). */
  readonly name?: string;
}

export interface ClassifyEnv {
  readonly catalogue: Catalogue;
  readonly index: CategoryIndex;
  readonly program?: ts.Program;
  readonly checker?: ts.TypeChecker;
}

/** Array methods whose callback's first parameter is an element of the array. */
const ARRAY_ELEMENT_CALLBACKS = new Set(['map', 'flatMap', 'filter', 'find', 'findLast', 'forEach', 'some', 'every']);

/** How deep whole objects are searched for categorised members (`leerling.ouder.adres` is depth 2). */
const MAX_DEPTH = 3;

/**
 * How many members one search of a whole type may look at. Four levels of a type with a thousand members are a
 * trillion; with this bound a pathological type costs milliseconds (a domain type has tens of members).
 */
const MAX_MEMBERS = 5_000;

/** How many types one search may be inside at once (see `type`). */
const MAX_TYPE_PATH = 16;

export class Classifier {
  /** Per type, per chain of owner names around it (`''` for none): whose data a name in it is depends on the owner. */
  private readonly typeHits = new Map<ts.Type, Map<string, readonly Hit[]>>();
  private readonly typeNodeHits = new WeakMap<ts.Node, Map<string, readonly Hit[]>>();
  private readonly libraryFiles = new WeakMap<ts.SourceFile, boolean>();
  /** Members the current search of a whole type may still look at (see MAX_MEMBERS). */
  private membersLeft = MAX_MEMBERS;
  /** Whether any owner can be judged not a person (false only for a catalogue that empties both lists). */
  private readonly judgesOwners: boolean;

  constructor(private readonly env: ClassifyEnv) {
    this.judgesOwners = hasNotPersons(env.catalogue);
  }

  /**
   * Drops the hits **by name** whose owner is never a person (`vak.naam`, `school.postcode`); see
   * catalogue/subjects.ts. `owners` are the owner's identities, nearest and most authoritative first: its type names,
   * then its name in the code, then the owners around it (`school.adres.straat`: `adres`, then `school`).
   */
  owned(hits: Hit[], owners: () => readonly (string | undefined)[]): Hit[] {
    if (hits.length === 0 || !this.judgesOwners || !hits.some((h) => h.reason === 'name' && ownerCanDecide(this.env.catalogue, h.name))) return hits;
    const identities = owners();
    if (identities.every((i) => i === undefined || i === '')) return hits;
    return hits.filter((h) => h.reason !== 'name' || !ownerIsNotPerson(this.env.catalogue, identities, h.category, h.name));
  }

  /**
   * The identities of the object a member is read from: with a checker its type names and the type the member is
   * declared in; then its name in the code (`vak` in `vak.naam`, `school` in `this.school.postcode`, the class for
   * `this.naam`, `getSchool` for `getSchool().naam`).
   */
  ownerIdentities(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): (string | undefined)[] {
    const identities: (string | undefined)[] = [];
    const checker = this.env.checker;
    if (checker) {
      const receiver = this.declaredType(node.expression) ?? checker.getTypeAtLocation(node.expression);
      identities.push(...typeNames(checker.getNonNullableType(receiver)));
    } else {
      identities.push(this.annotatedTypeName(node.expression));
    }
    identities.push(expressionName(node.expression));
    return identities;
  }

  byName(name: string, path: readonly string[] = []): Hit[] {
    const categories = this.env.index.byName.get(normaliseName(name));
    if (!categories) return [];
    return categories.map((category) => ({ category, reason: 'name', matched: name, path, name }));
  }

  byTypeName(name: string, path: readonly string[] = []): Hit[] {
    const categories = this.env.index.byType.get(name);
    if (!categories) return [];
    return categories.map((category) => ({ category, reason: 'type', matched: name, path }));
  }

  byMember(typeName: string, member: string, path: readonly string[] = []): Hit[] {
    const categories = this.env.index.byMember.get(`${typeName}.${normaliseName(member)}`);
    if (!categories) return [];
    return categories.map((category) => ({ category, reason: 'member', matched: `${typeName}.${member}`, path }));
  }

  byTags(node: ts.Node, path: readonly string[] = []): Hit[] {
    const hits: Hit[] = [];
    for (const tag of getJSDocTags(node)) {
      const name = tag.tagName.text;
      for (const category of this.env.index.byJsdocTag.get(normaliseName(name)) ?? []) {
        hits.push({ category, reason: 'tag', matched: name, path });
      }
    }
    return hits;
  }

  /** A declaration: its name, its JSDoc tags, and its type (checker) or type annotation (without one). */
  declaration(decl: ts.Node): Hit[] {
    const hits: Hit[] = [];
    const name = declarationName(decl);
    // A member of a class, interface or object literal, or a destructured member, has an owner; a variable or a
    // parameter is a bare name and matches as it is (`const naam = …`).
    if (name !== undefined) hits.push(...this.owned(this.byName(name), () => this.declarationOwners(decl)));
    // A destructured name has no JSDoc of its own; every other declaration may carry a tag.
    if (!isBindingElement(decl)) hits.push(...this.byTags(decl));
    if (this.env.checker) {
      const nameNode = (decl as ts.NamedDeclaration).name;
      const outer = this.judgesOwners && name !== undefined ? [name, ...this.declarationOwners(decl)] : [];
      if (nameNode && isIdentifier(nameNode)) hits.push(...this.type(this.env.checker.getTypeAtLocation(nameNode), 0, new Set(), outer));
      // An alias of a primitive (`type Bsn = string`) does not survive in the checker's types; the annotation has it.
      hits.push(...this.annotationNames((decl as { type?: ts.TypeNode }).type));
    } else {
      const typeNode = (decl as { type?: ts.TypeNode }).type;
      const outer = this.judgesOwners && name !== undefined ? [name, ...this.declarationOwners(decl)] : [];
      if (typeNode && (isParameter(decl) || isVariableDeclaration(decl) || isPropertyDeclaration(decl))) hits.push(...this.typeNode(typeNode, 0, outer));
    }
    return hits;
  }

  /** The owner of a declared member: its class, interface or type; for a destructured name, what is destructured. */
  private declarationOwners(decl: ts.Node): (string | undefined)[] {
    if (isBindingElement(decl)) {
      const pattern = decl.parent;
      const source = pattern.parent;
      const identities: (string | undefined)[] = [];
      if ((isVariableDeclaration(source) || isParameter(source)) && this.env.checker && isObjectBindingPattern(pattern)) {
        identities.push(...typeNames(this.env.checker.getNonNullableType(this.env.checker.getTypeAtLocation(pattern))));
      }
      if (isVariableDeclaration(source) || isParameter(source)) {
        if (source.type && isTypeReferenceNode(source.type)) identities.push(entityText(source.type.typeName));
        if (isVariableDeclaration(source) && source.initializer) identities.push(expressionName(source.initializer));
      }
      return identities;
    }
    if (isPropertyDeclaration(decl) || isPropertySignature(decl) || isGetAccessorDeclaration(decl)) return [ownerTypeName(decl)];
    if ((isPropertyAssignment(decl) || isShorthandPropertyAssignment(decl)) && isObjectLiteralExpression(decl.parent)) return [literalName(decl.parent)];
    return [];
  }

  /** `x.bsn`, `x?.bsn`, `x['bsn']`: the member's name, the named type it belongs to, its JSDoc tags, its type. */
  member(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): Hit[] {
    let owners: (string | undefined)[] | undefined;
    const ownersOf = (): (string | undefined)[] => (owners ??= this.ownerIdentities(node));
    const checker = this.env.checker;
    const byName = this.byName(name);
    const hits = checker ? byName : this.owned(byName, ownersOf);
    if (checker) {
      // The receiver's declared type, and the member looked up in it: asking the checker for the type *at* each
      // reference runs its control-flow narrowing for every read, which was most of the checker's share of the
      // analysis on the benchmark corpus. A reference it cannot type that way is asked about as before.
      const receiver = this.declaredType(node.expression) ?? checker.getTypeAtLocation(node.expression);
      const owner = checker.getNonNullableType(receiver);
      owners ??= [...typeNames(owner), expressionName(node.expression)];
      if (byName.length > 0) hits.splice(0, hits.length, ...this.owned(byName, ownersOf));
      const symbol = owner.getProperty(name) ?? checker.getSymbolAtLocation(isPropertyAccessExpression(node) ? node.name : node.argumentExpression);
      for (const decl of symbol?.declarations ?? []) {
        const ownerName = ownerTypeName(decl);
        if (ownerName !== undefined) hits.push(...this.byMember(ownerName, name));
        hits.push(...this.byTags(decl));
        if (isPropertySignature(decl) || isPropertyDeclaration(decl)) hits.push(...this.annotationNames(decl.type));
      }
      for (const typeName of typeNames(owner)) hits.push(...this.byMember(typeName, name));
      const memberType = symbol && !(symbol.flags & SymbolFlags.Alias) ? checker.getTypeOfSymbol(symbol) : checker.getTypeAtLocation(node);
      hits.push(...this.type(memberType, 0, new Set(), this.judgesOwners ? [name, ...ownersOf()] : []));
    } else {
      const typeName = this.annotatedTypeName(node.expression);
      if (typeName !== undefined) {
        hits.push(...this.byMember(typeName, name));
        const member = this.localMember(node, typeName, name);
        if (member) hits.push(...this.byTags(member), ...(member.type ? this.typeNode(member.type, 0, this.judgesOwners ? [name, ...ownersOf()] : []) : []));
      }
    }
    return hits;
  }

  /**
   * The declared type of a plain name (a parameter or variable), which the checker caches per symbol; undefined for
   * anything else (calls, member and element reads, imports), which keep the type at the reference.
   */
  private declaredType(expression: ts.Expression): ts.Type | undefined {
    const checker = this.env.checker;
    if (!checker) return undefined;
    const e = skipOuter(expression);
    if (!isIdentifier(e)) return undefined;
    const symbol = checker.getSymbolAtLocation(e);
    if (!symbol || symbol.flags & SymbolFlags.Alias || !(symbol.flags & SymbolFlags.Variable)) return undefined;
    return checker.getTypeOfSymbol(symbol);
  }

  /** Type names written in an annotation (`Bsn`, `Bsn | undefined`, `Bsn[]`). */
  private annotationNames(node: ts.TypeNode | undefined): Hit[] {
    if (!node) return [];
    if (isTypeReferenceNode(node)) return this.byTypeName(entityText(node.typeName));
    if (isUnionTypeNode(node)) return node.types.flatMap((t) => this.annotationNames(t));
    if (isArrayTypeNode(node)) return this.annotationNames(node.elementType);
    if (isParenthesizedTypeNode(node)) return this.annotationNames(node.type);
    return [];
  }

  /** Categories a type carries: its name or alias, a brand, and (for object types) its members, recursively. */
  type(type: ts.Type, depth = 0, seen: Set<ts.Type> = new Set(), outer: readonly (string | undefined)[] = []): readonly Hit[] {
    // A type whose name the lists know decides by its own name; for any other (anonymous, `Array`, a union, a name
    // the lists do not know) the owners around it decide, so they are part of the cache key.
    const around = outer.length > 0 && !typeNames(type).some((n) => ownerIsKnown(this.env.catalogue, n)) ? outer.slice(0, 3) : [];
    const key = around.join('\0');
    const cached = this.typeHits.get(type)?.get(key);
    if (cached) return cached;
    // `seen` is the path of types being searched: elements of arrays and parts of unions do not add to `depth`, and a
    // recursive type made of fresh instantiations (`type T<X> = [number, T<{ x: X }>]`) never repeats one, so the
    // path's length bounds the search too (TypeScript's own instantiation overflowed the stack on such a type).
    if (seen.has(type) || depth > MAX_DEPTH || seen.size >= MAX_TYPE_PATH) return [];
    if (seen.size === 0) this.membersLeft = MAX_MEMBERS;
    else if (--this.membersLeft < 0) return [];
    seen.add(type);
    const hits = this.computeType(type, depth, seen, around);
    seen.delete(type);
    // Only complete results are cached: a result computed inside a cycle may miss what the cycle's head adds.
    if (depth === 0) {
      let byOwners = this.typeHits.get(type);
      if (!byOwners) this.typeHits.set(type, (byOwners = new Map()));
      byOwners.set(key, hits);
    }
    return hits;
  }

  private computeType(type: ts.Type, depth: number, seen: Set<ts.Type>, outer: readonly (string | undefined)[]): Hit[] {
    const checker = this.env.checker;
    if (!checker) return [];
    const hits: Hit[] = [];
    if (type.isUnion()) {
      for (const part of type.types) hits.push(...this.type(part, depth, seen, outer));
      return hits;
    }
    for (const name of typeNames(type)) hits.push(...this.byTypeName(name));
    if (type.isIntersection()) {
      for (const part of type.types) {
        const brand = brandOf(checker, part);
        if (brand !== undefined) {
          for (const category of this.env.index.byBrand.get(brand) ?? []) hits.push({ category, reason: 'brand', matched: brand, path: [] });
        } else {
          hits.push(...this.type(part, depth, seen, outer));
        }
      }
      return hits;
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const element of checker.getTypeArguments(type as ts.TypeReference)) hits.push(...this.type(element, depth, seen, outer));
      return hits;
    }
    if (!(type.flags & TypeFlags.Object) || this.isLibraryType(type) || type.getCallSignatures().length > 0) return hits;
    const owner = typeNames(type)[0];
    const owners = this.judgesOwners ? [...typeNames(type), ...outer] : [];
    for (const property of checker.getPropertiesOfType(type)) {
      if (--this.membersLeft < 0) break;
      const path = [property.name];
      hits.push(...this.owned(this.byName(property.name, path), () => owners));
      if (owner !== undefined) hits.push(...this.byMember(owner, property.name, path));
      for (const decl of property.declarations ?? []) {
        hits.push(...this.byTags(decl, path));
        const declOwner = ownerTypeName(decl);
        if (declOwner !== undefined && declOwner !== owner) hits.push(...this.byMember(declOwner, property.name, path));
      }
      if (depth < MAX_DEPTH) {
        const decl = property.valueDeclaration ?? property.declarations?.[0];
        if (decl && isMethodDeclaration(decl)) continue;
        const propertyType = decl ? checker.getTypeOfSymbolAtLocation(property, decl) : checker.getTypeOfSymbol(property);
        for (const hit of this.type(propertyType, depth + 1, seen, this.judgesOwners ? [property.name, ...owners] : [])) hits.push({ ...hit, path: [property.name, ...hit.path].slice(0, MAX_DEPTH + 1) });
      }
    }
    return hits;
  }

  /**
   * Categories a known SDK result shape carries (`libraries/results.ts`), classified as the members of a declared type
   * are: each member by its neutral name (judged by its owner) and as a member of the shape's type, recursively.
   */
  shape(shape: ResultShape, depth = 0, outer: readonly (string | undefined)[] = []): Hit[] {
    const hits: Hit[] = shape.type !== undefined ? this.byTypeName(shape.type) : [];
    if (depth > MAX_DEPTH) return hits;
    const owners = this.judgesOwners ? [shape.type, ...outer] : [];
    for (const [key, member] of Object.entries(shape.members ?? {})) {
      const name = typeof member === 'string' ? member : member.as ?? key;
      const path = [key];
      hits.push(...this.owned(this.byName(name, path), () => owners));
      if (shape.type !== undefined) hits.push(...this.byMember(shape.type, name, path));
      if (typeof member !== 'string') {
        for (const hit of this.shape(member, depth + 1, this.judgesOwners ? [name, ...owners] : [])) hits.push({ ...hit, path: [key, ...hit.path].slice(0, MAX_DEPTH + 1) });
      }
    }
    return hits;
  }

  private isLibraryType(type: ts.Type): boolean {
    const program = this.env.program;
    const decls = (type.aliasSymbol ?? type.getSymbol())?.declarations;
    if (!program || !decls || decls.length === 0) return false;
    if (decls.every((d) => this.isLibraryFile(d.getSourceFile()))) return true;
    // A helper type of the project mapped over library types (`DeepReadonly<Window>`) has the library type's members,
    // each again of the helper type: searching it walked thousands of members of the DOM per level.
    const args = type.aliasTypeArguments;
    return (
      args !== undefined &&
      args.length > 0 &&
      ((type as ts.ObjectType).objectFlags & ObjectFlags.Mapped) !== 0 &&
      args.every((arg) => (arg.flags & TypeFlags.Object) === 0 || this.isLibraryType(arg))
    );
  }

  isLibraryFile(file: ts.SourceFile): boolean {
    let known = this.libraryFiles.get(file);
    if (known === undefined) {
      const program = this.env.program;
      known = program
        ? program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/.test(file.fileName)
        : false;
      this.libraryFiles.set(file, known);
    }
    return known;
  }

  /**
   * Without a checker: a type annotation naming a catalogued type, or a local interface/type literal whose members
   * are catalogued (`(l: Leerling) => …` with `interface Leerling { bsn: string }` in the same file).
   */
  typeNode(node: ts.TypeNode, depth = 0, outer: readonly (string | undefined)[] = []): readonly Hit[] {
    const key = outer.slice(0, 4).join('\0');
    let byOwners = this.typeNodeHits.get(node);
    const cached = byOwners?.get(key);
    if (cached) return cached;
    if (!byOwners) this.typeNodeHits.set(node, (byOwners = new Map()));
    byOwners.set(key, []);
    const hits: Hit[] = [];
    if (isTypeReferenceNode(node)) {
      const name = entityText(node.typeName);
      hits.push(...this.byTypeName(name));
      const local = depth < MAX_DEPTH ? findLocalType(node, name) : undefined;
      if (local) hits.push(...this.localTypeMembers(local, name, depth, outer));
      if ((name === 'Array' || name === 'ReadonlyArray' || name === 'Promise') && node.typeArguments?.[0]) hits.push(...this.typeNode(node.typeArguments[0], depth, outer));
    } else if (isArrayTypeNode(node)) {
      hits.push(...this.typeNode(node.elementType, depth, outer));
    } else if (isUnionTypeNode(node) || isIntersectionTypeNode(node)) {
      for (const part of node.types) {
        const brand = brandOfTypeNode(part);
        if (brand !== undefined) {
          for (const category of this.env.index.byBrand.get(brand) ?? []) hits.push({ category, reason: 'brand', matched: brand, path: [] });
        } else hits.push(...this.typeNode(part, depth, outer));
      }
    } else if (isTypeLiteralNode(node) && depth < MAX_DEPTH) {
      hits.push(...this.membersOf(node.members, undefined, depth, outer));
    } else if (isParenthesizedTypeNode(node)) {
      hits.push(...this.typeNode(node.type, depth, outer));
    }
    byOwners.set(key, hits);
    return hits;
  }

  private localTypeMembers(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, name: string, depth: number, outer: readonly (string | undefined)[]): Hit[] {
    if (isInterfaceDeclaration(decl)) return this.membersOf(decl.members, name, depth, outer);
    return [...(isTypeLiteralNode(decl.type) ? this.membersOf(decl.type.members, name, depth, outer) : this.typeNode(decl.type, depth + 1, [name, ...outer]))];
  }

  private membersOf(members: ts.NodeArray<ts.TypeElement>, owner: string | undefined, depth: number, outer: readonly (string | undefined)[]): Hit[] {
    const hits: Hit[] = [];
    const owners = this.judgesOwners ? [owner, ...outer] : [];
    for (const member of members) {
      if (!isPropertySignature(member) || !member.name) continue;
      const name = propertyNameText(member.name);
      if (name === undefined) continue;
      const path = [name];
      hits.push(...this.owned(this.byName(name, path), () => owners), ...this.byTags(member, path));
      if (owner !== undefined) hits.push(...this.byMember(owner, name, path));
      if (member.type) for (const hit of this.typeNode(member.type, depth + 1, this.judgesOwners ? [name, ...owners] : [])) hits.push({ ...hit, path: [name, ...hit.path].slice(0, MAX_DEPTH + 1) });
    }
    return hits;
  }

  /** The type name written on the declaration of `expression`, when it is a plain identifier with an annotation. */
  private annotatedTypeName(expression: ts.Expression): string | undefined {
    const inner = skipOuter(expression);
    if (!isIdentifier(inner)) return undefined;
    const decl = lexicalDeclaration(inner);
    const typeNode = decl && (isParameter(decl) || isVariableDeclaration(decl)) ? decl.type : undefined;
    return typeNode && isTypeReferenceNode(typeNode) ? entityText(typeNode.typeName) : undefined;
  }

  private localMember(at: ts.Node, typeName: string, name: string): ts.PropertySignature | undefined {
    const decl = findLocalType(at, typeName);
    const members = decl && isInterfaceDeclaration(decl) ? decl.members : decl && isTypeLiteralNode(decl.type) ? decl.type.members : undefined;
    return members?.find((m): m is ts.PropertySignature => isPropertySignature(m) && propertyNameText(m.name) === name);
  }
}

export function declarationName(decl: ts.Node): string | undefined {
  if (isBindingElement(decl)) {
    if (decl.propertyName) return propertyNameText(decl.propertyName);
    return isIdentifier(decl.name) ? decl.name.text : undefined;
  }
  if (isVariableDeclaration(decl) || isParameter(decl) || isPropertyDeclaration(decl) || isPropertySignature(decl) || isPropertyAssignment(decl) || isShorthandPropertyAssignment(decl) || isGetAccessorDeclaration(decl)) {
    return decl.name && !isObjectBindingPattern(decl.name) && !isArrayBindingPattern(decl.name) ? propertyNameText(decl.name) : undefined;
  }
  return undefined;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (isIdentifier(name) || isPrivateIdentifier(name)) return name.text.replace(/^#/, '');
  if (isStringLiteral(name) || isNumericLiteral(name) || isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (isComputedPropertyName(name) && (isStringLiteral(name.expression) || isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

/**
 * The name an expression goes by, for judging whose data its members are: `vak` for `vak`, `school` for
 * `this.school` or `les.school`, the array for `vakken[i]`, `getSchool` for `getSchool()`, the class for `this`.
 */
export function expressionName(expression: ts.Expression): string | undefined {
  const e = skipOuter(expression);
  if (isIdentifier(e)) {
    // The element parameter of an array callback goes by the array's name: `vakken.map((v) => v.naam)`.
    const decl = lexicalDeclaration(e);
    const fn = decl && isParameter(decl) ? decl.parent : undefined;
    const call = fn?.parent;
    if (fn && call && isCallExpression(call) && call.arguments[0] === fn && fn.parameters[0] === decl && isPropertyAccessExpression(call.expression) && ARRAY_ELEMENT_CALLBACKS.has(call.expression.name.text)) {
      return expressionName(call.expression.expression) ?? e.text;
    }
    return e.text;
  }
  if (isPropertyAccessExpression(e)) return e.name.text;
  if (isElementAccessExpression(e)) {
    const key = e.argumentExpression;
    return isStringLiteral(key) || isNoSubstitutionTemplateLiteral(key) ? key.text : expressionName(e.expression);
  }
  if (isCallExpression(e)) return expressionName(e.expression);
  if (e.kind === SyntaxKind.ThisKeyword) {
    for (let n: ts.Node | undefined = e.parent; n; n = n.parent) if ((isClassDeclaration(n) || isClassExpression(n)) && n.name) return n.name.text;
  }
  return undefined;
}

/** The name an object literal is given: the variable, property or assignment target it is the value of. */
export function literalName(literal: ts.ObjectLiteralExpression): string | undefined {
  let n: ts.Node = literal;
  while (isParenthesizedExpression(n.parent) || isAsExpression(n.parent) || isSatisfiesExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((isVariableDeclaration(p) || isPropertyAssignment(p) || isPropertyDeclaration(p)) && p.initializer === n) return propertyNameText(p.name);
  return undefined;
}

function entityText(name: ts.EntityName): string {
  return isIdentifier(name) ? name.text : name.right.text;
}

/** The name of the interface, class or type alias a member is declared in. */
function ownerTypeName(decl: ts.Node): string | undefined {
  const parent = decl.parent;
  if (!parent) return undefined;
  if ((isInterfaceDeclaration(parent) || isClassDeclaration(parent) || isClassExpression(parent)) && parent.name) return parent.name.text;
  if (isTypeLiteralNode(parent) && isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
  return undefined;
}

function typeNames(type: ts.Type): string[] {
  const names: string[] = [];
  if (type.aliasSymbol) names.push(type.aliasSymbol.name);
  const symbol = type.getSymbol();
  if (symbol && !symbol.name.startsWith('__')) names.push(symbol.name);
  return names;
}

/** `{ __brand: 'Bsn' }` (also `readonly`, also `_brand`): the brand string. */
function brandOf(checker: ts.TypeChecker, type: ts.Type): string | undefined {
  for (const key of ['__brand', '_brand']) {
    const property = type.getProperty(key);
    if (!property) continue;
    const decl = property.valueDeclaration ?? property.declarations?.[0];
    const propertyType = decl ? checker.getTypeOfSymbolAtLocation(property, decl) : checker.getTypeOfSymbol(property);
    if (propertyType.isStringLiteral()) return propertyType.value;
  }
  return undefined;
}

function brandOfTypeNode(node: ts.TypeNode): string | undefined {
  if (!isTypeLiteralNode(node)) return undefined;
  for (const member of node.members) {
    if (!isPropertySignature(member) || !member.type) continue;
    const name = propertyNameText(member.name);
    if ((name === '__brand' || name === '_brand') && isLiteralTypeNode(member.type) && isStringLiteral(member.type.literal)) return member.type.literal.text;
  }
  return undefined;
}

export function skipOuter(expression: ts.Expression): ts.Expression {
  let e = expression;
  for (;;) {
    if (isParenthesizedExpression(e) || isAsExpression(e) || isNonNullExpression(e) || isTypeAssertionExpression(e) || isSatisfiesExpression(e)) e = e.expression;
    else return e;
  }
}

/** Interfaces and type aliases declared at the top level of the file `at` is in. */
function findLocalType(at: ts.Node, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  const file = sourceFileOf(at);
  return localTypes(file).get(name);
}

const localTypeTables = new WeakMap<ts.SourceFile, Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>>();

function localTypes(file: ts.SourceFile): Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration> {
  let table = localTypeTables.get(file);
  if (!table) {
    table = new Map();
    for (const statement of file.statements) {
      if ((isInterfaceDeclaration(statement) || isTypeAliasDeclaration(statement)) && !table.has(statement.name.text)) table.set(statement.name.text, statement);
    }
    localTypeTables.set(file, table);
  }
  return table;
}
