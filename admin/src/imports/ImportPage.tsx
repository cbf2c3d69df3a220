/**
 * CSV import of units, employees and daily attendance: a dry run first, with a row-by-row validation report, then the import itself
 * (all rows or none). POST /api/imports/{units,employees}?dryRun=true|false with the CSV text.
 */
import { useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { uploadWithProgress } from '../providers/http';

type Kind = 'units' | 'employees' | 'attendance';

interface RowReport {
  row: number;
  ok: boolean;
  key?: string;
  action?: 'create' | 'update' | 'unchanged';
  errors: { field: string; message: string }[];
}

interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  rows: RowReport[];
}

const HEADERS: Record<Kind, string> = {
  units: 'code,name,parentCode',
  employees: 'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email',
  attendance: 'nip,tanggal,status,tidakApel',
};

export default function ImportPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState<Kind>('units');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProgress(0);
    try {
      const text = await file.text();
      const r = await uploadWithProgress<ImportReport>(
        `/imports/${kind}?dryRun=${dryRun}`,
        text,
        setProgress,
        'text/csv; charset=utf-8',
      );
      setReport(r);
      if (!dryRun)
        notify('capaian.imports.imported', {
          type: 'success',
          messageArgs: { created: r.created, updated: r.updated },
        });
    } catch (err) {
      const e = err as HttpError;
      if (e.body?.report) setReport(e.body.report as ImportReport);
      notify(e.message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="capaian.imports.title" />
      <CardContent>
        <Tabs
          value={kind}
          onChange={(_, v) => {
            setKind(v);
            setReport(null);
            setFile(null);
          }}
        >
          <Tab value="units" label={translate('resources.units.name', { smart_count: 2 })} />
          <Tab value="employees" label={translate('resources.employees.name', { smart_count: 2 })} />
          <Tab value="attendance" label={translate('resources.attendance.name', { smart_count: 2 })} />
        </Tabs>
        <Typography variant="body2" sx={{ my: 2 }}>
          {translate('capaian.imports.help')}
        </Typography>
        {kind === 'attendance' && (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="attendance-help">
            {translate('capaian.attendance.import_help')}
          </Typography>
        )}
        <Box component="code" sx={{ display: 'block', bgcolor: 'action.hover', p: 1, mb: 2, fontSize: 12 }}>
          {HEADERS[kind]}
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {translate('capaian.imports.choose_file')}
            <input
              hidden
              type="file"
              accept=".csv,text/csv"
              data-testid="import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
              }}
            />
          </Button>
          <Typography>{file?.name ?? ''}</Typography>
          <Button variant="contained" disabled={!file || progress !== null} onClick={() => send(true)}>
            {translate('capaian.imports.dry_run')}
          </Button>
          <Button
            variant="contained"
            color="secondary"
            disabled={!file || progress !== null || !report?.dryRun || report.invalid > 0}
            onClick={() => send(false)}
          >
            {translate('capaian.imports.run')}
          </Button>
        </Stack>
        {progress !== null && <LinearProgress variant="determinate" value={progress * 100} sx={{ mt: 2 }} />}
        {report && (
          <Box sx={{ mt: 2 }} data-testid="import-report">
            <Alert severity={report.invalid ? 'error' : 'success'}>
              {translate(report.dryRun ? 'capaian.imports.summary_dry' : 'capaian.imports.summary', {
                total: report.total,
                valid: report.valid,
                invalid: report.invalid,
                created: report.created,
                updated: report.updated,
              })}
            </Alert>
            <Table size="small" sx={{ mt: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('capaian.imports.row')}</TableCell>
                  <TableCell>{translate('capaian.imports.key')}</TableCell>
                  <TableCell>{translate('capaian.imports.result')}</TableCell>
                  <TableCell>{translate('capaian.imports.errors')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.rows.map((r) => (
                  <TableRow key={r.row} data-testid={r.ok ? 'import-row-ok' : 'import-row-error'}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell>{r.key ?? ''}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={r.ok ? 'success' : 'error'}
                        label={translate(
                          r.ok ? `capaian.imports.action_${r.action ?? 'create'}` : 'capaian.imports.invalid',
                        )}
                      />
                    </TableCell>
                    <TableCell>
                      {r.errors.map((e, k) => (
                        <Typography key={k} variant="body2" color="error">
                          {e.field}: {e.message}
                        </Typography>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
