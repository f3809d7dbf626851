import { DataSource } from 'typeorm';
import type { Leerling } from '../domain/leerling';
import { LeerlingRecord, VerzondenResultaat, VerzuimRegel } from './entities';

export const database = new DataSource({
  type: 'postgres',
  url: process.env['DATABASE_URL'],
  entities: [LeerlingRecord, VerzuimRegel, VerzondenResultaat],
  synchronize: false,
});

/** Copies the fields the koppelingen need from Somtoday; the BSN and the address stay in Somtoday. */
export async function bewaarLeerling(leerling: Leerling): Promise<void> {
  const record = new LeerlingRecord();
  record.uuid = leerling.uuid;
  record.leerlingnummer = leerling.leerlingnummer;
  record.eckid = leerling.eckid ?? null;
  record.roepnaam = leerling.roepnaam;
  record.achternaam = leerling.achternaam;
  record.klas = leerling.stamgroep ?? null;
  await database.getRepository(LeerlingRecord).save(record);
}
