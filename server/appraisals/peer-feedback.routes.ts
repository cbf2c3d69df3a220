/**
 * `/api/appraisals/:id/peer-feedback`: peer feedback (360) of one evaluation period. The rater (or whoever holds the
 * rating task) asks colleagues through the appraisal workflow's `requestPeerFeedback` update; the rater, the rater's
 * superior, HR and auditors read the answers with names; the appraised employee reads only the anonymous summary —
 * no peer id or name, no order of answers — unless the cycle's `peerFeedbackNamed` says otherwise. A colleague reads
 * only their own task (`/api/tasks/:id`): their task gives them no sight of the appraisal.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Appraisal } from '../../prisma/client';
import { BERAKHLAK, RATINGS, requestPeerFeedbackUpdate, withDefaultSettings } from '../../workflows/messages';
import { authorize } from '../access/access.guard';
import { relationsOf } from '../access/relations';
import { currentUser, type AuthUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idSchema, parseId } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { actorOf, executeUpdate } from '../tasks/task-updates';
import { loadVisible } from './appraisals.service';

const requestSchema = z.strictObject({
  peerIds: z
    .array(idSchema(), { error: 'daftar id pegawai / a list of employee ids' })
    .min(1, 'minimal satu rekan / at least one colleague')
    .max(10, 'paling banyak 10 rekan / at most 10 colleagues'),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/appraisals/:id/peer-feedback',
    summary:
      'Umpan balik rekan (360) periode ini: penilai, atasannya, SDM dan auditor melihat siapa yang diminta dan ' +
      'jawabannya; pegawai yang dinilai hanya ringkasan tanpa nama (kecuali pengaturan peerFeedbackNamed)',
    tag: 'appraisals',
  },
  {
    method: 'post',
    path: '/api/appraisals/:id/peer-feedback/requests',
    summary:
      'Minta umpan balik rekan atas tujuh nilai BerAKHLAK sebelum penilaian (penilai): paling banyak peerFeedbackMax ' +
      'rekan per periode, tiap rekan mendapat tugas dengan tenggat peerFeedbackDays',
    tag: 'appraisals',
    body: requestSchema,
    responses: {
      '400': 'Rekan ditolak; alasannya menyebut kolom (peerIds.N)',
      '403': 'Bukan penilai',
      '409': 'Penilaian sudah diberikan',
    },
  },
);

type Values = Record<string, { rating: string; note: string | null }>;

/** True when the caller sees who was asked and who said what: the rater's chain, HR, auditors, the rating's holder. */
async function seesNames(deps: AppDeps, user: AuthUser, a: Appraisal): Promise<boolean> {
  const r = relationsOf(user, a);
  if (['rater', 'raterSuperior', 'hr', 'auditor'].some((x) => r.has(x as never))) return true;
  if (user.employeeId === null) return false;
  const holds = await deps.prisma.task.count({
    where: { appraisalId: a.id, type: 'review.submit', assigneeId: user.employeeId },
  });
  return holds > 0;
}

/** Per BerAKHLAK value: how many answers rated it ABOVE, MEETS or BELOW, and the notes (sorted: no order of answers). */
function summarise(answers: { values: unknown; note: string | null }[]) {
  const values = Object.fromEntries(
    BERAKHLAK.map((k) => {
      const counts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<string, number>;
      const notes: string[] = [];
      for (const a of answers) {
        const v = (a.values as Values | null)?.[k];
        if (!v) continue;
        counts[v.rating] = (counts[v.rating] ?? 0) + 1;
        if (v.note) notes.push(v.note);
      }
      return [k, { counts, notes: notes.sort() }];
    }),
  );
  const notes = answers.flatMap((a) => (a.note ? [a.note] : [])).sort();
  return { answered: answers.length, values, notes };
}

/** Routes of peer feedback, mounted under /api/appraisals. */
export function peerFeedbackRoutes(deps: AppDeps): Router {
  const router = Router();
  const person = { select: { id: true, name: true, nip: true, position: true } } as const;

  router.get('/:id/peer-feedback', authorize(deps, 'peer-feedback', 'read'), async (req, res) => {
    const user = currentUser(req);
    const a = await loadVisible(deps, user, parseId(req.params.id));
    const cycle = await deps.prisma.cycle.findUniqueOrThrow({ where: { id: a.cycleId }, select: { settings: true } });
    const settings = withDefaultSettings(cycle.settings as never);
    const rows = await deps.prisma.peerFeedback.findMany({
      where: { appraisalId: a.id },
      orderBy: { id: 'asc' },
      include: { peer: person, requestedBy: { select: { id: true, name: true } } },
    });
    const answered = rows.filter((r) => r.status === 'ANSWERED');
    const base = {
      appraisalId: a.id,
      max: settings.peerFeedbackMax,
      days: settings.peerFeedbackDays,
      named: settings.peerFeedbackNamed,
      summary: summarise(answered),
    };
    if (await seesNames(deps, user, a))
      return void res.json({
        ...base,
        anonymous: false,
        requests: rows.map((r) => ({
          id: r.id,
          peer: r.peer,
          requestedBy: r.requestedBy,
          status: r.status,
          dueAt: r.dueAt,
          answeredAt: r.answeredAt,
          values: r.values,
          note: r.note,
        })),
      });
    // The appraised employee: the summary; who said what only where the cycle's settings name the colleagues.
    res.json({
      ...base,
      anonymous: !settings.peerFeedbackNamed,
      requests: settings.peerFeedbackNamed
        ? answered.map((r) => ({ peer: { name: r.peer.name }, values: r.values, note: r.note }))
        : [],
    });
  });

  router.post(
    '/:id/peer-feedback/requests',
    authorize(deps, 'peer-feedback', 'request'),
    validateBody(requestSchema),
    async (req, res) => {
      const user = currentUser(req);
      const a = await loadVisible(deps, user, parseId(req.params.id));
      const peerIds: number[] = req.body.peerIds;
      const found = await deps.prisma.employee.findMany({
        where: { id: { in: peerIds } },
        select: { id: true, status: true },
      });
      const errors = peerIds.flatMap((id, i) => {
        const e = found.find((f) => f.id === id);
        if (!e) return [{ field: `peerIds.${i}`, message: `pegawai ${id} tidak ditemukan / unknown employee` }];
        if (e.status !== 'ACTIVE')
          return [{ field: `peerIds.${i}`, message: `pegawai ${id} tidak aktif / employee is not active` }];
        return [];
      });
      if (errors.length) throw ApiError.invalidFields(errors);
      const result = await executeUpdate(deps, a.workflowId, requestPeerFeedbackUpdate.name, {
        actor: actorOf(user),
        peerIds,
      });
      res.status(201).json(result);
    },
  );
  return router;
}
