/**
 * Data for browser scenarios that do not exercise the workflows themselves: a past (closed) cycle whose appraisals
 * carry ratings and the predicates that the published SCORING rule set gives them — the stored facts that a rule
 * simulation re-evaluates. The workflows that normally write such rows are proven in test/workflows and in
 * appraisal-journey.test.ts.
 */
import type { PrismaClient } from '../../prisma/client';
import { scorePredicate } from '../../rules';

const RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;

/** A closed cycle with one appraisal per employee of the largest unit (up to `count`), ratings over all 9 pairs. */
export async function seedPastCycle(prisma: PrismaClient, count = 18) {
  const scoring = await prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SCORING', status: 'PUBLISHED' } });
  const period = await prisma.period.findFirstOrThrow({ where: { type: 'QUARTER' }, orderBy: { id: 'asc' } });
  const root = await prisma.unit.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: 'asc' } });
  const employees = await prisma.employee.findMany({ orderBy: { id: 'asc' }, take: count });
  const cycle = await prisma.cycle.create({
    data: {
      name: `Penilaian ${period.label} (lampau)`,
      unitId: root.id,
      periodId: period.id,
      status: 'CLOSED',
      scoringVersionId: scoring.id,
      startedAt: period.startDate,
      closedAt: period.endDate,
    },
  });
  const pairs: { resultRating: string; behaviourRating: string }[] = [];
  for (const [i, e] of employees.entries()) {
    const facts = { resultRating: RATINGS[i % 3], behaviourRating: RATINGS[Math.floor(i / 3) % 3] };
    const scored = scorePredicate(scoring.document, facts);
    pairs.push(facts);
    await prisma.appraisal.create({
      data: {
        cycleId: cycle.id,
        periodId: cycle.periodId,
        employeeId: e.id,
        unitId: e.unitId,
        raterId: e.superiorId,
        workflowId: `appraisal-past-${cycle.id}-${e.id}`,
        stage: 'DONE',
        predicate: scored.predicate,
        predicateExplanation: {
          ruleSet: { kind: 'SCORING', versionId: scoring.id, version: scoring.version, name: scoring.name },
          facts,
          source: 'RATER',
          explanation: scored.explanation as any,
        },
        scoringVersionId: scoring.id,
        finishedAt: period.endDate,
        review: {
          create: {
            ...(facts as { resultRating: 'ABOVE'; behaviourRating: 'ABOVE' }),
            berorientasiPelayanan: facts.behaviourRating as 'ABOVE',
            akuntabel: facts.behaviourRating as 'ABOVE',
            kompeten: facts.behaviourRating as 'ABOVE',
            harmonis: facts.behaviourRating as 'ABOVE',
            loyal: facts.behaviourRating as 'ABOVE',
            adaptif: facts.behaviourRating as 'ABOVE',
            kolaboratif: facts.behaviourRating as 'ABOVE',
          },
        },
      },
    });
  }
  return { cycle, pairs };
}
