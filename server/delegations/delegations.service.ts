/**
 * Acting superiors (Plt. / Plh.): HR records who acts for whom and when; each delegation runs as a workflow that
 * moves the official's open tasks to the acting person on the first day and back after the last (or when HR ends it
 * early). Refusals name the field; a refused delegation stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { recordAudit } from '../../prisma/audit';
import type { Prisma } from '../../prisma/client';
import { ACTING_LABEL, endDelegationUpdate, type DelegationInput } from '../../workflows/delegation-messages';
import { DEFAULT_SETTINGS } from '../../workflows/messages';
import { TASK_QUEUE } from '../../workflows/task-queue';
import { ruleOf } from '../access/access.policy';
import { ownCaseRefusal } from '../access/own-case';
import { permits, relationsOf } from '../access/relations';
import type { AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { actorOf, executeUpdate } from '../tasks/task-updates';

const DAY = 24 * 60 * 60 * 1000;

export interface NewDelegation {
  kind: 'PLT' | 'PLH';
  principalId: number;
  actingId: number;
  startsOn: string;
  endsOn: string;
  letterNumber?: string;
  note?: string;
}

const person = { select: { id: true, name: true, nip: true, position: true } } as const;
export const delegationInclude = { principal: person, acting: person } satisfies Prisma.DelegationInclude;

/** A row as the API shows it: dates as YYYY-MM-DD, the acting title ("Plt." / "Plh."). */
export function present<T extends { kind: 'PLT' | 'PLH'; startsOn: Date; endsOn: Date }>(row: T) {
  return {
    ...row,
    label: ACTING_LABEL[row.kind],
    startsOn: row.startsOn.toISOString().slice(0, 10),
    endsOn: row.endsOn.toISOString().slice(0, 10),
  };
}

/** Delegations the user may read: HR and auditors all; others those they are the official or the acting person of. */
export function visibleWhere(user: AuthUser): Prisma.DelegationWhereInput {
  if (permits({ allow: ruleOf('delegation', 'read').allow.filter((r) => r !== 'self') }, relationsOf(user))) return {};
  const me = user.employeeId;
  return me === null ? { OR: [] } : { OR: [{ principalId: me }, { actingId: me }] };
}

/** First moment of a local date (WIB by default) and the first moment after it. */
export function localDayBounds(date: string, utcOffsetHours = DEFAULT_SETTINGS.utcOffsetHours) {
  const [y, m, d] = date.split('-').map(Number);
  const start = Date.UTC(y, m - 1, d) - utcOffsetHours * 60 * 60 * 1000;
  return { start, end: start + DAY };
}

const bad = (field: string, message: string) => ApiError.invalidFields([{ field, message }]);

