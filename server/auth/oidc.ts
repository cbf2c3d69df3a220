/**
 * Single sign-on through OpenID Connect (openid-client 6): the authorization code flow with PKCE, state and nonce.
 * The flow's secrets (state, nonce, PKCE verifier) travel in a signed, HttpOnly cookie scoped to /api/auth/oidc, so any
 * API process behind a load balancer can finish a flow another one started. The provider's person is matched to a
 * Capaian account by NIP (claim `OIDC_NIP_CLAIM`, else `preferred_username`); roles stay in Capaian.
 *
 * After the callback the browser gets no token in a URL: it is sent to the console with a one-time code in the URL
 * fragment (never sent to a server, never logged), bound to a second HttpOnly cookie; the console trades both for a
 * Capaian token with `POST /api/auth/oidc/exchange` within 60 seconds, once.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import * as client from 'openid-client';
import type { Db } from '../../prisma/client';
import { isLoopbackHost, type Config } from '../config';

/** The OpenID Connect settings when single sign-on is on (OIDC_ISSUER set), else null. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  redirectUri: URL;
  nipClaim: string;
  scope: string;
}

/** The OIDC settings of the configuration, null without OIDC_ISSUER; throws (at start) when they are incomplete. */
export function oidcSettings(config: Config): OidcSettings | null {
  if (!config.OIDC_ISSUER) return null;
  if (!config.OIDC_CLIENT_ID || !config.OIDC_REDIRECT_URI)
    throw new Error(
      'Konfigurasi tidak valid / invalid configuration:\n  OIDC_ISSUER: OIDC_CLIENT_ID dan OIDC_REDIRECT_URI wajib ' +
        'diisi / OIDC_CLIENT_ID and OIDC_REDIRECT_URI are required',
    );
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: new URL(config.OIDC_REDIRECT_URI),
    nipClaim: config.OIDC_NIP_CLAIM,
    scope: config.OIDC_SCOPE,
  };
}

/** Why a flow was refused; the audit entry's `reason` and the words of the refusal page. */
export type OidcRefusal =
  'disabled' | 'unavailable' | 'provider-error' | 'no-flow' | 'state' | 'token' | 'no-nip' | 'unknown-nip' | 'inactive';

/** A refusal with its reason; `nip`, `subject` when the provider had named the person. */
export class OidcError extends Error {
  constructor(
    public readonly reason: OidcRefusal,
    public readonly detail?: { nip?: string; subject?: string; userId?: number; providerError?: string },
  ) {
    super(`oidc: ${reason}`);
  }
}

const FLOW_COOKIE = 'capaian_oidc_flow';
const CODE_COOKIE = 'capaian_oidc_code';
const COOKIE_PATH = '/api/auth/oidc';
const FLOW_SECONDS = 600;
/** Lifetime of the one-time code between the callback and the console's exchange. */
export const CODE_SECONDS = 60;

/** What the flow cookie carries between the start and the callback. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

/** What the one-time code stands for. */
export interface CodeClaims {
  userId: number;
  tokenVersion: number;
  subject: string;
  nip: string;
  /** Random id of this code: the same value is in the code cookie and in the URL fragment. */
  id: string;
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

function setCookie(req: Request, res: Response, name: string, value: string, seconds: number) {
  res.cookie(name, value, {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level cross-site GET, which must carry the flow cookie.
    sameSite: 'lax',
    secure: req.secure,
    path: COOKIE_PATH,
    maxAge: seconds * 1000,
  });
}

function clearCookie(req: Request, res: Response, name: string) {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: COOKIE_PATH });
}

function verify<T>(token: string | undefined, secret: string, audience: string): T | null {
  if (!token) return null;
  try {
    return jwt.verify(token, secret, { algorithms: ['HS256'], audience }) as T;
  } catch {
    return null;
  }
}

