/**
 * The plan step's cascade check: a work result may be linked only to an item of an approved plan of the employee's
 * superior (the appraisal's rater) in the same year (prisma/plan-cascade.ts, the same rule the API lists items by).
 */
import { parentItemRefusals, cascadeScope, type ParentRefusal } from '../prisma/plan-cascade';
import { rejectIfInvalid, type FieldError } from '../workflows/validation';
import type { Tx } from './task-common';

/** Words of each refusal, Bahasa Indonesia first; `year` is the year of the plan being submitted. */
function words(refusal: ParentRefusal, year: number): string {
  switch (refusal.kind) {
    case 'NOT_SUPERIOR':
      return 'bukan RHK atasan langsung (pejabat penilai) / not a work result of your superior (the rater)';
    case 'OTHER_YEAR':
      return (
        `RHK atasan dari SKP tahun ${refusal.year}, bukan tahun ${year} / ` +
        `a work result of the superior's ${refusal.year} plan, not of ${year}`
      );
    case 'NOT_APPROVED':
      return "SKP atasan belum disetujui: RHK-nya belum dapat diintervensi / the superior's plan is not approved yet";
  }
}

/**
 * Refuses (ValidationError, an HTTP 400 naming `items.<n>.parentItemId`, every refused item at once) a plan whose
 * items link to anything but the superior's approved items of the year; runs inside the step's transaction, before
 * any write.
 */
export async function refuseForeignParents(
  tx: Tx,
  appraisalId: number,
  items: readonly { parentItemId?: number | null }[],
): Promise<void> {
  const ids = [...new Set(items.map((i) => i.parentItemId).filter((x): x is number => !!x))];
  if (!ids.length) return;
  const scope = await cascadeScope(tx, appraisalId);
  const refusals = await parentItemRefusals(tx, scope, ids);
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const refusal = item.parentItemId ? refusals.get(item.parentItemId) : undefined;
    if (refusal) errors.push({ field: `items.${i}.parentItemId`, message: words(refusal, scope.year) });
  });
  rejectIfInvalid(errors);
}
