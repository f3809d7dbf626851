/**
 * The few Node.js APIs the demo uses, declared here so the demo type-checks without @types/node.
 */
declare const process: {
  readonly env: Readonly<Record<string, string | undefined>>;
  exitCode?: number;
};

declare module 'node:fs/promises' {
  export function writeFile(path: string, data: string | Uint8Array, options?: { encoding?: string; mode?: number }): Promise<void>;
  export function mkdir(path: string, options?: { recursive?: boolean }): Promise<string | undefined>;
}

declare module 'node:path' {
  export function join(...segments: string[]): string;
}

declare module 'node:crypto' {
  interface Hmac {
    update(data: string): Hmac;
    digest(encoding: 'hex' | 'base64url'): string;
  }
  export function createHmac(algorithm: string, key: string): Hmac;
  export function randomUUID(): string;
}
