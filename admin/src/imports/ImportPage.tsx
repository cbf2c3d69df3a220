/**
 * CSV import of units, employees, daily attendance and unit results (the satisfaction index IKM): a dry run first,
 * with a row-by-row validation report, then the import itself (all rows or none). POST /api/imports/{units,employees}?dryRun=true|false with the CSV text. Employees may get their
 * accounts too (createAccounts): the one-time passwords are downloadable once as CSV, then dropped from the page.
 */
import { useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
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
import { HttpError, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { inLanguage } from '../providers/error-words';
import { uploadWithProgress } from '../providers/http';

type Kind = 'units' | 'employees' | 'attendance' | 'unit-results';

interface RowReport {
  row: number;
  ok: boolean;
  key?: string;
  action?: 'create' | 'update' | 'unchanged';
  account?: 'create' | 'existing' | 'inactive';
  errors: { field: string; message: string }[];
}

interface OneTimePassword {
  nip: string;
  name: string;
  username: string;
  oneTimePassword: string;
}

interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  rows: RowReport[];
  accounts?: { created: number; existing: number; oneTimePasswords?: OneTimePassword[] };
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Saves the one-time passwords as a CSV file (made in the browser: the server never sends them again). */
function downloadPasswords(rows: OneTimePassword[]) {
  const text = ['nip,nama,namaPengguna,kataSandiSekaliPakai']
    .concat(rows.map((r) => [r.nip, r.name, r.username, r.oneTimePassword].map(cell).join(',')))
    .join('\r\n');
  const url = URL.createObjectURL(new Blob([`${text}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'kata-sandi-sekali-pakai.csv' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const HEADERS: Record<Kind, string> = {
  units: 'code,name,parentCode',
  employees: 'nip,name,employmentType,position,positionType,grade,unitCode,superiorNip,baseAllowance,email,status',
  attendance: 'nip,tanggal,status,tidakApel',
  'unit-results': 'kodeUnit,periode,jenis,nilai,sumber',
};

export default function ImportPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [kind, setKind] = useState<Kind>('units');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [withAccounts, setWithAccounts] = useState(false);
  // Kept apart from the report and dropped once downloaded: shown nowhere else.
  const [passwords, setPasswords] = useState<OneTimePassword[] | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const accounts = kind === 'employees' && withAccounts;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProgress(0);
    try {
      const text = await file.text();
      const r = await uploadWithProgress<ImportReport>(
        `/imports/${kind}?dryRun=${dryRun}${accounts ? '&createAccounts=true' : ''}`,
        text,
        setProgress,
        'text/csv; charset=utf-8',
      );
      const made = r.accounts?.oneTimePasswords;
      if (r.accounts) r.accounts = { created: r.accounts.created, existing: r.accounts.existing };
      setReport(r);
      setPasswords(made?.length ? made : null);
      setDownloaded(false);
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
            setPasswords(null);
          }}
        >
          <Tab value="units" label={translate('resources.units.name', { smart_count: 2 })} />
          <Tab value="employees" label={translate('resources.employees.name', { smart_count: 2 })} />
          <Tab value="attendance" label={translate('resources.attendance.name', { smart_count: 2 })} />
          <Tab value="unit-results" label={translate('capaian.unitResults.tab')} />
        </Tabs>
        <Typography variant="body2" sx={{ my: 2 }}>
          {translate('capaian.imports.help')}
        </Typography>
        {kind === 'attendance' && (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="attendance-help">
            {translate('capaian.attendance.import_help')}
          </Typography>
        )}
        {kind === 'unit-results' && (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="unit-results-help">
            {translate('capaian.unitResults.import_help')}
          </Typography>
        )}
        <Box component="code" sx={{ display: 'block', bgcolor: 'action.hover', p: 1, mb: 2, fontSize: 12 }}>
          {HEADERS[kind]}
        </Box>
        {kind === 'employees' && (
          <FormControlLabel
            sx={{ mb: 1 }}
            control={
              <Checkbox
                checked={withAccounts}
                onChange={(e) => {
                  setWithAccounts(e.target.checked);
                  setReport(null);
                }}
              />
            }
            label={translate('capaian.account.import_create')}
          />
        )}
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
        {progress !== null && (
          <LinearProgress
            variant="determinate"
            value={progress * 100}
            sx={{ mt: 2 }}
            aria-label={translate('capaian.a11y.uploading')}
          />
        )}
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
            {report.accounts && (
              <Alert severity={passwords ? 'warning' : 'info'} sx={{ mt: 1 }} data-testid="import-accounts">
                {translate(report.dryRun ? 'capaian.account.import_dry' : 'capaian.account.import_done', {
                  created: report.accounts.created,
                  existing: report.accounts.existing,
                })}
                {passwords && (
                  <Box sx={{ mt: 1 }}>
                    {translate('capaian.account.import_passwords_once')}{' '}
                    <Button
                      size="small"
                      variant="contained"
                      onClick={() => {
                        downloadPasswords(passwords);
                        setPasswords(null);
                        setDownloaded(true);
                      }}
                    >
                      {translate('capaian.account.import_download')}
                    </Button>
                  </Box>
                )}
                {downloaded && <Box sx={{ mt: 1 }}>{translate('capaian.account.import_downloaded')}</Box>}
              </Alert>
            )}
            <Table size="small" sx={{ mt: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('capaian.imports.row')}</TableCell>
                  <TableCell>{translate('capaian.imports.key')}</TableCell>
                  <TableCell>{translate('capaian.imports.result')}</TableCell>
                  {report.accounts && <TableCell>{translate('capaian.account.import_column')}</TableCell>}
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
                    {report.accounts && (
                      <TableCell>{r.account ? translate(`capaian.account.import_account_${r.account}`) : ''}</TableCell>
                    )}
                    <TableCell>
                      {r.errors.map((e, k) => (
                        <Typography key={k} variant="body2" color="error">
                          {e.field}: {inLanguage(e.message, locale)}
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
