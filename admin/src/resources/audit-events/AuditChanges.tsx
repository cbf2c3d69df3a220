/**
 * An audit entry's values before and after, as lines in words: "Tahap: Banding → TPP", "Predikat: Baik", amounts in
 * rupiah, dates and months in the chosen language, ids as the names the server looked up (`names`). Technical
 * values (task keys, workflow ids, content hashes) are kept apart under "Rincian teknis", still readable.
 */
import { Accordion, AccordionDetails, AccordionSummary, Box, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDay, formatMonth, formatRupiah } from '../../common/format';
import { useSanctionWords } from '../sanctions/sanction-words';

type Names = Partial<Record<'employee' | 'unit' | 'cycle' | 'period', Record<string, string>>>;

const TECHNICAL = new Set([
  'key',
  'workflowId',
  'contentHash',
  'movedTaskKeys',
  'returnedTaskKeys',
  'skippedTaskKeys',
  'taskKey',
  'hash',
  'prevHash',
  'retireRequestedById',
  'ids',
  'id',
  'feedbackId',
  'delegationId',
  'appealId',
  'basedOnId',
  'supersededById',
  'actor',
  'facts',
  'events',
  'explanation',
]);
const MONEY = new Set(['amount', 'base', 'baseAmount', 'cutAmount', 'baseAllowance', 'total']);
const REF: Record<string, keyof Names> = {
  employeeId: 'employee',
  superiorId: 'employee',
  raterId: 'employee',
  raterSuperiorId: 'employee',
  principalId: 'employee',
  actingId: 'employee',
  assigneeId: 'employee',
  escalatedToId: 'employee',
  unitId: 'unit',
  parentId: 'unit',
  calibrationUnitId: 'unit',
  cycleId: 'cycle',
  periodId: 'period',
};
/** The closed list a key's values come from; `status` and `kind` depend on the record. */
const ENUM_OF: Record<string, string> = {
  stage: 'stage',
  predicate: 'predicate',
  previousPredicate: 'predicate',
  resultRating: 'rating',
  behaviourRating: 'rating',
  rating: 'unitRating',
  employmentType: 'employmentType',
  positionType: 'positionType',
  roles: 'role',
  assigneeRole: 'role',
};
const STATUS_OF: Record<string, string> = {
  cycle: 'cycleStatus',
  task: 'taskStatus',
  sanction: 'sanctionStatus',
  employee: 'employeeStatus',
  'rule-set-version': 'rulesetStatus',
  delegation: 'delegation_status',
};
const BERAKHLAK = ['berorientasiPelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'];

interface Line {
  text: string;
  technical: boolean;
}

