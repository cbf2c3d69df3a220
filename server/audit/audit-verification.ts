/**
 * Verifies the keyed audit chain and its signed checkpoints, naming each tampered entry with the reason.
 * Used by `GET /api/audit-events/verify` and `npm run audit:verify`.
 *
 * What each kind of tampering by someone with write access to the database (but not AUDIT_KEY) looks like:
 * - edited: an entry's HMAC no longer matches its content, while the next entry or a checkpoint still vouches
 *   for the hash it had;
 * - inserted: an entry whose HMAC does not verify and that nothing vouches for (or an unkeyed entry after keying);
 * - deleted: an authentic entry whose predecessor is missing (the id sequence has a gap, the link is broken);
 * - deleted-newest: a signed checkpoint covers entries past the end of the log;
 * - truncated: the log is empty, or holds another history (emptied and refilled, or rewritten as a whole), where a
 *   signed checkpoint says otherwise;
 * - checkpoint: a checkpoint whose signature fails, that is missing where one is always written, or the one the
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
  /** The newest checkpoint whose signature verifies. */
  checkpoint: { count: string; headId: string; at: string } | null;
  /** Entries after that checkpoint: removing them would only be seen once a later checkpoint exists. */
  afterCheckpoint: number;
}

const BATCH = 2000;
const MAX_PROBLEMS = 100;

interface Row extends AuditEntryFields {
  hash: string;
  keyed: boolean;
}

/** Reads the log in id order, a batch at a time, with the unkeyed hash the database computes for legacy entries. */
async function* entries(db: Db, after: bigint): AsyncGenerator<Row & { legacyHash?: string }> {
  let cursor = after;
  for (;;) {
    const rows: Row[] = await db.auditEvent.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (!rows.length) return;
    const legacy = rows.filter((r) => !r.keyed);
    const legacyHashes = new Map<bigint, string>();
    if (legacy.length) {
      const found = await db.$queryRaw<{ id: bigint; expected: string }[]>`
        SELECT id, audit_event_hash(prev_hash, id, at, actor_user_id, actor, action, entity, entity_id, before, after) AS expected
        FROM audit_events WHERE NOT keyed AND id >= ${legacy[0].id} AND id <= ${legacy[legacy.length - 1].id}`;
      for (const f of found) legacyHashes.set(BigInt(f.id), f.expected);
    }
    for (const r of rows) yield { ...r, legacyHash: legacyHashes.get(r.id) };
    cursor = rows[rows.length - 1].id;
  }
}

/**
 * The anchor: the newest signed checkpoint, kept in a file outside the database (AUDIT_ANCHOR_FILE; `npm start`
 * uses `.data/audit-anchor.json`). Checkpoints in the database only help while they are there: someone who deletes
 * the newest entries together with the newest checkpoints is caught by the anchor alone.
 */
interface Anchor {
  database: string;
  at: string;
  count: string;
  headId: string;
  headHash: string;
  mac: string;
}

function readAnchor(file: string, database: string): (CheckpointFields & { mac: string }) | null {
  if (!existsSync(file)) return null;
  const a = JSON.parse(readFileSync(file, 'utf8')) as Anchor;
  if (a.database !== database) return null; // another installation's anchor
  return { at: new Date(a.at), count: BigInt(a.count), headId: BigInt(a.headId), headHash: a.headHash, mac: a.mac };
}

