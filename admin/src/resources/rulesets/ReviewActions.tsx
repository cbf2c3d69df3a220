/**
 * The four-eyes steps of the review screen, each after a confirmation and pessimistic: approve or return a submitted
 * version; the two-step retirement of a published one (an HR admin requests, another approves, or the requester
 * withdraws). A FOUR_EYES refusal of the server is worded in the user's language.
 */
import { useState } from 'react';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useLocaleState, usePermissions, useTranslate, type HttpError } from 'react-admin';
import { useAction } from '../../common/use-action';
import { formatDate } from '../../common/format';
import { ConfirmDialog } from './ConfirmDialog';
import { approveRefusal, fourEyesMessage, type Review } from './review-types';

const K = 'capaian.rulesets.review';
type Step = 'approve' | 'return' | 'retire_request' | 'retire_approve' | 'retire_withdraw' | 'retire_reject';
const PATH: Record<Step, string> = {
  approve: 'approve',
  return: 'return',
  retire_request: 'retire',
  retire_approve: 'retire-approve',
  retire_withdraw: 'retire-withdraw',
  retire_reject: 'retire-withdraw',
};
const DONE: Record<Step, string> = {
  approve: `${K}.approved_done`,
  return: `${K}.returned_done`,
  retire_request: `${K}.retire_requested_done`,
  retire_approve: `${K}.retired_done`,
  retire_withdraw: `${K}.retire_withdrawn_done`,
  retire_reject: `${K}.retire_withdrawn_done`,
};

export function ReviewActions({ review, onDone }: { review: Review; onDone: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const [step, setStep] = useState<Step | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const worded = (e: HttpError) => fourEyesMessage(translate, e, review.caller);
  const { run, isPending } = useAction({
    successMessage: step ? DONE[step] : undefined,
    errorMessage: worded,
    onError: (e) => setRefusal(worded(e) ?? e.message),
  });
  const v = review.version;
  const me = review.caller;
  const requester = review.people.retireRequestedBy;
  const kind = translate(`capaian.enum.rulesetKind.${v.kind}`);
  const hr = permissions?.roles?.includes('HR_ADMIN');
  const args = { kind, version: v.version, name: requester ?? '', date: formatDate(v.effectiveFrom, locale) };

  const confirm = async (comment: string) => {
    if (!step) return;
    setRefusal(null);
    const done = await run(`/rulesets/${v.id}/${PATH[step]}`, comment ? { comment } : {});
    setStep(null);
    if (done) onDone();
  };

  const refusedApprove = approveRefusal(translate, review);
  return (
    <Box sx={{ mt: 3 }}>
      {refusal && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="review-refusal">
          {refusal}
        </Alert>
      )}
      {v.status === 'SUBMITTED' && (
        <>
          <Alert severity={refusedApprove ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="review-four-eyes">
            {refusedApprove ?? translate(`${K}.may_approve`)}
          </Alert>
          {hr && (
            <Stack direction="row" spacing={1}>
              <Button
                variant="contained"
                disabled={isPending || !review.fourEyes.callerMayApprove.allowed}
                onClick={() => setStep('approve')}
              >
                {translate(`${K}.approve`)}
              </Button>
              <Button variant="outlined" color="warning" disabled={isPending} onClick={() => setStep('return')}>
                {translate(`${K}.return`)}
              </Button>
            </Stack>
          )}
        </>
      )}
      {v.status === 'PUBLISHED' && (
        <Box data-testid="review-retire">
          <Typography variant="h6">{translate(`${K}.retire_title`)}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(`${K}.retire_help`)}
          </Typography>
          <Typography sx={{ mb: 1 }} data-testid="review-retire-status">
            {requester
              ? translate(`${K}.retire_requested`, {
                  name: requester === me ? translate(`${K}.you`, { name: me }) : requester,
                  date: formatDate(v.retireRequestedAt, locale, true),
                })
              : translate(`${K}.retire_none`)}
          </Typography>
          {requester === me && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {translate(`${K}.retire_own`)}
            </Alert>
          )}
          {hr && (
            <Stack direction="row" spacing={1}>
              {!requester && (
                <Button
                  variant="outlined"
                  color="warning"
                  disabled={isPending}
                  onClick={() => setStep('retire_request')}
                >
                  {translate(`${K}.retire_request`)}
                </Button>
              )}
              {requester && requester !== me && (
                <>
                  <Button
                    variant="contained"
                    color="warning"
                    disabled={isPending}
                    onClick={() => setStep('retire_approve')}
                  >
                    {translate(`${K}.retire_approve`)}
                  </Button>
                  <Button variant="outlined" disabled={isPending} onClick={() => setStep('retire_reject')}>
                    {translate(`${K}.retire_reject`)}
                  </Button>
                </>
              )}
              {requester === me && (
                <Button variant="outlined" disabled={isPending} onClick={() => setStep('retire_withdraw')}>
                  {translate(`${K}.retire_withdraw`)}
                </Button>
              )}
            </Stack>
          )}
        </Box>
      )}
      <ConfirmDialog
        text={
          step === 'approve' && review.replaces
            ? translate('capaian.rulesWords.confirm.approve_replaces', { ...args, replaced: review.replaces.version })
            : step
              ? translate(`${K}.confirm_${step}`, args)
              : null
        }
        pending={isPending}
        onConfirm={confirm}
        onClose={() => setStep(null)}
      />
    </Box>
  );
}
