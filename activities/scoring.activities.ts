/**
 * Activities that apply the pinned rule-set versions: SCORING (predicate), PAY (allowance) and SANCTION
 * (recommendations). Each loads the version's document by id — never "the latest" — and stores the result with
 * its explanation (rule set and version, facts, rules fired).
 */
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../prisma/audit';
import type { PrismaClient, RuleSetKind } from '../prisma/client';
import { unitFiguresOf, unitResultFacts } from '../prisma/unit-results';
import * as rules from '../rules';
import { NO_UNIT_RESULTS } from '../rules/ruleset.kinds';
import type { PredicateValue, RatingValue } from '../workflows/messages';
import { attendanceFacts, sanctionYear } from './attendance-facts';
import { bandsOfYear, decideBands, levelOf, supersedeLower } from './sanction-bands';
import { moveStage, type StageMove } from './task-common';

/** Published versions never change: documents are cached by id. */
const documents = new Map<number, { kind: RuleSetKind; version: number; name: string; document: any }>();

/** Loads a rule-set version by id (cached); refuses a version of another kind. */
export async function loadVersion(prisma: PrismaClient, id: number, kind: RuleSetKind) {
  let row = documents.get(id);
  if (!row) {
    const found = await prisma.ruleSetVersion.findUnique({
      where: { id },
      select: { kind: true, version: true, name: true, document: true, status: true },
    });
    if (!found)
      throw ApplicationFailure.nonRetryable(`Versi aturan ${id} tidak ditemukan / rule-set version not found`);
    row = { kind: found.kind, version: found.version, name: found.name, document: found.document };
    if (found.status === 'PUBLISHED' || found.status === 'RETIRED') documents.set(id, row);
  }
  if (row.kind !== kind)
    throw ApplicationFailure.nonRetryable(`Versi aturan ${id} berjenis ${row.kind}, bukan ${kind}`);
  return row;
}

/** Keeps only the facts the document declares (others are not part of its policy). */
export function declaredFacts(document: any, facts: Record<string, unknown>): Record<string, unknown> {
  const declared: { name: string }[] = Array.isArray(document?.facts) ? document.facts : [];
  if (!declared.length) return facts;
  const out: Record<string, unknown> = {};
  for (const f of declared) if (facts[f.name] !== undefined) out[f.name] = facts[f.name];
  return out;
}

/** Turns an error of the rules library (bad facts, invalid document, a rule that throws or is too slow) into a non-retryable failure: retrying the same pinned version cannot succeed. */
export function ruleFailure(err: unknown): never {
  const e = err as any;
  if (e?.name === 'FactError' || e?.name === 'InvalidRulesetError' || e?.name === 'RuleEvaluationError')
    throw ApplicationFailure.create({
      type: e.name,
      nonRetryable: true,
      message: e.message,
      details: [{ fact: e.fact }],
    });
  throw err;
}

export const stamp = (id: number, v: { kind: RuleSetKind; version: number; name: string }) => ({
  kind: v.kind,
  versionId: id,
  version: v.version,
  name: v.name,
});

/** Whether a SCORING version declares a fact besides the two ratings (a unit result): the default one does not. */
const readsUnitResults = (document: unknown) =>
  ((document as { facts?: { name: string }[] } | null)?.facts ?? []).some(
    (f) => f.name !== 'resultRating' && f.name !== 'behaviourRating',
  );

/** The facts of the appraisal unit's results for the appraisal's period. */
async function unitResultsOf(prisma: PrismaClient, appraisalId: number): Promise<Record<string, unknown>> {
  const { unitId, periodId } = await prisma.appraisal.findUniqueOrThrow({
    where: { id: appraisalId },
    select: { unitId: true, periodId: true },
  });
  return unitResultFacts((await unitFiguresOf(prisma, [unitId], periodId)).get(unitId));
}

