/**
 * Entry point of the nightly run: Somtoday → local store → uitgeverij. Scheduled by the hosting party at 02:00.
 */
import { logger } from './logging';
import { synchroniseerLeerlingen } from './somtoday/sync';

async function main(): Promise<void> {
  const gestart = Date.now();
  const aantal = await synchroniseerLeerlingen();
  logger.info({ aantal, duurMs: Date.now() - gestart }, 'Nachtelijke synchronisatie klaar');
}

main().catch((fout: unknown) => {
  logger.error({ fout: fout instanceof Error ? fout.message : String(fout) }, 'Nachtelijke synchronisatie mislukt');
  process.exitCode = 1;
});
