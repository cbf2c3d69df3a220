/** Appraisals: who may see them, their result with its explanation, and one timeline of audit + workflow events. */
import type { Appraisal, Prisma } from '../../prisma/client';
import { mayOpenTemporalUi, peerTasksVisible, resultWithheld } from '../access/disclosure';
import { ruleOf } from '../access/access.policy';
import { permits, relationsOf, scopeWhere } from '../access/relations';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';

/**
 * Appraisals the user may read (policy row appraisal.read): HR and auditors all; others their own, those they rate,
 * those whose rater they supervise, those with an open task of theirs (an acting Plt./Plh. superior's), and
 * (CALIBRATOR) those of the units of their calibration subtree.
 */
export function visibleWhere(user: AuthUser): Prisma.AppraisalWhereInput {
  return scopeWhere(user, 'appraisal', 'read', {
    self: 'employeeId',
    rater: 'raterId',
    raterSuperior: 'raterSuperiorId',
    calibrator: 'unitId',
    assignee:
      user.employeeId === null
        ? { id: { in: [] } }
        : // A colleague's peer-feedback task gives no sight of the appraisal (peer-feedback.routes.ts).
          { tasks: { some: { status: 'OPEN', assigneeId: user.employeeId, type: { not: 'peer.feedback' } } } },
  });
}

/**
 * visibleWhere for a list over the whole table: the same rows, with the appraisals holding an open task of the user's
 * looked up first (one indexed read of their open tasks) and named by id. Inside an OR, the subquery of visibleWhere
 * made PostgreSQL test every appraisal in turn; with ids, it combines the index scans (employee, rater, rater's
 * superior, id) and reads only the matching rows.
 */
export async function visibleListWhere(deps: AppDeps, user: AuthUser): Promise<Prisma.AppraisalWhereInput> {
  if (user.employeeId === null || permits(ruleOf('appraisal', 'read'), relationsOf(user))) return visibleWhere(user);
  const open = await deps.prisma.task.findMany({
    where: { status: 'OPEN', assigneeId: user.employeeId, appraisalId: { not: null }, type: { not: 'peer.feedback' } },
    select: { appraisalId: true },
  });
  return scopeWhere(user, 'appraisal', 'read', {
    self: 'employeeId',
    rater: 'raterId',
    raterSuperior: 'raterSuperiorId',
    calibrator: 'unitId',
    assignee: { id: { in: [...new Set(open.map((t) => t.appraisalId!))] } },
  });
}

/** A narrowed list is read by id up to this many rows (a rater's team, a superior's section, several periods). */
const FEW = 1000;

/**
 * The ids of the appraisals matching `where` when there are at most FEW of them, else null. Read without an order,
 * they come from the combined index scans; the page is then read by id, and their number is the list's total. With
 * the list's own order (id) and a page size instead, PostgreSQL, expecting more matches than a rater has, walked
 * the primary key backwards through most of the table (60 ms for a rater's 13 rows among 100,000).
 */
export async function fewVisible(deps: AppDeps, where: Prisma.AppraisalWhereInput): Promise<number[] | null> {
  const rows = await deps.prisma.appraisal.findMany({ where, select: { id: true }, take: FEW + 1 });
  return rows.length > FEW ? null : rows.map((r) => r.id);
}

/** Loads an appraisal the user may read (404 when it does not exist or is not theirs to see). */
export async function loadVisible(deps: AppDeps, user: AuthUser, id: number): Promise<Appraisal> {
  const row = await deps.prisma.appraisal.findFirst({ where: { id, ...visibleWhere(user) } });
  if (!row) throw ApiError.notFound('Penilaian');
  return row;
}

