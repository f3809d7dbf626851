/**
 * Minimal typings of the HTTP clients the demo uses (axios, got, ky, undici), enough for the calls it makes.
 */
declare module 'axios' {
  export interface AxiosRequestConfig {
    baseURL?: string;
    timeout?: number;
    headers?: Record<string, string>;
    params?: Record<string, string | number>;
  }
  export interface AxiosResponse<T = unknown> {
    data: T;
    status: number;
  }
  export interface AxiosInstance {
    get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    put<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    delete<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  }
  export interface AxiosStatic extends AxiosInstance {
    create(config?: AxiosRequestConfig): AxiosInstance;
  }
  const axios: AxiosStatic;
  export default axios;
}

declare module 'got' {
  export interface Options {
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    searchParams?: Record<string, string | number>;
    timeout?: { request?: number };
  }
  export interface ResponsePromise<T = unknown> extends Promise<{ statusCode: number; body: T }> {
    json<R = unknown>(): Promise<R>;
  }
  export interface Got {
    (url: string | URL, options?: Options): ResponsePromise;
    get(url: string | URL, options?: Options): ResponsePromise;
    post(url: string | URL, options?: Options): ResponsePromise;
    put(url: string | URL, options?: Options): ResponsePromise;
  }
  const got: Got;
  export default got;
}

declare module 'ky' {
  export interface Options {
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    prefixUrl?: string;
    timeout?: number;
  }
  export interface ResponsePromise extends Promise<Response> {
    json<T = unknown>(): Promise<T>;
  }
  export interface KyInstance {
    get(url: string | URL, options?: Options): ResponsePromise;
    post(url: string | URL, options?: Options): ResponsePromise;
    put(url: string | URL, options?: Options): ResponsePromise;
    create(options: Options): KyInstance;
  }
  const ky: KyInstance;
  export default ky;
}

declare module 'undici' {
  export interface ResponseData {
    statusCode: number;
    body: { json(): Promise<unknown>; text(): Promise<string> };
  }
  export function request(
    url: string | URL,
    options?: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; headers?: Record<string, string>; body?: string },
  ): Promise<ResponseData>;
}
