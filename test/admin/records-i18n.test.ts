/**
 * The messages of pay, sanctions, the audit log, employees and the dashboard (admin/src/i18n/records-*.ts) have the
 * same keys and %{placeholders} in both languages; every audit action and entity the filters offer has words; and
 * the English predicates are worded once (the same word on a chip as in the stored explanations).
 */
import { actionKey, AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../admin/src/resources/audit-events/audit-codes';
import { recordsEn } from '../../admin/src/i18n/records-en';
import { recordsId } from '../../admin/src/i18n/records-id';
import { codeWords } from '../../rules/ruleset.explainer';
import { flatten, placeholders } from '../helpers/i18n-messages';

describe('records messages', () => {
  const id = flatten(recordsId);
  const en = flatten(recordsEn);

  it('have the same keys and placeholders in Bahasa Indonesia and English, none empty', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    const mismatched = [...id.keys()].filter(
      (k) => placeholders(id.get(k)!).join() !== placeholders(en.get(k)!).join(),
    );
    expect(mismatched).toEqual([]);
    expect([...id.entries(), ...en.entries()].filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('word every audit action and entity offered in the filters', () => {
    const missing = AUDIT_ACTIONS.filter((a) => !id.has(`capaian.records.audit.action.${actionKey(a)}`));
    expect(missing).toEqual([]);
    expect(AUDIT_ENTITIES.filter((e) => !id.has(`capaian.records.audit.entity.${e}`))).toEqual([]);
  });

  it('word each English predicate as the stored explanations do', () => {
    for (const p of ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']) {
      const explained = codeWords(p, 'en').replace(` (${p})`, '').toLowerCase();
      expect(en.get(`capaian.enum.predicate.${p}`)!.toLowerCase()).toContain(explained);
      expect(id.get(`capaian.enum.predicate.${p}`)).toBe(codeWords(p, 'id').replace(` (${p})`, ''));
    }
  });
});
