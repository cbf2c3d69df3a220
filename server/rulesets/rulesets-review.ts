/** What a reviewer needs before approving a version: who wrote it, what it replaces, the diff of rules and of golden tests. */
import type { PrismaClient, RuleSetVersion } from '../../prisma/client';
import * as rules from '../../rules';
import { hasRole, type AuthUser } from '../auth/auth.middleware';
import { ApiError } from '../http/api-error';
import { fourEyesExcluded } from './rulesets.service';

/**
 * The published version that `row` replaces once published: the one in force on the row's first day (other than
 * itself), or else the latest published version of its kind; null for the first version of a kind.
 */
export async function replacedVersion(prisma: PrismaClient, row: RuleSetVersion): Promise<RuleSetVersion | null> {
  const base = { kind: row.kind, status: 'PUBLISHED' as const, id: { not: row.id } };
  return (
    (await prisma.ruleSetVersion.findFirst({
      where: { ...base, effectiveFrom: { lte: row.effectiveFrom } },
      orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
    })) ??
    (await prisma.ruleSetVersion.findFirst({
      where: { ...base, version: { lt: row.version } },
      orderBy: { version: 'desc' },
    }))
  );
}

/** The review of one version for the caller. */
export async function reviewOf(prisma: PrismaClient, user: AuthUser, id: number) {
  const row = await prisma.ruleSetVersion.findUnique({
    where: { id },
    include: { editors: { select: { userId: true }, orderBy: { firstAt: 'asc' } } },
  });
  if (!row) throw ApiError.notFound('Versi aturan');
  const replaces = await replacedVersion(prisma, row);
  const excluded = fourEyesExcluded(row);
  const ids = [...excluded, row.approvedById, row.retireRequestedById, row.retiredById].filter(
    (x): x is number => x !== null,
  );
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } });
  const name = (uid: number | null) => (uid === null ? null : (users.find((u) => u.id === uid)?.username ?? `#${uid}`));
  const diff = rules.diffRulesets(replaces?.document ?? {}, row.document);
  const results = rules.runGoldenTests(row.document as any);

  // `code` lets the console word the reason in the reader's language: ROLE, STATUS or FOUR_EYES.
  let mayApprove: { allowed: boolean; code: 'ROLE' | 'STATUS' | 'FOUR_EYES' | null; reason: string | null };
  if (!hasRole(user, 'HR_ADMIN')) mayApprove = { allowed: false, code: 'ROLE', reason: 'Memerlukan peran HR_ADMIN' };
  else if (row.status !== 'SUBMITTED')
    mayApprove = { allowed: false, code: 'STATUS', reason: `Status versi ${row.status}` };
  else if (excluded.includes(user.id))
    mayApprove = {
      allowed: false,
      code: 'FOUR_EYES',
      reason: 'Aturan empat mata (FOUR_EYES): Anda menyusun, mengubah atau mengajukan versi ini',
    };
  else mayApprove = { allowed: true, code: null, reason: null };

  return {
    version: {
      id: row.id,
      kind: row.kind,
      version: row.version,
      name: row.name,
      status: row.status,
      effectiveFrom: row.effectiveFrom,
      contentHash: row.contentHash,
      submittedAt: row.submittedAt,
      publishedAt: row.publishedAt,
      retireRequestedAt: row.retireRequestedAt,
    },
    /** The caller's own username, so that the console can say "you". */
    caller: user.username,
    people: {
      author: name(row.authorId),
      editors: row.editors.map((e) => name(e.userId)),
      submittedBy: name(row.submittedById),
      approvedBy: name(row.approvedById),
      retireRequestedBy: name(row.retireRequestedById),
      retiredBy: name(row.retiredById),
    },
    fourEyes: { rule: 'FOUR_EYES', excluded: excluded.map(name), callerMayApprove: mayApprove },
    replaces: replaces
      ? {
          id: replaces.id,
          version: replaces.version,
          effectiveFrom: replaces.effectiveFrom,
          contentHash: replaces.contentHash,
        }
      : null,
    /** The diff from the replaced version (or from nothing): metadata, facts, rules and golden tests. */
    diff,
    /** The same changes in plain words (id and en), part by part, for the review screen. */
    words: rules.describeChanges(replaces?.document ?? {}, row.document),
    goldenTests: { passed: results.length > 0 && results.every((r: { passed: boolean }) => r.passed), results },
  };
}
