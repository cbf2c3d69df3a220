/**
 * The confirmation before every lifecycle step of a rule version (submit, delete, approve and publish, return, the
 * retirement steps): the question in words naming the version and its effect, with an optional note.
 */
import { useId, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

export function ConfirmDialog({
  text,
  pending,
  onConfirm,
  onClose,
  withComment = true,
}: {
  /** The question; the dialog is open while it is set. */
  text: string | null;
  pending: boolean;
  onConfirm: (comment: string) => void;
  onClose: () => void;
  /** Offer the optional note (sent with the step); off for a step that takes none, such as deleting a draft. */
  withComment?: boolean;
}) {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const textId = useId();
  const close = () => {
    setComment('');
    onClose();
  };
  return (
    // Named by its question: a dialog without a title is otherwise nameless to a screen reader.
    <Dialog open={!!text} onClose={close} fullWidth maxWidth="sm" aria-labelledby={textId}>
      <DialogContent>
        <DialogContentText id={textId} data-testid="confirm-text">
          {text}
        </DialogContentText>
        {withComment && (
          <TextField
            label={translate('capaian.rulesets.review.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={pending}
          onClick={() => {
            onConfirm(comment);
            setComment('');
          }}
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
