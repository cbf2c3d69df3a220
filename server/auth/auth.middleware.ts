/** Authentication (bearer token → req.user) and role checks. Rater relations are checked per record by services. */
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../prisma/client';
import { ApiError } from '../http/api-error';
import type { AppDeps } from '../deps';
import { verifyToken } from './token';

export interface AuthUser {
  id: number;
  username: string;
  roles: Role[];
  employeeId: number | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
  }
}

/** Requires a valid bearer token of an active user and sets `req.user`. */
export function requireAuth(deps: AppDeps) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const token = match?.[1] ?? (typeof req.query.access_token === 'string' ? req.query.access_token : undefined);
    if (!token) throw ApiError.unauthorized();
    const userId = verifyToken(token, deps.config.JWT_SECRET);
    if (userId === null) throw ApiError.unauthorized('Sesi tidak valid atau kedaluwarsa / invalid or expired token');
    const user = await deps.prisma.user.findUnique({ where: { id: userId } });
    if (!user || !user.active) throw ApiError.unauthorized('Akun tidak aktif / account inactive');
    req.user = { id: user.id, username: user.username, roles: user.roles, employeeId: user.employeeId };
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
