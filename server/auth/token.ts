/**
 * Tokens: signed JWTs (jsonwebtoken, HS256). A session token (audience `session`) carries the user id and the user's
 * token version; a download link token (audience `download`) also names the one path it opens and lives ≤ 60 s.
 * The audiences keep one kind from being used as the other.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/**
 * The secret as a KeyObject, made once per secret. Given a string, jsonwebtoken first tries to parse it as a PEM
 * public key on every verify (and throws that attempt away): a tenth of an API process's CPU under load.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export interface TokenClaims {
  userId: number;
  /** The user's token version when the token was signed: an older one has been revoked. */
  tokenVersion: number;
}

/** Signs a session token for a user. */
export function signToken(userId: number, tokenVersion: number, secret: string, expiresIn: string): string {
  return jwt.sign({ tv: tokenVersion }, keyOf(secret), {
    subject: String(userId),
    audience: 'session',
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
  });
}

function claimsOf(payload: jwt.JwtPayload): TokenClaims | null {
  const userId = Number(payload.sub);
  const tokenVersion = payload.tv;
  if (!Number.isInteger(userId) || !Number.isInteger(tokenVersion)) return null;
  return { userId, tokenVersion };
}

/** Verifies a session token; null when invalid, expired or not a session token. */
export function verifyToken(token: string, secret: string): TokenClaims | null {
  try {
    return claimsOf(jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], audience: 'session' }) as jwt.JwtPayload);
  } catch {
    return null;
  }
}

/** Signs a link token that opens `path` (no query string) for the user for `seconds`. */
export function signDownloadToken(claims: TokenClaims & { path: string }, secret: string, seconds: number): string {
  return jwt.sign({ tv: claims.tokenVersion, path: claims.path }, keyOf(secret), {
    subject: String(claims.userId),
    audience: 'download',
    expiresIn: seconds,
    algorithm: 'HS256',
  });
}

/** Verifies a link token for the requested path; null when invalid, expired, or made for another path. */
export function verifyDownloadToken(token: string, secret: string, path: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), {
      algorithms: ['HS256'],
      audience: 'download',
    }) as jwt.JwtPayload;
    return payload.path === path ? claimsOf(payload) : null;
  } catch {
    return null;
  }
}

/** The user fields a sign-in answers with (password or SSO), beside the token. */
export interface SessionUser {
  id: number;
  username: string;
  roles: string[];
  employeeId: number | null;
  employee: unknown;
  locale: string;
  mustChangePassword: boolean;
  tokenVersion: number;
}

/** What a successful sign-in answers: a session token and who signed in. */
export function sessionAnswer(user: SessionUser, config: { JWT_SECRET: string; TOKEN_TTL: string }) {
  return {
    token: signToken(user.id, user.tokenVersion, config.JWT_SECRET, config.TOKEN_TTL),
    user: {
      id: user.id,
      username: user.username,
      roles: user.roles,
      employeeId: user.employeeId,
      employee: user.employee,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
