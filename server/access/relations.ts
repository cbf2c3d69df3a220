/** The caller's relations to a record (self, rater, rater's superior, assignee) and roles, and list scopes from them. */
import type { Role } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ruleOf, type AccessRule, type RecordKind, type Relation } from './access.policy';
import { mayActOnBehalf } from '../../workflows/on-behalf';
import { calibrates, calibrationUnitOf, calibratorTakes } from './calibration-scope';

/** Who a record is about and who is in that person's chain (as the policy judges it). */
export interface Subject {
  employeeId?: number | null;
  raterId?: number | null;
  raterSuperiorId?: number | null;
  assigneeId?: number | null;
  assigneeRole?: Role | null;
  /** User id (not employee id) of whoever completed a task. */
  completedByUserId?: number | null;
  /** The unit the record belongs to (an appraisal's unit, a calibration task's unit): a calibrator's scope. */
  unitId?: number | null;
  /** A task's type and context (a calibration task names its unit there). */
  taskType?: string;
  taskContext?: unknown;
  /** User id of an account record (`self` when it is the caller's own account). */
  userId?: number | null;
  /** Employees holding an open task of the appraisal, or one escalated to them (an acting Plt./Plh. among them): `assignee`. */
  openTaskAssigneeIds?: number[];
  /** The person an employee's task was escalated to (server/tasks/escalation-inbox.ts): `assignee`. */
  escalatedToId?: number | null;
  /** A task's escalation level: an escalated employee task may be completed on the employee's behalf. */
  escalationLevel?: number;
}

/** Relations to a record (as opposed to roles). */
export const PERSONAL: readonly Relation[] = ['self', 'rater', 'raterSuperior', 'assignee', 'calibrator'];

/** Every relation the user has, to the subject when there is one. */
export function relationsOf(user: AuthUser | undefined, subject?: Subject | null): Set<Relation> {
  const out = new Set<Relation>(['public']);
  if (!user) return out;
  out.add('signedIn');
  if (user.roles.includes('HR_ADMIN')) out.add('hr');
  if (user.roles.includes('AUDITOR')) out.add('auditor');
  if (!subject) return out;
  const me = user.employeeId;
  if (me !== null) {
    if (subject.employeeId === me) out.add('self');
    if (subject.raterId === me) out.add('rater');
    if (subject.raterSuperiorId === me) out.add('raterSuperior');
    if (subject.assigneeId === me) out.add('assignee');
    if (subject.openTaskAssigneeIds?.includes(me)) out.add('assignee');
    if (subject.escalatedToId === me) out.add('assignee');
  }
  if (subject.assigneeRole && user.roles.includes(subject.assigneeRole)) out.add('assignee');
  if (subject.completedByUserId === user.id) out.add('assignee');
  if (
    subject.taskType &&
    mayActOnBehalf(user, {
      type: subject.taskType,
      assigneeId: subject.assigneeId ?? null,
      escalationLevel: subject.escalationLevel ?? 0,
      escalatedToId: subject.escalatedToId ?? null,
    })
  )
    out.add('assignee');
  if (subject.userId === user.id) out.add('self');
  if (calibrates(user, subject.unitId)) out.add('calibrator');
  if (
    subject.taskType &&
    calibratorTakes(user, {
      type: subject.taskType,
      context: subject.taskContext as never,
      assigneeRole: subject.assigneeRole ?? null,
    })
  )
    out.add('assignee');
  return out;
}

/** True when one of the relations is allowed by the rule. */
export function permits(rule: Pick<AccessRule, 'allow'>, relations: Set<Relation>): boolean {
  return rule.allow.some((r) => relations.has(r));
}

/** True when the user has any relation to the subject beyond being signed in (else a refusal hides the record). */
export function knowsOf(relations: Set<Relation>): boolean {
  return [...PERSONAL, 'hr', 'auditor'].some((r) => relations.has(r as Relation));
}

