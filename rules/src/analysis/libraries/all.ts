import { BROWSER_EGRESS } from './browser';
import { CHAT_SDKS } from './chat';
import { HTTP_CLIENTS } from './httpClients';
import { LOGGERS } from './loggers';
import { SDKS } from './sdks';
import type { Library } from './types';

/** Every descriptor, by family, in the order the docs list them. A new family's table is added here. */
export const LIBRARIES: readonly Library[] = [...HTTP_CLIENTS, ...BROWSER_EGRESS, ...SDKS, ...CHAT_SDKS, ...LOGGERS];
