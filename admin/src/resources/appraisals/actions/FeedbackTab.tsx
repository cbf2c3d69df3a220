/**
 * Continuous feedback during the period (umpan balik berkelanjutan): the rater and the rater's superior write notes
 * (POST /api/appraisals/:id/feedback); the employee and everyone who may read the appraisal reads them, newest last,
 * each with who wrote it and when.
 */
import { useState } from 'react';
import { Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../../common/format';
import { useAction } from '../../../common/use-action';
import { sessionUser } from '../../../providers/auth-provider';

export function FeedbackTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [text, setText] = useState('');
  const { run, isPending } = useAction({ successMessage: 'capaian.work.feedback_sent', onSuccess: () => setText('') });
  if (!record) return null;
  const me = sessionUser()?.employeeId ?? null;
  const writes = me !== null && (record.raterId === me || record.raterSuperiorId === me);
  const people = new Map<number, string>();
  for (const p of [record.employee, record.rater, record.raterSuperior]) if (p?.id) people.set(p.id, p.name);
  const notes: any[] = record.feedback ?? [];
  return (
    <Box data-testid="feedback" sx={{ maxWidth: 800 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('capaian.work.feedback_help')}
      </Typography>
      {notes.length === 0 ? (
        <Typography color="text.secondary" data-testid="feedback-empty">
          {translate('capaian.work.feedback_none')}
        </Typography>
      ) : (
        <List dense>
          {notes.map((f) => (
            <ListItem key={f.id} divider data-testid="feedback-note">
              <ListItemText
                primary={f.text}
                secondary={translate('capaian.work.feedback_by', {
                  name: (f.authorId && people.get(f.authorId)) || translate('capaian.work.someone'),
                  date: formatDate(f.createdAt, locale, true),
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
      {writes && (
        <Box sx={{ mt: 2 }}>
          <TextField
            label={translate('capaian.work.feedback_new')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            name="feedbackText"
          />
          <Button
            variant="contained"
            sx={{ mt: 1 }}
            disabled={!text.trim() || isPending}
            onClick={() => run(`/appraisals/${record.id}/feedback`, { text: text.trim() })}
          >
            {translate('capaian.work.feedback_send')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
