/**
 * The employee records a realisation (POST /api/appraisals/:id/realizations): which indicator, the day the work was
 * done (today by default), the value in the indicator's unit and a note. The server's refusals show by the field.
 */
import { useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { fieldErrorsOf, useAction } from '../../../common/use-action';
import type { IndicatorProgress } from './types';

/** Today in the browser's time zone, as YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function RecordEntryForm({
  appraisalId,
  indicators,
  period,
  onDone,
}: {
  appraisalId: number;
  indicators: IndicatorProgress[];
  period: { startDate: string; endDate: string };
  onDone: () => void;
}) {
  const translate = useTranslate();
  const [indicatorId, setIndicatorId] = useState<number | ''>(indicators[0]?.indicatorId ?? '');
  const [workDate, setWorkDate] = useState(() => {
    const t = today();
    return t > period.endDate ? period.endDate : t;
  });
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const { run, isPending, error } = useAction({
    successMessage: 'capaian.progress.recorded',
    onSuccess: () => {
      setValue('');
      setNote('');
      onDone();
    },
  });
  const errors = fieldErrorsOf(error);
  const chosen = indicators.find((i) => i.indicatorId === indicatorId);
  const number = Number(value.replace(',', '.'));
  const submit = () =>
    run(`/appraisals/${appraisalId}/realizations`, {
      indicatorId,
      workDate,
      value: value.trim() === '' || Number.isNaN(number) ? undefined : number,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  return (
    <Box
      component="form"
      data-testid="progress-record"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, my: 2, maxWidth: 800 }}
    >
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {translate('capaian.progress.record_title')}
      </Typography>
      <Stack spacing={2}>
        <TextField
          select
          id="progress-indicator"
          name="indicatorId"
          label={translate('capaian.progress.indicator')}
          value={indicatorId}
          onChange={(e) => setIndicatorId(Number(e.target.value))}
          error={!!errors.indicatorId}
          helperText={errors.indicatorId}
          fullWidth
        >
          {indicators.map((i) => (
            <MenuItem key={i.indicatorId} value={i.indicatorId}>
              {i.description} — {translate('capaian.progress.target')}: {i.target}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            type="date"
            id="progress-work-date"
            name="workDate"
            label={translate('capaian.progress.work_date')}
            value={workDate}
            onChange={(e) => setWorkDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: period.startDate, max: period.endDate } }}
            error={!!errors.workDate}
            helperText={errors.workDate}
          />
          <TextField
            id="progress-value"
            name="value"
            inputMode="decimal"
            label={
              chosen?.targetUnit
                ? translate('capaian.progress.value_unit', { unit: chosen.targetUnit })
                : translate('capaian.progress.value')
            }
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={!!errors.value}
            helperText={errors.value}
          />
        </Stack>
        <TextField
          id="progress-note"
          name="note"
          label={translate('capaian.progress.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={!!errors.note}
          helperText={errors.note}
          multiline
          fullWidth
        />
        <Box>
          <Button type="submit" variant="contained" disabled={isPending || indicatorId === '' || !value.trim()}>
            {translate('capaian.progress.record')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
