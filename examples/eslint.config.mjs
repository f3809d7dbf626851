// ESLint flat config of the demo project, as a school's CI would have it.
//
// - TypeScript under src/ gets `avglint.configs.strict`: every rule, typed through typescript-eslint's project service
//   (examples/tsconfig.json), so the rules follow types and imported modules, and destinations avglint cannot resolve
//   are reported too.
// - Any plain JavaScript gets `avglint.configs.recommended`, which works from names without type information.
// - `settings.avglint.catalogue` points at the FG's catalogue beside this file (absolute, so it does not depend on the
//   directory ESLint runs in).
// - Rule options and the language of the messages are not set here: they are in the catalogue's `settings:` (the BSN
//   test number 123456782 is allowed there), which ESLint, `avglint scan` and the editor all read.
import path from 'node:path';
import avglint from 'eslint-plugin-avglint';

const here = import.meta.dirname;

export default [
  { ignores: ['avglint.sarif', 'eslint.config.mjs'] },
  {
    ...avglint.configs.recommended,
    files: ['**/*.{js,mjs,cjs}'],
  },
  {
    ...avglint.configs.strict,
    files: ['src/**/*.ts'],
    languageOptions: {
      ...avglint.configs.strict.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: here },
    },
  },
  {
    settings: { avglint: { catalogue: path.join(here, 'avglint.catalogue.yaml') } },
  },
];
