/**
 * A month's allowance (TPP) explained in words, in the chosen language, from what the pay activity stored with it
 * (`explanation.cuts`, `.attendance`, `.sanctions`, `.ruleSet`; the rule engine's own text is at
 * `explanation.explanation`): the base and predicate, each cut with its reason and amount, what is paid.
 */
import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../../common/EnumField';
import { formatMonth, formatPercent, formatRupiah } from '../../common/format';

interface Cut {
  type?: string;
  part?: 'PERFORMANCE' | 'DISCIPLINE' | 'TOTAL';
  basisPoints?: number;
  amount?: number;
  label?: { id?: string; en?: string };
}

/** The lines of one month's explanation; `compact` leaves out the month, attendance and rules (a list's cell). */
export function usePayLines(record: Record<string, any> | undefined, compact = false): string[] {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const enumLabel = useEnumLabel();
  if (!record) return [];
  const lang = locale === 'en' ? 'en' : 'id';
  const money = (n: unknown) => formatRupiah(typeof n === 'number' ? n : 0, locale);
  const x = (record.explanation ?? {}) as Record<string, any>;
  const cuts: Cut[] = Array.isArray(x.cuts) ? x.cuts : [];
  const predicate = enumLabel('predicate', record.predicate);
  const lines: string[] = [];
  if (!compact)
    lines.push(
      translate('capaian.records.pay.month_line', {
        month: typeof record.month === 'string' ? formatMonth(record.month.slice(0, 7), locale) : '—',
        base: money(record.baseAmount),
        predicate,
      }),
    );
  for (const c of cuts) {
    const bp = c.basisPoints ?? 0;
    if (c.type === 'performanceFactor')
      lines.push(
        translate('capaian.records.pay.factor_cut', {
          percent: formatPercent((10000 - bp) / 100, locale),
          predicate,
          amount: money(c.amount),
        }),
      );
    else
      lines.push(
        translate('capaian.records.pay.cut', {
          label: c.label?.[lang] ?? c.label?.id ?? '',
          percent: formatPercent(bp / 100, locale),
          part: translate(`capaian.records.pay.part.${c.part ?? 'TOTAL'}`),
          amount: `−${money(c.amount)}`,
        }),
      );
  }
  if (!cuts.length && (record.cutAmount ?? 0) > 0) {
    // Rows without their cuts itemised: the rule engine's own lines, or the cut as a sum.
    const stored: { id?: string; en?: string }[] = x.explanation?.lines ?? x.lines ?? [];
    const middle = stored.slice(1, -1).map((l) => l?.[lang] ?? '');
    if (middle.length) lines.push(...middle);
    else lines.push(translate('capaian.records.pay.cut_total', { amount: `−${money(record.cutAmount)}` }));
  }
  const cut = cuts.length > 0 || (record.cutAmount ?? 0) > 0;
  // In a list the amount paid has its own column: the cell says why, not what again.
  if (!cut) lines.push(translate('capaian.records.pay.no_cuts', { amount: money(record.amount) }));
  else if (!compact) lines.push(translate('capaian.records.pay.paid', { amount: money(record.amount) }));
  if (compact) return lines;
  const a = x.attendance;
  if (a && typeof a.unexcused === 'number' && (a.recorded ?? 0) > 0)
    lines.push(
      translate('capaian.records.pay.attendance', {
        unexcused: a.unexcused,
        assemblies: (a.missedAssemblies ?? 0) + (a.missedMondayAssemblies ?? 0),
      }),
    );
  const running = (Array.isArray(x.sanctions) ? x.sanctions : []) as { cutPercent?: number }[];
  const sanctionCut = running.reduce((m, s) => Math.max(m, s.cutPercent ?? 0), 0);
  if (sanctionCut > 0)
    lines.push(translate('capaian.records.pay.sanctions_running', { percent: formatPercent(sanctionCut, locale) }));
  if (x.ruleSet?.name)
    lines.push(translate('capaian.records.pay.rules', { name: x.ruleSet.name, version: x.ruleSet.version ?? '' }));
  return lines;
}

/** The explanation as lines (a show page) or one short paragraph (a list's cell). */
export function PayExplanation({ compact = false }: { compact?: boolean; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const lines = usePayLines(record, compact);
  if (!record) return null;
  if (compact)
    return (
      <Box data-testid={`pay-explanation-${record.id}`} sx={{ minWidth: 200 }}>
        {lines.map((l, k) => (
          <Typography key={k} variant="body2">
            {l}
          </Typography>
        ))}
      </Box>
    );
  return (
    <Box data-testid="pay-explanation">
      {lines.map((l, k) => (
        <Typography key={k} variant={k === 0 ? 'body1' : 'body2'} color={k === 0 ? undefined : 'text.secondary'}>
          {k === 0 ? l : `• ${l}`}
        </Typography>
      ))}
    </Box>
  );
}
