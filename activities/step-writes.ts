/**
 * The domain write of each human step — the plan, its review, the evidence, the rating, the answer to the result, the
 * appeal decision, the sanction decision — made in the transaction that completes its task (tasks.activities.ts).
 */
import { recordAudit } from '../prisma/audit';
import { confirmationOf, relinkEntries } from '../prisma/realization-progress';
import type { TaskType } from '../workflows/messages';
import { refuseForeignParents } from './plan-cascade';
import { periodEndOf, sanctionTerm } from './sanction-bands';
import { invalid, parsePayload, who, type CompleteTaskStepInput, type Tx } from './task-common';
import { keepPlanVersion } from './year.activities';
import { writePeerAnswer } from './peer-feedback.activities';

/** The write of each step type, given the transaction, the appraisal and the validated payload. */
export const STEP_WRITES: Record<TaskType, (tx: Tx, input: CompleteTaskStepInput) => Promise<Record<string, unknown>>> =
  {
    async 'plan.submit'(tx, { appraisalId, payload, actor, context }) {
      const p = parsePayload('plan.submit', payload);
      await refuseForeignParents(tx, appraisalId, p.items);
      const before = await tx.plan.findUnique({ where: { appraisalId }, select: { status: true, revision: true } });
      const plan = await tx.plan.upsert({
        where: { appraisalId },
        create: { appraisalId, status: 'SUBMITTED', revision: Number(context.revision ?? 0) },
        update: { status: 'SUBMITTED', revision: Number(context.revision ?? 0) },
      });
      await tx.planItem.deleteMany({ where: { planId: plan.id } });
      for (const [position, item] of p.items.entries()) {
        await tx.planItem.create({
          data: {
            planId: plan.id,
            kind: item.kind,
            title: item.title.trim(),
            position,
            parentItemId: item.parentItemId ?? null,
            indicators: {
              create: item.indicators.map((ind) => ({
                aspect: ind.aspect,
                description: ind.description.trim(),
                target: ind.target.trim(),
                targetValue: ind.targetValue ?? null,
                targetUnit: ind.targetUnit ?? null,
              })),
            },
          },
        });
      }
      await tx.plan.update({
        where: { id: plan.id },
        data: { expectations: p.expectations ?? null, submittedAt: new Date(), returnComment: null },
      });
      // Realisations recorded during the period follow their indicator into the revised plan.
      await relinkEntries(tx, appraisalId);
      await recordAudit(tx, {
        ...who(actor),
        action: 'plan.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        before,
        after: { status: 'SUBMITTED', revision: plan.revision, items: p.items.length },
      });
      return { planId: plan.id, items: p.items.length };
    },

    async 'plan.review'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('plan.review', payload);
      const before = await tx.plan.findUniqueOrThrow({ where: { appraisalId } });
      const approved = p.decision === 'APPROVE';
      await tx.plan.update({
        where: { appraisalId },
        data: approved
          ? { status: 'APPROVED', approvedAt: new Date(), returnComment: p.comment ?? null }
          : { status: 'RETURNED', returnComment: p.comment ?? null },
      });
      if (approved) await keepPlanVersion(tx, before.id, actor.userId ?? null);
      await recordAudit(tx, {
        ...who(actor),
        action: approved ? 'plan.approve' : 'plan.return',
        entity: 'appraisal',
        entityId: appraisalId,
        before: { status: before.status },
        after: { status: approved ? 'APPROVED' : 'RETURNED', comment: p.comment ?? null, revision: before.revision },
      });
      return { decision: p.decision };
    },

    async 'evidence.submit'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('evidence.submit', payload);
      const indicators = await tx.indicator.findMany({
        where: { planItem: { plan: { appraisalId } } },
        select: { id: true },
      });
      const known = new Set(indicators.map((i) => i.id));
      p.realizations.forEach((r, i) => {
        if (!known.has(r.indicatorId))
          throw invalid(`realizations.${i}.indicatorId`, 'bukan indikator SKP ini / not an indicator of this plan');
      });
      (p.links ?? []).forEach((l, i) => {
        if (l.indicatorId && !known.has(l.indicatorId))
          throw invalid(`links.${i}.indicatorId`, 'bukan indikator SKP ini / not an indicator of this plan');
      });
      await tx.realization.createMany({
        data: p.realizations.map((r) => ({
          indicatorId: r.indicatorId,
          value: r.value,
          numericValue: r.numericValue ?? null,
          note: r.note ?? null,
          recordedById: actor.employeeId,
        })),
      });
      if (p.links?.length)
        await tx.evidence.createMany({
          data: p.links.map((l) => ({
            appraisalId,
            indicatorId: l.indicatorId ?? null,
            kind: 'LINK' as const,
            title: l.title,
            url: l.url,
            uploadedById: actor.employeeId,
          })),
        });
      // The step confirms (or corrects) what was recorded during the period: the audit entry says which.
      const recorded = await confirmationOf(tx, appraisalId, p.realizations);
      await recordAudit(tx, {
        ...who(actor),
        action: 'evidence.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        after: { realizations: p.realizations.length, links: p.links?.length ?? 0, recorded },
      });
      return { realizations: p.realizations.length };
    },

    async 'review.submit'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('review.submit', payload);
      const data = {
        resultRating: p.resultRating,
        behaviourRating: p.behaviourRating,
        berorientasiPelayanan: p.berakhlak.berorientasiPelayanan,
        akuntabel: p.berakhlak.akuntabel,
        kompeten: p.berakhlak.kompeten,
        harmonis: p.berakhlak.harmonis,
        loyal: p.berakhlak.loyal,
        adaptif: p.berakhlak.adaptif,
        kolaboratif: p.berakhlak.kolaboratif,
        resultComment: p.resultComment ?? null,
        behaviourComment: p.behaviourComment ?? null,
        reviewerId: actor.employeeId,
        source: 'RATER' as const,
      };
      const before = await tx.review.findUnique({ where: { appraisalId } });
      await tx.review.upsert({
        where: { appraisalId },
        create: {
          appraisalId,
          resultRating: data.resultRating,
          behaviourRating: data.behaviourRating,
          berorientasiPelayanan: data.berorientasiPelayanan,
          akuntabel: data.akuntabel,
          kompeten: data.kompeten,
          harmonis: data.harmonis,
          loyal: data.loyal,
          adaptif: data.adaptif,
          kolaboratif: data.kolaboratif,
          resultComment: data.resultComment,
          behaviourComment: data.behaviourComment,
          reviewerId: data.reviewerId,
          source: data.source,
        },
        update: data,
      });
      await recordAudit(tx, {
        ...who(actor),
        action: 'review.submit',
        entity: 'appraisal',
        entityId: appraisalId,
        before: before ? { resultRating: before.resultRating, behaviourRating: before.behaviourRating } : undefined,
        after: { resultRating: p.resultRating, behaviourRating: p.behaviourRating, berakhlak: p.berakhlak },
      });
      return { resultRating: p.resultRating, behaviourRating: p.behaviourRating };
    },

    async 'result.respond'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('result.respond', payload);
      const appraisal = await tx.appraisal.findUniqueOrThrow({ where: { id: appraisalId } });
      if (p.action === 'APPEAL') {
        const appeal = await tx.appeal.upsert({
          where: { appraisalId },
          create: { appraisalId, reason: p.reason!.trim(), previousPredicate: appraisal.predicate },
          update: {},
        });
        await recordAudit(tx, {
          ...who(actor),
          action: 'appeal.file',
          entity: 'appraisal',
          entityId: appraisalId,
          after: { appealId: appeal.id, reason: appeal.reason, predicate: appraisal.predicate },
        });
        return { action: 'APPEAL', appealId: appeal.id };
      }
      await recordAudit(tx, {
        ...who(actor),
        action: 'result.accept',
        entity: 'appraisal',
        entityId: appraisalId,
        after: { predicate: appraisal.predicate },
      });
      return { action: 'ACCEPT' };
    },

    async 'appeal.decide'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('appeal.decide', payload);
      const before = await tx.appeal.findUniqueOrThrow({ where: { appraisalId } });
      const after = await tx.appeal.update({
        where: { appraisalId },
        data: {
          status: 'DECIDED',
          decision: p.decision,
          decisionNote: p.note.trim(),
          newResultRating: p.decision === 'CHANGED' ? (p.newResultRating ?? null) : null,
          newBehaviourRating: p.decision === 'CHANGED' ? (p.newBehaviourRating ?? null) : null,
          decidedById: actor.employeeId,
          decidedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        ...who(actor),
        action: 'appeal.decide',
        entity: 'appraisal',
        entityId: appraisalId,
        before: { status: before.status },
        after: {
          status: after.status,
          decision: after.decision,
          note: after.decisionNote,
          newResultRating: after.newResultRating,
          newBehaviourRating: after.newBehaviourRating,
        },
      });
      return { decision: p.decision };
    },

    async 'sanction.decide'(tx, { appraisalId, payload, actor }) {
      const p = parsePayload('sanction.decide', payload);
      const now = new Date();
      const decided: Record<string, string> = {};
      for (const d of p.decisions) {
        const row = await tx.sanction.findUnique({ where: { appraisalId_code: { appraisalId, code: d.code } } });
        if (!row) throw invalid('decisions.code', `rekomendasi ${d.code} tidak ditemukan`);
        const confirm = d.decision === 'CONFIRM';
        // The sanction runs from the month after the period it was recommended for (attendance-sanctions.test.ts).
        const term = sanctionTerm(await periodEndOf(tx, appraisalId), row.months);
        await tx.sanction.update({
          where: { id: row.id },
          data: {
            status: confirm ? 'CONFIRMED' : 'DISMISSED',
            note: d.note ?? null,
            decidedById: actor.userId,
            decidedAt: now,
            startsOn: confirm ? term.startsOn : null,
            endsOn: confirm ? term.endsOn : null,
          },
        });
        decided[d.code] = confirm ? 'CONFIRMED' : 'DISMISSED';
        await recordAudit(tx, {
          ...who(actor),
          action: confirm ? 'sanction.confirm' : 'sanction.dismiss',
          entity: 'sanction',
          entityId: row.id,
          before: { status: row.status },
          after: { status: decided[d.code], code: d.code, appraisalId, note: d.note ?? null },
        });
      }
      return { decided };
    },

    'peer.feedback': writePeerAnswer,

    async 'calibration.unit'() {
      throw new Error('calibration.unit is completed by the cycle activities');
    },
  };
