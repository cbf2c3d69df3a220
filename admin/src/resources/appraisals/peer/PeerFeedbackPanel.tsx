/**
 * Peer feedback (360) of one evaluation period, in words: for the rater, their superior and HR who was asked, who
 * answered what on each BerAKHLAK value and who did not answer; for the appraised employee only the anonymous summary
 * the API gives them. The rater asks colleagues from here (AskColleagues) while the rating is not done.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { BERAKHLAK } from '../../../common/enums';
import { formatDate } from '../../../common/format';
import { api } from '../../../providers/http';
import { AskColleagues } from './AskColleagues';
import type { PeerRequest, PeerRound } from './types';

/** The query of an appraisal's round (shared by the panel and the request dialog, which refreshes it). */
export const peerRoundKey = (appraisalId: number) => ['appraisals', appraisalId, 'peer-feedback'];

function Answer({ request }: { request: PeerRequest }) {
  const translate = useTranslate();
  if (!request.values) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }}>
      {BERAKHLAK.map((k) => {
        const v = request.values![k];
        if (!v) return null;
        return (
          <li key={k}>
            {translate('capaian.peer.value_line', {
              value: translate(`capaian.berakhlak.${k}.name`),
              rating: translate(`capaian.enum.rating.${v.rating}`),
            })}
            {v.note ? ` — ${v.note}` : ''}
          </li>
        );
      })}
      {request.note && <li>{translate('capaian.peer.note_line', { note: request.note })}</li>}
    </Box>
  );
}

function Named({ round }: { round: PeerRound }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List dense>
      {round.requests.map((r, i) => (
        <ListItem key={r.id ?? i} divider data-testid="peer-answer" sx={{ display: 'block' }}>
          <ListItemText
            primary={`${r.peer.name}${r.status ? ` — ${translate(`capaian.peer.status.${r.status}`)}` : ''}`}
            secondary={[
              r.requestedBy ? translate('capaian.peer.requested_by', { name: r.requestedBy.name }) : null,
              r.answeredAt
                ? translate('capaian.peer.answered_on', { date: formatDate(r.answeredAt, locale, true) })
                : r.dueAt
                  ? translate('capaian.peer.due', { date: formatDate(r.dueAt, locale, true) })
                  : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          <Answer request={r} />
        </ListItem>
      ))}
    </List>
  );
}

function Summary({ round }: { round: PeerRound }) {
  const translate = useTranslate();
  const s = round.summary;
  if (!s.answered) return <Typography color="text.secondary">{translate('capaian.peer.no_answers')}</Typography>;
  return (
    <Box data-testid="peer-summary">
      <Typography>{translate('capaian.peer.anonymous', { smart_count: s.answered })}</Typography>
      <Box component="ul" sx={{ pl: 3 }}>
        {BERAKHLAK.map((k) => (
          <li key={k}>
            {translate('capaian.peer.counts', {
              value: translate(`capaian.berakhlak.${k}.name`),
              above: s.values[k]?.counts.ABOVE ?? 0,
              meets: s.values[k]?.counts.MEETS ?? 0,
              below: s.values[k]?.counts.BELOW ?? 0,
            })}
            {s.values[k]?.notes.map((n) => ` — ${n}`).join('')}
          </li>
        ))}
        {s.notes.map((n) => (
          <li key={n}>{translate('capaian.peer.note_line', { note: n })}</li>
        ))}
      </Box>
    </Box>
  );
}

/** The round of appraisal `appraisal` (its row with raterId and stage, for the ask button). */
export function PeerFeedbackPanel({
  appraisal,
  holder = false,
}: {
  appraisal: { id: number; stage?: string; raterId?: number; raterSuperiorId?: number | null };
  /** The reader holds the rating task (its form shows this panel). */
  holder?: boolean;
}) {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: peerRoundKey(appraisal.id),
    queryFn: () => api<PeerRound>(`/appraisals/${appraisal.id}/peer-feedback`),
  });
  if (error) return <Alert severity="warning">{(error as Error).message}</Alert>;
  if (!data) return <LinearProgress aria-label={translate('capaian.peer.title')} />;
  const answered = data.requests.filter((r) => r.status === 'ANSWERED').length;
  return (
    <Box data-testid="peer-feedback" sx={{ maxWidth: 900, my: 2 }}>
      <Typography variant="h6">{translate('capaian.peer.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(data.max > 0 ? 'capaian.peer.help' : 'capaian.peer.disabled')}
      </Typography>
      {data.anonymous ? (
        <Summary round={data} />
      ) : data.requests.length === 0 ? (
        <Typography color="text.secondary">{translate('capaian.peer.none')}</Typography>
      ) : (
        <>
          {data.requests[0]?.status && (
            <Typography data-testid="peer-count">
              {translate('capaian.peer.asked_count', { answered, smart_count: data.requests.length })}
            </Typography>
          )}
          <Named round={data} />
        </>
      )}
      <AskColleagues appraisal={appraisal} round={data} holder={holder} />
    </Box>
  );
}
