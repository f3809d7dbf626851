/**
 * The service's own database (PostgreSQL through TypeORM). It keeps only what the koppelingen need between runs, and
 * every entity that holds personal data says how long with `@retention <term>` from the FG's catalogue, so the nightly
 * clean-up job and the FG read the same term.
 */
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The pupil as far as the leermiddelen and Cito koppelingen need it. Deliberately without BSN and address.
 *
 * @retention leerlingdossier
 */
@Entity('leerling')
export class LeerlingRecord {
  @PrimaryColumn('uuid')
  uuid!: string;

  @Index({ unique: true })
  @Column('integer')
  leerlingnummer!: number;

  @Column({ type: 'text', nullable: true })
  eckid!: string | null;

  @Column('text')
  roepnaam!: string;

  @Column('text')
  achternaam!: string;

  @Column({ type: 'text', nullable: true })
  klas!: string | null;

  @CreateDateColumn()
  gesynchroniseerdOp!: Date;
}

// Wrong: this entity stores verzuim without a bewaartermijn. Nobody knows when these rows may be deleted, and the
// catalogue allows verzuim for 5 years at most.
@Entity('verzuimregel')
export class VerzuimRegel { // expect: avglint/require-retention
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('integer')
  leerlingnummer!: number;

  @Column('date')
  datum!: string;

  @Column('integer')
  urenOngeoorloofd!: number;
}

/**
 * Cache of the toetsresultaten already sent to the uitgeverij, so a re-run does not send them twice.
 *
 * @retention bekostiging
 */
// Wrong: `bekostiging` is seven years; the catalogue keeps leer- en toetsresultaten for two years after the pupil
// leaves (leerlingdossier). This term was copied from the BRON export and is far too long for a send cache.
@Entity('verzonden_resultaat')
export class VerzondenResultaat { // expect: avglint/require-retention
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  leerlingUuid!: string;

  @Column('text')
  toetsCode!: string;

  @Column('numeric')
  cijfer!: number;
}