/** Records a delegation and starts its workflow; 400 naming the field for self, reversed dates, overlap. */
export async function createDelegation(deps: AppDeps, user: AuthUser, body: NewDelegation) {
  if (body.actingId === body.principalId)
    throw bad('actingId', 'pegawai tidak dapat menjadi Plt/Plh bagi dirinya sendiri / cannot act for themselves');
  if (body.endsOn < body.startsOn) throw bad('endsOn', 'tanggal selesai sebelum tanggal mulai / ends before it starts');
  const startsAt = localDayBounds(body.startsOn).start;
  const endsAt = localDayBounds(body.endsOn).end;
  if (endsAt <= Date.now()) throw bad('endsOn', 'tanggal selesai sudah lewat / already over');
  if (user.employeeId !== null && [body.principalId, body.actingId].includes(user.employeeId))
    throw ownCaseRefusal('penugasan Plt/Plh yang menyangkut dirinya sendiri / a delegation involving oneself');

  const row = await deps.prisma.$transaction(async (tx) => {
    // One delegation per official at a time: the official's row is locked while the overlap is checked.
    await tx.$queryRaw`SELECT id FROM employees WHERE id = ${body.principalId} FOR UPDATE`;
    const [principal, acting] = await Promise.all([
      tx.employee.findUnique({ where: { id: body.principalId } }),
      tx.employee.findUnique({ where: { id: body.actingId } }),
    ]);
    if (!principal || principal.status !== 'ACTIVE')
      throw bad('principalId', 'pegawai tidak ditemukan atau tidak aktif / unknown or inactive employee');
    if (!acting || acting.status !== 'ACTIVE')
      throw bad('actingId', 'pegawai tidak ditemukan atau tidak aktif / unknown or inactive employee');
    const startsOn = new Date(`${body.startsOn}T00:00:00Z`);
    const endsOn = new Date(`${body.endsOn}T00:00:00Z`);
    const other = await tx.delegation.findFirst({
      where: {
        principalId: principal.id,
        status: { in: ['SCHEDULED', 'ACTIVE'] },
        startsOn: { lte: endsOn },
        endsOn: { gte: startsOn },
      },
      include: { acting: { select: { name: true } } },
    });
    if (other) {
      const span = `${other.startsOn.toISOString().slice(0, 10)} s.d. ${other.endsOn.toISOString().slice(0, 10)}`;
      throw bad(
        other.startsOn <= startsOn ? 'startsOn' : 'endsOn',
        `bertumpang tindih dengan ${ACTING_LABEL[other.kind]} ${other.acting.name} (${span}, #${other.id}) / overlaps delegation #${other.id}`,
      );
    }
    const created = await tx.delegation.create({
      data: {
        kind: body.kind,
        principalId: principal.id,
        actingId: acting.id,
        startsOn,
        endsOn,
        letterNumber: body.letterNumber ?? null,
        note: body.note ?? null,
        workflowId: `delegation-${principal.nip}-${body.startsOn}-${randomUUID().slice(0, 8)}`,
        createdById: user.id,
      },
    });
    await recordAudit(tx, {
      actorUserId: user.id,
      actor: user.username,
      action: 'delegation.create',
      entity: 'delegation',
      entityId: created.id,
      after: {
        kind: created.kind,
        principalId: created.principalId,
        actingId: created.actingId,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        letterNumber: created.letterNumber,
      },
    });
    return created;
  });

  const input: DelegationInput = {
    delegationId: row.id,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
  };
  try {
    const client = await deps.temporal();
    await client.workflow.start('delegationWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: row.workflowId,
      args: [input],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
      // Without its workflow the delegation would never start: it is recorded as cancelled, and the caller told why.
      await deps.prisma.$transaction(async (tx) => {
        await tx.delegation.update({
          where: { id: row.id },
          data: { status: 'CANCELLED', endedAt: new Date(), endReason: 'layanan alur kerja tidak tersedia' },
        });
        await recordAudit(tx, {
          actor: user.username,
          actorUserId: user.id,
          action: 'delegation.cancel',
          entity: 'delegation',
          entityId: row.id,
          before: { status: 'SCHEDULED' },
          after: { status: 'CANCELLED', reason: 'layanan alur kerja tidak tersedia / workflow service unavailable' },
        });
      });
      throw err;
    }
  }
  return present(await deps.prisma.delegation.findUniqueOrThrow({ where: { id: row.id }, include: delegationInclude }));
}

/** Ends an active delegation early (its tasks go back) or cancels a scheduled one, through its workflow. */
export async function endDelegation(deps: AppDeps, user: AuthUser, id: number, reason: string | null) {
  const row = await deps.prisma.delegation.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound('Penugasan Plt/Plh');
  if (row.status === 'ENDED' || row.status === 'CANCELLED')
    throw ApiError.conflict(
      `Penugasan sudah ${row.status === 'ENDED' ? 'berakhir' : 'dibatalkan'} / the delegation has already ${row.status === 'ENDED' ? 'ended' : 'been cancelled'}`,
      { status: row.status },
    );
  if (user.employeeId !== null && [row.principalId, row.actingId].includes(user.employeeId))
    throw ownCaseRefusal('penugasan Plt/Plh yang menyangkut dirinya sendiri / a delegation involving oneself');
  await executeUpdate(deps, row.workflowId, endDelegationUpdate.name, { actor: actorOf(user), reason });
  return present(await deps.prisma.delegation.findUniqueOrThrow({ where: { id }, include: delegationInclude }));
}
