/**
 * Verifies the keyed audit chains and their signed checkpoints, naming each tampered entry with the reason.
 * Used by `GET /api/audit-events/verify` and `npm run audit:verify`. Each chain (prisma/audit.ts) is walked on its
 * own, in the order of its entries (`seq`), against its own checkpoints.
 *
 * What each kind of tampering by someone with write access to the database (but not AUDIT_KEY) looks like:
 * - edited: an entry's HMAC no longer matches its content, while the next entry or a checkpoint still vouches
 *   for the hash it had;
 * - inserted: an entry whose HMAC does not verify and that nothing vouches for;
 * - deleted: an authentic entry whose predecessor on its chain is missing (a gap in `seq`, or a broken link);
 * - deleted-newest: a signed checkpoint covers entries past the end of its chain;
 * - truncated: a chain is empty, or holds another history (emptied and refilled, or rewritten as a whole), where a
 *   signed checkpoint says otherwise;
 * - checkpoint: a checkpoint whose signature fails, that is missing where one is always written, or one the
 *   anchor file (outside the database) holds has gone from the table.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  auditKey,
  CHECKPOINT_EVERY,
  checkpointMac,
  entryMac,
  sameMac,
  signCheckpoint,
  type AuditEntryFields,
  type CheckpointFields,
} from '../../prisma/audit';
import type { Db } from '../../prisma/client';

export type AuditTamperReason =
  'edited' | 'inserted' | 'deleted' | 'deleted-newest' | 'truncated' | 'checkpoint' | 'key';

export interface AuditProblem {
  /** The entry concerned (for a deletion: the first missing id). */
  id: string;
  reason: AuditTamperReason;
  /** One sentence, Indonesian / English. */
  detail: string;
}

/** Result of verifying the audit log. */
export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  checked: number;
  /** The first problem by entry id, or null. */
  firstBroken: AuditProblem | null;
  /** Every problem found (at most 100), by entry id. */
  problems: AuditProblem[];
  /**
   * The chains' newest checkpoints whose signatures verify, taken together: the entries they cover, the newest head
   * and when the last was signed.
   */
  checkpoint: { count: string; headId: string; at: string } | null;
  /** Entries after those checkpoints: removing them would only be seen once a later checkpoint exists. */
  afterCheckpoint: number;
}

const BATCH = 2000;
const MAX_PROBLEMS = 100;

interface Row extends AuditEntryFields {
  hash: string;
  chain: number;
  seq: bigint;
}

