/**
 * Progress at any time (issue 15, item 2): the realisations an employee records during the period, per indicator, against
 * the target. One definition serves the API (the employee's progress, the rater's team), the evidence step (its task
 * carries what was recorded, so the employee confirms or corrects it) and the plan revision (entries follow their
 * indicator into the revised plan).
 *
 * How entries add up depends on the indicator's aspect:
 * - QUANTITY (kuantitas: reports, letters, people served) — the entries are amounts of work done, so they are summed;
 * - QUALITY (kualitas: a score, an accuracy rate) and TIME (waktu: months, days, a completion rate) — each entry is a
 *   new reading of the same measure, so the latest one counts (latest day of work, then latest recorded).
 * The share reached is realisation ÷ numeric target, as a whole percent rounded down (99.6 % is not yet 100 %), not
 * capped (120 % says the target was exceeded); an indicator whose target has no number has no share.
 *
 * The plan's targets are the year's (one SKP, evaluated periodically): a period's progress counts the year so far —
 * this period's entries and those of the year's earlier evaluations, matched to this period's indicator by work
 * result, description and aspect — and an indicator is behind when its share is below the share of the year's days
 * gone by (today included, in the cycle's time zone). A cycle of one evaluation is its own span, so nothing changes
 * there.
 */
import { Prisma, type Db, type IndicatorAspect } from './client';

/** Stages in which realisations may be recorded: the period runs, and its evidence step is still open. */
export const RECORDING_STAGES = ['PERIOD', 'EVIDENCE'] as const;

/** How the entries of an indicator make its realisation. */
export type Aggregation = 'SUM' | 'LATEST';
export const AGGREGATION: Record<IndicatorAspect, Aggregation> = { QUANTITY: 'SUM', QUALITY: 'LATEST', TIME: 'LATEST' };

const DAY = 24 * 60 * 60 * 1000;
const WIB = 7;

export interface EntryRow {
  id: number;
  indicatorId: number | null;
  workDate: Date;
  value: Prisma.Decimal;
  createdAt: Date;
}

/** An entry of an earlier evaluation of the year, with what identifies its indicator across the periods' plans. */
interface EarlierEntry extends EntryRow {
  itemTitle: string;
  indicatorDescription: string;
  aspect: IndicatorAspect;
  appraisal: { workflowId: string; sequence: number };
}

const indicatorKey = (title: string, description: string, aspect: string) =>
  JSON.stringify([title.trim(), description.trim(), aspect]);

export interface IndicatorRow {
  id: number;
  aspect: IndicatorAspect;
  description: string;
  target: string;
  targetValue: Prisma.Decimal | null;
  targetUnit: string | null;
}

export interface IndicatorProgress {
  indicatorId: number;
  itemTitle: string;
  itemKind: string;
  aspect: IndicatorAspect;
  description: string;
  target: string;
  targetValue: number | null;
  targetUnit: string | null;
  aggregation: Aggregation;
  /** Sum or latest of the entries; null when nothing was recorded. */
  realized: number | null;
  /** Entries counted: this period's and those of the year's earlier evaluations. */
  entries: number;
  /** Of `entries`, those recorded in the year's earlier evaluations. */
  earlierEntries: number;
  lastWorkDate: string | null;
  /** Whole percent of the numeric target reached (rounded down); null without a numeric target or any entry. */
  percent: number | null;
  /** Below the elapsed share of the period; null when it cannot be judged (no numeric target). */
  behind: boolean | null;
}

export interface Elapsed {
  daysElapsed: number;
  daysTotal: number;
  /** Whole percent of the period's days gone by, today included (rounded down). */
  percent: number;
}

/** The local date (as UTC midnight) of an instant, in a zone `utcOffsetHours` from UTC. */
export function localDay(at: Date, utcOffsetHours = WIB): Date {
  const shifted = at.getTime() + utcOffsetHours * 60 * 60 * 1000;
  return new Date(Math.floor(shifted / DAY) * DAY);
}

/** How much of the period has gone by on the local day of `now`. */
export function elapsedOf(period: { startDate: Date; endDate: Date }, now: Date, utcOffsetHours = WIB): Elapsed {
  const daysTotal = Math.round((period.endDate.getTime() - period.startDate.getTime()) / DAY) + 1;
  const today = localDay(now, utcOffsetHours).getTime();
  const gone = Math.round((today - period.startDate.getTime()) / DAY) + 1;
  const daysElapsed = Math.min(daysTotal, Math.max(0, gone));
  return { daysElapsed, daysTotal, percent: Math.floor((daysElapsed * 100) / daysTotal) };
}

