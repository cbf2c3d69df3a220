/**
 * Data and a Temporal stand-in for the tasks-in-words and appraisal-actions browser scenarios. The rows are the
 * appraisal year of year-fixtures.ts (a closed quarterly year and a running one) plus what these screens read: a
 * plan with work results, realizations and evidence on the employee's running quarter, the rater's review with notes
 * and the seven value ratings, open tasks of every kind (three ratings for the rater, one per subordinate; the
 * employee's result response, evidence and plan; a unit calibration). Temporal answers what the API asks and records
 * every update, workflow start and schedule change: the API's request and the console's words are what is shown.
 */
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../prisma/client';
import { seedYears } from './year-fixtures';

const DAY = 24 * 60 * 60 * 1000;

export interface Recorded {
  updates: { workflowId: string; name: string; args: any[] }[];
  starts: { workflowId: string; type: string }[];
  schedules: Map<string, { memo: Record<string, unknown>; paused: boolean; note: string | null }>;
  scheduleCalls: { id: string; call: string }[];
}

/** A Temporal client that records what the API asks of it. */
export function standInTemporal(rec: Recorded): () => Promise<Client> {
  const describe = (id: string) => {
    const s = rec.schedules.get(id);
    if (!s) throw Object.assign(new Error('not found'), { name: 'ScheduleNotFoundError' });
    return {
      memo: s.memo,
      state: { paused: s.paused, note: s.note },
      info: { nextActionTimes: [new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1, 17, 5))], recentActions: [] },
    };
  };
  const client = {
    // The API bounds its calls with a deadline: the recording client runs them as they are.
    withDeadline: <R>(_deadline: number, call: () => Promise<R>) => call(),
    workflow: {
      start: async (type: string, o: { workflowId: string }) => {
        rec.starts.push({ workflowId: o.workflowId, type });
        return { workflowId: o.workflowId };
      },
      getHandle: (workflowId: string) => ({
        query: async () => {
          throw new Error('not found');
        },
        fetchHistory: async () => ({ events: [] }),
        executeUpdate: async (name: string, { args }: { args: any[] }) => {
          rec.updates.push({ workflowId, name, args });
          return { ok: true };
        },
      }),
    },
    schedule: {
      create: async (o: { scheduleId: string; memo: Record<string, unknown> }) => {
        rec.schedules.set(o.scheduleId, { memo: o.memo, paused: false, note: null });
        rec.scheduleCalls.push({ id: o.scheduleId, call: 'create' });
      },
      list: async function* () {
        for (const scheduleId of rec.schedules.keys()) yield { scheduleId };
      },
      getHandle: (id: string) => ({
        describe: async () => describe(id),
        pause: async (note: string) => {
          rec.schedules.get(id)!.paused = true;
          rec.schedules.get(id)!.note = note;
          rec.scheduleCalls.push({ id, call: 'pause' });
        },
        unpause: async (note: string) => {
          rec.schedules.get(id)!.paused = false;
          rec.schedules.get(id)!.note = note;
          rec.scheduleCalls.push({ id, call: 'unpause' });
        },
        trigger: async () => void rec.scheduleCalls.push({ id, call: 'trigger' }),
        delete: async () => {
          rec.schedules.delete(id);
          rec.scheduleCalls.push({ id, call: 'delete' });
        },
      }),
    },
  };
  return async () => client as unknown as Client;
}

export const recorder = (): Recorded => ({ updates: [], starts: [], schedules: new Map(), scheduleCalls: [] });