/** Reads one chain in the order of its entries, a batch at a time. */
async function* entries(db: Db, chain: number, afterSeq: bigint): AsyncGenerator<Row> {
  let cursor = afterSeq;
  for (;;) {
    const rows: Row[] = await db.auditEvent.findMany({
      where: { chain, seq: { gt: cursor } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    if (!rows.length) return;
    yield* rows;
    cursor = rows[rows.length - 1].seq;
  }
}

/** The chains that hold entries: one index probe per chain (a loose scan of the (chain, seq) index). */
async function chainsInUse(db: Db): Promise<number[]> {
  const rows = await db.$queryRaw<{ chain: number }[]>`
    WITH RECURSIVE c AS (
      SELECT min(chain) AS chain FROM audit_events
      UNION ALL
      SELECT (SELECT min(e.chain) FROM audit_events e WHERE e.chain > c.chain) FROM c WHERE c.chain IS NOT NULL
    )
    SELECT chain FROM c WHERE chain IS NOT NULL`;
  return rows.map((r) => Number(r.chain));
}

/**
 * The anchor: the newest signed checkpoint of each chain, kept in a file outside the database (AUDIT_ANCHOR_FILE;
 * `npm start` uses `.data/audit-anchor.json`). Checkpoints in the database only help while they are there: someone
 * who deletes the newest entries together with the newest checkpoints is caught by the anchor alone.
 */
interface AnchorCheckpoint {
  chain: number;
  at: string;
  count: string;
  headId: string;
  headHash: string;
  mac: string;
}
type Signed = CheckpointFields & { mac: string };

function readAnchor(file: string, database: string): Signed[] {
  if (!existsSync(file)) return [];
  const a = JSON.parse(readFileSync(file, 'utf8')) as { database: string; checkpoints?: AnchorCheckpoint[] };
  if (a.database !== database || !Array.isArray(a.checkpoints)) return []; // another installation's anchor
  return a.checkpoints.map((c) => ({
    chain: Number(c.chain),
    at: new Date(c.at),
    count: BigInt(c.count),
    headId: BigInt(c.headId),
    headHash: c.headHash,
    mac: c.mac,
  }));
}

function writeAnchor(file: string, database: string, checkpoints: Signed[]): void {
  const anchor = {
    database,
    checkpoints: checkpoints.map<AnchorCheckpoint>((c) => ({
      chain: c.chain,
      at: c.at.toISOString(),
      count: c.count.toString(),
      headId: c.headId.toString(),
      headHash: c.headHash,
      mac: c.mac,
    })),
  };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

type Report = (id: bigint, reason: AuditTamperReason, detail: string) => void;

/** What walking one chain found. */
interface ChainWalk {
  chain: number;
  /** Entries of the chain up to its head (counted from the checkpoint when only what follows it was walked). */
  checked: number;
  /** Entries read, and those whose MAC verifies: none verifying anywhere points at another key. */
  read: number;
  authentic: number;
  head: (Row & { valid: boolean }) | null;
  newest: CheckpointFields | null;
}

const newestOf = (cs: CheckpointFields[]) =>
  cs.reduce<CheckpointFields | null>((a, c) => (!a || c.headId > a.headId ? c : a), null);

/** Walks one chain against its checkpoints (whose signatures verify), reporting what does not hold. */
async function walkChain(
  db: Db,
  key: Buffer,
  chain: number,
  checkpoints: CheckpointFields[],
  sinceCheckpoint: boolean,
  reportAny: Report,
): Promise<ChainWalk> {
  let found = 0;
  const report: Report = (...args) => {
    found++;
    reportAny(...args);
  };
  const byHead = new Map<bigint, CheckpointFields[]>();
  for (const c of checkpoints) byHead.set(c.headId, [...(byHead.get(c.headId) ?? []), c]);
  const newest = newestOf(checkpoints);
  const walk: ChainWalk = { chain, checked: 0, read: 0, authentic: 0, head: null, newest };

  if (sinceCheckpoint && newest) {
    // Start from the checkpoint's head when it is there as signed; otherwise walk the chain to name what happened.
    const head = await db.auditEvent.findUnique({ where: { id: newest.headId } });
    if (head && head.chain === chain && head.hash === newest.headHash && sameMac(entryMac(key, head), head.hash)) {
      walk.head = { ...head, valid: true };
      walk.checked = Number(newest.count);
      walk.read = walk.authentic = 1;
    }
  }
  const startedAtCheckpoint = walk.head !== null;
  const signedHeadsSeen = new Set<bigint>();
  let pending: (Row & { macOk: boolean }) | null = null;
  // An entry whose MAC fails is classified once the next entry is known: does anything vouch for its hash?
  const settle = (row: Row & { macOk: boolean }, next: Row | null) => {
    if (row.macOk) return;
    const vouched =
      (next !== null && next.prevHash === row.hash) ||
      (byHead.get(row.id) ?? []).some((c) => c.headHash === row.hash) ||
      (newest !== null && row.id <= newest.headId);
    if (vouched) report(row.id, 'edited', `entri #${row.id} diubah (HMAC tidak cocok) / entry content edited`);
    else report(row.id, 'inserted', `entri #${row.id} disisipkan tanpa kunci audit / entry inserted without the key`);
  };

  for await (const row of entries(db, chain, walk.head?.seq ?? 0n)) {
    const previous = walk.head;
    walk.checked++;
    walk.read++;
    const macOk = sameMac(entryMac(key, row), row.hash);
    if (macOk) walk.authentic++;
    if (pending) settle(pending, row);
    pending = { ...row, macOk };

    // An authentic entry that chained to something other than the entry now before it: entries were deleted
    // (unless the one before is itself forged, which settle() names).
    if (
      macOk &&
      row.prevHash !== (previous?.hash ?? '') &&
      (!previous || previous.valid || row.seq > previous.seq + 1n)
    ) {
      const first = (previous?.seq ?? 0n) + 1n;
      const last = row.seq - 1n;
      report(
        row.id,
        'deleted',
        last > first
          ? `entri ke-${first}–${last} rantai ${chain} dihapus, sebelum #${row.id} / chain ${chain}'s entries ${first}–${last} deleted, before #${row.id}`
          : `entri sebelum #${row.id} (rantai ${chain}) dihapus / entry deleted before #${row.id}`,
      );
    }
    // A checkpoint signed at this entry must name this very entry, and the number of entries up to it.
    for (const c of byHead.get(row.id) ?? []) {
      if (!macOk) continue;
      signedHeadsSeen.add(row.id);
      if (c.headHash !== row.hash)
        report(
          row.id,
          'truncated',
          `log dikosongkan atau ditulis ulang: #${row.id} bukan entri yang ditandatangani / log truncated or rewritten`,
        );
      else if (BigInt(walk.checked) !== c.count && found === 0)
        report(
          row.id,
          c.count > BigInt(walk.checked) ? 'deleted' : 'inserted',
          `${walk.checked} entri rantai ${chain} sampai #${row.id}, checkpoint: ${c.count} / count differs`,
        );
    }
    if (macOk && row.seq % BigInt(CHECKPOINT_EVERY) === 0n && !byHead.has(row.id))
      report(row.id, 'checkpoint', `checkpoint pada entri #${row.id} hilang / checkpoint at this entry deleted`);
    walk.head = { ...row, valid: macOk };
  }
  if (pending) settle(pending, null);

  const end = walk.head;
  if (newest && !end)
    report(
      newest.headId,
      'truncated',
      `rantai ${chain} kosong, padahal checkpoint mencatat ${newest.count} entri s.d. #${newest.headId} / chain emptied`,
    );
  else if (newest && end && end.id < newest.headId)
    report(
      newest.headId,
      'deleted-newest',
      `entri terbaru rantai ${chain} sesudah #${end.id} s.d. #${newest.headId} dihapus (checkpoint mencatat ${newest.count}) / newest entries deleted`,
    );
  else if (end && !startedAtCheckpoint && found === 0)
    // A chain emptied and written again: entries its checkpoints signed are not on it any more.
    for (const c of checkpoints)
      if (c.headId <= end.id && !signedHeadsSeen.has(c.headId))
        report(
          c.headId,
          'truncated',
          `log dikosongkan atau ditulis ulang: entri #${c.headId} yang ditandatangani tidak ada / log truncated or rewritten`,
        );
  return walk;
}

/**
 * Walks every chain and compares it with its checkpoints and the anchor file; when all is well, signs a checkpoint
 * at each chain's head and moves the anchor to them.
 */
export async function verifyAuditChain(
  db: Db,
  options: {
    sign?: boolean;
    anchorFile?: string | null;
    /** Walk only the entries after each chain's newest checkpoint (whose head entry is checked): the periodic seal. */
    sinceCheckpoint?: boolean;
  } = {},
): Promise<AuditVerification> {
  const key = auditKey();
  const anchorFile = options.anchorFile === undefined ? process.env.AUDIT_ANCHOR_FILE || null : options.anchorFile;
  const database = anchorFile
    ? (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0].name
    : '';
  const problems: AuditProblem[] = [];
  const report: Report = (id, reason, detail) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ id: id.toString(), reason, detail });
  };

  const checkpoints: CheckpointFields[] = [];
  for (const c of await db.auditCheckpoint.findMany({ orderBy: { id: 'asc' } })) {
    if (sameMac(checkpointMac(key, c), c.mac)) checkpoints.push(c);
    else report(c.headId, 'checkpoint', `checkpoint #${c.id} palsu atau diubah / forged or altered checkpoint`);
  }
  const anchor = anchorFile ? readAnchor(anchorFile, database) : [];
  for (const a of anchor) {
    if (!sameMac(checkpointMac(key, a), a.mac))
      report(a.headId, 'checkpoint', `berkas jangkar ${anchorFile} palsu / the anchor file is forged`);
    else if (!checkpoints.some((c) => c.chain === a.chain && c.headId === a.headId && c.headHash === a.headHash)) {
      report(
        a.headId,
        'checkpoint',
        `checkpoint #${a.headId} (jangkar di luar basis data) hilang dari tabel / the anchored checkpoint was deleted`,
      );
      checkpoints.push(a);
    }
  }

  const chains = [...new Set([...(await chainsInUse(db)), ...checkpoints.map((c) => c.chain)])].sort((a, b) => a - b);
  const sinceCheckpoint = options.sinceCheckpoint === true && problems.length === 0;
  const walks: ChainWalk[] = [];
  for (const chain of chains)
    walks.push(
      await walkChain(
        db,
        key,
        chain,
        checkpoints.filter((c) => c.chain === chain),
        sinceCheckpoint,
        report,
      ),
    );

  const read = walks.reduce((n, w) => n + w.read, 0);
  if (!walks.length && (await db.user.count()) > 0)
    report(1n, 'truncated', 'log audit dan checkpoint kosong padahal ada pengguna / audit log and checkpoints emptied');
  // Not one entry or checkpoint verifies: far likelier another key than a log forged from end to end.
  if (read > 0 && walks.every((w) => w.authentic === 0) && checkpoints.length === 0)
    problems.unshift({
      id: '1',
      reason: 'key',
      detail: 'AUDIT_KEY bukan kunci yang menandatangani log ini / AUDIT_KEY is not the key this log was signed with',
    });

  problems.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
  const ok = problems.length === 0;
  const sign = ok && options.sign !== false;
  const signed: Signed[] = [];
  for (const w of walks) {
    let newest = w.newest;
    if (sign && w.head && (!newest || newest.headId < w.head.id))
      newest = await signCheckpoint(db, key, {
        chain: w.chain,
        at: new Date(),
        count: BigInt(w.checked),
        headId: w.head.id,
        headHash: w.head.hash,
      });
    if (newest) signed.push({ ...newest, mac: checkpointMac(key, newest) });
  }
  const anchorBehind = signed.some((s) => !anchor.some((a) => a.chain === s.chain && a.headId === s.headId));
  if (sign && anchorFile && signed.length && anchorBehind) writeAnchor(anchorFile, database, signed);

  const checked = walks.reduce((n, w) => n + w.checked, 0);
  const covered = signed.reduce((n, s) => n + s.count, 0n);
  return {
    ok,
    checked,
    firstBroken: problems[0] ?? null,
    problems,
    checkpoint: signed.length
      ? {
          count: covered.toString(),
          headId: signed.reduce((m, s) => (s.headId > m ? s.headId : m), 0n).toString(),
          at: new Date(Math.max(...signed.map((s) => s.at.getTime()))).toISOString(),
        }
      : null,
    afterCheckpoint: walks.reduce((n, w) => {
      const s = signed.find((c) => c.chain === w.chain);
      return n + Math.max(0, w.checked - Number(s?.count ?? 0n));
    }, 0),
  };
}
