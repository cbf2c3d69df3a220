/** `/api/cycle-schedules`: recurring cycles as Temporal Schedules (list, create, pause, resume, run now, delete). */
import { Router } from 'express';
import { z } from 'zod';
import { authorize } from '../access/access.guard';
import { currentUser } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { parseListQuery, sendList } from '../http/list-query';
import { settingsSchema } from '../cycles/cycle-settings.schema';
import { idSchema } from '../http/params';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { TIME_ZONES, changeSchedule, createSchedule, getSchedule, listSchedules } from './schedules.service';

const createSchema = z.strictObject({
  name: z.string({ error: 'Wajib diisi' }).trim().min(3, 'minimal 3 karakter').max(150),
  unitId: idSchema(),
  periodType: z.enum(['MONTH', 'QUARTER', 'SEMESTER', 'YEAR'], { error: 'harus MONTH, QUARTER, SEMESTER atau YEAR' }),
  /** A year opened on 1 January is evaluated every MONTH, QUARTER or SEMESTER (absent: once). */
  evaluationFrequency: z.enum(['MONTH', 'QUARTER', 'SEMESTER']).optional(),
  includeDescendants: z.boolean().default(true),
  settings: settingsSchema.default({}),
  timeZone: z
    .enum(Object.keys(TIME_ZONES) as [keyof typeof TIME_ZONES], {
      error: 'harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)',
    })
    .default('Asia/Jakarta'),
});
/** Schedule ids are Temporal schedule ids (`capaian-cycle-…`), not database rows. */
const scheduleIdParam = { type: 'string', maxLength: 200 };
const noteSchema = z.strictObject({ note: z.string().trim().max(500).optional() });

describeRoutes(
  { method: 'get', path: '/api/cycle-schedules', summary: 'Jadwal siklus berulang', tag: 'cycles', list: true },
  {
    method: 'post',
    path: '/api/cycle-schedules',
    summary:
      'Jadwalkan siklus berulang sebagai Temporal Schedule: tahun penilaian dibuka 1 Januari (zona waktu unit) dan dievaluasi bulanan/triwulanan/semesteran',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    body: createSchema,
  },
  {
    method: 'get',
    path: '/api/cycle-schedules/:id',
    summary: 'Satu jadwal: jalan berikut dan terakhir',
    tag: 'cycles',
    params: { id: scheduleIdParam },
  },
  ...(['pause', 'unpause', 'trigger'] as const).map((a) => ({
    method: 'post' as const,
    path: `/api/cycle-schedules/:id/${a}`,
    summary: { pause: 'Jeda jadwal', unpause: 'Lanjutkan jadwal', trigger: 'Jalankan sekarang' }[a],
    tag: 'cycles',
    access: ['HR_ADMIN' as const],
    body: noteSchema,
    params: { id: scheduleIdParam },
  })),
  {
    method: 'delete',
    path: '/api/cycle-schedules/:id',
    summary: 'Hapus jadwal (siklus yang sudah dibuka tetap berjalan)',
    tag: 'cycles',
    access: ['HR_ADMIN'],
    params: { id: scheduleIdParam },
  },
);

/** Routes of /api/cycle-schedules. */
export function schedulesRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'schedule', 'read'), async (req, res) => {
    const q = parseListQuery(req, ['id'], ['id', 'ASC']);
    const all = await listSchedules(deps);
    sendList(res, 'cycle-schedules', all.slice(q.skip, q.skip + q.take), all.length, q.skip);
  });
  router.get('/:id', authorize(deps, 'schedule', 'read'), async (req, res) => {
    res.json(await getSchedule(deps, req.params.id as string));
  });
  router.post('/', authorize(deps, 'schedule', 'manage'), validateBody(createSchema), async (req, res) => {
    res.status(201).json(await createSchedule(deps, currentUser(req), req.body));
  });
  for (const action of ['pause', 'unpause', 'trigger'] as const)
    router.post(`/:id/${action}`, authorize(deps, 'schedule', 'manage'), validateBody(noteSchema), async (req, res) => {
      res.json(await changeSchedule(deps, currentUser(req), req.params.id as string, action, req.body.note));
    });
  router.delete('/:id', authorize(deps, 'schedule', 'manage'), async (req, res) => {
    res.json(await changeSchedule(deps, currentUser(req), req.params.id as string, 'delete'));
  });
  return router;
}
