/**
 * Runs the document's golden test cases on the server and shows each one passed or failed, in words of the chosen
 * language: the case's facts (from the document), the expected outcome and, for a failed case, the actual one.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatRupiah } from '../../common/format';
import { api } from '../../providers/http';
import { eventWords, factWords, langOf, nameWords, valueWords, type Words } from './rule-words';

interface Outcome {
  events?: { type: string; params?: Record<string, unknown> }[];
  amount?: number;
  errorFact?: string;
}
interface TestResult {
  name: string;
  passed: boolean;
  expected?: Outcome | null;
  actual?: Outcome | null;
  error?: string;
}

const G = 'capaian.rulesWords.golden';

/** An expected or actual outcome in words. */
function outcomeWords(o: Outcome | null | undefined, w: Words, labels: Record<string, any>): string {
  if (!o) return '—';
  const out: string[] = [];
  if (o.errorFact !== undefined) out.push(w.translate(`${G}.refused`, { fact: factWords(o.errorFact, w, labels) }));
  if (o.events !== undefined)
    out.push(o.events.length ? o.events.map((e) => eventWords(e, w)).join('; ') : w.translate(`${G}.no_rule`));
  if (o.amount !== undefined) out.push(w.translate(`${G}.amount`, { amount: formatRupiah(o.amount, w.lang) }));
  return out.join('; ') || '—';
}

export function GoldenTests() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const w: Words = { translate, lang: langOf(locale) };
  const run = useMutation({
    mutationFn: () => api<{ passed: boolean; results: TestResult[] }>(`/rulesets/${record!.id}/test`, { body: {} }),
  });
  if (!record) return null;
  const doc = (record.document ?? {}) as { facts?: { name: string; label?: any }[]; tests?: any[] };
  const labels = Object.fromEntries((doc.facts ?? []).map((f) => [f.name, f.label]));
  const factsOf = (k: number) =>
    Object.entries((doc.tests?.[k]?.facts ?? {}) as Record<string, unknown>)
      .map(([name, v]) => `${factWords(name, w, labels)}: ${valueWords(v, w)}`)
      .join('; ') || '—';
  return (
    <Box>
      <Button variant="contained" onClick={() => run.mutate()} disabled={run.isPending}>
        {translate('capaian.rulesets.run_tests')}
      </Button>
      {run.error && <Alert severity="error">{(run.error as Error).message}</Alert>}
      {run.data && (
        <>
          <Alert severity={run.data.passed ? 'success' : 'error'} sx={{ my: 2 }} data-testid="golden-result">
            {translate(run.data.passed ? 'capaian.rulesets.tests_passed' : 'capaian.rulesets.tests_failed', {
              passed: run.data.results.filter((r) => r.passed).length,
              total: run.data.results.length,
            })}
          </Alert>
          <Table size="small" data-testid="golden-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('capaian.rulesets.test_name')}</TableCell>
                <TableCell>{translate('capaian.rulesets.test_result')}</TableCell>
                <TableCell>{translate(`${G}.facts`)}</TableCell>
                <TableCell>{translate(`${G}.expected`)}</TableCell>
                <TableCell>{translate(`${G}.actual`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {run.data.results.map((r, k) => (
                <TableRow key={k} data-testid="golden-row">
                  <TableCell>{nameWords(r.name, w)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={r.passed ? 'success' : 'error'}
                      label={translate(r.passed ? 'capaian.rulesets.passed' : 'capaian.rulesets.failed')}
                    />
                  </TableCell>
                  <TableCell>{factsOf(k)}</TableCell>
                  <TableCell>{outcomeWords(r.expected, w, labels)}</TableCell>
                  <TableCell>
                    {r.passed ? '' : r.actual ? outcomeWords(r.actual, w, labels) : (r.error ?? '—')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
