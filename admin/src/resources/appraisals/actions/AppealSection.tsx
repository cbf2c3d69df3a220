/**
 * The Keberatan tab: the appeal as filed and decided, or — while the window is open — the way to file one
 * (POST /api/appraisals/:id/appeal, the appraised employee only), saying in words until which day and to whom.
 */
import { useState } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { daysUntil } from '../../../common/format';
import { useAction } from '../../../common/use-action';
import { sessionUser } from '../../../providers/auth-provider';
import { longDay, When } from '../../tasks/When';

function Filed({ appeal }: { appeal: any }) {
  const translate = useTranslate();
  return (
    <Box data-testid="appeal-filed">
      <Typography>
        <b>{translate('capaian.appeal.reason')}:</b> {appeal.reason}
      </Typography>
      <Typography>
        <b>{translate('capaian.work.filed_on')}:</b> <When value={appeal.filedAt} time />
      </Typography>
      <Typography>
        <b>{translate('capaian.appeal.status')}:</b>{' '}
        {translate(`capaian.enum.appealStatus.${appeal.status}`, { _: appeal.status })}
      </Typography>
      {appeal.decision && (
        <Typography>
          <b>{translate('capaian.appeal.decision')}:</b>{' '}
          {translate(`capaian.enum.appealDecision.${appeal.decision}`, { _: appeal.decision })}
          {appeal.decisionNote ? ` — ${appeal.decisionNote}` : ''}
        </Typography>
      )}
    </Box>
  );
}

/** The form of an open window: the reason, and the send; the server checks the window again. */
function FileAppeal({ appraisalId, ends, superior }: { appraisalId: number; ends: string; superior: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [reason, setReason] = useState('');
  const { run, isPending } = useAction({ successMessage: 'capaian.work.appeal_sent' });
  const short = reason.trim().length < 10;
  return (
    <Box data-testid="appeal-form" sx={{ maxWidth: 720 }}>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="appeal-window">
        {translate('capaian.work.appeal_window_self', {
          date: longDay(ends, locale),
          smart_count: Math.max(0, daysUntil(ends)),
          superior,
        })}
      </Alert>
      <TextField
        label={translate('capaian.appeal.reason')}
        helperText={translate('capaian.work.appeal_reason_help')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        name="appealReason"
      />
      <Button
        variant="contained"
        sx={{ mt: 1 }}
        disabled={short || isPending}
        onClick={() => run(`/appraisals/${appraisalId}/appeal`, { reason: reason.trim() })}
      >
        {translate('capaian.work.appeal_send')}
      </Button>
    </Box>
  );
}

export function AppealSection() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  if (record.appeal) return <Filed appeal={record.appeal} />;
  const respond = [...(record.tasks ?? [])].reverse().find((t: any) => t.type === 'result.respond');
  const mine = sessionUser()?.employeeId === record.employeeId;
  const say = (key: string, extra: Record<string, unknown> = {}) => (
    <Typography color="text.secondary" data-testid="appeal-window">
      {translate(key, extra)}
    </Typography>
  );
  if (!record.resultSharedAt || !respond) return say('capaian.work.appeal_not_yet');
  const ends = respond.dueAt as string | null;
  const date = ends ? longDay(ends, locale) : '—';
  if (respond.status === 'OPEN' && ends) {
    if (mine)
      return <FileAppeal appraisalId={Number(record.id)} ends={ends} superior={record.raterSuperior?.name ?? '—'} />;
    return say('capaian.work.appeal_window_other', { date });
  }
  if (respond.status === 'DONE')
    return say('capaian.work.appeal_accepted', { date: longDay(respond.completedAt, locale) });
  return say('capaian.work.appeal_closed', { date });
}
