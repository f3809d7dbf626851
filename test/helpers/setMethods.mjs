// gitlab-ci-local (the validator of GitLab CI files against GitLab's published JSON schema, used by
// test/cli/templates.test.ts) calls the Set methods of Node.js 22 (union, intersection, …); this repository supports
// Node.js 20.19, which lacks them. Loaded with `node --import` before it; defines only what is missing.
const methods = {
  union(other) { const result = new Set(this); for (const value of other.keys()) result.add(value); return result; },
  intersection(other) { const result = new Set(); for (const value of this) if (other.has(value)) result.add(value); return result; },
  difference(other) { const result = new Set(); for (const value of this) if (!other.has(value)) result.add(value); return result; },
  symmetricDifference(other) { const result = new Set(this); for (const value of other.keys()) { if (this.has(value)) result.delete(value); else result.add(value); } return result; },
  isSubsetOf(other) { for (const value of this) if (!other.has(value)) return false; return true; },
  isSupersetOf(other) { for (const value of other.keys()) if (!this.has(value)) return false; return true; },
  isDisjointFrom(other) { for (const value of this) if (other.has(value)) return false; return true; },
};
for (const [name, method] of Object.entries(methods)) {
  if (!(name in Set.prototype)) Object.defineProperty(Set.prototype, name, { value: method, writable: true, configurable: true });
}
