/**
 * Names for the audit log's answer, read beside the stored rows (which stay untouched: the log is hash-chained).
 * An actor is a username (its person's name and NIP), a workflow (`system:cycle-105-appraisal-34`: the appraisal of
 * employee 34 in cycle 105, its cycle, a batch, a delegation, a schedule, the seed) or a request without a session;
 * the console words each kind in the chosen language. The record an entry is about gets a name too, and the ids
 * inside its before/after values (employees, units, cycles, periods) the names they stand for.
 */
import type { PrismaClient } from '../../prisma/client';

export type ActorInfo =
  | { kind: 'user'; username: string; name: string | null; nip: string | null }
  | {
      kind: 'appraisal-workflow';
      cycleId: number;
      cycleName: string | null;
      employeeId: number;
      employeeName: string | null;
    }
  | { kind: 'cycle-workflow'; cycleId: number; cycleName: string | null }
  | { kind: 'batch-workflow'; cycleId: number; cycleName: string | null }
  | { kind: 'delegation-workflow'; name: string | null; nip: string | null }
  | { kind: 'schedule'; name: string | null }
  | { kind: 'seed' }
  | { kind: 'system' }
  | { kind: 'anonymous'; address: string };

type Parsed =
  | { kind: 'user'; username: string }
  | { kind: 'appraisal-workflow'; cycleId: number; employeeId: number }
  | { kind: 'cycle-workflow' | 'batch-workflow'; cycleId: number }
  | { kind: 'delegation-workflow'; nip: string }
  | { kind: 'schedule'; scheduleId: string }
  | { kind: 'seed' | 'system' }
  | { kind: 'anonymous'; address: string };

/** What an actor string stands for, before any name is looked up. */
export function parseActor(actor: string): Parsed {
  if (actor.startsWith('anonymous:')) return { kind: 'anonymous', address: actor.slice('anonymous:'.length) };
  if (actor.startsWith('jadwal:')) return { kind: 'schedule', scheduleId: actor.slice('jadwal:'.length) };
  if (!actor.startsWith('system:')) return { kind: 'user', username: actor };
  const id = actor.slice('system:'.length);
  if (id === 'seed') return { kind: 'seed' };
  let m = /^cycle-(\d+)-appraisal-(\d+)/.exec(id);
  if (m) return { kind: 'appraisal-workflow', cycleId: Number(m[1]), employeeId: Number(m[2]) };
  m = /^cycle-(\d+)-batch-\d+/.exec(id);
  if (m) return { kind: 'batch-workflow', cycleId: Number(m[1]) };
  m = /^cycle-(\d+)$/.exec(id);
  if (m) return { kind: 'cycle-workflow', cycleId: Number(m[1]) };
  if (id.startsWith('cycle-schedule-')) return { kind: 'schedule', scheduleId: id.replace(/-\d{4}-\d\d-\d\dT.*$/, '') };
  m = /^delegation-(\d{18})-/.exec(id);
  if (m) return { kind: 'delegation-workflow', nip: m[1] };
  return { kind: 'system' };
}

const small = (ids: Iterable<number>) => [...new Set(ids)].filter((n) => Number.isInteger(n) && n > 0 && n < 2 ** 31);

/** Keys of before/after values that hold the id of a named record. */
const REF_KEYS: Record<string, 'employee' | 'unit' | 'cycle' | 'period'> = {
  employeeId: 'employee',
  superiorId: 'employee',
  raterId: 'employee',
  raterSuperiorId: 'employee',
  principalId: 'employee',
  actingId: 'employee',
  assigneeId: 'employee',
  escalatedToId: 'employee',
  unitId: 'unit',
  parentId: 'unit',
  fromUnitId: 'unit',
  toUnitId: 'unit',
  cycleId: 'cycle',
  periodId: 'period',
};

function collectRefs(value: unknown, out: Record<'employee' | 'unit' | 'cycle' | 'period', Set<number>>, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 3) return;
  for (const [k, v] of Object.entries(value)) {
    const kind = REF_KEYS[k];
    if (kind && (typeof v === 'number' || (typeof v === 'string' && /^\d{1,9}$/.test(v)))) out[kind].add(Number(v));
    else if (v && typeof v === 'object') collectRefs(v, out, depth + 1);
  }
}

