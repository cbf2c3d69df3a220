/** Audit trail writer: every state change goes through here, inside the same transaction as the change. */
import type { Db } from './client';

export interface AuditInput {
  actorUserId?: number | null;
  /** Who acted, as shown to auditors: a username, or `system:<workflow>` for automated steps. */
  actor: string;
  action: string;
  entity: string;
  entityId: string | number | bigint;
  before?: unknown;
  after?: unknown;
}

/** Converts a value to plain JSON (Dates to ISO strings, BigInt and Decimal to strings). */
export function toAuditJson(value: unknown): any {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
    (_k, v) => v,
  );
}

/** Appends one audit event; the database trigger chains its hash to the previous event. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: input.actorUserId ?? null,
      actor: input.actor,
      action: input.action,
      entity: input.entity,
      entityId: String(input.entityId),
      before: input.before === undefined ? undefined : toAuditJson(input.before),
      after: input.after === undefined ? undefined : toAuditJson(input.after),
    },
  });
}

/** Result of verifying the hash chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { id: string; reason: 'hash' | 'link' } | null;
}

/** Recomputes every hash and link in the database; reports the first tampered entry. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const [broken, count] = await Promise.all([
    db.$queryRaw<{ id: bigint; reason: 'hash' | 'link' }[]>`SELECT id, reason FROM audit_events_first_broken()`,
    db.auditEvent.count(),
  ]);
  const first = broken[0];
  return { ok: !first, checked: count, firstBroken: first ? { id: first.id.toString(), reason: first.reason } : null };
}
