/** `GET /api/audit-events` (auditors and HR), `GET /api/audit-events/verify` (keyed-chain and checkpoint verification). */
import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Prisma } from '../../prisma/client';
import { requireAuth, requireRole } from '../auth/auth.middleware';
import type { AppDeps } from '../deps';
import { parseListQuery, sendList } from '../http/list-query';
import { parseId } from '../http/params';
import { auditDownload } from './audit-download';
import { noteAuditVerification } from '../metrics/audit-clock';
import { verifyAuditChain } from './audit-verification';

function auditWhere(filter: Record<string, unknown>): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (typeof filter.entity === 'string') where.entity = filter.entity;
  if (filter.entityId !== undefined) where.entityId = String(filter.entityId);
  if (typeof filter.action === 'string') where.action = filter.action;
  if (typeof filter.actor === 'string') where.actor = { contains: filter.actor, mode: 'insensitive' };
  if (filter.actorUserId !== undefined) where.actorUserId = Number(filter.actorUserId);
  if (typeof filter.at_gte === 'string' || typeof filter.at_lte === 'string') {
    where.at = {
      gte: filter.at_gte ? new Date(String(filter.at_gte)) : undefined,
      lte: filter.at_lte ? new Date(String(filter.at_lte)) : undefined,
    };
  }
  return where;
}

const present = (e: { id: bigint } & Record<string, unknown>) => ({ ...e, id: e.id.toString() });

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
      where: auditWhere(filter),
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
          r.prevHash,
          r.hash,
        ]),
        {
          header: true,
          columns: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash'],
        },
      ),
    );
  });

  router.get('/', async (req, res) => {
    const q = parseListQuery(req, ['id', 'at', 'entity', 'action', 'actor'], ['id', 'DESC']);
    const where = auditWhere(q.filter);
    const [rows, total] = await Promise.all([
      deps.prisma.auditEvent.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take }),
      deps.prisma.auditEvent.count({ where }),
    ]);
    sendList(res, 'audit-events', rows.map(present), total, q.skip);
  });

  router.get('/:id', async (req, res) => {
    const row = await deps.prisma.auditEvent.findUniqueOrThrow({ where: { id: BigInt(parseId(req.params.id)) } });
    res.json(present(row));
  });
  return router;
}
