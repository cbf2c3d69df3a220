/** The keyed audit chains as the application writes them: concurrent appends, rollbacks, a chain's lock held. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { AUDIT_CHAINS, AUDIT_LOCK, CHECKPOINT_EVERY, recordAudit } from '../../prisma/audit';
import { startAuditSeal } from '../../server/audit/audit-seal';
import { verifyAuditChain } from '../../server/audit/audit-verification';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('keyed audit chain', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('audit_chain');
  });
  afterEach(() => db.drop());

  it('appends one after another stay on the first chain, numbered 1, 2, 3, …; a rolled-back one leaves no gap', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        recordAudit(db.prisma, { actor: `u${i}`, action: 'login', entity: 'user', entityId: i }),
      ),
    );
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actor: 'admin', action: 'update', entity: 'unit', entityId: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await db.prisma.$transaction((tx) =>
      recordAudit(tx, { actor: 'admin', action: 'update', entity: 'unit', entityId: 2 }),
    );
    const ids = (await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((r) =>
      Number(r.id),
    );
    expect(ids).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    const places = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { chain: true, seq: true } });
    expect(places.map((p) => [p.chain, Number(p.seq)])).toEqual(ids.map((id) => [0, id]));
    // The checkpoint written with entry #50, in the same transaction.
    expect(await db.prisma.auditCheckpoint.findMany({ select: { chain: true, headId: true, count: true } })).toEqual([
      { chain: 0, headId: BigInt(CHECKPOINT_EVERY), count: BigInt(CHECKPOINT_EVERY) },
    ]);
    const r = await verifyAuditChain(db.prisma, { sign: false });
    expect(r).toMatchObject({ ok: true, checked: 61, afterCheckpoint: 11 });
  });

  it("a transaction's entries are appended at its end: the chain's lock is not held across its other work", async () => {
    // The first transaction records two entries, then waits on a lock this test holds: the rest of its work.
    const GATE = 99_000_001;
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [GATE]);
    let slow: Promise<void> | undefined;
    try {
      slow = db.prisma.$transaction(
        async (tx) => {
          await recordAudit(tx, { actor: 'slow', action: 'update', entity: 'unit', entityId: 1 });
          await recordAudit(tx, { actor: 'slow', action: 'stage', entity: 'unit', entityId: 1 });
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GATE}::bigint)`;
        },
        { timeout: 60_000 },
      );
      // Once it waits there, another transaction records and commits: it does not wait for the first.
      for (let i = 0; ; i++) {
        const { rows } = await holder.query(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
          [GATE],
        );
        if (rows[0].n > 0) break;
        if (i > 300) throw new Error('the first transaction never reached the lock');
        await new Promise((r) => setTimeout(r, 50));
      }
      await db.prisma.$transaction((tx) =>
        recordAudit(tx, { actor: 'quick', action: 'update', entity: 'unit', entityId: 2 }),
      );
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [GATE]);
      await holder.end();
    }
    await slow;
    // 48 more in concurrent transactions of three: they may land on other chains.
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        db.prisma.$transaction(async (tx) => {
          for (let k = 0; k < 3; k++)
            await recordAudit(tx, { actor: `t${i}`, action: `a${k}`, entity: 'x', entityId: i });
        }),
      ),
    );
    const rows = await db.prisma.auditEvent.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, actor: true, action: true, chain: true, seq: true },
    });
    expect(rows.slice(0, 3).map((r) => [r.actor, r.action])).toEqual([
      ['quick', 'update'],
      ['slow', 'update'],
      ['slow', 'stage'],
    ]);
    // Each transaction's entries sit together on one chain, one after another and in the order recorded. Their ids
    // rise in that order too, but concurrent transactions on other chains draw from the same sequence meanwhile, so
    // ids need not be consecutive.
    expect(rows).toHaveLength(51);
    for (let i = 0; i < 16; i++) {
      const mine = rows.filter((r) => r.actor === `t${i}`);
      expect(mine.map((r) => r.action)).toEqual(['a0', 'a1', 'a2']);
      expect(new Set(mine.map((r) => r.chain)).size).toBe(1);
      expect(mine.map((r) => Number(r.seq) - Number(mine[0].seq))).toEqual([0, 1, 2]);
    }
    expect(new Set(rows.map((r) => Number(r.id))).size).toBe(51);
    expect(await verifyAuditChain(db.prisma, { sign: false })).toMatchObject({ ok: true, checked: 51 });
  });

  it('refuses to write without AUDIT_KEY, and names another key as such', async () => {
    const key = process.env.AUDIT_KEY;
    delete process.env.AUDIT_KEY;
    try {
      await expect(recordAudit(db.prisma, { actor: 'a', action: 'b', entity: 'c', entityId: 1 })).rejects.toThrow(
        /AUDIT_KEY/,
      );
    } finally {
      process.env.AUDIT_KEY = key;
    }
    expect(await db.prisma.auditEvent.count()).toBe(0);

    // A log too short for a checkpoint, verified with another key: the key is named, not each entry.
    for (let i = 0; i < 3; i++) await recordAudit(db.prisma, { actor: 'a', action: 'b', entity: 'c', entityId: i });
    process.env.AUDIT_KEY = 'another-key-another-key-another-key';
    try {
      expect((await verifyAuditChain(db.prisma)).firstBroken).toMatchObject({ reason: 'key' });
    } finally {
      process.env.AUDIT_KEY = key;
    }
  });

  it('an append takes the first free chain, waits when all are held, and each chain verifies on its own', async () => {
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    const append = (entityId: number) => recordAudit(db.prisma, { actor: 'a', action: 'x', entity: 'y', entityId });
    const chainOf = async (entityId: number) =>
      (await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: String(entityId) } })).chain;
    try {
      await append(1);
      // Chains 0 and 1 held by another transaction: the next append goes to chain 2, without waiting.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1), pg_advisory_xact_lock($2)', [AUDIT_LOCK, AUDIT_LOCK + 1]);
      await append(2);
      expect(await chainOf(2)).toBe(2);
      // Every chain held: the append waits until the holder commits.
      for (let k = 2; k < AUDIT_CHAINS; k++) await holder.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK + k]);
      let done = false;
      const waiting = append(3).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      await holder.query('COMMIT');
      await waiting;
      await append(4);
    } finally {
      await holder.end();
    }
    expect(await chainOf(4)).toBe(0);
    const rows = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => Number(r.id))).toEqual([1, 2, 3, 4]);
    // Chain 2 starts afresh: its first entry links to nothing.
    expect(rows[1]).toMatchObject({ chain: 2, seq: 1n, prevHash: '' });
    const r = await verifyAuditChain(db.prisma);
    expect(r).toMatchObject({ ok: true, checked: 4 });
    expect((await db.prisma.auditCheckpoint.findMany()).map((c) => c.chain).sort()).toEqual(
      [...new Set(rows.map((e) => e.chain))].sort(),
    );

    // A deletion on one chain is named there; the other chains are intact.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    const onZero = rows.filter((e) => e.chain === 0);
    await pg.query('DELETE FROM audit_events WHERE id = $1', [onZero[0].id]);
    await pg.end();
    const broken = await verifyAuditChain(db.prisma, { sign: false });
    expect(broken.problems.map((p) => [p.id, p.reason])).toEqual([[String(onZero[1].id), 'deleted']]);
  });

  it('the periodic seal walks only what follows the newest checkpoint, signs the head and reports tampering', async () => {
    for (let i = 0; i < 55; i++)
      await recordAudit(db.prisma, { actor: 'admin', action: 'x', entity: 'y', entityId: i });
    const since = await verifyAuditChain(db.prisma, { sinceCheckpoint: true });
    expect(since).toMatchObject({ ok: true, checked: 55, checkpoint: { count: '55', headId: '55' } });

    const logged: unknown[] = [];
    const logger = { error: (o: unknown) => logged.push(o), debug: () => undefined, warn: () => undefined };
    for (let i = 0; i < 3; i++) await recordAudit(db.prisma, { actor: 'admin', action: 'x', entity: 'y', entityId: i });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await pg.query(`UPDATE audit_events SET actor = 'mallory' WHERE id = 57`);
    await pg.end();
    const stop = startAuditSeal(db.prisma, logger as any, 50);
    // The first seal reports it (polled: a seal takes longer on a busy machine).
    for (let i = 0; logged.length === 0 && i < 300; i++) await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(logged[0]).toMatchObject({ problems: [{ id: '57', reason: 'edited' }] });
    expect(await db.prisma.auditCheckpoint.count({ where: { headId: { gt: 55n } } })).toBe(0);
  });

  it('`npm run audit:verify` names each tampered entry and exits with 2', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(db.prisma, { actor: 'admin', action: 'x', entity: 'y', entityId: i });
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true, checkpoint: { headId: '5' } });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await pg.query(`UPDATE audit_events SET entity_id = '99' WHERE id = 2`);
    await pg.query('DELETE FROM audit_events WHERE id = 5');
    await pg.end();
    // One run of the script only: tsx takes seconds to start on a busy machine.
    const broken = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'audit-verify.ts')],
      { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8' },
    );
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('#2 edited');
    expect(broken.stderr).toContain('#5 deleted-newest');
  });
});
