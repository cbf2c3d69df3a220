/**
 * Save as draft: the form's values kept per task in this browser's storage (never sent), restored when the task page
 * opens again, and dropped once the task is sent. The console says plainly that the draft lives on this device only.
 */
import { useState } from 'react';
import SaveAsIcon from '@mui/icons-material/SaveAs';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { formatDate } from '../../common/format';

interface Stored<T> {
  savedAt: string;
  values: T;
}

const key = (taskId: number | string) => `capaian.draft.task.${taskId}`;

/** The draft of a task, if this browser keeps one. */
export function readDraft<T = any>(taskId: number | string): Stored<T> | null {
  try {
    const raw = localStorage.getItem(key(taskId));
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

/** Forgets the draft (after the task was sent, or when the person discards it). */
export function clearDraft(taskId: number | string): void {
  localStorage.removeItem(key(taskId));
}

function writeDraft(taskId: number | string, values: unknown): Stored<unknown> {
  const stored = { savedAt: new Date().toISOString(), values };
  localStorage.setItem(key(taskId), JSON.stringify(stored));
  return stored;
}

/** "Simpan draf" for a form's toolbar, with the words saying where the draft is kept. */
export function DraftButton({ taskId }: { taskId: number | string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { getValues } = useFormContext();
  const [saved, setSaved] = useState<string | null>(readDraft(taskId)?.savedAt ?? null);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', ml: 2 }}>
      <Button
        variant="outlined"
        startIcon={<SaveAsIcon />}
        data-testid="save-draft"
        onClick={() => {
          setSaved(writeDraft(taskId, getValues()).savedAt);
          notify('capaian.work.draft_saved', { type: 'info' });
        }}
      >
        {translate('capaian.work.save_draft')}
      </Button>
      {saved && (
        <Typography variant="caption" color="text.secondary" data-testid="draft-saved-at">
          {translate('capaian.work.draft_here', { time: formatDate(saved, locale, true) })}
        </Typography>
      )}
    </Stack>
  );
}

/** Says that the form shows a restored draft, and lets the person discard it (the page then starts afresh). */
export function DraftRestored({ taskId, draft }: { taskId: number | string; draft: Stored<unknown> | null }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [gone, setGone] = useState(false);
  if (!draft || gone) return null;
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      data-testid="draft-restored"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            clearDraft(taskId);
            setGone(true);
            window.location.reload();
          }}
        >
          {translate('capaian.work.discard_draft')}
        </Button>
      }
    >
      {translate('capaian.work.draft_restored', { time: formatDate(draft.savedAt, locale, true) })}
    </Alert>
  );
}
