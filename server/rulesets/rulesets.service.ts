/** Rule-set versions: drafts, validation on every save, four-eyes publishing, immutability, simulation. */
import { createHash } from 'node:crypto';
import { recordAudit } from '../../prisma/audit';
import type { PrismaClient, RuleSetKind, RuleSetVersion } from '../../prisma/client';
import { canonicalJson } from '../../prisma/seed/seed-database';
export { versionInForce } from '../../prisma/rule-versions';
import * as rules from '../../rules';
import type { AuthUser } from '../auth/auth.middleware';
import { ApiError } from '../http/api-error';

const KIND_NAMES: Record<RuleSetKind, string> = {
  SCORING: 'Predikat kinerja',
  DISTRIBUTION: 'Kurva distribusi',
  PAY: 'Tambahan penghasilan pegawai (TPP)',
  SANCTION: 'Sanksi dan tindak lanjut',
};

/** Throws a 400 naming each invalid place of the document by JSON pointer. */
export function assertValidDocument(document: unknown): void {
  const result = rules.validateRuleset(document);
  if (!result.ok) {
    throw ApiError.badRequest(
      `Dokumen aturan tidak valid: ${result.errors.length} kesalahan (pertama: ${result.errors[0].pointer || '/'} — ${result.errors[0].message})`,
      {
        fields: result.errors.map((e: { pointer: string; message: string }) => ({
          field: `document${e.pointer}`,
          pointer: e.pointer,
          message: e.message,
        })),
      },
    );
  }
}

const hash = (doc: unknown) => createHash('sha256').update(canonicalJson(doc)).digest('hex');
const actor = (user: AuthUser) => ({ actorUserId: user.id, actor: user.username });

async function load(prisma: PrismaClient, id: number): Promise<RuleSetVersion> {
  const row = await prisma.ruleSetVersion.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound('Versi aturan');
  return row;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

type Locked = RuleSetVersion & { editors: { userId: number }[] };

/** Reads a version holding its row lock, so that a save, a submit and an approval of one version never interleave. */
async function lockVersion(tx: Tx, id: number): Promise<Locked> {
  await tx.$queryRaw`SELECT id FROM rule_set_versions WHERE id = ${id} FOR UPDATE`;
  const row = await tx.ruleSetVersion.findUnique({ where: { id }, include: { editors: { select: { userId: true } } } });
  if (!row) throw ApiError.notFound('Versi aturan');
  return row;
}

/** Everyone who set the document of a version or submitted it: none of them may approve it. */
export function fourEyesExcluded(
  row: Pick<RuleSetVersion, 'authorId' | 'submittedById'> & { editors: { userId: number }[] },
): number[] {
  const ids = [row.authorId, ...row.editors.map((e) => e.userId), row.submittedById];
  return [...new Set(ids.filter((x): x is number => x !== null))];
}

/** The 409 of the four-eyes rule, naming it and the people it excludes. */
async function fourEyesRefusal(tx: Tx, row: RuleSetVersion, what: 'approve' | 'retire', excluded: number[]) {
  const users = await tx.user.findMany({ where: { id: { in: excluded } }, select: { id: true, username: true } });
  const names = users.map((u) => u.username).sort();
  const message =
    what === 'approve'
      ? `Aturan empat mata (FOUR_EYES): versi ${row.version} disusun, diubah atau diajukan oleh ${names.join(', ')}; ` +
        'persetujuan harus oleh admin SDM lain / four-eyes rule: an editor or the submitter cannot approve'
      : `Aturan empat mata (FOUR_EYES): pensiun versi ${row.version} diminta oleh ${names.join(', ')}; ` +
        'harus dikonfirmasi admin SDM lain / four-eyes rule: the requester cannot confirm the retirement';
  return new ApiError(409, 'FOUR_EYES', message, { rule: 'FOUR_EYES', action: what, excluded: names });
}

/** Creates a DRAFT: from a given document, from another version, or from the kind's latest version. */
export async function createDraft(
  prisma: PrismaClient,
  user: AuthUser,
  input: { kind: RuleSetKind; document?: any; basedOnId?: number },
) {
  let document = input.document;
  if (!document) {
    const base = input.basedOnId
      ? await load(prisma, input.basedOnId)
      : await prisma.ruleSetVersion.findFirst({ where: { kind: input.kind }, orderBy: { version: 'desc' } });
    if (!base)
      throw ApiError.badRequest('document: wajib diisi karena belum ada versi untuk jenis ini', {
        fields: [{ field: 'document', message: 'wajib diisi' }],
      });
    if (base.kind !== input.kind)
      throw ApiError.badRequest('basedOnId: jenis aturan berbeda', {
        fields: [{ field: 'basedOnId', message: 'jenis berbeda' }],
      });
    document = base.document;
  }
  return prisma.$transaction(async (tx) => {
    const ruleSet = await tx.ruleSet.upsert({
      where: { kind: input.kind },
      update: {},
      create: { kind: input.kind, name: KIND_NAMES[input.kind] },
    });
    const last = await tx.ruleSetVersion.findFirst({
      where: { kind: input.kind },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    const doc = { ...document, kind: input.kind, version };
    assertValidDocument(doc);
    const row = await tx.ruleSetVersion.create({
      data: {
        ruleSetId: ruleSet.id,
        kind: input.kind,
        version,
        name: doc.name,
        description: doc.description ?? null,
        effectiveFrom: new Date(doc.effectiveFrom),
        document: doc,
        contentHash: hash(doc),
        status: 'DRAFT',
        authorId: user.id,
        editors: { create: { userId: user.id } },
      },
    });
    await recordAudit(tx, {
      ...actor(user),
      action: 'create-draft',
      entity: 'rule-set-version',
      entityId: row.id,
      after: { kind: row.kind, version, basedOnId: input.basedOnId ?? null },
    });
    return row;
  });
}

/** Saves a DRAFT's document (validated); a submitted, published or retired version cannot change. */
export async function saveDraft(prisma: PrismaClient, user: AuthUser, id: number, document: any) {
  return prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, id);
    if (row.status !== 'DRAFT')
      throw ApiError.conflict(
        `Versi ${row.version} berstatus ${row.status} dan tidak dapat diubah; buat draf baru / only drafts can be edited`,
      );
    const doc = { ...document, kind: row.kind, version: row.version };
    assertValidDocument(doc);
    const after = await tx.ruleSetVersion.update({
      where: { id },
      data: {
        document: doc,
        name: doc.name,
        description: doc.description ?? null,
        effectiveFrom: new Date(doc.effectiveFrom),
        contentHash: hash(doc),
        editors: row.editors.some((e) => e.userId === user.id) ? undefined : { create: { userId: user.id } },
      },
    });
    await recordAudit(tx, {
      ...actor(user),
      action: 'save-draft',
      entity: 'rule-set-version',
      entityId: id,
      before: { contentHash: row.contentHash },
      after: { contentHash: after.contentHash },
    });
    return after;
  });
}

