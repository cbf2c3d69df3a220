/** The answer of `GET /api/rulesets/:id/review` (server/rulesets/rulesets-review.ts), and the four-eyes words. */
import type { HttpError, TranslateFunction } from 'react-admin';

export interface Bilingual {
  id: string;
  en: string;
}
export interface PartChange {
  part: string;
  before: Bilingual | null;
  after: Bilingual | null;
}
export interface WordedChange {
  op: 'added' | 'removed' | 'changed';
  name: string;
  parts: PartChange[];
}
export interface Counts {
  added: number;
  removed: number;
  changed: number;
}
export interface Review {
  version: {
    id: number;
    kind: string;
    version: number;
    name: string;
    status: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'RETIRED';
    effectiveFrom: string;
    submittedAt: string | null;
    publishedAt: string | null;
    retireRequestedAt: string | null;
  };
  caller: string;
  people: {
    author: string | null;
    editors: (string | null)[];
    submittedBy: string | null;
    approvedBy: string | null;
    retireRequestedBy: string | null;
    retiredBy: string | null;
  };
  fourEyes: {
    excluded: (string | null)[];
    callerMayApprove: { allowed: boolean; code: 'ROLE' | 'STATUS' | 'FOUR_EYES' | null };
  };
  replaces: { id: number; version: number; effectiveFrom: string } | null;
  words: {
    metadata: PartChange[];
    facts: WordedChange[];
    rules: WordedChange[];
    tests: WordedChange[];
    counts: { facts: Counts; rules: Counts; tests: Counts };
  };
  goldenTests: { passed: boolean; results: { name: string; passed: boolean }[] };
}

const K = 'capaian.rulesets.review';

/** "a, b dan c" / "a, b and c". */
export function joinWords(translate: TranslateFunction, items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${translate(`${K}.and`)} ${items[items.length - 1]}`;
}

/** Why the caller may not approve, in words; null when they may or when the status alone explains it. */
export function approveRefusal(translate: TranslateFunction, review: Review): string | null {
  const may = review.fourEyes.callerMayApprove;
  if (may.allowed || may.code === 'STATUS') return null;
  if (may.code === 'ROLE') return translate(`${K}.not_hr`);
  const me = review.caller;
  const roles: string[] = [];
  if (review.people.author === me) roles.push(translate(`${K}.role.author`));
  if (review.people.editors.includes(me)) roles.push(translate(`${K}.role.editor`));
  if (review.people.submittedBy === me) roles.push(translate(`${K}.role.submitter`));
  const names = review.fourEyes.excluded.filter((n): n is string => !!n);
  return translate(`${K}.four_eyes_self`, { roles: joinWords(translate, roles), names: joinWords(translate, names) });
}

/**
 * The server's FOUR_EYES refusal (409) in the user's language, and its refusal of a second retirement request (the
 * requester's own again reads as the four-eyes rule; someone else's as "already requested"); undefined otherwise.
 */
export function fourEyesMessage(translate: TranslateFunction, error: HttpError, me?: string): string | undefined {
  const body = error.body as {
    code?: string;
    error?: { details?: { action?: string; excluded?: string[]; requestedBy?: string } };
  };
  if (body?.code === 'RETIRE_REQUESTED') {
    const by = body.error?.details?.requestedBy ?? '';
    return translate(by === me ? `${K}.four_eyes_retire` : `${K}.retire_already`, { names: by });
  }
  if (body?.code !== 'FOUR_EYES') return undefined;
  const details = body.error?.details ?? {};
  const names = joinWords(translate, details.excluded ?? []);
  return translate(details.action === 'retire' ? `${K}.four_eyes_retire` : `${K}.four_eyes_approve`, { names });
}
