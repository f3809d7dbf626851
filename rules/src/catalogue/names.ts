/**
 * Name matching for categories. The FG writes `burgerservicenummer`; code writes `burgerServiceNummer`,
 * `BURGER_SERVICE_NUMMER` or `burger-service-nummer`. All of these normalise to the same key.
 */
import type { Catalogue, Category } from './model';

/** Lower-cases and drops every character that is not a letter or digit: `burger_Service-Nummer` → `burgerservicenummer`. */
export function normaliseName(name: string): string {
  // The analysis asks this for every name it reads: already-normal names are returned as they are, the others are
  // remembered (code repeats its names), so the common case allocates nothing.
  if (PLAIN.test(name)) return name;
  let normal = normalised.get(name);
  if (normal === undefined) {
    normal = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    // A bound, so a language server that runs for days does not keep every name it ever saw.
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(name, normal);
  }
  return normal;
}

const PLAIN = /^[a-z0-9]*$/;
const normalised = new Map<string, string>();

/** Lookup tables derived once per catalogue; the analysis asks these on every identifier, so they are maps. */
export interface CategoryIndex {
  /** Normalised property/variable name → categories it denotes. */
  readonly byName: ReadonlyMap<string, readonly Category[]>;
  /** Type name (as written) → categories. */
  readonly byType: ReadonlyMap<string, readonly Category[]>;
  /** `Type.member` (normalised member) → categories. */
  readonly byMember: ReadonlyMap<string, readonly Category[]>;
  /** JSDoc tag name (normalised, without `@`) → categories. */
  readonly byJsdocTag: ReadonlyMap<string, readonly Category[]>;
  /** Brand string → categories. */
  readonly byBrand: ReadonlyMap<string, readonly Category[]>;
}

const indexes = new WeakMap<Catalogue, CategoryIndex>();

export function categoryIndex(catalogue: Catalogue): CategoryIndex {
  let index = indexes.get(catalogue);
  if (!index) {
    index = buildIndex(catalogue);
    indexes.set(catalogue, index);
  }
  return index;
}

function buildIndex(catalogue: Catalogue): CategoryIndex {
  const byName = new Map<string, Category[]>();
  const byType = new Map<string, Category[]>();
  const byMember = new Map<string, Category[]>();
  const byJsdocTag = new Map<string, Category[]>();
  const byBrand = new Map<string, Category[]>();
  const add = (map: Map<string, Category[]>, key: string, category: Category): void => {
    const list = map.get(key);
    if (!list) map.set(key, [category]);
    else if (!list.includes(category)) list.push(category);
  };
  for (const category of catalogue.categories.values()) {
    for (const name of category.match.names) add(byName, normaliseName(name), category);
    for (const type of category.match.types) add(byType, type, category);
    for (const member of category.match.members) {
      const dot = member.lastIndexOf('.');
      if (dot > 0) add(byMember, `${member.slice(0, dot)}.${normaliseName(member.slice(dot + 1))}`, category);
    }
    for (const tag of category.match.jsdocTags) add(byJsdocTag, normaliseName(tag.replace(/^@/, '')), category);
    for (const brand of category.match.brands) add(byBrand, brand, category);
  }
  return { byName, byType, byMember, byJsdocTag, byBrand };
}

/** Categories a property, parameter or variable name denotes. */
export function categoriesForName(catalogue: Catalogue, name: string): readonly Category[] {
  return categoryIndex(catalogue).byName.get(normaliseName(name)) ?? [];
}
