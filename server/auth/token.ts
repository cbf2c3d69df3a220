/** Bearer tokens: signed JWTs (jsonwebtoken, HS256) carrying the user id. */
import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
}

/** Signs a token for a user id. */
export function signToken(userId: number, secret: string, expiresIn: string): string {
  return jwt.sign({}, secret, {
    subject: String(userId),
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
    algorithm: 'HS256',
  });
}

/** Verifies a token and returns the user id, or null when invalid or expired. */
export function verifyToken(token: string, secret: string): number | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const id = Number(claims.sub);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}
