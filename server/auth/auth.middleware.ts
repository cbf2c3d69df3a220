/** Authentication (bearer token → req.user) and role checks. Rater relations are checked per record by services. */
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../prisma/client';
import { ApiError } from '../http/api-error';
import type { AppDeps } from '../deps';
import { unitScope } from '../../prisma/unit-tree';
import { downloadOf, LINK_PARAM, pathOf } from './download-links';
import { verifyDownloadToken, verifyToken, type TokenClaims } from './token';

export interface AuthUser {
  id: number;
  username: string;
  roles: Role[];
  employeeId: number | null;
  /** A one-time or reset password is in use: only the rows marked `duringPasswordChange` are open. */
  mustChangePassword?: boolean;
  /** CALIBRATOR: the units of the scope subtree (root first); empty for everyone else. */
  calibrationUnitIds?: number[];
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
  }
}

/**
 * Requires a valid bearer token (the `Authorization` header only) of an active user whose token version it carries,
 * and sets `req.user`. A GET of a download route may instead carry a signed link token for that path (`?sig=`).
 */
export function requireAuth(deps: AppDeps) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (req.user) return next(); // already authenticated by the access guard in front of the router
    const secret = deps.config.JWT_SECRET;
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const link = req.query[LINK_PARAM];
    let claims: TokenClaims | null;
    if (match) {
      claims = verifyToken(match[1], secret);
    } else if (typeof link === 'string' && (req.method === 'GET' || req.method === 'HEAD')) {
      const path = pathOf(req.originalUrl);
      claims = downloadOf(path) ? verifyDownloadToken(link, secret, path) : null;
      if (!claims)
        throw ApiError.unauthorized('Tautan unduhan tidak valid atau kedaluwarsa / invalid or expired download link');
    } else if (req.query.access_token !== undefined) {
      throw ApiError.unauthorized(
        'Token hanya diterima di header Authorization; untuk unduhan minta tautan bertanda tangan (POST /api/auth/download-links) / ' +
          'tokens are accepted in the Authorization header only',
      );
    } else throw ApiError.unauthorized();
    if (claims === null) throw ApiError.unauthorized('Sesi tidak valid atau kedaluwarsa / invalid or expired token');
    const user = await deps.prisma.user.findUnique({ where: { id: claims.userId } });
    if (!user || !user.active) throw ApiError.unauthorized('Akun tidak aktif / account inactive');
    if (user.tokenVersion !== claims.tokenVersion)
      throw ApiError.unauthorized('Sesi telah diakhiri; silakan masuk lagi / session ended, sign in again');
    const calibrationUnitIds =
      user.roles.includes('CALIBRATOR') && user.calibrationUnitId !== null
        ? await unitScope(deps.prisma, user.calibrationUnitId)
        : [];
    req.user = {
      id: user.id,
      username: user.username,
      roles: user.roles,
      employeeId: user.employeeId,
      mustChangePassword: user.mustChangePassword,
      calibrationUnitIds,
    };
    next();
  };
}

/** Requires one of the roles. */
export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) throw ApiError.unauthorized();
    if (!req.user.roles.some((r) => roles.includes(r))) {
      throw ApiError.forbidden(`Memerlukan peran ${roles.join(' atau ')} / requires role ${roles.join(' or ')}`);
    }
    next();
  };
}

/** True when the user has one of the roles. */
export function hasRole(user: AuthUser | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** The authenticated user (throws 401 when absent). */
export function currentUser(req: Request): AuthUser {
  if (!req.user) throw ApiError.unauthorized();
  return req.user;
}
