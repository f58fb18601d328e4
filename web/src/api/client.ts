/**
 * The one fetch client of the web app. Every request carries the CSRF guard header and the
 * session cookie; errors come back as ApiError with the server's problem details; a 401
 * anywhere hands over to the registered handler (which sends the person to sign in).
 */
import type { Problem } from '../../../src/contracts/common.ts';
import { ApiError } from './api-error.ts';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with the given content type (file uploads). */
  raw?: { body: string; contentType: string };
  /** Do not treat a 401 as "signed out" (the login and who-am-I calls handle it themselves). */
  allowUnauthenticated?: boolean;
}

let onUnauthorized: (() => void) | null = null;

/** Registers what happens when the server says the session is gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'x-keel-request': '1', accept: 'application/json' };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET', headers, body, credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      type: 'about:blank', title: 'Network error', status: 0, code: 'network',
      detail: 'Cannot reach the Keel server. Check your connection and try again.',
    });
  }
  if (response.status === 401 && !options.allowUnauthenticated) onUnauthorized?.();
  if (!response.ok) throw new ApiError(problemFrom(response.status, response.statusText, await response.text()));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}

/** Tells the session that the server no longer knows this person (for calls made without request()). */
export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

/** The server's problem details from an error reply's body, or a generic one when it has none. */
export function problemFrom(status: number, statusText: string, bodyText: string): Problem {
  const fallback: Problem = {
    type: 'about:blank', title: statusText || 'Error', status, code: 'http_error',
    detail: `The server answered ${status} ${statusText}.`.replace(/ \.$/, '.'),
  };
  try {
    const body = JSON.parse(bodyText) as Partial<Problem>;
    if (body && typeof body.detail === 'string') return { ...fallback, ...body, status };
    if (body && typeof (body as { message?: unknown }).message === 'string') {
      return { ...fallback, detail: (body as { message: string }).message };
    }
  } catch {
    // not JSON: keep the generic message
  }
  return fallback;
}
