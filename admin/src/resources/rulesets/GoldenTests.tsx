/** Runs the document's golden test cases on the server and shows each one passed or failed. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../providers/http';

interface TestResult {
  name: string;
  passed: boolean;
  [k: string]: unknown;
}

export function GoldenTests() {
  const record = useRecordContext();
  const translate = useTranslate();
  const run = useMutation({
    mutationFn: () => api<{ passed: boolean; results: TestResult[] }>(`/rulesets/${record!.id}/test`, { body: {} }),
  });
  if (!record) return null;
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
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('capaian.rulesets.test_name')}</TableCell>
                <TableCell>{translate('capaian.rulesets.test_result')}</TableCell>
                <TableCell>{translate('capaian.rulesets.test_detail')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {run.data.results.map((r, k) => {
                const { name, passed, ...rest } = r;
                return (
                  <TableRow key={k}>
                    <TableCell>{name}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={passed ? 'success' : 'error'}
                        label={translate(passed ? 'capaian.rulesets.passed' : 'capaian.rulesets.failed')}
                      />
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                      {passed ? '' : JSON.stringify(rest).slice(0, 400)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
