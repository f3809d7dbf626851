/**
 * Exports for the administratie: klaslijsten as CSV, and anonymous statistics for the bestuur.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Leerling } from '../domain/leerling';

const EXPORT_MAP = process.env['EXPORT_MAP'] ?? '/srv/gedeeld/exports';
const s3 = new S3Client({ region: 'eu-central-1' });

export async function exporteerKlaslijst(groepscode: string, leerlingen: readonly Leerling[]): Promise<string> {
  const regels = leerlingen.map((l) => [l.leerlingnummer, l.roepnaam, l.achternaam, l.geboortedatum].join(';'));
  const bestand = join(EXPORT_MAP, `klaslijst-${groepscode}.csv`);
  // Wrong: a CSV with names and dates of birth is written to a shared folder and nothing ever deletes it. Say how long
  // it may stay (`/** @retention leerlingdossier */` above this statement) and let the clean-up job remove it.
  await writeFile(bestand, ['leerlingnummer;roepnaam;achternaam;geboortedatum', ...regels].join('\n')); // expect: avglint/require-retention
  return bestand;
}

export interface Groepsstatistiek {
  groepscode: string;
  aantalLeerlingen: number;
  gemiddelde: number;
}

/** Right: only aggregated figures per group leave the school ('Onderzoek en analyse van de (geanonimiseerde) gegevens'). */
export async function publiceerStatistiek(schooljaar: string, statistiek: readonly Groepsstatistiek[]): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: 'veluwse-onderwijsgroep-statistiek',
      Key: `${schooljaar}/gemiddelden.json`,
      Body: JSON.stringify(statistiek),
      ContentType: 'application/json',
    }),
  );
}
