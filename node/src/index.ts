/**
 * `@avglint/node`: the one Node layer under every avglint host (ESLint plugin, command line, language server, tests,
 * benchmarks). It does the file-system work the core may not do — the catalogue on disk and the repository root with
 * its real-path rule, the "no catalogue" problem, walking source files, reading them safely — and the rule presets, so
 * the hosts cannot drift apart. The core (`@avglint/rules`) still does no I/O.
 */
export * from './files';
export * from './root';
export * from './catalogue';
export * from './walk';
export * from './sources';
export * from './presets';
export * from './prisma';
export * from './packageNetwork';
export * from './blame';
export * from './project';