function writeAnchor(file: string, database: string, c: CheckpointFields & { mac: string }): void {
  const anchor: Anchor = {
    database,
    at: c.at.toISOString(),
    count: c.count.toString(),
    headId: c.headId.toString(),
    headHash: c.headHash,
    mac: c.mac,
  };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * Walks the whole chain and compares it with every checkpoint and the anchor file; when all is well, signs a
 * checkpoint at the head and moves the anchor to it.
 */
export async function verifyAuditChain(
  db: Db,
  options: {
    sign?: boolean;
    anchorFile?: string | null;
    /** Walk only the entries after the newest checkpoint (whose head entry is checked): the periodic seal. */
    sinceCheckpoint?: boolean;
  } = {},
): Promise<AuditVerification> {
  const key = auditKey();
  const anchorFile = options.anchorFile === undefined ? process.env.AUDIT_ANCHOR_FILE || null : options.anchorFile;
  const database = anchorFile
    ? (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0].name
    : '';
  const problems: AuditProblem[] = [];
  const report = (id: bigint, reason: AuditTamperReason, detail: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ id: id.toString(), reason, detail });
  };

  const allCheckpoints = await db.auditCheckpoint.findMany({ orderBy: { id: 'asc' } });
  const checkpoints: CheckpointFields[] = [];
  for (const c of allCheckpoints) {
    if (sameMac(checkpointMac(key, c), c.mac)) checkpoints.push(c);
    else report(c.headId, 'checkpoint', `checkpoint #${c.id} palsu atau diubah / forged or altered checkpoint`);
  }
  const anchor = anchorFile ? readAnchor(anchorFile, database) : null;
  if (anchor && !sameMac(checkpointMac(key, anchor), anchor.mac))
    report(anchor.headId, 'checkpoint', `berkas jangkar ${anchorFile} palsu / the anchor file is forged`);
  else if (anchor) {
    const same = (c: CheckpointFields) => c.headId === anchor.headId && c.headHash === anchor.headHash;
    if (!checkpoints.some(same)) {
      report(
        anchor.headId,
        'checkpoint',
        `checkpoint #${anchor.headId} (jangkar di luar basis data) hilang dari tabel / the anchored checkpoint was deleted`,
      );
      checkpoints.push(anchor);
    }
  }
  const byHead = new Map<bigint, CheckpointFields[]>();
  for (const c of checkpoints) byHead.set(c.headId, [...(byHead.get(c.headId) ?? []), c]);
  const newest = checkpoints.reduce<CheckpointFields | null>((a, c) => (!a || c.headId > a.headId ? c : a), null);

  let checked = 0;
  let keyedSeen = 0;
  let keyedValid = 0;
  let previous: (Row & { valid: boolean }) | null = null;
  if (options.sinceCheckpoint && newest && problems.length === 0) {
    // Start from the checkpoint's head when it is there as signed; otherwise walk everything to name what happened.
    const head = await db.auditEvent.findUnique({ where: { id: newest.headId } });
    if (head && head.keyed && head.hash === newest.headHash && sameMac(entryMac(key, head), head.hash)) {
      previous = { ...head, valid: true };
      checked = Number(newest.count);
      keyedSeen = keyedValid = 1;
    }
  }
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

  for await (const row of entries(db, previous?.id ?? -1n)) {
    checked++;
    if (row.keyed) keyedSeen++;
    let macOk: boolean;
    if (row.keyed) macOk = sameMac(entryMac(key, row), row.hash);
    else macOk = keyedSeen === 0 && row.legacyHash === row.hash;
    if (row.keyed && macOk) keyedValid++;
    if (pending) settle(pending, row);
    pending = { ...row, macOk };

    if (macOk && row.prevHash !== (previous?.hash ?? '')) {
      // An authentic entry that chained to something other than the entry now before it.
      // Keyed entries are numbered consecutively, so a gap before one is certainly a deletion.
      if (!previous || (row.keyed && row.id > previous.id + 1n)) {
        const firstMissing = previous ? previous.id + 1n : 1n;
        report(
          firstMissing,
          'deleted',
          row.id - firstMissing > 1n
            ? `entri #${firstMissing}–#${row.id - 1n} dihapus / entries deleted before #${row.id}`
            : `entri sebelum #${row.id} dihapus / entry deleted before #${row.id}`,
        );
      } else if (previous.valid) {
        // The entry before verifies on its own, so it is unkeyed (from before keying): rewritten with its hash
        // recomputed, or (their ids had gaps) followed by deleted entries.
        report(
          previous.id,
          'edited',
          `entri #${previous.id} diubah (hash dihitung ulang) atau entri sesudahnya dihapus / edited, or entries after it deleted`,
        );
      }
    }
    // A checkpoint signed at this entry must name this very entry, and the number of entries up to it.
    for (const c of byHead.get(row.id) ?? []) {
      if (!macOk) continue;
      if (c.headHash !== row.hash)
        report(
          row.id,
          'truncated',
          `log dikosongkan atau ditulis ulang: #${row.id} bukan entri yang ditandatangani / log truncated or rewritten`,
        );
      else if (BigInt(checked) !== c.count && problems.length === 0)
        report(
          row.id,
          c.count > BigInt(checked) ? 'deleted' : 'inserted',
          `${checked} entri sampai #${row.id}, checkpoint: ${c.count} / count differs`,
        );
    }
    if (row.keyed && macOk && row.id % BigInt(CHECKPOINT_EVERY) === 0n && !byHead.has(row.id))
      report(row.id, 'checkpoint', `checkpoint pada entri #${row.id} hilang / checkpoint at this entry deleted`);
    previous = { ...row, valid: macOk };
  }
  if (pending) settle(pending, null);

  if (newest) {
    if (!previous) {
      const first = newest.headId - newest.count + 1n;
      report(
        first > 0n ? first : 1n,
        'truncated',
        `log audit kosong, padahal checkpoint mencatat ${newest.count} entri / log emptied`,
      );
    } else if (previous.id < newest.headId) {
      report(
        previous.id + 1n,
        'deleted-newest',
        `entri terbaru #${previous.id + 1n}–#${newest.headId} dihapus (checkpoint mencatat ${newest.count}) / newest entries deleted`,
      );
    }
  } else if (!previous && (await db.user.count()) > 0) {
    report(1n, 'truncated', 'log audit dan checkpoint kosong padahal ada pengguna / audit log and checkpoints emptied');
  }
  // Not one keyed entry or checkpoint verifies: far likelier another key than a log forged from end to end.
  if (keyedSeen > 0 && keyedValid === 0 && checkpoints.length === 0)
    problems.unshift({
      id: '1',
      reason: 'key',
      detail: 'AUDIT_KEY bukan kunci yang menandatangani log ini / AUDIT_KEY is not the key this log was signed with',
    });

  problems.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
  const ok = problems.length === 0;
  let signed = newest;
  if (ok && previous && options.sign !== false && (!newest || newest.headId < previous.id)) {
    signed = await signCheckpoint(db, key, {
      at: new Date(),
      count: BigInt(checked),
      headId: previous.id,
      headHash: previous.hash,
    });
  }
  if (ok && signed && anchorFile && options.sign !== false && (!anchor || anchor.headId < signed.headId))
    writeAnchor(anchorFile, database, { ...signed, mac: checkpointMac(key, signed) });
  return {
    ok,
    checked,
    firstBroken: problems[0] ?? null,
    problems,
    checkpoint: signed
      ? { count: signed.count.toString(), headId: signed.headId.toString(), at: signed.at.toISOString() }
      : null,
    afterCheckpoint: signed ? Math.max(0, checked - Number(signed.count)) : checked,
  };
}