/** The relying party: the provider's metadata is discovered once (again after a failure). */
export class OidcClient {
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    readonly settings: OidcSettings,
    private readonly secret: string,
  ) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.settings;
      // Plain http only for a provider on this machine (tests, a local demo); anything else must be https.
      const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
      this.discovered = client
        .discovery(issuer, clientId, undefined, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), {
          execute: insecure ? [client.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((err: unknown) => {
          this.discovered = null;
          throw err;
        });
    }
    return this.discovered;
  }

  /** Starts a flow: sets the flow cookie and answers the provider's authorization URL. */
  async start(req: Request, res: Response): Promise<URL> {
    const config = await this.configuration().catch(() => {
      throw new OidcError('unavailable');
    });
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const signed = jwt.sign(flow, this.secret, { audience: 'oidc-flow', expiresIn: FLOW_SECONDS, algorithm: 'HS256' });
    setCookie(req, res, FLOW_COOKIE, signed, FLOW_SECONDS);
    return url;
  }

  /**
   * Finishes a flow at the callback: checks the flow cookie and the state, trades the code (PKCE, nonce checked by
   * openid-client) and answers the person's subject and NIP. The flow cookie is cleared whatever happens.
   */
  async finish(req: Request, res: Response): Promise<{ subject: string; nip: string }> {
    const flow = verify<Flow>(cookieOf(req, FLOW_COOKIE), this.secret, 'oidc-flow');
    clearCookie(req, res, FLOW_COOKIE);
    const query = new URL(req.originalUrl, 'http://capaian.invalid').searchParams;
    if (query.has('error'))
      throw new OidcError('provider-error', { providerError: String(query.get('error')).slice(0, 100) });
    if (!flow) throw new OidcError('no-flow');
    if (query.get('state') !== flow.state) throw new OidcError('state');
    const config = await this.configuration().catch(() => {
      throw new OidcError('unavailable');
    });
    // The URL the provider redirected to, as configured (not as this process sees its own host behind a proxy).
    const current = new URL(this.settings.redirectUri.href);
    current.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      req.log?.warn({ err }, 'oidc code exchange refused');
      throw new OidcError('token');
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcError('token');
    const subject = String(idClaims.sub);
    let nip = nipOf(idClaims, this.settings.nipClaim);
    if (!nip && tokens.access_token) {
      // Many providers put profile claims in UserInfo only (the ID token carries what the client asked for).
      const info = await client.fetchUserInfo(config, tokens.access_token, subject).catch(() => null);
      if (info) nip = nipOf(info, this.settings.nipClaim);
    }
    if (!nip) throw new OidcError('no-nip', { subject });
    return { subject, nip };
  }

  /** Hands a signed-in person to the console: the code cookie is set, the answer is the code for the fragment. */
  issueCode(req: Request, res: Response, claims: Omit<CodeClaims, 'id'>): string {
    const id = randomBytes(32).toString('base64url');
    const signed = jwt.sign({ ...claims, id }, this.secret, {
      audience: 'oidc-code',
      expiresIn: CODE_SECONDS,
      algorithm: 'HS256',
    });
    setCookie(req, res, CODE_COOKIE, signed, CODE_SECONDS);
    return id;
  }

  /**
   * The claims of a code presented with its cookie, or null (expired, forged, another browser, used); clears it. A code
   * is marked used in the database, so it is good once whichever API process receives it.
   */
  async redeemCode(db: Db, req: Request, res: Response, code: string): Promise<CodeClaims | null> {
    const claims = verify<CodeClaims>(cookieOf(req, CODE_COOKIE), this.secret, 'oidc-code');
    clearCookie(req, res, CODE_COOKIE);
    if (!claims || claims.id !== code) return null;
    const now = new Date();
    await db.usedSsoCode.deleteMany({ where: { expiresAt: { lt: now } } });
    const first = await db.usedSsoCode.createMany({
      data: [{ id: code, expiresAt: new Date(now.getTime() + CODE_SECONDS * 1000) }],
      skipDuplicates: true,
    });
    return first.count === 1 ? claims : null;
  }
}

/** The NIP in a set of claims: the configured claim, else `preferred_username`, when it is a NIP (18 digits). */
export function nipOf(claims: Record<string, unknown>, claim: string): string | null {
  for (const name of [claim, 'preferred_username']) {
    const value = claims[name];
    if (typeof value === 'string' || typeof value === 'number') {
      const nip = String(value).replace(/\s+/g, '');
      if (/^\d{18}$/.test(nip)) return nip;
    }
  }
  return null;
}
