import type { Check } from '../context';
import { bsnLiteralCheck } from './bsnLiteral';
import { retentionCheck } from './retention';
import { suppressionCheck } from './suppression';
import { accessCheck } from './access';
import { consentCheck } from './consent';
import { logsCheck } from './logs';
import { transferCheck } from './transfer';

/**
 * The checks, in the order they run. Each module owns the rules it lists; see ARCHITECTURE.md for which analysis each
 * rule is built on.
 */
export const CHECKS: readonly Check[] = [
  bsnLiteralCheck,
  retentionCheck,
  suppressionCheck,
  accessCheck,
  transferCheck,
  logsCheck,
  consentCheck,
];
