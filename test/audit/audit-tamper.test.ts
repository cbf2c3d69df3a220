/**
 * The audit log against an insider with the database owner's rights but not AUDIT_KEY: each kind of tampering
 * (edit, delete, insert, delete the newest, truncate, forge or drop a checkpoint) is named by the verification.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { entryMac, recordAudit } from '../../prisma/audit';
import { createPrisma } from '../../prisma/client';
import { verifyAuditChain } from '../../server/audit/audit-verification';
import { adminUrl, createTestDatabase, type TestDatabase } from '../helpers/test-database';

const ENTRIES = 120;

/** A database with ENTRIES audit events (checkpoints at 50 and 100, then one signed by a verification at 120). */
async function auditedDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('audit_tamper');
  for (let i = 1; i <= ENTRIES; i++) {
    await recordAudit(db.prisma, {
      actorUserId: null,
      actor: i % 2 ? 'admin' : 'system:cycle',
      action: 'update',
      entity: 'appraisal',
      entityId: BigInt(i),
      before: { z: 1, a: { y: [1, 'dua', null], b: new Date(Date.UTC(2026, 0, i)) }, n: 0.1 + 0.2 },
      after: i % 3 ? { amount: '1234567.89', note: 'Catatan "kutip" ✓' } : undefined,
    });
  }
  const first = await verifyAuditChain(db.prisma);
  expect(first).toMatchObject({ ok: true, checked: ENTRIES, problems: [], afterCheckpoint: 0 });
  expect(first.checkpoint).toMatchObject({ count: String(ENTRIES), headId: String(ENTRIES) });
  return db;
}

async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const u = new URL(adminUrl());
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A copy of the template database (PostgreSQL copies it in milliseconds), for one destructive case. */
async function copyOf(template: TestDatabase): Promise<TestDatabase> {
  const name = `${template.name}_${randomBytes(3).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template.name}"`));
  const u = new URL(template.url);
  u.pathname = `/${name}`;
  const prisma = createPrisma(u.toString(), { max: 3 });
  return {
    name,
    url: u.toString(),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      if (process.env.CAPAIAN_TEST_CLUSTER === 'disposable') return; // as in test/helpers/test-database.ts
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Runs SQL as the database owner, with the append-only triggers switched off as an owner can. */
async function asOwner(db: TestDatabase, ...sql: string[]): Promise<void> {
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await pg.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    for (const s of sql) await pg.query(s);
    await pg.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await pg.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  } finally {
    await pg.end();
  }
}

const fakeHash = () => createHash('sha256').update(randomBytes(16)).digest('hex');

