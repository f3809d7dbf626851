/**
 * The edits the editor benchmark applies, shared by the language-server client and the LanguageService baseline so
 * both see exactly the same text after each edit. No other imports: the baseline's memory figure stays its own.
 */
import * as fs from 'node:fs';

export interface EditPlan {
  readonly file: string;
  /** 0-based line after which each edit inserts one statement. */
  readonly insertAfterLine: number;
  readonly edits: number;
}

/** The text edit k (1-based) inserts: a statement that keeps the file type-correct. */
export function editText(k: number): string {
  return `  totaal += ${k};\n`;
}

export function applyEdit(text: string, plan: EditPlan, k: number): string {
  const lines = text.split('\n');
  lines.splice(plan.insertAfterLine + 1, 0, editText(k).slice(0, -1));
  return lines.join('\n');
}

export interface EditorRun {
  /** Time from open to the first diagnostics. */
  readonly openMs: number;
  /** Per edit, time from sending it to its diagnostics. */
  readonly editMs: readonly number[];
  /** Diagnostics on the file after the last edit. */
  readonly diagnostics: number;
  /** Peak resident memory (VmHWM) in MiB. */
  readonly peakRssMb: number;
}

export function vmHwmMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
