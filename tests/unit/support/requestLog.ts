import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One request as the privacy policy describes it: method, path template, and the names of what it carries. */
export interface LoggedRequest {
  method: string;
  path: string;
  /** `header X`, `query x`, and each JSON body leaf as a dotted path (`[]` for array items). */
  fields: string[];
}

/** Headers every request carries that say nothing about the user. */
const PLAIN_HEADERS = new Set(['accept', 'content-type']);

/** The dotted paths of every leaf of a JSON value. */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length ? [...new Set(value.flatMap((item) => fieldPaths(item, `${prefix}[]`)))] : [`${prefix}[]`];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return prefix ? [prefix] : [];
    return entries.flatMap(([key, item]) => fieldPaths(item, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

/** A fetch that logs what it sends (header names, query names, body fields) before passing the request on. */
export function loggingFetch(log: { method: string; url: URL; fields: string[] }[], inner: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init.headers);
    const fields: string[] = [];
    headers.forEach((_value, name) => {
      if (!PLAIN_HEADERS.has(name)) fields.push(`header ${name}`);
    });
    url.searchParams.forEach((_value, name) => fields.push(`query ${name}`));
    if (typeof init.body === 'string' && init.body) fields.push(...fieldPaths(JSON.parse(init.body)).map((p) => `body ${p}`));
    log.push({ method: (init.method ?? 'GET').toUpperCase(), url, fields });
    return inner(input, init);
  };
}

/**
 * The requests PRIVACY.md documents for `service`: its fenced block tagged `requests <service>`, one request per
 * unindented line ("POST /v0/checkout") and its fields on the indented lines below.
 */
export function documentedRequests(service: string, file = resolve(import.meta.dirname, '../../../store/PRIVACY.md')): LoggedRequest[] {
  const text = readFileSync(file, 'utf8');
  const block = new RegExp('```requests ' + service + '\\n([\\s\\S]*?)```').exec(text);
  if (!block) throw new Error(`PRIVACY.md has no \`requests ${service}\` block`);
  const requests: LoggedRequest[] = [];
  for (const line of block[1]!.split('\n')) {
    if (!line.trim()) continue;
    if (/^\S/.test(line)) {
      const [method, path] = line.trim().split(/\s+/);
      requests.push({ method: method!, path: path!, fields: [] });
    } else requests.at(-1)!.fields.push(line.trim().replace(/\s+#.*$/, ''));
  }
  return requests;
}

/** Matches a logged URL path (relative to the base URL) to a documented template such as `/v0/checkout/{id}`. */
export function templateOf(path: string, templates: string[]): string | null {
  return templates.find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)) ?? null;
}
