/**
 * The sink lists of the rule docs, generated from the descriptor tables: `docs/rules/no-unauthorised-transfer.md` and
 * `no-personal-data-in-logs.md` hold this text between `<!-- libraries:… -->` markers, and a meta-test
 * (test/unit/flow/libraries.test.ts) fails when they differ, printing what to paste.
 */
import { LIBRARIES } from './all';
import { LIBRARY_RESULTS } from './results';
import type { Family, ResultShape } from './types';

const FAMILY_WORDS: Readonly<Record<Family, string>> = {
  http: 'HTTP client',
  browser: 'browser',
  sdk: 'SDK',
  chat: 'chat / bot',
  logger: 'logger',
  store: 'store',
  orm: 'ORM',
};

/** A Markdown table of the libraries of these families: how code reaches each one and what its sinks are. */
export function librariesMarkdown(families: readonly Family[]): string {
  const rows = LIBRARIES.filter((l) => families.includes(l.family)).map((library) => {
    const reached = [
      ...library.modules.map((m) => `\`${m}\``),
      ...(library.globals ?? []).map((g) => `global \`${g}\``),
    ];
    const types = (library.types ?? []).filter((t) => t !== '*').map((t) => `\`${t}\``);
    if (types.length > 0) reached.push(`${types.length > 4 ? `${types.slice(0, 3).join(', ')} and ${types.length - 3} more types` : `type${types.length > 1 ? 's' : ''} ${types.join(', ')}`}`);
    if (library.instanceNames) reached.push(`names matching \`${library.instanceNames.source}\``);
    if (library.importedInstanceNames) reached.push(`names matching \`${library.importedInstanceNames.source}\` in a project that imports it`);
    const where = library.family === 'sdk' || library.family === 'chat' ? `${library.sinks}; goes to ${library.hosts?.length ? library.hosts.map((h) => `\`${h}\``).join(', ') : 'the package'} unless the catalogue lists it` : library.sinks;
    return `| ${[library.label, FAMILY_WORDS[library.family], reached.join(', ') || '—', where].map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  });
  return ['| library | family | reached through | sinks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * A Markdown table of the known SDK result shapes (`results.ts`): per library, its calls and the neutral names each
 * member of the result is classified by. docs/catalogue.md holds it between `<!-- results -->` markers (meta-tested).
 */
export function resultShapesMarkdown(): string {
  const rows: string[] = [];
  for (const library of LIBRARY_RESULTS) {
    const groups = new Map<ResultShape, string[]>();
    const add = (shape: ResultShape, call: string): void => {
      const calls = groups.get(shape) ?? [];
      calls.push(call);
      groups.set(shape, calls);
    };
    for (const [name, shape] of Object.entries(library.functions ?? {})) add(shape, `\`${name}()\``);
    for (const [name, shape] of Object.entries(library.methods ?? {})) add(shape, `\`.${name}()\``);
    const made = library.classes?.length ? ` on ${library.classes.map((c) => `\`new ${c}()\``).join(', ')}` : '';
    for (const [shape, calls] of groups) {
      rows.push(`| ${library.label} (${library.modules.map((m) => `\`${m}\``).join(', ')}) | ${calls.join(', ')}${made} | ${shapeFields(shape, '').join(', ')} |`);
    }
  }
  return ['| library | calls | members of the result, and the names the catalogue classifies them by |', '| --- | --- | --- |', ...rows].join('\n');
}

function shapeFields(shape: ResultShape, prefix: string): string[] {
  const fields: string[] = [];
  for (const [key, member] of Object.entries(shape.members ?? {})) {
    const name = typeof member === 'string' ? member : member.as ?? key;
    const classifiedAs = shape.type !== undefined ? `\`${name}\` / \`${shape.type}.${name}\`` : `\`${name}\``;
    const own = `\`${prefix}${key}\` as ${classifiedAs}`;
    if (typeof member === 'string') fields.push(own);
    else fields.push(`${own}${member.type !== undefined ? ` (type \`${member.type}\`)` : ''}`, ...shapeFields(member, `${prefix}${key}.`));
  }
  return fields;
}
