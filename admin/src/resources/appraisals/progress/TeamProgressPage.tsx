/**
 * "Progres Tim" (GET /api/progress/team): the rater's team during the running period, members behind first, each
 * with the share of every target reached and, in words, whether they are behind the part of the period gone by.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatPercent } from '../../../common/format';
import { api } from '../../../providers/http';
import { useShareWords } from './IndicatorProgressRow';
import type { AppraisalProgress, TeamProgress } from './types';

function Member({ member: m }: { member: AppraisalProgress }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const share = useShareWords();
  const behind = m.behindCount > 0;
  return (
    <Card variant="outlined" data-testid="team-member" sx={{ mb: 2, maxWidth: 900 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" component="h2">
            {m.employee.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {m.employee.nip}
          </Typography>
          <Chip
            size="small"
            data-testid="team-member-status"
            color={behind ? 'warning' : 'success'}
            label={
              behind
                ? translate('capaian.progress.team.behind_count', { count: m.behindCount })
                : translate('capaian.progress.team.on_track')
            }
          />
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(
            `capaian.progress.team.${m.span.label === m.period.label ? 'member_period' : 'member_period_year'}`,
            {
              label: m.period.label,
              span: m.span.label,
              percent: formatPercent(m.elapsed.percent, locale),
            },
          )}
        </Typography>
        {m.indicators.map((i) => (
          <Box key={i.indicatorId} sx={{ mb: 1 }} data-testid="team-indicator">
            <Typography variant="body2" sx={{ fontWeight: i.behind ? 600 : 400 }}>
              {translate('capaian.progress.team.indicator_share', {
                description: i.description,
                share: share(i),
              })}
              {i.behind &&
                ` ${translate('capaian.progress.behind', {
                  percent: formatPercent(i.percent, locale),
                  elapsed: formatPercent(m.elapsed.percent, locale),
                })}`}
            </Typography>
            {i.percent !== null && (
              <LinearProgress
                variant="determinate"
                value={Math.min(100, i.percent)}
                color={i.behind ? 'warning' : 'success'}
                aria-label={`${m.employee.name}, ${i.description}: ${formatPercent(i.percent, locale)}`}
                sx={{ height: 8, borderRadius: 1, maxWidth: 480 }}
              />
            )}
          </Box>
        ))}
        <Button component={Link} to={`/appraisals/${m.appraisalId}/show/progress`} size="small">
          {translate('capaian.progress.team.open', { name: m.employee.name })}
        </Button>
      </CardContent>
    </Card>
  );
}

export default function TeamProgressPage() {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['progress', 'team'],
    queryFn: () => api<TeamProgress>('/progress/team'),
  });
  return (
    <Box sx={{ mt: 2 }} data-testid="team-progress">
      <Title title={translate('capaian.progress.team.title')} />
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate('capaian.progress.team.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {translate('capaian.progress.team.help')}
      </Typography>
      {error && <Alert severity="warning">{(error as Error).message}</Alert>}
      {!data && !error && <LinearProgress aria-label={translate('capaian.progress.team.title')} />}
      {data && data.members.length === 0 && (
        <Typography color="text.secondary">{translate('capaian.progress.team.empty')}</Typography>
      )}
      {data && data.members.length > 0 && (
        <>
          <Typography variant="body1" sx={{ mb: 2 }} data-testid="team-summary">
            {translate('capaian.progress.team.summary', { behind: data.behind, count: data.members.length })}
          </Typography>
          {data.members.map((m) => (
            <Member key={m.appraisalId} member={m} />
          ))}
        </>
      )}
    </Box>
  );
}
