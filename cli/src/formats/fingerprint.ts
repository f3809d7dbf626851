/**
 * A finding's identity across commits, for code scanning (SARIF `partialFingerprints`) and GitLab Code Quality
 * (`fingerprint`): the rule, the file, what was reported (message id, categories, processor) and the reported code
 * itself with its whitespace collapsed — but not the line or column. Moving code up or down, or editing other lines,
 * keeps the fingerprint, so the report tracks one alert instead of closing it and opening a new one; changing the
 * reported code or what it sends makes it a new finding. Two findings with the same key in one file are numbered in
 * order (`:1`, `:2`), so every fingerprint in a report is unique.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '@avglint/rules';

/** The SARIF `partialFingerprints` key; bump the version when the recipe changes (old alerts then close once). */
export const FINGERPRINT_KEY = 'avglintFinding/v1';

export interface FingerprintInput {
  readonly finding: Pick<Finding, 'ruleId' | 'messageId' | 'categories' | 'processor'>;
  /** The file, relative to the project, with `/` separators. */
  readonly relativeFile: string;
  /** The source text of the finding's range. */
  readonly text: string;
}

/** Fingerprints for the findings of one file, in their order (see the module comment for the numbering). */
export function fingerprints(inputs: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map(({ finding, relativeFile, text }) => {
    const key = [
      finding.ruleId,
      relativeFile,
      finding.messageId,
      [...finding.categories].sort().join(','),
      finding.processor ?? '',
      text.replace(/\s+/gu, ' ').trim(),
    ].join('\0');
    const hash = hashKey(key);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/** A short, stable hash of a key (32 hex digits of SHA-256). */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