/** The rows of both scenarios; `pegawai` is the employee, `penilai` their rater. */
export async function seedTasks(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { username: { in: ['pegawai', 'penilai', 'atasan', 'admin'] } } });
  const who = Object.fromEntries(users.map((u) => [u.username, u.employeeId!]));
  const years = await seedYears(prisma, who.pegawai);
  const { running, closed, people, current } = years;
  const [distribution] = await Promise.all([
    prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'DISTRIBUTION', status: 'PUBLISHED' } }),
  ]);
  await prisma.cycle.update({ where: { id: running.cycle.id }, data: { distributionVersionId: distribution.id } });
  const mine = current.get(who.pegawai)!;
  const q2 = running.quarters[1];

  // The employee's running quarter: one work result, its indicator, a realization, an evidence file and a link.
  const plan = await prisma.plan.findUniqueOrThrow({ where: { appraisalId: mine } });
  const item = await prisma.planItem.create({
    data: { planId: plan.id, kind: 'MAIN', title: 'Laporan realisasi anggaran bidang tersusun tepat waktu' },
  });
  const indicator = await prisma.indicator.create({
    data: {
      planItemId: item.id,
      aspect: 'QUANTITY',
      description: 'Jumlah laporan realisasi anggaran',
      target: '6 laporan',
    },
  });
  await prisma.realization.create({
    data: { indicatorId: indicator.id, value: '5 laporan selesai', note: 'satu menunggu data' },
  });
  await prisma.evidence.createMany({
    data: [
      {
        appraisalId: mine,
        indicatorId: indicator.id,
        kind: 'FILE',
        title: 'laporan-triwulan-2.pdf',
        fileName: 'laporan-triwulan-2.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 5,
        content: new Uint8Array(Buffer.from('%PDF-')),
        uploadedById: who.pegawai,
      },
      {
        appraisalId: mine,
        indicatorId: indicator.id,
        kind: 'LINK',
        title: 'Dasbor realisasi anggaran',
        url: 'https://contoh.go.id/dasbor',
        uploadedById: who.pegawai,
      },
    ],
  });

  // Three identical ratings for the rater, one per subordinate of the running quarter (no longer told apart by title).
  const subordinates = people.filter((p) => p.superiorId === who.penilai).slice(0, 3);
  const due = new Date(Date.now() + 5 * DAY);
  const task = (t: {
    key: string;
    type: string;
    title: string;
    updateName: string;
    appraisalId?: number;
    assigneeId?: number;
    assigneeRole?: 'HR_ADMIN';
    dueAt?: Date;
    workflowId?: string;
    context?: object;
  }) =>
    prisma.task.create({
      data: {
        key: t.key,
        type: t.type,
        title: t.title,
        updateName: t.updateName,
        appraisalId: t.appraisalId ?? null,
        assigneeId: t.assigneeId ?? null,
        assigneeRole: t.assigneeRole ?? null,
        dueAt: t.dueAt ?? due,
        workflowId: t.workflowId ?? 'stand-in',
        cycleId: running.cycle.id,
        context: t.context,
      },
    });
  const ratings = [];
  for (const p of subordinates)
    ratings.push(
      await task({
        key: `ui-tasks:review:${p.id}`,
        type: 'review.submit',
        title: 'Nilai hasil kerja dan perilaku kerja (BerAKHLAK)',
        appraisalId: current.get(p.id)!,
        assigneeId: who.penilai,
        updateName: 'submitReview',
      }),
    );
  const evidenceTask = await task({
    key: 'ui-tasks:evidence',
    type: 'evidence.submit',
    title: 'Isi realisasi dan unggah bukti dukung',
    appraisalId: mine,
    assigneeId: who.pegawai,
    updateName: 'submitEvidence',
  });
  const planTask = await task({
    key: 'ui-tasks:plan',
    type: 'plan.submit',
    title: 'Susun dan ajukan SKP',
    appraisalId: mine,
    assigneeId: who.pegawai,
    updateName: 'submitPlan',
  });

  // The first quarter of the running year: shared, the response open for ten days; the rater's review stored.
  const q1 = await prisma.appraisal.findFirstOrThrow({
    where: { cycleId: running.cycle.id, employeeId: who.pegawai, periodId: running.quarters[0].id },
  });
  await prisma.appraisal.update({ where: { id: q1.id }, data: { stage: 'APPEAL', resultSharedAt: new Date() } });
  const windowEnds = new Date(Date.now() + 10 * DAY);
  await task({
    key: 'ui-tasks:respond',
    type: 'result.respond',
    title: 'Terima hasil penilaian atau ajukan keberatan',
    appraisalId: q1.id,
    assigneeId: who.pegawai,
    updateName: 'respondToResult',
    dueAt: windowEnds,
    workflowId: q1.workflowId,
  });
  await prisma.review.create({
    data: {
      appraisalId: q1.id,
      resultRating: 'MEETS',
      behaviourRating: 'MEETS',
      berorientasiPelayanan: 'ABOVE',
      akuntabel: 'MEETS',
      kompeten: 'MEETS',
      harmonis: 'ABOVE',
      loyal: 'MEETS',
      adaptif: 'BELOW',
      kolaboratif: 'MEETS',
      resultComment: 'Laporan triwulan lengkap dan tepat waktu.',
      behaviourComment: 'Perlu lebih cepat menyesuaikan diri dengan aplikasi baru.',
      reviewerId: who.penilai,
    },
  });

  // HR's decision on a follow-up recommended for the first quarter (the SANCTION rules' words and basis).
  const sanctionTask = await task({
    key: 'ui-tasks:sanction',
    type: 'sanction.decide',
    title: 'Konfirmasi atau tolak rekomendasi sanksi/tindak lanjut',
    appraisalId: q1.id,
    assigneeRole: 'HR_ADMIN',
    updateName: 'decideSanctions',
    context: {
      recommendations: [
        {
          code: 'TEGURAN_LISAN',
          title: 'Teguran lisan',
          params: { titleEn: 'Verbal reprimand', basis: 'PP 94/2021 tentang Disiplin PNS' },
        },
      ],
    },
  });

  // The unit's calibration of the first quarter: every employee Baik in a unit rated Baik breaks the curve.
  const unitId = people[0].unitId;
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
  const calibration = await task({
    key: 'ui-tasks:calibration',
    type: 'calibration.unit',
    title: `Kalibrasi unit ${unit.name} (Triwulan I): sebaran predikat melanggar kurva`,
    assigneeRole: 'HR_ADMIN',
    updateName: 'calibrateUnit',
    context: {
      unitId,
      unitName: unit.name,
      periodId: running.quarters[0].id,
      periodLabel: running.quarters[0].label,
      rating: 'BAIK',
      violations: [
        {
          code: 'BAIK_BAIK_OVER_70',
          message: { id: 'Unit Baik: Baik paling banyak 70%', en: 'Good unit: at most 70% Baik' },
        },
      ],
    },
  });
  return {
    ...years,
    who,
    mine,
    q1,
    q2,
    indicator,
    item,
    ratings,
    subordinates,
    evidenceTask,
    planTask,
    sanctionTask,
    calibration,
    windowEnds,
    unit,
    closed,
  };
}
