/**
 * Data for the records-in-words browser scenario, on the demo city: the first quarter of this year appraised once,
 * evaluated and shared, with the employee's and a colleague's allowance (TPP) computed month by month and their
 * sanction recommendations made by the real pay and sanction activities (the rows and audit entries they write, with
 * their workflow as the actor), both waiting for HR's decision; another running cycle with one open task of its own;
 * the unit's spread off the curve and justified for that quarter; audit entries by a NIP account and by a workflow.
 * The workflows that call these activities are proven in test/workflows and test/cycle.
 */
import { payActivities } from '../../activities/pay.activities';
import { scoringActivities } from '../../activities/scoring.activities';
import { recordAudit } from '../../prisma/audit';
import type { Predicate, PrismaClient } from '../../prisma/client';

/** Monthly TPP ceiling of the employee, and the unexcused days in February (a cut with its reason). */
export const BASE = 6_500_000;
export const ABSENT_DAYS = [3, 4];

export async function seedRecords(prisma: PrismaClient) {
  const year = new Date().getUTCFullYear();
  const users = await prisma.user.findMany({ where: { username: { in: ['pegawai', 'penilai', 'admin'] } } });
  const user = (name: string) => users.find((u) => u.username === name)!;
  const me = await prisma.employee.findUniqueOrThrow({ where: { id: user('pegawai').employeeId! } });
  const colleagues = await prisma.employee.findMany({
    where: { superiorId: me.superiorId, id: { not: me.id }, status: 'ACTIVE' },
    orderBy: { id: 'asc' },
    take: 2,
  });
  await prisma.employee.update({ where: { id: me.id }, data: { baseAllowance: BASE } });
  const [scoring, pay, sanction] = await Promise.all(
    (['SCORING', 'PAY', 'SANCTION'] as const).map((kind) =>
      prisma.ruleSetVersion.findFirstOrThrow({ where: { kind, status: 'PUBLISHED' } }),
    ),
  );
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
  const [q1, q2] = await prisma.period.findMany({
    where: { type: 'QUARTER', year },
    orderBy: { number: 'asc' },
    take: 2,
  });
  async function cycle(name: string, periodId: number) {
    const c = await prisma.cycle.create({
      data: {
        name,
        unitId: root.id,
        periodId,
        status: 'RUNNING',
        startedAt: new Date(),
        scoringVersionId: scoring.id,
        payVersionId: pay.id,
        sanctionVersionId: sanction.id,
      },
    });
    return prisma.cycle.update({ where: { id: c.id }, data: { workflowId: `cycle-${c.id}` } });
  }

  // The older running cycle: one plan still to submit.
  const other = await cycle(`Penilaian ${q2.label}`, q2.id);
  const planning = await prisma.appraisal.create({
    data: {
      cycleId: other.id,
      periodId: q2.id,
      employeeId: me.id,
      unitId: me.unitId,
      raterId: me.superiorId,
      workflowId: `cycle-${other.id}-appraisal-${me.id}`,
      stage: 'PLANNING',
    },
  });
  await prisma.task.create({
    data: {
      key: `appraisal-${planning.id}:plan.submit`,
      type: 'plan.submit',
      title: 'Susun dan ajukan SKP',
      appraisalId: planning.id,
      cycleId: other.id,
      assigneeId: me.id,
      workflowId: planning.workflowId,
      updateName: 'submitPlan',
      dueAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });

  // The first quarter: evaluated, shared; two appraisals paid and waiting for the sanction decision.
  const main = await cycle(`Penilaian ${q1.label}`, q1.id);
  for (const day of ABSENT_DAYS)
    await prisma.attendanceRecord.upsert({
      where: { employeeId_date: { employeeId: me.id, date: new Date(Date.UTC(year, 1, day)) } },
      create: { employeeId: me.id, date: new Date(Date.UTC(year, 1, day)), status: 'ALPA' },
      update: { status: 'ALPA' },
    });
  const plan: [(typeof colleagues)[number], Predicate, 'PAY' | 'REVIEW'][] = [
    [me, 'BUTUH_PERBAIKAN', 'PAY'],
    [colleagues[0], 'SANGAT_BAIK', 'PAY'],
    [colleagues[1], 'BAIK', 'REVIEW'],
  ];
  const pays = payActivities(prisma);
  const scorer = scoringActivities(prisma);
  const appraisals: Record<number, number> = {};
  for (const [e, predicate, stage] of plan) {
    const evaluated = stage === 'PAY';
    const a = await prisma.appraisal.create({
      data: {
        cycleId: main.id,
        periodId: q1.id,
        employeeId: e.id,
        unitId: e.unitId,
        raterId: e.superiorId,
        workflowId: `cycle-${main.id}-appraisal-${e.id}`,
        stage,
        predicate: evaluated ? predicate : null,
        scoringVersionId: evaluated ? scoring.id : null,
        resultSharedAt: evaluated ? q1.endDate : null,
      },
    });
    appraisals[e.id] = a.id;
    const actor = `system:${a.workflowId}`;
    if (!evaluated) {
      await prisma.task.create({
        data: {
          key: `appraisal-${a.id}:review.submit`,
          type: 'review.submit',
          title: 'Nilai kinerja pegawai',
          appraisalId: a.id,
          cycleId: main.id,
          assigneeId: e.superiorId,
          workflowId: a.workflowId,
          updateName: 'submitReview',
        },
      });
      continue;
    }
    await pays.computePay({ appraisalId: a.id, payVersionId: pay.id, actor });
    const recs = await scorer.recommendSanctions({ appraisalId: a.id, sanctionVersionId: sanction.id, actor });
    if (!recs.codes.length) throw new Error(`no recommendation for ${predicate}`);
    await prisma.task.create({
      data: {
        key: `appraisal-${a.id}:sanction.decide`,
        type: 'sanction.decide',
        title: 'Konfirmasi atau tolak rekomendasi sanksi/tindak lanjut',
        appraisalId: a.id,
        cycleId: main.id,
        assigneeRole: 'HR_ADMIN',
        workflowId: a.workflowId,
        updateName: 'decideSanctions',
        context: { recommendations: recs.recommendations } as any,
      },
    });
    await recordAudit(prisma, {
      actor,
      action: 'appraisal.stage',
      entity: 'appraisal',
      entityId: a.id,
      before: { stage: 'APPEAL' },
      after: { stage: 'PAY', predicate },
    });
  }

  // The unit's spread broke the curve in the first quarter and was justified.
  await prisma.unitCycleRating.create({
    data: {
      cycleId: main.id,
      unitId: me.unitId,
      rating: 'BAIK',
      status: 'JUSTIFIED',
      violations: [{ rule: 'baik-terbesar', message: { id: 'Baik harus terbanyak', en: 'Good must be largest' } }],
      justification: 'Tim berkinerja di atas rata-rata pada triwulan ini; dibahas dalam rapat kalibrasi.',
      calibratedById: user('admin').id,
      calibratedAt: new Date(),
      periodId: q1.id,
    },
  });

  // A colleague who signs in with their NIP completes a task: the log shows their name.
  const nipUser = await prisma.user.findFirstOrThrow({
    where: { employeeId: { notIn: [me.id, ...colleagues.map((c) => c.id)] }, username: { startsWith: '19' } },
    include: { employee: true },
    orderBy: { id: 'asc' },
  });
  await recordAudit(prisma, {
    actorUserId: nipUser.id,
    actor: nipUser.username,
    action: 'task.complete',
    entity: 'appraisal',
    entityId: appraisals[me.id],
    after: { type: 'result.respond', decision: 'ACCEPT' },
  });
  const sanctions = await prisma.sanction.findMany({ where: { appraisalId: { in: Object.values(appraisals) } } });
  return { year, q1, q2, me, colleagues, nipEmployee: nipUser.employee!, nipUser, main, other, appraisals, sanctions };
}
