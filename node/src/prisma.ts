/**
 * Prisma schemas on disk, for the hosts that hand them to the core (which reads no file): found upward from a source
 * file (`prisma/schema.prisma` or `schema.prisma`, up to the package root), read safely, and kept while unchanged.
 */
import { findPrismaSchema, isPrismaSchemaFile, type PrismaSchemaText } from '@avglint/rules';
import * as path from 'node:path';
import { EXACT_STAMPS, type FileStamps, isRegularFile, MAX_SOURCE_BYTES, readTextFile } from './files';
import { listFiles } from './walk';

/** Every Prisma schema under `directory`, by the same walk (and the same skipped folders) as the source files. */
export function listPrismaSchemas(directory: string): string[] {
  return listFiles(directory, isPrismaSchemaFile);
}

/** Schemas by path, each re-read when its modification time changes; a source file's schema found once per folder. */
export class PrismaSchemas {
  private readonly byDirectory = new Map<string, string | undefined>();
  private readonly texts = new Map<string, { readonly stamp: number | undefined; readonly schema: PrismaSchemaText | undefined }>();

  constructor(
    /** How fresh the schema's stamp must be: every use (the default) or a host's window (see `FileStamps`). */
    private readonly stamps: FileStamps = EXACT_STAMPS,
  ) {}

  /** The schema `fileName` belongs to, or undefined. Never throws. */
  for(fileName: string): PrismaSchemaText | undefined {
    const directory = path.dirname(fileName);
    if (!this.byDirectory.has(directory)) this.byDirectory.set(directory, findPrismaSchema(fileName, { fileExists: isRegularFile }));
    const schemaFile = this.byDirectory.get(directory);
    return schemaFile === undefined ? undefined : this.read(schemaFile);
  }

  /** The schema file's text (regular files within the source size limit only). */
  read(schemaFile: string): PrismaSchemaText | undefined {
    const stamp = this.stamps.modifiedTime(schemaFile);
    const cached = this.texts.get(schemaFile);
    if (cached && cached.stamp === stamp) return cached.schema;
    const text = readTextFile(schemaFile, MAX_SOURCE_BYTES);
    const schema = text === undefined ? undefined : { fileName: schemaFile, text };
    this.texts.set(schemaFile, { stamp, schema });
    return schema;
  }
}
