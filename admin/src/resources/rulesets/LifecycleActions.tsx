/**
 * Toolbar of a version: edit, submit (after a confirmation), delete and new-draft buttons. Approving, returning and
 * retiring happen on the review tab, where the changes are shown in words before anyone decides (four eyes).
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import {
  Link,
  useCreate,
  useCreatePath,
  useDelete,
  useRecordContext,
  useRedirect,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { useAction } from '../../common/use-action';

type Action = 'submit';

export function LifecycleActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const [pending, setPending] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const { run, isPending } = useAction({ successMessage: 'capaian.rulesets.transition_done' });
  const [create, { isPending: creating }] = useCreate();
  const [remove, { isPending: deleting }] = useDelete();
  if (!record || !permissions?.roles?.includes('HR_ADMIN')) return null;

  const available: Action[] = record.status === 'DRAFT' ? ['submit'] : [];
  const reviewPath = `${createPath({ resource: 'rulesets', id: record.id, type: 'show' })}/review`;

  const confirm = async () => {
    if (!pending) return;
    await run(`/rulesets/${record.id}/${pending}`, comment ? { comment } : {});
    setPending(null);
    setComment('');
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {record.status === 'DRAFT' && (
        <Button variant="outlined" onClick={() => redirect('edit', 'rulesets', record.id)}>
          {translate('capaian.rulesets.edit_json')}
        </Button>
      )}
      {available.map((a) => (
        <Button key={a} variant="contained" disabled={isPending} onClick={() => setPending(a)}>
          {translate(`capaian.rulesets.action.${a}`)}
        </Button>
      ))}
      {(record.status === 'SUBMITTED' || record.status === 'PUBLISHED') && (
        <Button variant="contained" component={Link} to={reviewPath}>
          {translate(
            record.status === 'SUBMITTED' ? 'capaian.rulesets.review.open' : 'capaian.rulesets.review.open_retire',
          )}
        </Button>
      )}
      {record.status !== 'DRAFT' && (
        <Button
          disabled={creating}
          onClick={() =>
            create(
              'rulesets',
              { data: { kind: record.kind, basedOnId: record.id } },
              { onSuccess: (row) => redirect('edit', 'rulesets', row.id) },
            )
          }
        >
          {translate('capaian.rulesets.new_draft_from')}
        </Button>
      )}
      {record.status === 'DRAFT' && (
        <Button
          color="error"
          disabled={deleting}
          onClick={() =>
            window.confirm(translate('ra.message.delete_content')) &&
            remove(
              'rulesets',
              { id: record.id, previousData: record },
              { mutationMode: 'pessimistic', onSuccess: () => redirect('list', 'rulesets') },
            )
          }
        >
          {translate('ra.action.delete')}
        </Button>
      )}
      <Dialog open={!!pending} onClose={() => setPending(null)} fullWidth maxWidth="sm">
        <DialogTitle>{pending && translate(`capaian.rulesets.confirm.${pending}`)}</DialogTitle>
        <DialogContent>
          <TextField
            label={translate('capaian.common.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={confirm} disabled={isPending}>
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
