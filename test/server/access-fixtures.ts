/**
 * Records for the access tests: a closed cycle with one appraisal per employee (rater and rater's superior set from
 * the reporting line), and for each employee a pay adjustment, a sanction, a file of evidence and an open task.
 * `peopleOf` finds, for a persona, an own / subordinate / indirect (subordinate's subordinate) / unrelated employee.
 */
import type { PrismaClient } from '../../prisma/client';
import { seedPastCycle } from '../browser/fixtures';

/** How the record relates to the persona. */
export type Case = 'own' | 'subordinate' | 'indirect' | 'unrelated';

export interface Persona {
  username: string;
  userId: number;
  employeeId: number | null;
  roles: string[];
}

/** Seeds the records of every employee; returns the closed cycle. */
export async function seedAccessRecords(prisma: PrismaClient) {
  const employees = await prisma.employee.count();
  const { cycle } = await seedPastCycle(prisma, employees);
  // A closed cycle: every result has been shared (tests that need an unshared one unset it).
  await prisma.$executeRaw`UPDATE appraisals a SET rater_superior_id = r.superior_id
    FROM employees r WHERE r.id = a.rater_id AND a.cycle_id = ${cycle.id}`;
  await prisma.appraisal.updateMany({ where: { cycleId: cycle.id }, data: { resultSharedAt: new Date() } });
  const pay = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'PAY', status: 'PUBLISHED' } });
  const appraisals = await prisma.appraisal.findMany({ where: { cycleId: cycle.id }, orderBy: { id: 'asc' } });
  const period = await prisma.period.findUniqueOrThrow({ where: { id: cycle.periodId } });
  await prisma.payAdjustment.createMany({
    data: appraisals.map((a) => ({
      appraisalId: a.id,
      employeeId: a.employeeId,
      cycleId: cycle.id,
      periodId: cycle.periodId,
      month: period.startDate,
      predicate: a.predicate ?? 'BAIK',
      baseAmount: 5_000_000,
      amount: 5_000_000,
      cutAmount: 0,
      explanation: {},
      payVersionId: pay.id,
    })),
  });
  await prisma.sanction.createMany({
    data: appraisals.map((a) => ({
      employeeId: a.employeeId,
      appraisalId: a.id,
      code: 'TRAINING',
      label: 'Pelatihan',
    })),
  });
  await prisma.evidence.createMany({
    data: appraisals.map((a) => ({
      appraisalId: a.id,
      kind: 'FILE' as const,
      title: 'Laporan',
      fileName: 'laporan.txt',
      mimeType: 'text/plain',
      sizeBytes: 5,
      content: new Uint8Array(Buffer.from('bukti')),
    })),
  });
  await prisma.task.createMany({
    data: appraisals.map((a) => ({
      key: `appraisal-${a.id}:plan.submit`,
      type: 'plan.submit',
      title: 'Susun SKP',
      appraisalId: a.id,
      assigneeId: a.employeeId,
      workflowId: a.workflowId,
      updateName: 'submitPlan',
    })),
  });
  return cycle;
}

/** The demo accounts with their employee and roles. */
export async function personas(prisma: PrismaClient, usernames: string[]): Promise<Persona[]> {
  const users = await prisma.user.findMany({ where: { username: { in: usernames } } });
  return usernames.map((u) => {
    const user = users.find((x) => x.username === u)!;
    return { username: u, userId: user.id, employeeId: user.employeeId, roles: user.roles };
  });
}

/** Employee ids per case for one persona (a case is missing when no such employee exists). */
export async function peopleOf(prisma: PrismaClient, persona: Persona): Promise<Partial<Record<Case, number>>> {
  const all = await prisma.employee.findMany({ select: { id: true, superiorId: true }, orderBy: { id: 'asc' } });
  const superiorOf = new Map(all.map((e) => [e.id, e.superiorId]));
  const me = persona.employeeId;
  const up = (id: number | null | undefined) => (id == null ? null : (superiorOf.get(id) ?? null));
  const subordinate = all.find((e) => me !== null && e.superiorId === me)?.id;
  const indirect = all.find((e) => me !== null && up(e.superiorId) === me)?.id;
  const near = new Set<number | null>([me, up(me), up(up(me))]);
  const unrelated = all.find(
    (e) => !near.has(e.id) && (me === null || (e.superiorId !== me && up(e.superiorId) !== me)),
  )?.id;
  return { ...(me !== null ? { own: me } : {}), subordinate, indirect, unrelated };
}

/** The id of the record of `kind` about employee `employeeId` in the access cycle. */
export async function recordAbout(
  prisma: PrismaClient,
  kind: string,
  employeeId: number,
  cycleId: number,
): Promise<number> {
  const appraisal = await prisma.appraisal.findFirstOrThrow({ where: { cycleId, employeeId } });
  switch (kind) {
    case 'appraisal':
      return appraisal.id;
    case 'employee':
      return employeeId;
    case 'payAdjustment':
      return (await prisma.payAdjustment.findFirstOrThrow({ where: { appraisalId: appraisal.id } })).id;
    case 'sanction':
      return (await prisma.sanction.findFirstOrThrow({ where: { appraisalId: appraisal.id } })).id;
    case 'evidence':
      return (await prisma.evidence.findFirstOrThrow({ where: { appraisalId: appraisal.id } })).id;
    case 'task':
      return (await prisma.task.findFirstOrThrow({ where: { appraisalId: appraisal.id, type: 'plan.submit' } })).id;
    case 'user':
      return (await prisma.user.findUniqueOrThrow({ where: { employeeId } })).id;
    default:
      throw new Error(`no fixture for record kind ${kind}`);
  }
}

/** A fresh DRAFT copy of the published SCORING version (for routes that change or delete a version). */
export async function draftRuleSetVersion(prisma: PrismaClient): Promise<number> {
  const v = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
  const last = await prisma.ruleSetVersion.aggregate({ where: { ruleSetId: v.ruleSetId }, _max: { version: true } });
  const draft = await prisma.ruleSetVersion.create({
    data: {
      ruleSetId: v.ruleSetId,
      kind: v.kind,
      version: (last._max.version ?? 0) + 1,
      name: v.name,
      effectiveFrom: v.effectiveFrom,
      document: v.document as object,
      contentHash: v.contentHash,
    },
  });
  return draft.id;
}

/** A fresh DRAFT cycle (for routes that start or cancel one). */
export async function draftCycle(prisma: PrismaClient, from: { unitId: number; periodId: number }): Promise<number> {
  const c = await prisma.cycle.create({
    data: { name: 'Siklus uji akses', unitId: from.unitId, periodId: from.periodId },
  });
  return c.id;
}