/** Loads who the record is about; null when it does not exist. */
export async function loadSubject(deps: AppDeps, kind: RecordKind, id: number): Promise<Subject | null> {
  const db = deps.prisma;
  const chain = { select: { employeeId: true, raterId: true, raterSuperiorId: true, unitId: true } } as const;
  switch (kind) {
    case 'appraisal': {
      const a = await db.appraisal.findUnique({
        where: { id },
        select: {
          ...chain.select,
          // A colleague asked for peer feedback holds a task on the appraisal but may not read it (only their task).
          tasks: {
            where: { status: 'OPEN', assigneeId: { not: null }, type: { not: 'peer.feedback' } },
            select: { assigneeId: true, escalatedToId: true },
          },
        },
      });
      // Whoever holds an open task of the appraisal: its assignee, and the person an employee's step was escalated
      // to (an acting Plt./Plh. among them), who acts on the employee's behalf.
      const holders = a?.tasks.flatMap((t) => [t.assigneeId!, ...(t.escalatedToId === null ? [] : [t.escalatedToId])]);
      return a && { ...a, openTaskAssigneeIds: holders };
    }
    case 'employee': {
      const e = await db.employee.findUnique({
        where: { id },
        select: { id: true, superiorId: true, superior: { select: { superiorId: true } } },
      });
      return e && { employeeId: e.id, raterId: e.superiorId, raterSuperiorId: e.superior?.superiorId ?? null };
    }
    case 'payAdjustment':
      return db.payAdjustment.findUnique({ where: { id }, select: { employeeId: true } });
    case 'sanction':
      return db.sanction.findUnique({ where: { id }, select: { employeeId: true } });
    case 'evidence': {
      const ev = await db.evidence.findUnique({ where: { id }, select: { appraisal: chain } });
      return ev?.appraisal ?? null;
    }
    case 'task': {
      const t = await db.task.findUnique({
        where: { id },
        select: {
          assigneeId: true,
          assigneeRole: true,
          completedById: true,
          type: true,
          context: true,
          escalatedToId: true,
          escalationLevel: true,
          appraisal: { select: { employeeId: true } },
        },
      });
      return (
        t && {
          assigneeId: t.assigneeId,
          assigneeRole: t.assigneeRole,
          completedByUserId: t.completedById,
          employeeId: t.appraisal?.employeeId ?? null,
          unitId: calibrationUnitOf(t),
          taskType: t.type,
          taskContext: t.context,
          escalatedToId: t.escalatedToId,
          escalationLevel: t.escalationLevel,
        }
      );
    }
    case 'user': {
      const u = await db.user.findUnique({ where: { id }, select: { id: true } });
      return u && { userId: u.id };
    }
  }
}

/**
 * How a list's table expresses each personal relation: the employee column of self / rater / rater's superior, the
 * unit column a calibrator's subtree applies to, and the whole `where` of "assigned to me" (tasks).
 */
export type RelationColumns = Partial<Record<'self' | 'rater' | 'raterSuperior' | 'calibrator', string>> & {
  assignee?: object;
};

/**
 * The Prisma `where` that limits a list to what the user may see by the row `resource.action`: everything when a role
 * or `signedIn` grants it, else the rows the user is self / rater / rater's superior / assignee / calibrator of.
 * `{ OR: [] }` matches nothing. Handlers AND it with the client's filter, so a filter can only narrow it.
 */
export function scopeWhere(user: AuthUser, resource: string, action: string, columns: RelationColumns) {
  const rule = ruleOf(resource, action);
  if (permits(rule, relationsOf(user))) return {};
  const me = user.employeeId;
  const or: object[] = [];
  for (const [relation, column] of Object.entries(columns) as [Relation, string | object][]) {
    if (!rule.allow.includes(relation)) continue;
    if (typeof column === 'object') or.push(column);
    else if (relation === 'calibrator') {
      if (user.roles.includes('CALIBRATOR') && user.calibrationUnitIds?.length)
        or.push({ [column]: { in: user.calibrationUnitIds } });
    } else if (me !== null) or.push({ [column]: me });
  }
  return { OR: or };
}

/** True when the user reads this resource as HR or auditor (every record, every field). */
export function readsAll(user: AuthUser | undefined): boolean {
  const relations = relationsOf(user);
  return relations.has('hr') || relations.has('auditor');
}
