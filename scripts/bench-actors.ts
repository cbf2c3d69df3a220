/**
 * The simulated actors of `bench:cycle`: what each task type is answered with. Ratings lean to MEETS; 3% of employees
 * appeal and the superior keeps the result; calibrations are justified; sanctions confirmed.
 */
import type { PrismaClient, Task } from '../prisma/client';

const hash = (n: number) => {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
};
const berakhlak = (r: string) => ({
  berorientasiPelayanan: r,
  akuntabel: r,
  kompeten: r,
  harmonis: r,
  loyal: r,
  adaptif: r,
  kolaboratif: r,
});

/** What each simulated actor answers. */
export async function answer(prisma: PrismaClient, task: Task): Promise<unknown> {
  const h = hash(task.appraisalId ?? task.id);
  switch (task.type) {
    case 'plan.submit':
      return {
        expectations: 'Layanan tepat waktu',
        items: [
          {
            kind: 'MAIN',
            title: 'Tersusunnya laporan kinerja',
            indicators: [{ aspect: 'QUANTITY', description: 'Jumlah laporan', target: '3 laporan', targetValue: 3 }],
          },
        ],
      };
    case 'plan.review':
      return { decision: 'APPROVE' };
    case 'evidence.submit': {
      const indicators = await prisma.indicator.findMany({
        where: { planItem: { plan: { appraisalId: task.appraisalId! } } },
        select: { id: true },
      });
      return { realizations: indicators.map((i) => ({ indicatorId: i.id, value: 'tercapai' })) };
    }
    case 'review.submit': {
      const result = h < 0.15 ? 'ABOVE' : h < 0.9 ? 'MEETS' : 'BELOW';
      const behaviour = hash(h * 1e9) < 0.8 ? 'MEETS' : 'ABOVE';
      return { resultRating: result, behaviourRating: behaviour, berakhlak: berakhlak(behaviour) };
    }
    case 'result.respond':
      return h > 0.97 ? { action: 'APPEAL', reason: 'Mohon ditinjau kembali bukti dukung' } : { action: 'ACCEPT' };
    case 'appeal.decide':
      return { decision: 'UNCHANGED', note: 'Penilaian sesuai bukti' };
    case 'sanction.decide':
      return {
        decisions: ((task.context as any)?.recommendations ?? []).map((r: any) => ({
          code: r.code,
          decision: 'CONFIRM',
        })),
      };
    case 'calibration.unit':
      return { action: 'JUSTIFY', justification: 'Sebaran wajar menurut pimpinan unit' };
    default:
      throw new Error(`no answer for ${task.type}`);
  }
}

/**
 * Which of two HR admins answers an HR task: the second when the task is about the first one's own appraisal, which
 * separation of duties refuses to them (a sanction decision on their own case).
 */
export async function hrAdminFor<U>(
  prisma: PrismaClient,
  task: Task,
  first: U & { employeeId: number | null },
  second: U,
) {
  if (task.appraisalId === null) return first;
  const a = await prisma.appraisal.findUniqueOrThrow({ where: { id: task.appraisalId }, select: { employeeId: true } });
  return a.employeeId === first.employeeId ? second : first;
}
