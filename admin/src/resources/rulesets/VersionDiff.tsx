/**
 * Differences between this version and another version of the same kind (by default the published one), in words:
 * always the older version as "before" and the newer as "after", whichever of the two this page shows; rules, golden
 * tests, facts and the version's description part by part (rule names, fact labels, operators and values in words), as
 * the four-eyes review shows them.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, MenuItem, TextField } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../../providers/http';
import { ChangeSection, MetadataChanges } from './ReviewChanges';
import type { Review } from './review-types';

interface DiffAnswer {
  from: { id: number; version: number } | null;
  to: { id: number; version: number };
  words: Review['words'];
}

const R = 'capaian.rulesets.review';

export function VersionDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [against, setAgainst] = useState('');
  const { data: versions } = useGetList(
    'rulesets',
    {
      filter: { kind: record?.kind },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'version', order: 'DESC' },
    },
    { enabled: !!record },
  );
  const others = (versions ?? []).filter((v) => v.id !== record?.id);
  useEffect(() => {
    if (against || !others.length) return;
    const published = others.find((v) => v.status === 'PUBLISHED') ?? others[0];
    setAgainst(String(published.id));
  }, [against, others]);
  const { data, error } = useQuery({
    queryKey: ['rulesets', record?.id, 'diff', against],
    queryFn: () => api<DiffAnswer>(`/rulesets/${record!.id}/diff?against=${against}`),
    enabled: !!record && !!against,
  });
  const status = (id: number | undefined) => {
    const v = id === record?.id ? record : (versions ?? []).find((x) => x.id === id);
    return v ? translate(`capaian.enum.rulesetStatus.${v.status}`, { _: v.status }) : '—';
  };
  const words = data?.words;
  const identical =
    !!words && !words.metadata.length && !words.rules.length && !words.tests.length && !words.facts.length;
  return (
    <Box>
      <TextField
        select
        size="small"
        label={translate('capaian.rulesets.compare_with')}
        value={against}
        onChange={(e) => setAgainst(e.target.value)}
        sx={{ minWidth: 280, mb: 2 }}
      >
        {others.map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            {translate('capaian.rulesets.review.title', {
              kind: translate(`capaian.enum.rulesetKind.${v.kind}`, { _: v.kind }),
              version: v.version,
              name: translate(`capaian.enum.rulesetStatus.${v.status}`, { _: v.status }),
            })}
          </MenuItem>
        ))}
      </TextField>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {data && (
        <Alert severity={identical ? 'info' : 'warning'} sx={{ mb: 2 }} data-testid="version-diff-summary">
          {data.from
            ? translate('capaian.rulesWords.diff.direction', {
                from: data.from.version,
                fromStatus: status(data.from.id),
                to: data.to.version,
                toStatus: status(data.to.id),
              })
            : translate('capaian.rulesWords.diff.direction_first', { to: data.to.version })}{' '}
          {identical && translate('capaian.rulesWords.diff.identical')}
        </Alert>
      )}
      {words && !identical && (
        <Box data-testid="version-diff">
          <MetadataChanges changes={words.metadata} />
          <ChangeSection
            title={translate(`${R}.rules_title`)}
            counts={words.counts.rules}
            changes={words.rules}
            testId="diff-rules"
          />
          <ChangeSection
            title={translate(`${R}.tests_title`)}
            counts={words.counts.tests}
            changes={words.tests}
            testId="diff-tests"
          />
          {words.facts.length > 0 && (
            <ChangeSection
              title={translate(`${R}.facts_title`)}
              counts={words.counts.facts}
              changes={words.facts}
              testId="diff-facts"
            />
          )}
        </Box>
      )}
    </Box>
  );
}