export type Transition = 'submit' | 'approve' | 'return' | 'retire' | 'retire-approve' | 'retire-withdraw';

/**
 * Moves a version through its lifecycle: DRAFT → SUBMITTED → PUBLISHED → RETIRED. Four eyes: the approver is none
 * of the version's editors nor its submitter; retirement is asked by one HR admin (`retire`, recorded, still
 * published) and done when another confirms it (`retire-approve`); `retire-withdraw` drops the request. Each step
 * says what it means: a request sent after someone else's never confirms it.
 */
export async function transition(
  prisma: PrismaClient,
  user: AuthUser,
  id: number,
  action: Transition,
  comment?: string,
) {
  return prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, id);
    let audited: string = action;
    const need = (status: string) => {
      if (row.status !== status)
        throw ApiError.conflict(`Tidak dapat ${action}: status versi ${row.status}, seharusnya ${status}`);
    };
    let data: Parameters<typeof tx.ruleSetVersion.update>[0]['data'];
    if (action === 'submit') {
      need('DRAFT');
      const results = rules.runGoldenTests(row.document as any);
      const failed = results.filter((r: { passed: boolean }) => !r.passed);
      if (!results.length)
        throw ApiError.badRequest('tests: minimal satu kasus uji emas diperlukan sebelum diajukan', {
          fields: [{ field: 'document/tests', message: 'kosong' }],
        });
      if (failed.length) {
        throw ApiError.badRequest(
          `${failed.length} dari ${results.length} kasus uji emas gagal; perbaiki sebelum diajukan`,
          { fields: failed.map((f: any) => ({ field: 'document/tests', message: `${f.name}: gagal` })), results },
        );
      }
      data = { status: 'SUBMITTED', submittedAt: new Date(), submittedById: user.id };
    } else if (action === 'approve') {
      need('SUBMITTED');
      const excluded = fourEyesExcluded(row);
      if (excluded.includes(user.id)) throw await fourEyesRefusal(tx, row, 'approve', excluded);
      data = { status: 'PUBLISHED', approvedById: user.id, publishedAt: new Date() };
    } else if (action === 'return') {
      need('SUBMITTED');
      data = { status: 'DRAFT', submittedAt: null, submittedById: null };
    } else if (action === 'retire-withdraw') {
      need('PUBLISHED');
      if (row.retireRequestedById === null)
        throw ApiError.conflict('Tidak ada permintaan pensiun untuk versi ini / no retirement was requested');
      data = { retireRequestedById: null, retireRequestedAt: null };
    } else if (action === 'retire') {
      need('PUBLISHED');
      if (row.retireRequestedById !== null) {
        const by = await tx.user.findUnique({ where: { id: row.retireRequestedById }, select: { username: true } });
        throw new ApiError(
          409,
          'RETIRE_REQUESTED',
          `Pensiun versi ${row.version} sudah diminta oleh ${by?.username}; admin SDM lain mengonfirmasi lewat retire-approve / retirement already requested`,
          { requestedBy: by?.username ?? null },
        );
      }
      audited = 'retire-request';
      data = { retireRequestedById: user.id, retireRequestedAt: new Date() };
    } else {
      need('PUBLISHED');
      if (row.retireRequestedById === null)
        throw ApiError.conflict('Tidak ada permintaan pensiun untuk dikonfirmasi / no retirement was requested');
      if (row.retireRequestedById === user.id)
        throw await fourEyesRefusal(tx, row, 'retire', [row.retireRequestedById]);
      audited = 'retire';
      data = { status: 'RETIRED', retiredAt: new Date(), retiredById: user.id };
    }
    const after = await tx.ruleSetVersion.update({ where: { id }, data });
    await recordAudit(tx, {
      ...actor(user),
      action: audited,
      entity: 'rule-set-version',
      entityId: id,
      before: { status: row.status, retireRequestedById: row.retireRequestedById },
      after: { status: after.status, retireRequestedById: after.retireRequestedById, comment: comment ?? null },
    });
    return after;
  });
}

