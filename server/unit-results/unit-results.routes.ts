/**
 * The public served (issue 15, item 4): the unit results HR imported (POST /api/imports/unit-results) and the unit
 * ratings a cycle's DISTRIBUTION rule set proposes from them, each with words that name the figure and its source.
 *
 * - `GET /api/unit-results`                        figures per unit and period (ra-data-simple-rest)
 * - `GET /api/cycles/:id/unit-rating-proposals`    per unit of the cycle with figures: decided and proposed rating
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import { unitFiguresOf, unitResultFacts } from '../../prisma/unit-results';
import { distributionFacts } from '../../rules/policy.helpers';
import { PREDICATES, type Predicate } from '../../rules/ruleset.types';
import { proposeUnitRating } from '../../rules/unit-rating-proposal';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { idFilter, parseListQuery, sendList } from '../http/list-query';
import { MAX_ID, parseId } from '../http/params';
import { parseOrThrow } from '../http/validate';
import { describeRoutes } from '../openapi/registry';

const id = z.coerce.number({ error: 'harus bilangan bulat' }).int('harus bilangan bulat').positive().max(MAX_ID);
const listQuery = z.strictObject({
  sort: z.string().optional(),
  range: z.string().optional(),
  filter: z.string().optional(),
});
const filterSchema = z.strictObject({
  id: z.union([id, z.array(id)]).optional(),
  unitId: id.optional(),
  periodId: id.optional(),
  kind: z.enum(['SATISFACTION_INDEX', 'OTHER'], { error: 'pilih SATISFACTION_INDEX atau OTHER' }).optional(),
  name: z.string().max(40).optional(),
});
const proposalQuery = z.strictObject({ periodId: id.optional() });

describeRoutes(
  {
    method: 'get',
    path: '/api/unit-results',
    summary:
      'Hasil unit yang diimpor: indeks kepuasan masyarakat (IKM) dan hasil lain per unit dan periode, dengan sumbernya ' +
      '(filter unitId, periodId, kind, name)',
    tag: 'unit-results',
    list: true,
  },
  {
    method: 'get',
    path: '/api/cycles/:id/unit-rating-proposals',
    summary:
      'Usulan predikat unit dari aturan DISTRIBUTION siklus (versi yang dipasang) dan hasil unit yang diimpor, dengan ' +
      'penjelasan yang menyebut angka dan sumbernya (periodId: periode hasil; bawaan periode siklus)',
    tag: 'cycles',
  },
);

/** The units a cycle covers: its unit and, when it includes them, the descendants. */
async function cycleUnits(db: AppDeps['prisma'], root: number, descendants: boolean) {
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, parentId: true } });
  const scope = new Set([root]);
  if (descendants)
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units)
        if (u.parentId !== null && scope.has(u.parentId) && !scope.has(u.id)) {
          scope.add(u.id);
          grew = true;
        }
    }
  return units.filter((u) => scope.has(u.id));
}

/** Routes of /api/unit-results. */
export function unitResultsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', authorize(deps, 'unit-result', 'read'), async (req, res) => {
    parseOrThrow(listQuery, req.query);
    const q = parseListQuery(req, ['id', 'unitId', 'periodId', 'name', 'value', 'updatedAt'], ['id', 'ASC']);
    const filter = parseOrThrow(z.strictObject({ filter: filterSchema }), { filter: q.filter }).filter;
    const and: Prisma.UnitResultWhereInput[] = [];
    const ids = idFilter(q.filter);
    if (ids !== undefined) and.push({ id: ids });
    if (filter.unitId) and.push({ unitId: filter.unitId });
    if (filter.periodId) and.push({ periodId: filter.periodId });
    if (filter.kind) and.push({ kind: filter.kind });
    if (filter.name) and.push({ name: filter.name });
    const where: Prisma.UnitResultWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      deps.prisma.unitResult.findMany({
        where,
        orderBy: [q.orderBy, { id: 'asc' }],
        skip: q.skip,
        take: q.take,
        include: {
          unit: { select: { code: true, name: true } },
          period: { select: { label: true } },
        },
      }),
      deps.prisma.unitResult.count({ where }),
    ]);
    sendList(
      res,
      'unit-results',
      rows.map((r) => ({ ...r, value: r.value.toNumber() })),
      total,
      q.skip,
    );
  });
  return router;
}

/** Routes mounted at /api/cycles: the unit ratings proposed from the imported results. */
export function unitRatingProposalRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/:id/unit-rating-proposals', authorize(deps, 'cycle', 'unit-rating-proposals'), async (req, res) => {
    const db = deps.prisma;
    const q = parseOrThrow(proposalQuery, req.query);
    const cycle = await db.cycle.findUnique({
      where: { id: parseId(req.params.id) },
      include: { distributionVersion: true },
    });
    if (!cycle) throw ApiError.notFound('Siklus');
    const period = await db.period.findUnique({ where: { id: q.periodId ?? cycle.periodId } });
    if (!period) throw ApiError.notFound('Periode');
    const version = cycle.distributionVersion;
    const head = {
      cycleId: cycle.id,
      period: { id: period.id, label: period.label },
      ruleSet: version ? { versionId: version.id, version: version.version, name: version.name } : null,
    };
    if (!version) return void res.json({ ...head, proposals: [] });
    const units = await cycleUnits(db, cycle.unitId, cycle.includeDescendants);
    const figures = await unitFiguresOf(
      db,
      units.map((u) => u.id),
      period.id,
    );
    const withFigures = units.filter((u) => figures.has(u.id));
    const [ratings, groups] = await Promise.all([
      db.unitCycleRating.findMany({ where: { cycleId: cycle.id, unitId: { in: withFigures.map((u) => u.id) } } }),
      db.appraisal.groupBy({
        by: ['unitId', 'predicate'],
        where: {
          cycleId: cycle.id,
          periodId: period.id,
          predicate: { not: null },
          unitId: { in: withFigures.map((u) => u.id) },
        },
        _count: { _all: true },
      }),
    ]);
    const fallback = (cycle.settings as { defaultUnitRating?: string } | null)?.defaultUnitRating ?? 'BAIK';
    const proposals = withFigures.map((u) => {
      const counts = Object.fromEntries(PREDICATES.map((p) => [p, 0])) as Record<Predicate, number>;
      for (const g of groups) if (g.unitId === u.id && g.predicate) counts[g.predicate] = g._count._all;
      const decided = ratings.find((r) => r.unitId === u.id)?.rating ?? null;
      const facts = distributionFacts(decided ?? fallback, counts, unitResultFacts(figures.get(u.id)));
      let p: ReturnType<typeof proposeUnitRating>;
      try {
        p = proposeUnitRating(version.document, facts);
      } catch (err) {
        // A published version that cannot read these facts (or fails on them) says so for this unit, in words.
        return {
          unitId: u.id,
          unitCode: u.code,
          unitName: u.name,
          figures: figures.get(u.id),
          rating: decided,
          proposedRating: null,
          text: null,
          rule: null,
          error: (err as Error).message,
        };
      }
      return {
        unitId: u.id,
        unitCode: u.code,
        unitName: u.name,
        figures: figures.get(u.id),
        rating: decided,
        proposedRating: p.rating,
        text: p.text,
        rule: p.rule,
        facts: p.explanation.facts,
      };
    });
    res.json({ ...head, proposals });
  });
  return router;
}
