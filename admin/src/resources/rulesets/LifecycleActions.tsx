/**
 * Toolbar of a version: edit, submit and delete (each after a confirmation in words naming the version and what
 * follows, the same ConfirmDialog as the review's steps), and new-draft. Approving, returning and retiring happen on
 * the review tab, where the changes are shown in words before anyone decides (four eyes).
 */
import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import {
  Link,
  useCreate,
  useCreatePath,
  useDelete,
  useLocaleState,
  useRecordContext,
  useRedirect,
  useTranslate,
  usePermissions,
} from 'react-admin';
import { formatDate } from '../../common/format';
import { useAction } from '../../common/use-action';
import { ConfirmDialog } from './ConfirmDialog';

type Action = 'submit' | 'delete';

export function LifecycleActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const [locale] = useLocaleState();
  const [pending, setPending] = useState<Action | null>(null);
  const { run, isPending } = useAction({ successMessage: 'capaian.rulesets.transition_done' });
  const [create, { isPending: creating }] = useCreate();
  const [remove, { isPending: deleting }] = useDelete();
  if (!record || !permissions?.roles?.includes('HR_ADMIN')) return null;

  const reviewPath = `${createPath({ resource: 'rulesets', id: record.id, type: 'show' })}/review`;
  const args = {
    kind: translate(`capaian.enum.rulesetKind.${record.kind}`, { _: record.kind }),
    version: record.version,
    date: formatDate(record.effectiveFrom, locale),
  };

  const confirm = async (comment: string) => {
    const action = pending;
    setPending(null);
    if (action === 'submit') await run(`/rulesets/${record.id}/submit`, comment ? { comment } : {});
    if (action === 'delete')
      remove(
        'rulesets',
        { id: record.id, previousData: record },
        { mutationMode: 'pessimistic', onSuccess: () => redirect('list', 'rulesets') },
      );
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {record.status === 'DRAFT' && (
        <Button variant="outlined" onClick={() => redirect('edit', 'rulesets', record.id)}>
          {translate('capaian.rulesets.edit_json')}
        </Button>
      )}
      {record.status === 'DRAFT' && (
        <Button variant="contained" disabled={isPending} onClick={() => setPending('submit')}>
          {translate('capaian.rulesets.action.submit')}
        </Button>
      )}
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
        <Button color="error" disabled={deleting} onClick={() => setPending('delete')}>
          {translate('ra.action.delete')}
        </Button>
      )}
      <ConfirmDialog
        text={pending ? translate(`capaian.rulesWords.confirm.${pending}`, args) : null}
        pending={isPending || deleting}
        withComment={pending === 'submit'}
        onConfirm={(comment) => void confirm(comment)}
        onClose={() => setPending(null)}
      />
    </Stack>
  );
}