/** Deletes a DRAFT (published history is never deleted). */
export async function deleteDraft(prisma: PrismaClient, user: AuthUser, id: number) {
  return prisma.$transaction(async (tx) => {
    const row = await lockVersion(tx, id);
    if (row.status !== 'DRAFT') throw ApiError.conflict('Hanya draf yang dapat dihapus / only drafts can be deleted');
    await tx.ruleSetVersion.delete({ where: { id } });
    await recordAudit(tx, {
      ...actor(user),
      action: 'delete-draft',
      entity: 'rule-set-version',
      entityId: id,
      before: { kind: row.kind, version: row.version },
    });
    return row;
  });
}

/** Re-evaluates a version over the stored facts of a past cycle: per employee old vs new, and totals. */
export async function simulateOnCycle(prisma: PrismaClient, id: number, cycleId: number) {
  const row = await load(prisma, id);
  const cycle = await prisma.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle)
    throw ApiError.badRequest('cycleId: siklus tidak ditemukan', {
      fields: [{ field: 'cycleId', message: 'tidak ditemukan' }],
    });
  // One query per simulation: only the stored facts (not the stored explanation around them), name and NIP.
  const loadStarted = Date.now();
  let items: { key: string; label: string; facts: any; oldResult: any }[];
  if (row.kind === 'SCORING') {
    const rows = await prisma.$queryRaw<
      {
        id: number;
        predicate: string;
        facts: any;
        resultRating: string | null;
        behaviourRating: string | null;
        name: string;
        nip: string;
      }[]
    >`SELECT a.id, a.predicate::text AS predicate, a.predicate_explanation -> 'facts' AS facts,
             r.result_rating::text AS "resultRating", r.behaviour_rating::text AS "behaviourRating", e.name, e.nip
        FROM appraisals a
        JOIN employees e ON e.id = a.employee_id
        LEFT JOIN reviews r ON r.appraisal_id = a.id
       WHERE a.cycle_id = ${cycleId} AND a.predicate IS NOT NULL
       ORDER BY a.id`;
    items = rows.map((a) => ({
      key: String(a.id),
      label: `${a.name} (${a.nip})`,
      facts: a.facts ?? { resultRating: a.resultRating ?? undefined, behaviourRating: a.behaviourRating ?? undefined },
      oldResult: a.predicate,
    }));
  } else if (row.kind === 'PAY') {
    const rows = await prisma.$queryRaw<
      { appraisalId: number; amount: number; facts: any; name: string; nip: string }[]
    >`
      SELECT p.appraisal_id AS "appraisalId", p.amount, p.explanation -> 'facts' AS facts, e.name, e.nip
        FROM pay_adjustments p
        JOIN employees e ON e.id = p.employee_id
       WHERE p.cycle_id = ${cycleId}
       ORDER BY p.appraisal_id`;
    items = rows.map((p) => ({
      key: String(p.appraisalId),
      label: `${p.name} (${p.nip})`,
      facts: p.facts ?? {},
      oldResult: p.amount,
    }));
  } else {
    throw ApiError.badRequest(
      `Simulasi tersedia untuk SCORING dan PAY; ${row.kind} belum / simulation supports SCORING and PAY`,
    );
  }
  const loadMs = Date.now() - loadStarted;
  const started = Date.now();
  const result = rules.simulate(row.document as any, items);
  const labels = new Map(items.map((i) => [i.key, i.label]));
  return {
    ...result,
    items: result.items.map((i: any) => ({ ...i, label: labels.get(i.key) })),
    kind: row.kind,
    version: row.version,
    cycleId,
    elapsedMs: Date.now() - started,
    loadMs,
  };
}