interface Row {
  actor: string;
  actorUserId: number | null;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The names an audit page needs: `actorInfo` and `subject` per row, and with `refs` the names of the ids inside
 * before/after (for one entry's page). A handful of queries per page, whatever its length.
 */
export async function auditNames(db: PrismaClient, rows: Row[], options: { refs?: boolean } = {}) {
  const parsed = rows.map((r) => parseActor(r.actor));
  const usernames = new Set<string>();
  const employeeIds: number[] = [];
  const cycleIds: number[] = [];
  const nips = new Set<string>();
  const scheduleIds = new Set<string>();
  parsed.forEach((p) => {
    if (p.kind === 'user') usernames.add(p.username);
    if (p.kind === 'appraisal-workflow') employeeIds.push(p.employeeId);
    if ('cycleId' in p) cycleIds.push(p.cycleId);
    if (p.kind === 'delegation-workflow') nips.add(p.nip);
    if (p.kind === 'schedule') scheduleIds.add(p.scheduleId);
  });
  const refs = {
    employee: new Set<number>(),
    unit: new Set<number>(),
    cycle: new Set<number>(),
    period: new Set<number>(),
  };
  const subjects = {
    appraisal: [] as number[],
    task: [] as number[],
    ruleset: [] as number[],
    user: [] as number[],
    pay: [] as number[],
    sanction: [] as number[],
  };
  for (const r of rows) {
    const id = /^\d{1,9}$/.test(r.entityId) ? Number(r.entityId) : NaN;
    if (!Number.isInteger(id)) continue;
    if (r.entity === 'employee') refs.employee.add(id);
    else if (r.entity === 'unit') refs.unit.add(id);
    else if (r.entity === 'cycle') refs.cycle.add(id);
    else if (r.entity === 'appraisal') subjects.appraisal.push(id);
    else if (r.entity === 'task') subjects.task.push(id);
    else if (r.entity === 'rule-set-version') subjects.ruleset.push(id);
    else if (r.entity === 'user') subjects.user.push(id);
    else if (r.entity === 'pay-adjustment') subjects.pay.push(id);
    else if (r.entity === 'sanction') subjects.sanction.push(id);
  }
  if (options.refs) for (const r of rows) [r.before, r.after].forEach((v) => collectRefs(v, refs));

  const [users, appraisals, tasks, rulesets, schedules, pays, sanctions] = await Promise.all([
    db.user.findMany({
      where: { OR: [{ username: { in: [...usernames] } }, { id: { in: small(subjects.user) } }] },
      select: { id: true, username: true, employee: { select: { name: true, nip: true } } },
    }),
    db.appraisal.findMany({
      where: { id: { in: small(subjects.appraisal) } },
      select: { id: true, employee: { select: { name: true } }, period: { select: { label: true } } },
    }),
    db.task.findMany({ where: { id: { in: small(subjects.task) } }, select: { id: true, title: true } }),
    db.ruleSetVersion.findMany({
      where: { id: { in: small(subjects.ruleset) } },
      select: { id: true, kind: true, version: true, name: true },
    }),
    scheduleIds.size
      ? db.auditEvent.findMany({
          where: { entity: 'cycle-schedule', entityId: { in: [...scheduleIds] } },
          select: { entityId: true, after: true },
          orderBy: { id: 'asc' },
        })
      : Promise.resolve([]),
    db.payAdjustment.findMany({
      where: { id: { in: small(subjects.pay) } },
      select: { id: true, month: true, employee: { select: { name: true } } },
    }),
    db.sanction.findMany({
      where: { id: { in: small(subjects.sanction) } },
      select: { id: true, label: true, employee: { select: { name: true } } },
    }),
  ]);
  const [employees, units, cycles, periods] = await Promise.all([
    db.employee.findMany({
      where: { OR: [{ id: { in: small([...employeeIds, ...refs.employee]) } }, { nip: { in: [...nips] } }] },
      select: { id: true, name: true, nip: true },
    }),
    db.unit.findMany({ where: { id: { in: small(refs.unit) } }, select: { id: true, code: true, name: true } }),
    db.cycle.findMany({ where: { id: { in: small([...cycleIds, ...refs.cycle]) } }, select: { id: true, name: true } }),
    db.period.findMany({ where: { id: { in: small(refs.period) } }, select: { id: true, label: true } }),
  ]);
  const userByName = new Map(users.map((u) => [u.username, u]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const employeeById = new Map(employees.map((e) => [e.id, e]));
  const employeeByNip = new Map(employees.map((e) => [e.nip, e]));
  const cycleName = (id: number) => cycles.find((c) => c.id === id)?.name ?? null;
  const scheduleName = new Map<string, string>();
  for (const s of schedules) {
    const name = (s.after as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && !scheduleName.has(s.entityId)) scheduleName.set(s.entityId, name);
  }

  const actorInfo = (p: Parsed): ActorInfo => {
    switch (p.kind) {
      case 'user': {
        const u = userByName.get(p.username);
        // A NIP as a username without an account (a failed login): the employee record still names the person.
        const e = u?.employee ?? employeeByNip.get(p.username) ?? null;
        return { kind: 'user', username: p.username, name: e?.name ?? null, nip: e?.nip ?? null };
      }
      case 'appraisal-workflow':
        return { ...p, cycleName: cycleName(p.cycleId), employeeName: employeeById.get(p.employeeId)?.name ?? null };
      case 'cycle-workflow':
      case 'batch-workflow':
        return { ...p, cycleName: cycleName(p.cycleId) };
      case 'delegation-workflow':
        return { kind: p.kind, nip: p.nip, name: employeeByNip.get(p.nip)?.name ?? null };
      case 'schedule':
        return { kind: 'schedule', name: scheduleName.get(p.scheduleId) ?? null };
      default:
        return p;
    }
  };

  const subject = (r: Row): string | null => {
    const id = Number(r.entityId);
    switch (r.entity) {
      case 'employee': {
        const e = employeeById.get(id);
        return e ? `${e.name} (${e.nip})` : null;
      }
      case 'unit': {
        const u = units.find((x) => x.id === id);
        return u ? `${u.code} — ${u.name}` : null;
      }
      case 'cycle':
        return cycleName(id);
      case 'appraisal': {
        const a = appraisals.find((x) => x.id === id);
        return a ? `${a.employee.name} — ${a.period.label}` : null;
      }
      case 'task':
        return tasks.find((t) => t.id === id)?.title ?? null;
      case 'rule-set-version': {
        const v = rulesets.find((x) => x.id === id);
        return v ? `${v.name} (v${v.version})` : null;
      }
      case 'user': {
        const u = userById.get(id);
        return u ? (u.employee ? `${u.employee.name} (${u.username})` : u.username) : null;
      }
      case 'cycle-schedule':
        return scheduleName.get(r.entityId) ?? null;
      case 'pay-adjustment':
        return pays.find((x) => x.id === id)?.employee.name ?? null;
      case 'sanction': {
        const x = sanctions.find((y) => y.id === id);
        return x ? `${x.employee.name} — ${x.label}` : null;
      }
      default:
        return null;
    }
  };

  const names = options.refs
    ? {
        employee: Object.fromEntries(
          employees.filter((e) => refs.employee.has(e.id)).map((e) => [e.id, `${e.name} (${e.nip})`]),
        ),
        unit: Object.fromEntries(units.map((u) => [u.id, `${u.code} — ${u.name}`])),
        cycle: Object.fromEntries(cycles.filter((c) => refs.cycle.has(c.id)).map((c) => [c.id, c.name])),
        period: Object.fromEntries(periods.map((p) => [p.id, p.label])),
      }
    : undefined;
  // A month's allowance: the month beside the name, worded by the console in its language.
  const subjectMonth = (r: Row) =>
    r.entity === 'pay-adjustment'
      ? (pays
          .find((x) => x.id === Number(r.entityId))
          ?.month.toISOString()
          .slice(0, 7) ?? null)
      : null;
  return rows.map((r, k) => ({
    actorInfo: actorInfo(parsed[k]),
    subject: subject(r),
    subjectMonth: subjectMonth(r),
    ...(names ? { names } : {}),
  }));
}

/** Usernames of the accounts whose person's name or NIP contains `text`: the actor filter finds people by name. */
export async function usernamesOfPeople(db: PrismaClient, text: string): Promise<string[]> {
  const users = await db.user.findMany({
    where: {
      employee: {
        OR: [{ name: { contains: text, mode: 'insensitive' } }, { nip: { startsWith: text } }],
      },
    },
    select: { username: true },
    take: 200,
  });
  return users.map((u) => u.username);
}
