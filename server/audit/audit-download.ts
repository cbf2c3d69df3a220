/**
 * Downloads leave the system with personal data (payroll, evaluation documents, evidence, the audit log itself):
 * each is recorded in the audit log before the file is sent, so a download that cannot be audited is not served.
 */
import type { Request } from 'express';
import { recordAudit } from '../../prisma/audit';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';

/** Appends `<what>.download` on `entity`/`entityId` by the caller, with the file name and any details. */
export async function auditDownload(
  deps: AppDeps,
  req: Request,
  what: 'payroll' | 'evaluation' | 'evidence' | 'audit-export',
  target: { entity: string; entityId: string | number; file: string; [detail: string]: unknown },
): Promise<void> {
  const user = currentUser(req);
  const { entity, entityId, ...after } = target;
  await recordAudit(deps.prisma, {
    actorUserId: user.id,
    actor: user.username,
    action: `${what}.download`,
    entity,
    entityId,
    after,
  });
}
