/**
 * The periodic seal: the API verifies the entries written since the newest checkpoint and signs one at the head
 * (moving the anchor file), so the newest entries stay unsigned for minutes rather than until someone verifies.
 * What it finds goes to the application log, which lives outside the database.
 */
import type { Logger } from 'pino';
import type { Db } from '../../prisma/client';
import { noteAuditVerification } from '../metrics/audit-clock';
import { verifyAuditChain } from './audit-verification';

/** How often the API seals the audit log. */
export const AUDIT_SEAL_INTERVAL_MS = 5 * 60_000;

/** Seals the audit log every `intervalMs` (never two at once); returns a function that stops it. */
export function startAuditSeal(db: Db, logger: Logger, intervalMs = AUDIT_SEAL_INTERVAL_MS): () => void {
  let running = false;
  const seal = async () => {
    if (running) return;
    running = true;
    try {
      const r = await verifyAuditChain(db, { sinceCheckpoint: true });
      noteAuditVerification(r.ok ? 'ok' : 'tampered');
      if (!r.ok) logger.error({ problems: r.problems.slice(0, 10) }, 'audit log tampered with (log audit dirusak)');
      else logger.debug({ checkpoint: r.checkpoint }, 'audit log sealed');
    } catch (err) {
      noteAuditVerification('error');
      logger.warn({ err }, 'audit seal failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void seal(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
