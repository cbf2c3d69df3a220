/**
 * Escalation reaches a person: an employee's task that passed its deadline stays the employee's, and also shows in the
 * inbox of the person it was escalated to (`tasks.escalated_to_id`, set by the escalateTask activity) and in HR's.
 * Where the step allows it (workflows/on-behalf.ts), they may complete it on the employee's behalf; the activity records it
 * as such (task result `onBehalf`, audit). Accepting a result or filing an appeal stays the employee's own right.
 */
import type { Prisma } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';

/** Open escalated tasks the user sees in their inbox besides their own: as the escalation target, or as HR. */
export function escalatedInboxWhere(user: AuthUser): Prisma.TaskWhereInput[] {
  const or: Prisma.TaskWhereInput[] = [];
  if (user.employeeId) or.push({ status: 'OPEN', escalatedToId: user.employeeId });
  if (user.roles.includes('HR_ADMIN')) or.push({ status: 'OPEN', escalationLevel: { gt: 0 }, assigneeRole: null });
  return or;
}