/** Link to the appraisal's workflow in the Temporal Web UI: HR and auditors only (it has no login of its own). */
export function temporalUiLink(deps: AppDeps, user: AuthUser, workflowId: string): string | null {
  if (!mayOpenTemporalUi(user)) return null;
  const base = deps.config.TEMPORAL_UI_URL.replace(/\/$/, '');
  return `${base}/namespaces/${encodeURIComponent(deps.config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

export interface TimelineEntry {
  at: string;
  source: 'audit' | 'workflow';
  kind: string;
  actor?: string;
  summary: string;
  data?: unknown;
  eventId?: string;
}

/** Readable summary of a workflow history event. */
function describeEvent(e: any): { kind: string; summary: string; data?: unknown } | null {
  const type = String(e.eventType ?? '');
  const a = e.activityTaskScheduledEventAttributes;
  if (a) return { kind: 'activity.scheduled', summary: `Aktivitas ${a.activityType?.name} dijadwalkan` };
  const t = e.timerStartedEventAttributes;
  if (t) {
    const secs = Number(t.startToFireTimeout?.seconds ?? 0);
    return { kind: 'timer.started', summary: `Tenggat dipasang: ${(secs / 86400).toFixed(2)} hari` };
  }
  if (e.timerFiredEventAttributes) return { kind: 'timer.fired', summary: 'Tenggat tercapai' };
  const u = e.workflowExecutionUpdateAcceptedEventAttributes;
  if (u) return { kind: 'update.accepted', summary: `Update ${u.acceptedRequest?.input?.name} diterima` };
  const s = e.workflowExecutionSignaledEventAttributes;
  if (s) return { kind: 'signal', summary: `Sinyal ${s.signalName}` };
  if (e.workflowExecutionStartedEventAttributes) return { kind: 'workflow.started', summary: 'Alur kerja dimulai' };
  if (e.workflowExecutionCompletedEventAttributes) return { kind: 'workflow.completed', summary: 'Alur kerja selesai' };
  if (e.workflowExecutionFailedEventAttributes) return { kind: 'workflow.failed', summary: 'Alur kerja gagal' };
  if (e.workflowExecutionCanceledEventAttributes)
    return { kind: 'workflow.cancelled', summary: 'Alur kerja dibatalkan' };
  if (e.activityTaskFailedEventAttributes)
    return {
      kind: 'activity.failed',
      summary: `Aktivitas gagal: ${e.activityTaskFailedEventAttributes.failure?.message ?? ''}`,
    };
  if (/UPDATE_COMPLETED/.test(type)) return { kind: 'update.completed', summary: 'Update selesai' };
  return null;
}

/**
 * One timeline merging the audit events of the appraisal (and its tasks, pay, sanctions) with its workflow events.
 * Before the result is shared the appraised employee sees only their own audit entries, without data.
 */
export async function appraisalHistory(deps: AppDeps, user: AuthUser, appraisal: Appraisal) {
  const withheld = resultWithheld(user, appraisal);
  // The colleagues asked for peer feedback stay out of the appraised employee's timeline (who asked whom, who answered).
  const peers = peerTasksVisible(user, appraisal);
  const [tasks, pay, sanctions] = await Promise.all([
    deps.prisma.task.findMany({
      where: { appraisalId: appraisal.id, ...(peers ? {} : { type: { not: 'peer.feedback' } }) },
      select: { id: true },
    }),
    deps.prisma.payAdjustment.findMany({ where: { appraisalId: appraisal.id }, select: { id: true } }),
    deps.prisma.sanction.findMany({ where: { appraisalId: appraisal.id }, select: { id: true } }),
  ]);
  const audit = await deps.prisma.auditEvent.findMany({
    where: {
      OR: [
        { entity: 'appraisal', entityId: String(appraisal.id) },
        { entity: 'task', entityId: { in: tasks.map((t) => String(t.id)) } },
        { entity: 'pay-adjustment', entityId: { in: pay.map((p) => String(p.id)) } },
        { entity: 'sanction', entityId: { in: sanctions.map((s) => String(s.id)) } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  const entries: TimelineEntry[] = audit
    .filter((a) => !withheld || a.actorUserId === user.id)
    .filter((a) => peers || !a.action.startsWith('peer-feedback.'))
    .map((a) => ({
      at: a.at.toISOString(),
      source: 'audit',
      kind: a.action,
      actor: a.actor,
      summary: `${a.action} (${a.entity} ${a.entityId})`,
      data: withheld ? undefined : { before: a.before, after: a.after, id: a.id.toString() },
    }));
  let workflowAvailable = true;
  try {
    const client = await deps.temporal();
    const history = await client.workflow.getHandle(appraisal.workflowId).fetchHistory();
    for (const e of history.events ?? []) {
      const d = describeEvent(e);
      if (!d) continue;
      const secs = Number((e.eventTime as any)?.seconds ?? 0);
      const nanos = Number((e.eventTime as any)?.nanos ?? 0);
      entries.push({
        at: new Date(secs * 1000 + Math.floor(nanos / 1e6)).toISOString(),
        source: 'workflow',
        kind: d.kind,
        summary: d.summary,
        eventId: String(e.eventId),
      });
    }
  } catch {
    workflowAvailable = false;
  }
  entries.sort((x, y) =>
    x.at < y.at ? -1 : x.at > y.at ? 1 : x.source === y.source ? 0 : x.source === 'audit' ? 1 : -1,
  );
  return {
    appraisalId: appraisal.id,
    workflowId: appraisal.workflowId,
    temporalUiUrl: temporalUiLink(deps, user, appraisal.workflowId),
    resultWithheld: withheld,
    workflowAvailable,
    entries,
  };
}
