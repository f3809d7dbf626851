/**
 * Just enough SQL to know what a statement stores: the table and the column names of `INSERT`/`REPLACE INTO … (…)`,
 * `UPDATE … SET col = …`, `CREATE TABLE … (…)` and `ALTER TABLE … ADD [COLUMN] …`. Anything else (a `SELECT`, a
 * `DELETE`, text that is not SQL) yields no statement. Linear in the text: one pass to drop comments and split
 * statements, one regular expression without nested quantifiers per statement.
 */

export interface SqlStatement {
  readonly verb: 'insert' | 'update' | 'create' | 'alter';
  /** The table name without quotes or schema (`public."Leerling"` → `Leerling`). */
  readonly table: string;
  readonly columns: readonly string[];
}

const NAME = String.raw`((?:[\w$]+|"[^"]*"|\x60[^\x60]*\x60|\[[^\]]*\])(?:\s*\.\s*(?:[\w$]+|"[^"]*"|\x60[^\x60]*\x60|\[[^\]]*\]))*)`;
const INSERT = new RegExp(String.raw`^(?:insert|replace|upsert)\s+(?:or\s+\w+\s+)?(?:ignore\s+)?into\s+${NAME}\s*(?:\(([^)]*)\))?`, 'i');
const UPDATE = new RegExp(String.raw`^update\s+(?:or\s+\w+\s+)?${NAME}\s+set\s+([\s\S]*?)(?:\s+where\s|\s+returning\s|\s+from\s|$)`, 'i');
const CREATE = new RegExp(String.raw`^create\s+(?:(?:global\s+|local\s+)?(?:temp|temporary)\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${NAME}\s*\(([\s\S]*)\)`, 'i');
const ALTER = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${NAME}\s+([\s\S]*)$`, 'i');
/** Entries of a `CREATE TABLE` list that are constraints, not columns. */
const CONSTRAINTS = new Set(['primary', 'foreign', 'unique', 'constraint', 'check', 'index', 'key', 'exclude', 'fulltext', 'spatial', 'like', 'period']);

/**
 * A word every statement that stores begins with. Text without one holds no such statement (removing comments joins
 * no words): most texts a driver-named method is given are keys (`map.get('leerling')`) or `SELECT`s.
 */
const STORING_VERB = /insert|replace|upsert|update|create|alter/i;

/** The statements in `text` that store data or declare where it is stored. */
export function parseSql(text: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  if (!STORING_VERB.test(text)) return statements;
  for (const raw of withoutComments(text).split(';')) {
    const statement = raw.trim();
    if (statement.length < 6) continue;
    const parsed = parseStatement(statement);
    if (parsed) statements.push(parsed);
  }
  return statements;
}

function parseStatement(statement: string): SqlStatement | undefined {
  const first = statement.slice(0, 7).toLowerCase();
  if (first.startsWith('insert') || first.startsWith('replace') || first.startsWith('upsert')) {
    const match = INSERT.exec(statement);
    if (!match?.[1]) return undefined;
    return { verb: 'insert', table: tableName(match[1]), columns: match[2] !== undefined ? splitTopLevel(match[2]).map(unquote).filter(Boolean) : [] };
  }
  if (first.startsWith('update')) {
    const match = UPDATE.exec(statement);
    if (!match?.[1] || match[2] === undefined) return undefined;
    const columns = splitTopLevel(match[2]).map((assignment) => unquote(assignment.split('=')[0] ?? '').replace(/^.*\./, '')).filter(Boolean);
    return { verb: 'update', table: tableName(match[1]), columns };
  }
  if (first.startsWith('create')) {
    const match = CREATE.exec(statement);
    if (!match?.[1] || match[2] === undefined) return undefined;
    const columns: string[] = [];
    for (const entry of splitTopLevel(match[2])) {
      const word = /^\s*("[^"]*"|\x60[^\x60]*\x60|\[[^\]]*\]|[\w$]+)/.exec(entry)?.[1];
      if (word !== undefined && !CONSTRAINTS.has(word.toLowerCase())) columns.push(unquote(word));
    }
    return { verb: 'create', table: tableName(match[1]), columns };
  }
  if (first.startsWith('alter')) {
    const match = ALTER.exec(statement);
    if (!match?.[1] || match[2] === undefined) return undefined;
    const columns: string[] = [];
    for (const clause of splitTopLevel(match[2])) {
      const added = /^\s*add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?("[^"]*"|\x60[^\x60]*\x60|\[[^\]]*\]|[\w$]+)/i.exec(clause)?.[1];
      if (added !== undefined && !CONSTRAINTS.has(added.toLowerCase())) columns.push(unquote(added));
    }
    return columns.length > 0 ? { verb: 'alter', table: tableName(match[1]), columns } : undefined;
  }
  return undefined;
}

/** Drops `-- …` and `/* … *\/` comments outside quotes. */
function withoutComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== undefined) {
      out += c;
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

/** Splits on commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function unquote(name: string): string {
  const trimmed = name.trim();
  const first = trimmed[0];
  if ((first === '"' || first === '`' || first === '[') && trimmed.length >= 2) return trimmed.slice(1, -1);
  return trimmed;
}

function tableName(qualified: string): string {
  const parts = qualified.split('.');
  return unquote(parts[parts.length - 1] ?? qualified);
}
