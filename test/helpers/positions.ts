/**
 * The exact position of the `occurrence`-th (0-based) appearance of `text` in `code`, in ESLint's terms (1-based
 * lines and columns, end exclusive), so a RuleTester case says *what* is reported rather than counting columns.
 */
export function at(code: string, text: string, occurrence = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = code.indexOf(text, start + 1);
    if (start < 0) throw new Error(`"${text}" is not in the case's code`);
  }
  const position = (offset: number): [number, number] => {
    const before = code.slice(0, offset).split('\n');
    return [before.length, (before.at(-1)?.length ?? 0) + 1];
  };
  const [line, column] = position(start);
  const [endLine, endColumn] = position(start + text.length);
  return { line, column, endLine, endColumn };
}

/** The position of `text` where it starts the first occurrence of `context` (`within(code, 'l);', 'l')`). */
export function within(code: string, context: string, text: string): { line: number; column: number; endLine: number; endColumn: number } {
  const outer = at(code, context);
  const offset = context.indexOf(text);
  if (offset < 0 || text.includes('\n')) throw new Error(`"${text}" is not on one line within "${context}"`);
  return { line: outer.line, column: outer.column + offset, endLine: outer.line, endColumn: outer.column + offset + text.length };
}
