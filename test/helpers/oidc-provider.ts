/**
 * A real OpenID Connect provider for tests (npm oidc-provider, in-process on a free port) with one confidential
 * client for Capaian and accounts whose claims the test chooses; its development interactions (login form, consent
 * form) are followed over HTTP by `signInAt`, or clicked through by a browser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Environment for createTestApp: SSO on against this provider. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/** Starts a provider whose accounts are `accounts` (account id → claims beside `sub`). */
export async function startTestProvider(
  accounts: Record<string, Record<string, string>>,
  redirectUri: string,
): Promise<TestProvider> {
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'capaian-uji';
  const clientSecret = 'rahasia-klien-uji-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'nip'] },
    findAccount: async (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
    cookies: { keys: ['kunci-cookie-penyedia-uji-0123456789'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Follows the provider from its authorization URL as a browser would (its own cookie jar), signs `accountId` in
 * through the login form, agrees on the consent form, and answers the URL the provider finally redirects to.
 */
export async function signInAt(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next.href;
      continue;
    }
    // A development interaction page: its form names the prompt (login or consent).
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!prompt) throw new Error(`provider answered ${res.status} without a form: ${html.slice(0, 300)}`);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'apa-saja' } : { prompt });
  }
  throw new Error('the provider did not redirect back');
}
