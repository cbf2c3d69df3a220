/**
 * Who may complete an escalated employee task on the employee's behalf: the person it was escalated to, or an HR
 * admin, for the steps that allow it (the plan and the evidence; accepting a result or appealing stays the
 * employee's own right). The workflow's update validators and the API's inbox read the same rule.
 */
export const ON_BEHALF_STEPS: readonly string[] = ['plan.submit', 'evidence.submit'];

export interface OnBehalfTask {
  type: string;
  assigneeId: number | null;
  escalationLevel: number;
  escalatedToId: number | null;
}

/** True when `actor` may complete the escalated `task` for its assignee (never their own task). */
export function mayActOnBehalf(actor: { employeeId: number | null; roles: readonly string[] }, task: OnBehalfTask) {
  if (!ON_BEHALF_STEPS.includes(task.type) || task.escalationLevel < 1 || task.assigneeId === null) return false;
  if (task.assigneeId === actor.employeeId) return false;
  return (task.escalatedToId !== null && task.escalatedToId === actor.employeeId) || actor.roles.includes('HR_ADMIN');
}
