/** HTTP to the API: bearer token from localStorage, and the server's `{ error: { code, message, details } }` turned into react-admin errors. */
import { fetchUtils, HttpError } from 'react-admin';

export const TOKEN_KEY = 'capaian.token';
export const USER_KEY = 'capaian.user';

/** The token of the signed-in user, if any. */
export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

interface ServerFieldError {
  field: string;
  message: string;
  pointer?: string;
}

interface ServerErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: ServerFieldError[] } & Record<string, unknown> };
}

/**
 * Rewrites a server error for react-admin: `body.errors` maps each named field to its message, so that forms show
 * the message next to the field (server-side validation); the whole server error stays in `body.error`.
 */
export function toHttpError(status: number, body: unknown, fallback: string): HttpError {
  const error = (body as ServerErrorBody | null)?.error;
  const fields = Array.isArray(error?.details?.fields) ? error!.details!.fields! : [];
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (f && typeof f.field === 'string' && !(f.field in errors)) errors[f.field] = f.message;
  }
  const message = error?.message ?? fallback;
  return new HttpError(message, status, {
    ...(typeof body === 'object' && body ? body : {}),
    errors: { ...errors, root: { serverError: message } },
    fields,
    code: error?.code,
  });
}

/** fetchJson with the bearer token; errors carry the server's message and field errors. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = getToken();
  const opts: fetchUtils.Options = {
    ...options,
    user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
  };
  try {
    return await fetchUtils.fetchJson(url, opts);
  } catch (err) {
    if (err instanceof HttpError) throw toHttpError(err.status, err.body, err.message);
    throw err;
  }
}

/** Calls the API outside the data provider (workflow actions, reports): JSON in, JSON out. */
export async function api<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { json } = await httpClient(`/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return json as T;
}

/** Sends a raw body (file upload) with progress, through XMLHttpRequest (fetch reports no upload progress). */
export function uploadWithProgress<T = any>(
  path: string,
  body: FormData | Blob | string,
  onProgress: (fraction: number) => void,
  contentType?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(toHttpError(xhr.status, json, xhr.statusText));
    };
    xhr.onerror = () => reject(new Error('Jaringan terputus / network error'));
    xhr.send(body);
  });
}

/**
 * Opens a download that the browser fetches itself (PDF, CSV, evidence file). The token never enters a URL: the API
 * first signs a link for that one resource, valid for at most 60 s (`POST /api/auth/download-links`), after checking
 * that the user may read it. `newTab` shows it in a new tab, opened before the request so that popup blockers let it
 * through; otherwise the browser saves the file and the page stays.
 */
export async function openDownload(
  path: string,
  query: Record<string, string> = {},
  options: { newTab?: boolean } = {},
): Promise<void> {
  const search = new URLSearchParams(query).toString();
  const tab = options.newTab ? window.open('', '_blank') : null;
  if (tab) tab.opener = null;
  try {
    const { url } = await api<{ url: string }>('/auth/download-links', {
      body: { path: `/api${path}${search ? `?${search}` : ''}` },
    });
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (err) {
    tab?.close();
    throw err;
  }
}
