/** The app bar's title of a rule version in words: "Aturan Predikat kinerja versi 2" (not "SCORING v2"). */
import { useRecordContext, useTranslate } from 'react-admin';

export function RulesetTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {translate('capaian.rulesWords.title', {
        kind: translate(`capaian.enum.rulesetKind.${record.kind}`, { _: record.kind }),
        version: record.version,
      })}
    </span>
  );
}