function useChangeLines(record: Record<string, any> | undefined): Line[] {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sanctionWords = useSanctionWords();
  if (!record) return [];
  const names: Names = record.names ?? {};
  const entity = String(record.entity ?? '');
  const known = (key: string) => {
    const t = translate(key, { _: '' });
    return t && t !== key ? t : null;
  };
  const label = (key: string) =>
    known(`capaian.records.audit.field.${key}`) ??
    (BERAKHLAK.includes(key) ? known(`capaian.berakhlak.${key}.name`) : null) ??
    known(`resources.${entity === 'user' ? 'users' : `${entity}s`}.fields.${key}`) ??
    key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const enumWord = (list: string, v: string) => known(`capaian.enum.${list}.${v}`);
  const word = (key: string, v: unknown, parent?: string): string => {
    if (v === null || v === undefined || v === '') return translate('capaian.records.audit.empty');
    if (typeof v === 'boolean') return translate(v ? 'capaian.records.audit.yes' : 'capaian.records.audit.no');
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)))
        return v.length ? v.map((x) => word(key, x, parent)).join(', ') : translate('capaian.records.audit.empty');
      return translate('capaian.records.audit.items', { smart_count: v.length });
    }
    if (typeof v === 'object') return translate('capaian.records.audit.items', { smart_count: Object.keys(v).length });
    const s = String(v);
    if (MONEY.has(key) && typeof v === 'number') return formatRupiah(v, locale);
    if (REF[key] && names[REF[key]]?.[s]) return names[REF[key]]![s];
    if (key === 'month' && /^\d{4}-\d\d/.test(s)) return formatMonth(s.slice(0, 7), locale);
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(s)) return formatDay(s, locale);
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(s))
      return /T00:00:00(\.000)?Z$/.test(s) ? formatDay(s, locale) : formatDate(s, locale, true);
    if (key === 'code' || key === 'codes') return sanctionWords.title({ code: s });
    if (key === 'type' && entity === 'task') return known(`capaian.taskType.${s}`) ?? s;
    if (key === 'decision')
      return (
        (s === 'CONFIRM' || s === 'DISMISS' ? known(`capaian.sanctions.${s.toLowerCase()}`) : null) ??
        enumWord('appealDecision', s) ??
        s
      );
    if (key === 'status')
      return (
        (STATUS_OF[entity] ? enumWord(STATUS_OF[entity], s) : null) ??
        known(`capaian.records.audit.calibration.${s}`) ??
        enumWord('appealStatus', s) ??
        s
      );
    if (key === 'evaluationFrequency') return known(`capaian.year.frequency_value.${s}`) ?? s;
    if (key === 'kind') return enumWord('delegation_kind', s) ?? enumWord('rulesetKind', s) ?? s;
    if (BERAKHLAK.includes(key) || parent === 'berakhlak' || parent === 'ratings') return enumWord('rating', s) ?? s;
    if (parent === 'counts') return s;
    if (ENUM_OF[key]) return enumWord(ENUM_OF[key], s) ?? s;
    return s;
  };
  const lines: Line[] = [];
  const walk = (before: any, after: any, prefix: string[], parent?: string, depth = 0) => {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const key of keys) {
      const b = before?.[key];
      const a = after?.[key];
      if (JSON.stringify(b) === JSON.stringify(a) && before && after) continue;
      const technical = TECHNICAL.has(key);
      // Nested values read as "Versi aturan › Predikat: 3"; a predicate count keyed by its code, by its words.
      const name = parent === 'counts' ? (enumWord('predicate', key) ?? key) : label(key);
      const nested = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v);
      if (!technical && depth < 2 && (nested(b) || nested(a)) && (!b || nested(b)) && (!a || nested(a))) {
        walk(nested(b) ? b : undefined, nested(a) ? a : undefined, [...prefix, name], key, depth + 1);
        continue;
      }
      const field = [...prefix, name].join(' › ');
      const text =
        before && after && b !== undefined && a !== undefined
          ? translate('capaian.records.audit.changed', {
              field,
              before: word(key, b, parent),
              after: word(key, a, parent),
            })
          : a !== undefined
            ? translate('capaian.records.audit.added', { field, after: word(key, a, parent) })
            : translate('capaian.records.audit.removed', { field, before: word(key, b, parent) });
      lines.push({ text, technical: technical || (depth > 0 && TECHNICAL.has(parent ?? '')) });
    }
  };
  const plainObject = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? v : v == null ? undefined : { value: v };
  walk(plainObject(record.before), plainObject(record.after), []);
  return lines;
}

/** The lines of an entry's change; technical ones folded away. */
export function AuditChanges() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = useChangeLines(record);
  const plain = lines.filter((l) => !l.technical);
  const technical = lines.filter((l) => l.technical);
  return (
    <Box data-testid="audit-changes">
      {plain.length === 0 && (
        <Typography color="text.secondary">{translate('capaian.records.audit.no_changes')}</Typography>
      )}
      {plain.map((l, k) => (
        <Typography key={k} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {l.text}
        </Typography>
      ))}
      {technical.length > 0 && (
        <Accordion disableGutters elevation={0} sx={{ mt: 1, '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} sx={{ px: 0 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('capaian.records.audit.technical')}
            </Typography>
          </AccordionSummary>
          <AccordionDetails sx={{ px: 0 }}>
            {technical.map((l, k) => (
              <Typography key={k} variant="caption" component="div" sx={{ overflowWrap: 'anywhere' }}>
                {l.text}
              </Typography>
            ))}
          </AccordionDetails>
        </Accordion>
      )}
    </Box>
  );
}
