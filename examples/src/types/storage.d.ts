/**
 * Minimal typings of the storage libraries the demo uses: TypeORM, Mongoose, ioredis and the AWS S3 client.
 */
declare module 'typeorm' {
  type ClassDecorator = <T extends abstract new (...args: never[]) => unknown>(target: T) => T | void;
  type PropertyDecorator = (target: object, propertyKey: string | symbol) => void;
  interface ColumnOptions {
    type?: string;
    length?: number;
    nullable?: boolean;
    unique?: boolean;
    name?: string;
  }
  export function Entity(name?: string): ClassDecorator;
  export function Column(options?: ColumnOptions | string): PropertyDecorator;
  export function PrimaryColumn(options?: ColumnOptions | string): PropertyDecorator;
  export function PrimaryGeneratedColumn(strategy?: 'uuid' | 'increment'): PropertyDecorator;
  export function CreateDateColumn(): PropertyDecorator;
  export function Index(options?: { unique?: boolean }): PropertyDecorator;
  export interface Repository<T> {
    save(entity: T): Promise<T>;
    findOneBy(where: Partial<T>): Promise<T | null>;
    delete(where: Partial<T>): Promise<unknown>;
  }
  export class DataSource {
    constructor(options: { type: 'postgres'; url?: string; entities: Function[]; synchronize?: boolean });
    initialize(): Promise<DataSource>;
    getRepository<T>(entity: new () => T): Repository<T>;
  }
}

declare module 'mongoose' {
  export class Schema<T = unknown> {
    constructor(definition: Record<string, unknown>, options?: { timestamps?: boolean; collection?: string });
    readonly definition: T;
  }
  export interface Model<T> {
    create(doc: T): Promise<T>;
    find(filter: Partial<T>): Promise<T[]>;
  }
  export function model<T>(name: string, schema: Schema<T>): Model<T>;
}

declare module 'ioredis' {
  export default class Redis {
    constructor(url?: string);
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<'OK'>;
    set(key: string, value: string, mode: 'EX' | 'PX', duration: number): Promise<'OK'>;
    del(key: string): Promise<number>;
  }
}

declare module '@aws-sdk/client-s3' {
  export class S3Client {
    constructor(options: { region: string; endpoint?: string });
    send(command: PutObjectCommand): Promise<{ ETag?: string }>;
  }
  export class PutObjectCommand {
    constructor(input: { Bucket: string; Key: string; Body: string; ContentType?: string });
  }
}
