/**
 * "Minta umpan balik rekan / Ask colleagues for feedback": the rater (or whoever holds the rating) picks up to the
 * cycle's number of colleagues, each with a searchable pick of employees, and sends the request
 * (POST /api/appraisals/:id/peer-feedback/requests); the workflow refuses what the rules forbid, in words.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useAction } from '../../../common/use-action';
import { sessionUser } from '../../../providers/auth-provider';
import { RecordPicker, type Picked } from '../actions/RecordPicker';
import type { PeerRound } from './types';

const ASKING = new Set(['PERIOD', 'EVIDENCE', 'REVIEW']);

export function AskColleagues({
  appraisal,
  round,
  holder = false,
}: {
  appraisal: { id: number; stage?: string; raterId?: number; raterSuperiorId?: number | null };
  round: PeerRound;
  /** The reader holds the rating task (an acting Plt./Plh., the superior it was escalated to). */
  holder?: boolean;
}) {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<(Picked | null)[]>([]);
  const { run, isPending } = useAction({
    successMessage: 'capaian.peer.sent',
    onSuccess: () => {
      setOpen(false);
      setPicked([]);
      void queryClient.invalidateQueries({ queryKey: ['appraisals', appraisal.id, 'peer-feedback'] });
    },
  });
  const me = sessionUser()?.employeeId ?? null;
  const room = round.max - (round.anonymous ? 0 : round.requests.length);
  // The rater asks (or the rater's superior holding an escalated rating: the workflow decides between them).
  const asker = holder || (me !== null && (appraisal.raterId === me || appraisal.raterSuperiorId === me));
  const mayAsk = !round.anonymous && asker && room > 0 && (!appraisal.stage || ASKING.has(appraisal.stage));
  if (!mayAsk) return null;
  const slots = Array.from({ length: room }, (_, i) => picked[i] ?? null);
  const chosen = slots.filter((p): p is Picked => !!p);
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)} data-testid="peer-ask">
        {translate('capaian.peer.ask')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="peer-ask-title">
        <DialogTitle id="peer-ask-title">{translate('capaian.peer.ask_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('capaian.peer.ask_help', { smart_count: room, days: round.days })}
          </Typography>
          {slots.map((value, i) => (
            <Box key={i} sx={{ mb: 2 }}>
              <RecordPicker
                resource="employees"
                name={`peer-${i + 1}`}
                label={translate('capaian.peer.pick', { n: i + 1 })}
                value={value}
                filter={{ status: 'ACTIVE' }}
                onChange={(v) => setPicked(slots.map((p, j) => (j === i ? v : p)))}
              />
            </Box>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('capaian.peer.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!chosen.length || isPending}
            onClick={() =>
              run(`/appraisals/${appraisal.id}/peer-feedback/requests`, { peerIds: chosen.map((p) => p.id) })
            }
            data-testid="peer-send"
          >
            {translate('capaian.peer.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
