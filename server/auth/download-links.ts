/**
 * Short-lived signed links for downloads that a browser opens itself (evaluation PDF, evidence file, payroll CSV,
 * audit export): `POST /api/auth/download-links { path }` checks that the caller may read that one resource and
 * answers a URL with `?sig=` valid for ≤ 60 s. The link signs in as the caller for that path only; the download
 * route then runs its own access checks as usual.
 */
import type { AppDeps } from '../deps';
import { loadVisible } from '../appraisals/appraisals.service';
import { ApiError } from '../http/api-error';
import { hasRole, type AuthUser } from './auth.middleware';

/** The name of the query parameter that carries a link token. */
export const LINK_PARAM = 'sig';

interface Download {
  pattern: RegExp;
  /** Throws (404 / 403) unless the user may read the resource named by the path's id. */
  check: (deps: AppDeps, user: AuthUser, id: number) => Promise<void>;
}

const readsAll = (user: AuthUser) => {
  if (!hasRole(user, 'HR_ADMIN', 'AUDITOR'))
    throw ApiError.forbidden('Hanya Admin SDM dan auditor / HR admins and auditors only');
};

/** Every route that accepts a link, with the check made before a link is given. */
export const DOWNLOADS: readonly Download[] = [
  {
    pattern: /^\/api\/documents\/appraisals\/(\d{1,9})\/evaluation\.pdf$/,
    check: async (deps, user, id) => void (await loadVisible(deps, user, id)),
  },
  {
    pattern: /^\/api\/documents\/evidence\/(\d{1,9})$/,
    check: async (deps, user, id) => {
      const ev = await deps.prisma.evidence.findUnique({ where: { id }, select: { appraisalId: true } });
      if (!ev) throw ApiError.notFound('Bukti dukung');
      await loadVisible(deps, user, ev.appraisalId);
    },
  },
  {
    pattern: /^\/api\/cycles\/(\d{1,9})\/payroll\.csv$/,
    check: async (deps, user, id) => {
      readsAll(user);
      if (!(await deps.prisma.cycle.count({ where: { id } }))) throw ApiError.notFound('Siklus');
    },
  },
  { pattern: /^\/api\/audit-events\/export\.csv$/, check: async (_deps, user) => readsAll(user) },
];

/** The download route a path names, or null. */
export function downloadOf(path: string): { download: Download; id: number } | null {
  for (const download of DOWNLOADS) {
    const m = download.pattern.exec(path);
    if (m) return { download, id: Number(m[1] ?? 0) };
  }
  return null;
}

/** The path part of a request URL (no query string). */
export const pathOf = (url: string) => url.split('?')[0];