/** Scoring and sanction activities bound to a Prisma client (pay: pay.activities.ts). */
export function scoringActivities(prisma: PrismaClient) {
  return {
    /** Evaluates the pinned SCORING version → predicate with its explanation, stored on the appraisal. */
    async scoreAppraisal(input: {
      appraisalId: number;
      scoringVersionId: number;
      resultRating: RatingValue;
      behaviourRating: RatingValue;
      source: 'RATER' | 'APPEAL';
      actor: string;
      /** The stage the appraisal enters once scored, in the same transaction. */
      stageAfter?: StageMove;
    }): Promise<{ predicate: PredicateValue }> {
      const v = await loadVersion(prisma, input.scoringVersionId, 'SCORING');
      const ratings = { resultRating: input.resultRating, behaviourRating: input.behaviourRating };
      // The unit's results of the period (satisfaction index …), loaded only for a version that reads them; stored as
      // facts only when the version declares them.
      const unitResults = readsUnitResults(v.document) ? await unitResultsOf(prisma, input.appraisalId) : {};
      const facts = declaredFacts(v.document, { ...NO_UNIT_RESULTS, ...unitResults, ...ratings });
      let scored: { predicate: PredicateValue; explanation: unknown };
      try {
        scored = await rules.scorePredicate(v.document, ratings, unitResults);
      } catch (err) {
        ruleFailure(err);
      }
      const explanation = {
        ruleSet: stamp(input.scoringVersionId, v),
        facts,
        source: input.source,
        explanation: scored.explanation,
      };
      await prisma.$transaction(async (tx) => {
        const before = await tx.appraisal.findUniqueOrThrow({
          where: { id: input.appraisalId },
          select: { predicate: true, scoringVersionId: true },
        });
        await tx.appraisal.update({
          where: { id: input.appraisalId },
          data: {
            predicate: scored.predicate,
            predicateExplanation: explanation as any,
            scoringVersionId: input.scoringVersionId,
          },
        });
        if (input.source === 'APPEAL') {
          await tx.review.update({
            where: { appraisalId: input.appraisalId },
            data: { resultRating: input.resultRating, behaviourRating: input.behaviourRating, source: 'APPEAL' },
          });
        }
        await recordAudit(tx, {
          actor: input.actor,
          action: input.source === 'APPEAL' ? 'appraisal.rescore-appeal' : 'appraisal.score',
          entity: 'appraisal',
          entityId: input.appraisalId,
          before,
          after: { predicate: scored.predicate, ruleSet: explanation.ruleSet, facts },
        });
        if (input.stageAfter) await moveStage(tx, input.appraisalId, input.stageAfter, input.actor);
      });
      return { predicate: scored.predicate };
    },

    /** Evaluates the pinned SANCTION version → recommendations stored as RECOMMENDED sanctions (once per code). */
    async recommendSanctions(input: { appraisalId: number; sanctionVersionId: number; actor: string }): Promise<{
      codes: string[];
      recommendations: { code: string; title: string; params: Record<string, unknown> }[];
    }> {
      const stored = await prisma.sanction.findMany({
        where: { appraisalId: input.appraisalId },
        select: { code: true, label: true, status: true, explanation: true },
      });
      const a = await prisma.appraisal.findUniqueOrThrow({
        where: { id: input.appraisalId },
        include: { employee: true, period: true },
      });
      if (stored.length) {
        const open = stored.filter((s) => s.status === 'RECOMMENDED');
        return {
          codes: open.map((s) => s.code),
          recommendations: open.map((s) => ({
            code: s.code,
            title: s.label,
            params: (s.explanation as any)?.params ?? {},
          })),
        };
      }
      const v = await loadVersion(prisma, input.sanctionVersionId, 'SANCTION');
      // The evaluation period of this row (a quarter of the year, or the whole span of a one-evaluation cycle).
      const period = a.period;
      // PP 94/2021: unexcused days counted cumulatively over the calendar year up to the period's end.
      const year = sanctionYear(period.endDate);
      const [inPeriod, inYear] = await Promise.all([
        attendanceFacts(prisma, a.employeeId, period.startDate, period.endDate),
        attendanceFacts(prisma, a.employeeId, year.from, year.to),
      ]);
      const previous = await prisma.appraisal.findMany({
        where: { employeeId: a.employeeId, id: { not: a.id }, predicate: { not: null }, finishedAt: { not: null } },
        orderBy: { finishedAt: 'desc' },
        take: 1,
        select: { predicate: true },
      });
      // PP 30/2019 art. 57–58: an improvement plan (confirmed earlier) whose six months are over.
      const improvement = await prisma.sanction.count({
        where: {
          employeeId: a.employeeId,
          code: 'PERBAIKAN_KINERJA_6_BULAN',
          status: 'CONFIRMED',
          endsOn: { lte: period.endDate },
        },
      });
      const all: Record<string, unknown> = {
        predicate: a.predicate,
        previousPredicate: previous[0]?.predicate ?? 'NONE',
        employmentType: a.employee.employmentType,
        positionType: a.employee.positionType,
        unexcusedAbsenceDaysYear: inYear.unexcused,
        unexcusedDaysYear: inYear.unexcused,
        cumulativeUnexcusedDays: inYear.unexcused,
        unexcusedAbsenceDays: inPeriod.unexcused,
        unexcusedDays: inPeriod.unexcused,
        consecutiveUnexcusedDays: inYear.longest,
        consecutiveAbsenceDays: inYear.longest,
        improvementPlanEnded: improvement > 0,
        // PP 30/2019 art. 56–58 follow the year's predicate: the final evaluation's.
        annualEvaluation: a.final,
        periodType: period.type,
      };
      const facts = declaredFacts(v.document, all);
      let result: {
        recommendations: { code: string; title: string; params: Record<string, unknown> }[];
        explanation: unknown;
      };
      try {
        result = await rules.recommendSanctions(v.document, facts);
      } catch (err) {
        ruleFailure(err);
      }
      const fired = result.recommendations ?? [];
      // Disciplinary bands once per employee and year; a higher band supersedes the lower ones (sanction-bands.ts).
      const storedCodes = await prisma.$transaction(async (tx) => {
        const earlier = await bandsOfYear(tx, a.employeeId, year.year);
        const { keep, skipped } = decideBands(fired, earlier);
        const yearly = { year: year.year, earlier: earlier.map((s) => s.code), skipped };
        if (keep.length) {
          await tx.sanction.createMany({
            skipDuplicates: true,
            data: keep.map((r) => ({
              employeeId: a.employeeId,
              appraisalId: a.id,
              code: r.code,
              label: r.title,
              severity: typeof r.params?.severity === 'string' ? r.params.severity : null,
              cutPercent: Number.isInteger(r.params?.cutPercent) ? (r.params.cutPercent as number) : null,
              months: Number.isInteger(r.params?.months) ? (r.params.months as number) : null,
              year: levelOf(r) === null ? null : year.year,
              level: levelOf(r),
              explanation: {
                ruleSet: stamp(input.sanctionVersionId, v),
                facts,
                params: r.params,
                yearly,
                explanation: result.explanation,
              } as any,
              sanctionVersionId: input.sanctionVersionId,
            })),
          });
        }
        const mine = await tx.sanction.findMany({
          where: { appraisalId: a.id },
          select: { id: true, code: true, level: true },
          orderBy: { id: 'asc' },
        });
        for (const s of mine)
          if (s.level !== null)
            await supersedeLower(tx, { id: s.id, code: s.code, level: s.level }, earlier, input.actor);
        if (mine.length || skipped.length)
          await recordAudit(tx, {
            actor: input.actor,
            action: 'sanction.recommend',
            entity: 'appraisal',
            entityId: a.id,
            after: { codes: mine.map((s) => s.code), skipped, facts },
          });
        return new Set(mine.map((s) => s.code));
      });
      const recs = fired.filter((r) => storedCodes.has(r.code));
      return { codes: recs.map((r) => r.code), recommendations: recs };
    },
  };
}
