/**
 * When this process last found the audit log intact (the periodic seal or GET /api/audit-events/verify), for the
 * `capaian_audit_verification_age_seconds` gauge. Until its first verification the age counts from the process's
 * start: a freshly started API is not reported as never verified, and one whose seal keeps failing ages from then on.
 */
const startedAt = Date.now();
let lastOk: number | null = null;
const results = { ok: 0, tampered: 0, error: 0 };

/** Records the outcome of one verification of the audit chain. */
export function noteAuditVerification(outcome: 'ok' | 'tampered' | 'error', at = Date.now()): void {
  results[outcome] += 1;
  if (outcome === 'ok') lastOk = at;
}

/** Seconds since the last intact verification (or since the process started, before the first). */
export function auditVerificationAgeSeconds(now = Date.now()): number {
  return (now - (lastOk ?? startedAt)) / 1000;
}

/** Verifications by outcome since the process started. */
export function auditVerificationCounts(): Readonly<typeof results> {
  return results;
}
