import type * as z from 'zod/mini';
import { ServiceError, kindOfStatus, parseRetryAfter } from './errors';

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** The whole body, read under the same timeout as the headers. */
  text: string;
}

export interface HttpOptions {
  /** Origin plus any path prefix; a trailing slash is ignored. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** A request still unanswered (headers or body) after this long is aborted and reported as `timeout`. */
  timeoutMs: number;
  /** Sent with every request (the service's auth header). */
  headers: Record<string, string>;
}

export interface RequestOptions {
  /** Sent as JSON; a string is sent as it is (already JSON). */
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

export type HttpMethod = 'GET' | 'POST';

export interface Http {
  /** One request, never retried: the caller decides whether a second attempt is safe. */
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<HttpResponse>;
}

/** A small fetch wrapper shared by the service clients. No browser globals: `fetch` comes in. */
export function createHttp(options: HttpOptions): Http {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
  const fetchFn = options.fetch;

  return {
    async request(method, path, { body, query, headers = {} } = {}) {
      let url = `${baseUrl}${path}`;
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
      const queryString = search.toString();
      if (queryString) url += `?${queryString}`;

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      const failed = (cause: unknown) => new ServiceError(controller.signal.aborted ? 'timeout' : 'network', { cause });
      try {
        let response: Response;
        try {
          response = await fetchFn(url, {
            method,
            headers: {
              Accept: 'application/json',
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
              ...options.headers,
              ...headers,
            },
            body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
            signal: controller.signal,
            // A keyed request never follows a redirect: the key must reach only the host the user chose.
            redirect: 'error',
            credentials: 'omit',
            cache: 'no-store',
          });
        } catch (cause) {
          throw failed(cause);
        }
        let text: string;
        try {
          text = await response.text();
        } catch (cause) {
          throw failed(cause);
        }
        return { status: response.status, ok: response.ok, headers: response.headers, text };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** What a service's error body says, in the common fields. */
export interface ErrorDescription {
  serviceMessage: string | null;
  code: string | null;
  requestId: string | null;
}

/** The ServiceError for a non-2xx answer, with the service's own words when its body had them. */
export function errorFromResponse(response: HttpResponse, described: ErrorDescription, now = Date.now()): ServiceError {
  const kind = kindOfStatus(response.status);
  return new ServiceError(kind, {
    status: response.status,
    retryAfterMs: kind === 'rate_limited' || kind === 'server' ? parseRetryAfter(response.headers.get('Retry-After'), now) : null,
    ...described,
  });
}

/** Parses a JSON body with `schema`; anything else is an `unexpected_response`. */
export function parseJson<T extends z.ZodMiniType>(
  schema: T,
  text: string,
  context: { status?: number; requestId?: string | null } = {},
): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse quotes part of the body in its message, and a body may hold a token: say less.
    throw new ServiceError('unexpected_response', { ...context, cause: new SyntaxError(`Response is not JSON (${text.length} characters).`) });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ServiceError('unexpected_response', { ...context, cause: result.error });
  return result.data;
}

/** JSON.parse that returns undefined instead of throwing (for error bodies, which may be anything). */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
