/**
 * The four-eyes review of a version (GET /api/rulesets/:id/review): who drafted, edited and submitted it, what it
 * replaces, its golden tests, and its changes in words (rules, golden tests, facts, description), the older wording
 * under "Sebelum" and the newer under "Sesudah"; then approve / return, or the two-step retirement.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../common/format';
import { api } from '../../providers/http';
import { ReviewActions } from './ReviewActions';
import { ChangeSection, MetadataChanges } from './ReviewChanges';
import { joinWords, type Review } from './review-types';

const K = 'capaian.rulesets.review';

function People({ review }: { review: Review }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { people, version } = review;
  const who = (name: string | null) => (name === review.caller ? translate(`${K}.you`, { name }) : (name ?? '—'));
  const editors = people.editors.filter((n): n is string => !!n).map(who);
  return (
    <Box sx={{ mt: 2 }} data-testid="review-people">
      <Typography variant="h6">{translate(`${K}.people_title`)}</Typography>
      <Typography>{translate(`${K}.author`, { name: who(people.author) })}</Typography>
      <Typography>{translate(`${K}.editors`, { names: joinWords(translate, editors) })}</Typography>
      <Typography>
        {people.submittedBy
          ? translate(`${K}.submitted`, {
              name: who(people.submittedBy),
              date: formatDate(version.submittedAt, locale, true),
            })
          : translate(`${K}.not_submitted`)}
      </Typography>
      {people.approvedBy && (
        <Typography>
          {translate(`${K}.approved`, {
            name: who(people.approvedBy),
            date: formatDate(version.publishedAt, locale, true),
          })}
        </Typography>
      )}
      {people.retiredBy && <Typography>{translate(`${K}.retired`, { name: who(people.retiredBy) })}</Typography>}
    </Box>
  );
}

export function RulesetReview() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const {
    data: review,
    error,
    refetch,
  } = useQuery({
    queryKey: ['rulesets', record?.id, 'review'],
    queryFn: () => api<Review>(`/rulesets/${record!.id}/review`),
    enabled: !!record,
  });
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!review) return <LinearProgress aria-label={translate(`${K}.loading`)} />;
  const v = review.version;
  const { words, goldenTests } = review;
  const failed = goldenTests.results.filter((r) => !r.passed).length;
  return (
    <Box data-testid="ruleset-review">
      <Typography variant="h5">
        {translate(`${K}.title`, {
          kind: translate(`capaian.enum.rulesetKind.${v.kind}`),
          version: v.version,
          name: v.name,
        })}
      </Typography>
      <Typography data-testid="review-replaces">
        {review.replaces
          ? translate(`${K}.replaces`, {
              version: review.replaces.version,
              date: formatDate(review.replaces.effectiveFrom, locale),
            })
          : translate(`${K}.replaces_none`)}
      </Typography>
      <People review={review} />
      <Alert severity={goldenTests.passed ? 'success' : 'error'} sx={{ mt: 2 }} data-testid="review-golden">
        {!goldenTests.results.length
          ? translate(`${K}.tests_none`)
          : goldenTests.passed
            ? translate(`${K}.tests_passed`, { total: goldenTests.results.length })
            : translate(`${K}.tests_failed`, { failed, total: goldenTests.results.length })}
      </Alert>
      <ReviewActions review={review} onDone={() => void refetch()} />
      <MetadataChanges changes={words.metadata} />
      <ChangeSection
        title={translate(`${K}.rules_title`)}
        counts={words.counts.rules}
        changes={words.rules}
        testId="review-rules"
      />
      <ChangeSection
        title={translate(`${K}.tests_title`)}
        counts={words.counts.tests}
        changes={words.tests}
        testId="review-tests"
      />
      {words.facts.length > 0 && (
        <ChangeSection
          title={translate(`${K}.facts_title`)}
          counts={words.counts.facts}
          changes={words.facts}
          testId="review-facts"
        />
      )}
    </Box>
  );
}
