/**
 * The service's loggers. Logs are kept by the hosting party for months and read by developers and operators, so they
 * carry ids (Somtoday uuids, counts), never what the catalogue lists as personal data.
 */
import pino from 'pino';
import { createLogger, format, transports } from 'winston';

export const logger = pino({ name: 'veluwe-koppelingen', level: process.env['LOG_LEVEL'] ?? 'info' });

/**
 * Inzage in the zorgdossier must be traceable ('Loggegevens over gebruik van de systemen'), so the zorg module writes
 * an audit trail to its own file, which only the FG and the zorgcoördinator can read.
 */
export const auditLog = createLogger({
  level: 'info',
  format: format.combine(format.timestamp(), format.json()),
  defaultMeta: { service: 'zorg-audit' },
  transports: [new transports.File({ filename: '/var/log/veluwe/zorg-audit.log' })],
});
