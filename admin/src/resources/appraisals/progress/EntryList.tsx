/**
 * The realisations recorded during the period, newest work first: the day, the value, the indicator, who recorded
 * it and when; the author removes one of their own while the period runs, after a confirmation naming it.
 */
import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Confirm, useLocaleState, useTranslate } from 'react-admin';
import { formatDate, formatDay } from '../../../common/format';
import { useAction } from '../../../common/use-action';
import { withUnit } from './IndicatorProgressRow';
import type { IndicatorProgress, ProgressEntry } from './types';

function RemoveButton({
  appraisalId,
  entry,
  label,
  onDone,
}: {
  appraisalId: number;
  entry: ProgressEntry;
  label: string;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [asking, setAsking] = useState(false);
  const { run, isPending } = useAction({ successMessage: 'capaian.progress.removed', onSuccess: onDone });
  const date = formatDay(entry.workDate, locale);
  return (
    <>
      <Button
        size="small"
        color="warning"
        startIcon={<DeleteIcon />}
        aria-label={translate('capaian.progress.remove_named', { date, value: label })}
        onClick={() => setAsking(true)}
      >
        {translate('capaian.progress.remove')}
      </Button>
      <Confirm
        isOpen={asking}
        loading={isPending}
        title="capaian.progress.remove_title"
        content={translate('capaian.progress.remove_confirm', {
          date,
          value: label,
          indicator: entry.indicatorDescription,
        })}
        confirm="capaian.progress.remove"
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          await run(`/appraisals/${appraisalId}/realizations/${entry.id}`, undefined, 'DELETE');
          setAsking(false);
        }}
      />
    </>
  );
}

export function EntryList({
  appraisalId,
  entries,
  indicators,
  onDone,
}: {
  appraisalId: number;
  entries: ProgressEntry[];
  indicators: IndicatorProgress[];
  onDone: () => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const unitOf = new Map(indicators.map((i) => [i.indicatorId, i.targetUnit]));
  return (
    <Box sx={{ maxWidth: 800 }}>
      <Typography variant="subtitle1" component="h3">
        {translate('capaian.progress.entries')}
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">{translate('capaian.progress.entries_none')}</Typography>
      ) : (
        <List dense>
          {entries.map((e) => {
            const label = withUnit(
              e.value,
              e.indicatorId === null ? null : (unitOf.get(e.indicatorId) ?? null),
              locale,
            );
            const notes = [
              translate('capaian.progress.entry_by', {
                name: e.recordedBy ?? '—',
                when: formatDate(e.recordedAt, locale, true),
              }),
              e.onBehalf ? translate('capaian.progress.on_behalf') : null,
              e.indicatorId === null ? translate('capaian.progress.unlinked') : null,
              e.note,
            ].filter(Boolean);
            return (
              <ListItem
                key={e.id}
                divider
                data-testid="progress-entry"
                secondaryAction={
                  e.mayRemove ? (
                    <RemoveButton appraisalId={appraisalId} entry={e} label={label} onDone={onDone} />
                  ) : undefined
                }
              >
                <ListItemText
                  primary={`${formatDay(e.workDate, locale)}: ${label} — ${e.indicatorDescription}`}
                  secondary={notes.join(' · ')}
                  sx={{ pr: e.mayRemove ? 12 : 0 }}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}
