/** Which published rule-set version is in force on a date: the one with the latest effective date on or before it. */
import type { Db, RuleSetKind } from './client';

/** The published version of `kind` in force on `on` (latest effective-from, then highest version), or null. */
export async function versionInForce(db: Db, kind: RuleSetKind, on: Date) {
  return db.ruleSetVersion.findFirst({
    where: { kind, status: 'PUBLISHED', effectiveFrom: { lte: on } },
    orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
  });
}
