/**
 * The CALIBRATOR role: a user who takes the calibration of the units in one subtree (the user's calibrationUnitId and
 * everything below it) instead of HR. A calibration task (`calibration.unit`) is assigned to the role HR_ADMIN; a
 * calibrator whose subtree holds the task's unit may take it too. `req.user.calibrationUnitIds` holds the subtree
 * (read at sign-in of every request by requireAuth).
 */
import type { Prisma, Task } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';

/** The task type a calibrator takes. */
export const CALIBRATION_TASK = 'calibration.unit';

/** True when the unit lies in the user's calibration subtree. */
export function calibrates(user: AuthUser | undefined, unitId: number | null | undefined): boolean {
  return !!user?.roles.includes('CALIBRATOR') && unitId != null && !!user.calibrationUnitIds?.includes(unitId);
}

/** The unit a calibration task is about (its context names it), or null for any other task. */
export function calibrationUnitOf(task: Pick<Task, 'type' | 'context'>): number | null {
  if (task.type !== CALIBRATION_TASK) return null;
  const unitId = Number((task.context as { unitId?: unknown } | null)?.unitId);
  return Number.isInteger(unitId) ? unitId : null;
}

/** True when the user may take this task as calibrator (an HR calibration task of a unit in their subtree). */
export function calibratorTakes(user: AuthUser, task: Pick<Task, 'type' | 'context' | 'assigneeRole'>): boolean {
  return task.assigneeRole === 'HR_ADMIN' && calibrates(user, calibrationUnitOf(task));
}

/** The calibration tasks of the user's subtree (null when the user calibrates nothing). */
export function calibrationTasksWhere(user: AuthUser): Prisma.TaskWhereInput | null {
  const ids = user.roles.includes('CALIBRATOR') ? (user.calibrationUnitIds ?? []) : [];
  if (!ids.length) return null;
  return {
    type: CALIBRATION_TASK,
    assigneeRole: 'HR_ADMIN',
    OR: ids.map((id) => ({ context: { path: ['unitId'], equals: id } })),
  };
}
