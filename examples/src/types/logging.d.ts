/**
 * Minimal typings of pino and winston.
 */
declare module 'pino' {
  interface LogFn {
    (message: string): void;
    (fields: Record<string, unknown>, message?: string): void;
  }
  export interface Logger {
    info: LogFn;
    warn: LogFn;
    error: LogFn;
    debug: LogFn;
    child(bindings: Record<string, unknown>): Logger;
  }
  export interface LoggerOptions {
    name?: string;
    level?: string;
    redact?: string[];
  }
  function pino(options?: LoggerOptions): Logger;
  export default pino;
}

declare module 'winston' {
  export interface Logger {
    info(message: string, meta?: Record<string, unknown>): Logger;
    warn(message: string, meta?: Record<string, unknown>): Logger;
    error(message: string, meta?: Record<string, unknown>): Logger;
  }
  export interface Format {
    readonly kind: 'format';
  }
  export const format: {
    json(): Format;
    timestamp(): Format;
    combine(...formats: Format[]): Format;
  };
  export const transports: {
    Console: new (options?: { level?: string }) => object;
    File: new (options: { filename: string; level?: string }) => object;
  };
  export function createLogger(options: { level?: string; format?: Format; defaultMeta?: Record<string, unknown>; transports: object[] }): Logger;
}
