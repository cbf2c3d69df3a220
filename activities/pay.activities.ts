/**
 * The performance allowance (TPP): the pinned PAY version evaluated once for each month of the evaluation period —
 * a month's cycle pays one month, a quarter's three — each with that month's attendance and the sanctions running in
 * it, and the period's predicate. Exactly one pay adjustment per employee and month (unique keys), however often
 * the activity runs.
 */
import { ApplicationFailure } from '@temporalio/common';
import { recordAudit } from '../prisma/audit';
import type { PrismaClient } from '../prisma/client';
import * as rules from '../rules';
import type { PredicateValue } from '../workflows/messages';
import { attendanceFacts, monthsOf, payAttendanceFacts } from './attendance-facts';
import { declaredFacts, loadVersion, ruleFailure, stamp } from './scoring.activities';
import { moveStage, type StageMove } from './task-common';

export interface PayOutcome {
  /** The allowance of the whole period: the sum of its months. */
  amount: number;
  predicate: PredicateValue;
  months: number;
  payAdjustmentIds: number[];
}

/** Pay activities bound to a Prisma client. */
export function payActivities(prisma: PrismaClient) {
  /** The TPP of one month: facts from the employee, the month's attendance and sanctions, then the PAY rules. */
  async function monthPay(
    a: {
      predicate: PredicateValue;
      employeeId: number;
      employee: { baseAllowance: number; employmentType: string; positionType: string };
    },
    version: Awaited<ReturnType<typeof loadVersion>>,
    month: { from: Date; to: Date },
  ) {
    const att = await attendanceFacts(prisma, a.employeeId, month.from, month.to);
    const sanctions = await prisma.sanction.findMany({
      where: {
        employeeId: a.employeeId,
        status: 'CONFIRMED',
        cutPercent: { gt: 0 },
        startsOn: { lte: month.to },
        OR: [{ endsOn: null }, { endsOn: { gte: month.from } }],
      },
      select: { id: true, code: true, cutPercent: true },
    });
    const sanctionCut = sanctions.reduce((m, s) => Math.max(m, s.cutPercent ?? 0), 0);
    const facts = declaredFacts(version.document, {
      predicate: a.predicate,
      baseAllowance: a.employee.baseAllowance,
      baseAmount: a.employee.baseAllowance,
      base: a.employee.baseAllowance,
      employmentType: a.employee.employmentType,
      positionType: a.employee.positionType,
      ...payAttendanceFacts(att),
      sanctionCutPercent: sanctionCut,
      activeSanctionCutPercent: sanctionCut,
      hasActiveSanction: sanctions.length > 0,
      activeSanctions: sanctions.map((s) => s.code),
    });
    let pay: { amount: number; base: number; cuts: unknown; events: unknown; explanation: unknown };
    try {
      pay = await rules.computeAllowance(version.document, facts);
    } catch (err) {
      ruleFailure(err);
    }
    if (!Number.isInteger(pay.amount) || pay.amount < 0)
      throw ApplicationFailure.nonRetryable(`Aturan TPP menghasilkan jumlah tidak sah: ${pay.amount}`);
    const base = Number.isInteger(pay.base) ? pay.base : a.employee.baseAllowance;
    return { pay, base, facts, sanctions, attendance: { ...att, from: month.from, to: month.to } };
  }

  const outcome = (rows: { id: number; amount: number; predicate: PredicateValue }[]): PayOutcome => ({
    amount: rows.reduce((n, r) => n + r.amount, 0),
    predicate: rows[0].predicate,
    months: rows.length,
    payAdjustmentIds: rows.map((r) => r.id),
  });

  return {
    /** Evaluates the pinned PAY version for every month of the period → one PayAdjustment per employee and month. */
    async computePay(input: {
      appraisalId: number;
      payVersionId: number;
      actor: string;
      /** The stage the appraisal enters with its pay (PAY), in the same transaction. */
      stage?: StageMove;
    }): Promise<PayOutcome> {
      const existing = await prisma.payAdjustment.findMany({
        where: { appraisalId: input.appraisalId },
        orderBy: { month: 'asc' },
      });
      if (existing.length) return outcome(existing);
      const a = await prisma.appraisal.findUniqueOrThrow({
        where: { id: input.appraisalId },
        include: { employee: true, period: true },
      });
      if (!a.predicate) throw ApplicationFailure.nonRetryable(`Penilaian ${a.id} belum berpredikat / not scored`);
      // The months of the row's evaluation period (a quarter's evaluation pays its three months).
      const period = a.period;
      const v = await loadVersion(prisma, input.payVersionId, 'PAY');
      const months = monthsOf(period.startDate, period.endDate);
      const computed: ({ month: Date } & Awaited<ReturnType<typeof monthPay>>)[] = [];
      for (const m of months)
        computed.push({ month: m.month, ...(await monthPay({ ...a, predicate: a.predicate }, v, m)) });
      try {
        return await prisma.$transaction(async (tx) => {
          if (input.stage) await moveStage(tx, a.id, input.stage, input.actor);
          const rows = [];
          for (const c of computed) {
            const row = await tx.payAdjustment.create({
              data: {
                appraisalId: a.id,
                employeeId: a.employeeId,
                cycleId: a.cycleId,
                periodId: period.id,
                month: c.month,
                predicate: a.predicate!,
                baseAmount: c.base,
                amount: c.pay.amount,
                cutAmount: Math.max(0, c.base - c.pay.amount),
                explanation: {
                  ruleSet: stamp(input.payVersionId, v),
                  facts: c.facts,
                  cuts: c.pay.cuts,
                  events: c.pay.events,
                  sanctions: c.sanctions,
                  attendance: c.attendance,
                  explanation: c.pay.explanation,
                } as any,
                payVersionId: input.payVersionId,
              },
            });
            await recordAudit(tx, {
              actor: input.actor,
              action: 'pay.compute',
              entity: 'pay-adjustment',
              entityId: row.id,
              after: {
                appraisalId: a.id,
                employeeId: a.employeeId,
                periodId: period.id,
                month: c.month.toISOString().slice(0, 7),
                amount: row.amount,
                base: c.base,
              },
            });
            rows.push(row);
          }
          return outcome(rows);
        });
      } catch (err: any) {
        if (err?.code !== 'P2002') throw err;
        // A concurrent attempt (or another cycle covering the same months) already paid them: exactly one stays.
        const rows = await prisma.payAdjustment.findMany({
          where: { employeeId: a.employeeId, month: { in: months.map((m) => m.month) } },
          orderBy: { month: 'asc' },
        });
        return outcome(rows);
      }
    },
  };
}
