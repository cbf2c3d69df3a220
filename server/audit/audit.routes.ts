/**
 * `GET /api/audit-events` (auditors and HR), `GET /api/audit-events/verify` (keyed-chain and checkpoint verification).
 * The answer adds names beside the stored rows (`actorInfo`, `subject`, and on one entry `names` for the ids in its
 * values); the rows themselves are never changed (the log is hash-chained).
 */
import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../prisma/client';
import { requireAuth, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { parseOrThrow } from '../http/validate';
import { auditDownload } from './audit-download';
import { auditNames, usernamesOfPeople } from './audit-names';
import { noteAuditVerification } from '../metrics/audit-clock';
import { verifyAuditChain } from './audit-verification';

const text = z.string().max(200);
const instant = z.string().refine((v) => {
  const t = Date.parse(v);
  return !Number.isNaN(t) && t > Date.UTC(1900, 0, 1) && t < Date.UTC(2200, 0, 1);
}, 'harus tanggal ISO antara 1900 dan 2200 / must be an ISO date between 1900 and 2200');
/** The list's filter: strict (an unknown key is a 400 naming it). */
const filterSchema = z.strictObject({
  id: z.union([z.array(z.union([z.string(), z.number()])).max(1000), z.string(), z.number()]).optional(),
  entity: text.optional(),
  entityId: z.union([text, z.number()]).optional(),
  action: text.optional(),
  actor: text.optional(),
  actorUserId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,9}$/)]).optional(),
  at_gte: instant.optional(),
  at_lte: instant.optional(),
});

async function auditWhere(db: PrismaClient, raw: Record<string, unknown>): Promise<Prisma.AuditEventWhereInput> {
  const filter = parseOrThrow(filterSchema, raw);
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.id !== undefined) {
    const ids = (Array.isArray(filter.id) ? filter.id : [filter.id]).map(String).filter((v) => /^\d{1,18}$/.test(v));
    where.id = { in: ids.map((v) => BigInt(v)) };
  }
  if (filter.entity) where.entity = filter.entity;
  if (filter.entityId !== undefined) where.entityId = String(filter.entityId);
  if (filter.action) where.action = filter.action;
  if (filter.actor?.trim()) {
    // The actor as written (a username, a workflow) or the person behind an account, by name or NIP.
    const people = await usernamesOfPeople(db, filter.actor.trim());
    where.OR = [
      { actor: { contains: filter.actor.trim(), mode: 'insensitive' } },
      ...(people.length ? [{ actor: { in: people } }] : []),
    ];
  }
  if (filter.actorUserId !== undefined) where.actorUserId = Number(filter.actorUserId);
  if (filter.at_gte || filter.at_lte) {
    where.at = {
      gte: filter.at_gte ? new Date(filter.at_gte) : undefined,
      lte: filter.at_lte ? new Date(filter.at_lte) : undefined,
    };
  }
  return where;
}

const present = (e: { id: bigint; seq: bigint } & Record<string, unknown>) => ({
  ...e,
  id: e.id.toString(),
  seq: e.seq.toString(),
});

/** Routes of /api/audit-events. */
export function auditRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(requireAuth(deps), requireRole('AUDITOR', 'HR_ADMIN'));

  router.get('/verify', async (_req, res) => {
    const result = await verifyAuditChain(deps.prisma);
    noteAuditVerification(result.ok ? 'ok' : 'tampered');
    res.json(result);
  });

  router.get('/export.csv', async (req, res) => {
    const { filter } = parseListQuery(req, ['id'], ['id', 'ASC']);
    const rows = await deps.prisma.auditEvent.findMany({
      where: await auditWhere(deps.prisma, filter),
      orderBy: { id: 'asc' },
      take: 100_000,
    });
    await auditDownload(deps, req, 'audit-export', {
      entity: 'audit-events',
      entityId: 'export',
      file: 'audit-events.csv',
      filter,
      rows: rows.length,
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-events.csv"');
    res.send(
      stringify(
        rows.map((r) => [
          r.id.toString(),
          r.at.toISOString(),
          r.actor,
          r.action,
          r.entity,
          r.entityId,
          JSON.stringify(r.before),
          JSON.stringify(r.after),
          r.chain,
          r.seq.toString(),
          r.prevHash,
          r.hash,
        ]),
        {
          header: true,
          columns: [
            'id',
            'at',
            'actor',
            'action',
            'entity',
            'entity_id',
            'before',
            'after',
            'chain',
            'seq',
            'prev_hash',
            'hash',
          ],
        },
      ),
    );
  });

  router.get('/', async (req, res) => {
    const q = parseListQuery(req, ['id', 'at', 'entity', 'action', 'actor'], ['id', 'DESC']);
    const where = await auditWhere(deps.prisma, q.filter);
    const [rows, total] = await Promise.all([
      deps.prisma.auditEvent.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take }),
      deps.prisma.auditEvent.count({ where }),
    ]);
    const names = await auditNames(deps.prisma, rows);
    sendList(
      res,
      'audit-events',
      rows.map((r, k) => ({ ...present(r), ...names[k] })),
      total,
      q.skip,
    );
  });

  router.get('/:id', async (req, res) => {
    const row = await deps.prisma.auditEvent.findUniqueOrThrow({ where: { id: BigInt(parseId(req.params.id)) } });
    const [names] = await auditNames(deps.prisma, [row], { refs: true });
    res.json({ ...present(row), ...names });
  });
  return router;
}
