import type { Catalogue } from '@avglint/rules';

/** A catalogue with nothing in it, rooted at `/project`: for checks that need little of it (BSN literals, suppressions). */
export function emptyCatalogue(): Catalogue {
  return {
    files: ['/project/avglint.catalogue.yaml'],
    root: '/project',
    categories: new Map(),
    processors: new Map(),
    retention: new Map(),
    roles: new Map(),
    purposes: new Map(),
    access: new Map(),
    sanitisers: [],
  };
}