/** The realisation of one indicator from its entries (SUM or LATEST by aspect), and the share of the target. */
export function indicatorFigures(indicator: IndicatorRow, entries: EntryRow[], elapsedPercent: number) {
  const aggregation = AGGREGATION[indicator.aspect];
  const mine = entries
    .filter((e) => e.indicatorId === indicator.id)
    .sort((a, b) => a.workDate.getTime() - b.workDate.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  let realized: Prisma.Decimal | null = null;
  if (mine.length)
    realized =
      aggregation === 'SUM'
        ? mine.reduce((sum, e) => sum.plus(e.value), new Prisma.Decimal(0))
        : new Prisma.Decimal(mine[mine.length - 1].value);
  const target = indicator.targetValue;
  const numericTarget = target !== null && target.greaterThan(0);
  const percent = numericTarget
    ? (realized ?? new Prisma.Decimal(0)).times(100).dividedBy(target).floor().toNumber()
    : null;
  return {
    aggregation,
    realized: realized === null ? null : realized.toNumber(),
    entries: mine.length,
    lastWorkDate: mine.length ? mine[mine.length - 1].workDate.toISOString().slice(0, 10) : null,
    percent: mine.length || numericTarget ? percent : null,
    behind: percent === null ? null : percent < elapsedPercent,
  };
}

export interface AppraisalProgress {
  appraisalId: number;
  stage: string;
  /** True while realisations may be recorded (RECORDING_STAGES). */
  open: boolean;
  employee: { id: number; name: string; nip: string };
  period: { id: number; label: string; startDate: string; endDate: string };
  /** What the targets and the elapsed share are of: the cycle's year (or its one period). */
  span: { label: string; startDate: string; endDate: string };
  /** The days gone by of `span`. */
  elapsed: Elapsed;
  indicators: IndicatorProgress[];
  /** Indicators behind the elapsed share of the period. */
  behindCount: number;
}

const PROGRESS_SELECT = {
  id: true,
  stage: true,
  sequence: true,
  workflowId: true,
  employee: { select: { id: true, name: true, nip: true } },
  period: { select: { id: true, label: true, startDate: true, endDate: true } },
  cycle: { select: { settings: true, period: { select: { label: true, startDate: true, endDate: true } } } },
  plan: {
    select: {
      items: {
        orderBy: { position: 'asc' },
        select: {
          title: true,
          kind: true,
          indicators: {
            orderBy: { id: 'asc' },
            select: {
              id: true,
              aspect: true,
              description: true,
              target: true,
              targetValue: true,
              targetUnit: true,
            },
          },
        },
      },
    },
  },
  realizationEntries: { select: { id: true, indicatorId: true, workDate: true, value: true, createdAt: true } },
} as const satisfies Prisma.AppraisalSelect;

/** The cycle's time zone (hours from UTC), WIB unless its settings say otherwise. */
export function utcOffsetOf(settings: unknown): number {
  const v = (settings as { utcOffsetHours?: unknown } | null)?.utcOffsetHours;
  return typeof v === 'number' ? v : WIB;
}

/** Progress of each of the appraisals (in the order of `ids`; missing ids are left out) on the day of `now`. */
export async function progressOf(db: Db, ids: number[], now: Date): Promise<AppraisalProgress[]> {
  const rows = await db.appraisal.findMany({ where: { id: { in: ids } }, select: PROGRESS_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // The year's earlier entries per workflow (one per employee and year), each keyed once by its indicator.
  const earlier = new Map<string, (EarlierEntry & { key: string })[]>();
  for (const e of await earlierEntriesOf(db, rows)) {
    const list = earlier.get(e.appraisal.workflowId) ?? [];
    list.push({ ...e, key: indicatorKey(e.itemTitle, e.indicatorDescription, e.aspect) });
    earlier.set(e.appraisal.workflowId, list);
  }
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const span = a.cycle.period;
    const elapsed = elapsedOf(span, now, utcOffsetOf(a.cycle.settings));
    const before = (earlier.get(a.workflowId) ?? []).filter((e) => e.appraisal.sequence < a.sequence);
    const indicators = (a.plan?.items ?? []).flatMap((item) =>
      item.indicators.map((ind): IndicatorProgress => {
        const key = indicatorKey(item.title, ind.description, ind.aspect);
        const carried = before.filter((e) => e.key === key).map((e) => ({ ...e, indicatorId: ind.id }));
        return {
          indicatorId: ind.id,
          itemTitle: item.title,
          itemKind: item.kind,
          aspect: ind.aspect,
          description: ind.description,
          target: ind.target,
          targetValue: ind.targetValue === null ? null : ind.targetValue.toNumber(),
          targetUnit: ind.targetUnit,
          ...indicatorFigures(ind, [...carried, ...a.realizationEntries], elapsed.percent),
          earlierEntries: carried.length,
        };
      }),
    );
    return [
      {
        appraisalId: a.id,
        stage: a.stage,
        open: (RECORDING_STAGES as readonly string[]).includes(a.stage),
        employee: a.employee,
        period: {
          id: a.period.id,
          label: a.period.label,
          startDate: day(a.period.startDate),
          endDate: day(a.period.endDate),
        },
        span: { label: span.label, startDate: day(span.startDate), endDate: day(span.endDate) },
        elapsed,
        indicators,
        behindCount: indicators.filter((i) => i.behind).length,
      },
    ];
  });
}

/** The entries of the year's evaluations before each of `rows` (none for a year's first evaluation). */
async function earlierEntriesOf(db: Db, rows: { workflowId: string; sequence: number }[]): Promise<EarlierEntry[]> {
  const later = rows.filter((r) => r.sequence > 1);
  if (!later.length) return [];
  const maxSequence = Math.max(...later.map((r) => r.sequence));
  return db.realizationEntry.findMany({
    where: {
      appraisal: { workflowId: { in: [...new Set(later.map((r) => r.workflowId))] }, sequence: { lt: maxSequence } },
    },
    select: {
      id: true,
      indicatorId: true,
      workDate: true,
      value: true,
      createdAt: true,
      itemTitle: true,
      indicatorDescription: true,
      aspect: true,
      appraisal: { select: { workflowId: true, sequence: true } },
    },
  });
}

/** What the evidence step shows as recorded: per indicator with entries, the realisation as the form's value. */
export function recordedForEvidence(p: AppraisalProgress) {
  return p.indicators
    .filter((i) => i.entries > 0 && i.realized !== null)
    .map((i) => ({
      indicatorId: i.indicatorId,
      value: String(i.realized),
      numericValue: i.realized,
      entries: i.entries,
      aggregation: i.aggregation,
      lastWorkDate: i.lastWorkDate,
      percent: i.percent,
    }));
}

/**
 * Writes what was recorded into the open evidence task of the appraisal (`context.recorded`), so its form starts
 * from it: called when the task opens and after each entry recorded or removed while it is open.
 */
export async function refreshEvidenceDraft(db: Db, appraisalId: number, now = new Date()): Promise<void> {
  const task = await db.task.findFirst({
    where: { appraisalId, type: 'evidence.submit', status: 'OPEN' },
    select: { id: true, context: true },
  });
  if (!task) return;
  const [progress] = await progressOf(db, [appraisalId], now);
  if (!progress) return;
  const context = {
    ...((task.context as Record<string, unknown> | null) ?? {}),
    recorded: recordedForEvidence(progress),
  };
  await db.task.update({ where: { id: task.id }, data: { context: context as Prisma.InputJsonValue } });
}

/**
 * After the plan's items were replaced (a revision), links each entry left without an indicator to the indicator of
 * the new plan with the same work result, description and aspect; entries of a result no longer planned stay unlinked
 * (listed, not counted). Returns how many were linked again.
 */
export async function relinkEntries(db: Db, appraisalId: number): Promise<number> {
  const loose = await db.realizationEntry.findMany({
    where: { appraisalId, indicatorId: null },
    select: { id: true, itemTitle: true, indicatorDescription: true, aspect: true },
  });
  if (!loose.length) return 0;
  const indicators = await db.indicator.findMany({
    where: { planItem: { plan: { appraisalId } } },
    select: { id: true, aspect: true, description: true, planItem: { select: { title: true } } },
  });
  const byKey = new Map(indicators.map((i) => [indicatorKey(i.planItem.title, i.description, i.aspect), i.id]));
  let linked = 0;
  for (const e of loose) {
    const indicatorId = byKey.get(indicatorKey(e.itemTitle, e.indicatorDescription, e.aspect));
    if (indicatorId === undefined) continue;
    await db.realizationEntry.update({ where: { id: e.id }, data: { indicatorId } });
    linked++;
  }
  return linked;
}

/**
 * How the evidence step's realisations compare with what was recorded during the period (for its audit entry): the
 * indicators whose recorded realisation was confirmed as it was, and those corrected (recorded and sent values).
 */
export async function confirmationOf(
  db: Db,
  appraisalId: number,
  sent: { indicatorId: number; value: string; numericValue?: number | null }[],
  now = new Date(),
) {
  const [progress] = await progressOf(db, [appraisalId], now);
  const recorded = new Map((progress ? recordedForEvidence(progress) : []).map((r) => [r.indicatorId, r]));
  const confirmed: number[] = [];
  const corrected: { indicatorId: number; recorded: number; sent: string }[] = [];
  for (const s of sent) {
    const r = recorded.get(s.indicatorId);
    if (!r) continue;
    const same = s.numericValue != null ? s.numericValue === r.numericValue : s.value.trim() === r.value;
    if (same) confirmed.push(s.indicatorId);
    else corrected.push({ indicatorId: s.indicatorId, recorded: r.numericValue!, sent: s.value });
  }
  return { confirmed, corrected };
}
