/**
 * Accounts follow the employee record (issue 11 item 1, "leaving or transferring out deactivates or rescopes"):
 * - an employee who is no longer ACTIVE (LEFT, or TRANSFERRED out of the agency) loses the use of their account: it is
 *   deactivated (the users trigger ends its tokens), audited with the cause; HR can reactivate it;
 * - a CALIBRATOR whose own unit was inside the subtree they calibrate and is no longer (moved to another unit, or
 *   their unit moved elsewhere in the tree) loses the CALIBRATOR role and its unit; so does every calibrator of a unit
 *   that is deleted. The scope never follows them: calibrating another subtree is HR's decision, not a side effect.
 *   A calibrator from outside the subtree (an inspectorate, say) is left alone when they move.
 * Every change runs in the caller's transaction, audited as the same actions HR's own changes use.
 */
import { recordAudit } from '../../prisma/audit';
import type { Db, PrismaClient, Role } from '../../prisma/client';
import { unitScope } from '../../prisma/unit-tree';
import type { AuthUser } from '../auth/auth.middleware';

const actorOf = (user: AuthUser) => ({ actorUserId: user.id, actor: user.username });

/**
 * Deactivates the active account of an employee whose status is no longer ACTIVE (no account, or already inactive:
 * nothing). Answers whether an account was deactivated.
 */
export async function deactivateIfDeparted(
  tx: Db,
  user: AuthUser,
  employee: { id: number; status: string },
  cause: string,
): Promise<boolean> {
  if (employee.status === 'ACTIVE') return false;
  const account = await tx.user.findUnique({ where: { employeeId: employee.id }, select: { id: true, active: true } });
  if (!account?.active) return false;
  await tx.user.update({ where: { id: account.id }, data: { active: false } });
  await recordAudit(tx, {
    ...actorOf(user),
    action: 'user.deactivate',
    entity: 'user',
    entityId: account.id,
    before: { active: true },
    after: {
      active: false,
      employeeStatus: employee.status,
      reason: `Pegawai ${employee.status === 'LEFT' ? 'berhenti' : 'mutasi keluar'} / employee ${employee.status === 'LEFT' ? 'left' : 'transferred out'} (${cause})`,
    },
  });
  return true;
}

/** Calibrator accounts (with an employee) whose own unit lies inside the subtree they calibrate: take before a change. */
export async function calibratorsInOwnScope(tx: Db): Promise<Set<number>> {
  const rows = await tx.user.findMany({
    where: { roles: { has: 'CALIBRATOR' }, calibrationUnitId: { not: null }, employeeId: { not: null } },
    select: { id: true, calibrationUnitId: true, employee: { select: { unitId: true } } },
  });
  const inside = new Set<number>();
  for (const r of rows)
    if (r.employee && (await unitScope(tx, r.calibrationUnitId!)).includes(r.employee.unitId)) inside.add(r.id);
  return inside;
}

async function clearCalibrator(
  tx: Db,
  user: AuthUser,
  account: { id: number; roles: Role[]; calibrationUnitId: number | null; employeeId: number | null },
  reason: string,
) {
  const remaining = account.roles.filter((r) => r !== 'CALIBRATOR');
  // An account left with no role keeps the employee's own (EMPLOYEE) or, without an employee, is deactivated.
  const roles: Role[] = remaining.length ? remaining : account.employeeId !== null ? ['EMPLOYEE'] : [];
  await tx.user.update({
    where: { id: account.id },
    data: { roles, calibrationUnitId: null, ...(roles.length ? {} : { active: false }) },
  });
  await recordAudit(tx, {
    ...actorOf(user),
    action: 'user.roles',
    entity: 'user',
    entityId: account.id,
    before: { roles: account.roles, calibrationUnitId: account.calibrationUnitId },
    after: { roles, calibrationUnitId: null, ...(roles.length ? {} : { active: false }), reason },
  });
}

/** After a change of employees' units or of the unit tree: clears the calibrators who were inside and are no longer. */
export async function clearCalibratorsWhoLeftScope(tx: Db, user: AuthUser, before: Set<number>, cause: string) {
  if (!before.size) return 0;
  const now = await calibratorsInOwnScope(tx);
  let cleared = 0;
  for (const id of before) {
    if (now.has(id)) continue;
    const account = await tx.user.findUnique({ where: { id } });
    if (!account?.roles.includes('CALIBRATOR')) continue;
    await clearCalibrator(
      tx,
      user,
      account,
      `Pindah keluar dari unit kalibrasinya / moved out of the calibrated unit (${cause})`,
    );
    cleared += 1;
  }
  return cleared;
}

/** Before a unit is deleted: its calibrators lose the CALIBRATOR role (the scope does not move to another unit). */
export async function clearCalibratorsOfUnit(tx: Db, user: AuthUser, unitId: number, unitCode: string) {
  const accounts = await tx.user.findMany({ where: { calibrationUnitId: unitId } });
  for (const account of accounts)
    await clearCalibrator(tx, user, account, `Unit ${unitCode} dihapus / unit ${unitCode} deleted`);
  return accounts.length;
}

/**
 * `POST /api/appraisals/:id/employment` with LEAVE (after the appraisal workflow accepted it): the employee's status
 * becomes LEFT (audited as an employee update) and their account is deactivated. Already not ACTIVE: nothing.
 */
export async function recordDeparture(db: PrismaClient, user: AuthUser, employeeId: number, reason: string | null) {
  await db.$transaction(async (tx) => {
    const before = await tx.employee.findUnique({ where: { id: employeeId } });
    if (!before || before.status !== 'ACTIVE') return;
    const after = await tx.employee.update({ where: { id: employeeId }, data: { status: 'LEFT' } });
    await recordAudit(tx, {
      ...actorOf(user),
      action: 'update',
      entity: 'employee',
      entityId: employeeId,
      before: { status: before.status },
      after: { status: 'LEFT', reason, via: 'POST /api/appraisals/:id/employment' },
    });
    await deactivateIfDeparted(tx, user, after, 'POST /api/appraisals/:id/employment');
  });
}