describe('audit log tampered with by the database owner', () => {
  let template: TestDatabase;
  let db: TestDatabase;
  beforeAll(async () => {
    template = await auditedDatabase();
    await template.prisma.$disconnect(); // a template must have no connections
  });
  afterAll(() => template.drop());
  beforeEach(async () => {
    db = await copyOf(template);
  });
  afterEach(() => db.drop());

  it('an intact log verifies; the append-only triggers refuse an ordinary UPDATE, DELETE and TRUNCATE', async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      for (const sql of [
        `UPDATE audit_events SET actor = 'mallory' WHERE id = 5`,
        'DELETE FROM audit_events WHERE id = 5',
        'TRUNCATE audit_events',
        'DELETE FROM audit_checkpoints',
      ])
        await expect(pg.query(sql)).rejects.toThrow(/append-only/);
    } finally {
      await pg.end();
    }
    // Verifying again signs nothing new: the newest checkpoint already names the head.
    const again = await verifyAuditChain(db.prisma);
    expect(again).toMatchObject({ ok: true, firstBroken: null, checkpoint: { headId: String(ENTRIES) } });
    expect(await db.prisma.auditCheckpoint.count()).toBe(3);
  });

  it('edited: an entry whose content changed is named, with or without its hash recomputed', async () => {
    await asOwner(
      db,
      `UPDATE audit_events SET actor = 'mallory' WHERE id = 30`,
      `UPDATE audit_events SET after = '{"amount":"9999999.00"}', hash = '${fakeHash()}' WHERE id = 77`,
    );
    const r = await verifyAuditChain(db.prisma);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: '30', reason: 'edited' });
    expect(r.problems.map((p) => [p.id, p.reason])).toEqual([
      ['30', 'edited'],
      ['77', 'edited'],
    ]);
    // A broken log is never signed.
    expect(await db.prisma.auditCheckpoint.count()).toBe(3);
  });

  it('deleted: an entry removed from the middle is named by its id', async () => {
    await asOwner(db, 'DELETE FROM audit_events WHERE id = 40', 'DELETE FROM audit_events WHERE id BETWEEN 60 AND 62');
    const r = await verifyAuditChain(db.prisma);
    // Named by the entry whose link points at what is gone, with the places that are missing on its chain.
    expect(r.problems.map((p) => [p.id, p.reason])).toEqual([
      ['41', 'deleted'],
      ['63', 'deleted'],
    ]);
    expect(r.problems[1].detail).toContain('60–62');
  });

  it('inserted: a forged entry at the head, and an unkeyed one that chains correctly, are named', async () => {
    const head = await db.prisma.auditEvent.findFirstOrThrow({ where: { id: ENTRIES } });
    await asOwner(
      db,
      `INSERT INTO audit_events (id, chain, seq, at, actor, action, entity, entity_id, prev_hash, hash)
       VALUES (${ENTRIES + 1}, 0, ${ENTRIES + 1}, now(), 'admin', 'approve', 'appraisal', '7', '${head.hash}',
               '${fakeHash()}')`,
    );
    const r = await verifyAuditChain(db.prisma);
    expect(r.firstBroken).toMatchObject({ id: String(ENTRIES + 1), reason: 'inserted' });
    expect(r.problems).toHaveLength(1);
  });

  it('deleted-newest: removing the newest entries is seen against the signed checkpoint', async () => {
    await asOwner(db, 'DELETE FROM audit_events WHERE id > 115');
    const r = await verifyAuditChain(db.prisma);
    expect(r.problems.map((p) => [p.id, p.reason])).toEqual([['120', 'deleted-newest']]);
    expect(r.firstBroken!.detail).toContain('#115 s.d. #120');
  });

  it('truncated: an emptied log is named, and so is one emptied together with its checkpoints', async () => {
    await asOwner(db, 'TRUNCATE audit_events');
    let r = await verifyAuditChain(db.prisma);
    expect(r).toMatchObject({ ok: false, checked: 0, firstBroken: { id: '120', reason: 'truncated' } });

    await db.prisma.user.create({ data: { username: 'siapa', passwordHash: 'x', roles: ['EMPLOYEE'] } });
    await asOwner(db, 'TRUNCATE audit_checkpoints');
    r = await verifyAuditChain(db.prisma);
    expect(r).toMatchObject({ ok: false, firstBroken: { id: '1', reason: 'truncated' } });
  });

  it('truncated and rewritten: a log started again after truncation does not match the checkpoints', async () => {
    await asOwner(db, 'TRUNCATE audit_events');
    for (let i = 0; i < 50; i++)
      await recordAudit(db.prisma, { actor: 'admin', action: 'x', entity: 'y', entityId: i });
    const r = await verifyAuditChain(db.prisma);
    expect(r.firstBroken).toMatchObject({ id: '50', reason: 'truncated' });
  });

  it('rewritten as a whole with a chain recomputed under another key: every entry is named', async () => {
    const mallorysKey = randomBytes(32);
    let prevHash = '';
    const updates: string[] = [];
    for (const row of await db.prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } })) {
      const hash = entryMac(mallorysKey, { ...row, actor: 'mallory', prevHash });
      updates.push(`UPDATE audit_events SET actor = 'mallory', prev_hash = '${prevHash}', hash = '${hash}'
                    WHERE id = ${row.id}`);
      prevHash = hash;
    }
    await asOwner(db, ...updates);
    const r = await verifyAuditChain(db.prisma);
    // The checkpoints, signed with the real key, still vouch for the chain: each entry is an edit, not another key.
    expect(r.firstBroken).toMatchObject({ id: '1', reason: 'edited' });
    expect(r.problems).toHaveLength(100); // the report's limit
    expect(r.problems.every((p) => p.reason === 'edited')).toBe(true);
  });

  it('checkpoint: a forged checkpoint and one dropped where one is always written are named', async () => {
    await asOwner(
      db,
      `INSERT INTO audit_checkpoints (chain, at, count, head_id, head_hash, mac)
       VALUES (0, now(), 10, 10, 'x', '${fakeHash()}')`,
      'DELETE FROM audit_checkpoints WHERE head_id = 100',
    );
    const r = await verifyAuditChain(db.prisma);
    expect(r.problems.map((p) => [p.id, p.reason])).toEqual([
      ['10', 'checkpoint'],
      ['100', 'checkpoint'],
    ]);
  });

  it('deleted-newest with their checkpoints: unseen by the database alone, named against the anchor file', async () => {
    const anchorFile = join(mkdtempSync(join(tmpdir(), 'audit-anchor-')), 'audit-anchor.json');
    expect(await verifyAuditChain(db.prisma, { anchorFile })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(anchorFile, 'utf8'))).toMatchObject({
      database: db.name,
      checkpoints: [{ chain: 0, count: '120', headId: '120' }],
    });

    await asOwner(db, 'DELETE FROM audit_events WHERE id >= 100', 'DELETE FROM audit_checkpoints WHERE head_id >= 100');
    // What the database alone can say: nothing. This is why the anchor lives outside it.
    expect(await verifyAuditChain(db.prisma, { anchorFile: null, sign: false })).toMatchObject({ ok: true });
    const r = await verifyAuditChain(db.prisma, { anchorFile });
    expect(r.problems.map((p) => [p.id, p.reason])).toEqual([
      ['120', 'checkpoint'],
      ['120', 'deleted-newest'],
    ]);
    expect(r.problems[1].detail).toContain('#99 s.d. #120');

    await asOwner(db, 'TRUNCATE audit_events', 'TRUNCATE audit_checkpoints');
    const emptied = await verifyAuditChain(db.prisma, { anchorFile });
    expect(emptied.problems.map((p) => [p.id, p.reason])).toEqual([
      ['120', 'checkpoint'],
      ['120', 'truncated'],
    ]);

    // The anchor itself is signed: raising or lowering its count is seen.
    writeFileSync(anchorFile, readFileSync(anchorFile, 'utf8').replace('"count": "120"', '"count": "90"'));
    const forged = await verifyAuditChain(db.prisma, { anchorFile });
    expect(forged.problems.some((p) => p.reason === 'checkpoint' && /forged/.test(p.detail))).toBe(true);
  });

  it('another AUDIT_KEY is named as such rather than as a hundred edits', async () => {
    const key = process.env.AUDIT_KEY;
    process.env.AUDIT_KEY = randomBytes(32).toString('hex');
    try {
      const r = await verifyAuditChain(db.prisma);
      expect(r.firstBroken).toMatchObject({ reason: 'key' });
    } finally {
      process.env.AUDIT_KEY = key;
    }
  });
});
