/**
 * HTTP to the API: bearer token from localStorage, and the server's `{ error: { code, message, params, details } }`
 * turned into react-admin errors worded in the chosen language (error-words.ts).
 */
import { fetchUtils, HttpError } from 'react-admin';
import { reportNetworkError, reportNetworkOk } from '../layout/connection';
import { wordError, type ServerError } from './error-words';
import { i18nProvider } from './i18n-provider';
import { noteServerDate } from './server-clock';

export const TOKEN_KEY = 'capaian.token';
export const USER_KEY = 'capaian.user';

/** The token of the signed-in user, if any. */
export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

/** The chosen language's words for a text key (react-admin's translate, outside React). */
const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

/**
 * Rewrites a server error for react-admin, in the chosen language: the error's message, and `body.errors` mapping
 * each named field to its words, so that forms show them next to the field (server-side validation); `body.fields`
 * lists the fields with their worded message, the server's own error stays in `body.error`.
 */
export function toHttpError(status: number, body: unknown, fallback: string): HttpError {
  const error = (body as { error?: ServerError } | null)?.error;
  const raw = Array.isArray(error?.details?.fields) ? error!.details!.fields! : [];
  const { message, fields: errors } = wordError(error, fallback, i18nProvider.getLocale(), translate);
  return new HttpError(message, status, {
    ...(typeof body === 'object' && body ? body : {}),
    errors: { ...errors, root: { serverError: message } },
    fields: raw.map((f) => ({ ...f, message: errors[f.field] ?? f.message })),
    code: error?.code,
    params: error?.params,
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
    const sentAt = Date.now();
    const answer = await fetchUtils.fetchJson(url, opts);
    noteServerDate(answer.headers.get('Date'), sentAt, Date.now());
    reportNetworkOk();
    return answer;
  } catch (err) {
    if (err instanceof HttpError) {
      reportNetworkOk();
      throw toHttpError(err.status, err.body, err.message);
    }
    // fetch rejects with a TypeError only when no answer came: offline, or the network dropped the request.
    if (err instanceof TypeError) {
      reportNetworkError();
      throw new Error(translate('capaian.server_error.NETWORK'), { cause: err });
    }
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
      reportNetworkOk();
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(toHttpError(xhr.status, json, xhr.statusText));
    };
    xhr.onerror = () => {
      reportNetworkError();
      reject(new Error(translate('capaian.server_error.NETWORK')));
    };
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
