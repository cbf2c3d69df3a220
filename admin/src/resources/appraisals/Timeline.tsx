/**
 * The appraisal's timeline: audit events and workflow history together, in words (what happened and who did it, never
 * the action code or an NIP as a name), with a link to the Temporal Web UI.
 */
import { useQuery } from '@tanstack/react-query';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Chip, List, ListItem, ListItemText } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../common/format';
import { api } from '../../providers/http';
import { actorWords, eventWords, useActorNames } from './timeline-words';

interface HistoryEntry {
  at?: string;
  time?: string;
  source?: string;
  kind?: string;
  type?: string;
  action?: string;
  actor?: string;
  title?: string;
  text?: string | { id?: string; en?: string };
  detail?: unknown;
  [k: string]: unknown;
}

export function Timeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useQuery({
    queryKey: ['appraisals', record?.id, 'history'],
    queryFn: () => api<any>(`/appraisals/${record!.id}/history`),
    enabled: !!record,
  });
  const entries: HistoryEntry[] = Array.isArray(data) ? data : (data?.events ?? data?.entries ?? data?.items ?? []);
  const names = useActorNames(entries.map((e) => e.actor ?? ''));
  if (!record) return null;
  const temporalUrl: string | undefined = data?.temporalUrl ?? data?.temporalUiUrl ?? record.temporalUrl;
  const describe = (e: HistoryEntry) => {
    const t = e.text;
    if (t && typeof t === 'object') return (locale === 'en' ? t.en : t.id) ?? '';
    return eventWords({ kind: e.kind ?? e.action ?? e.type, data: e.data }, translate);
  };
  return (
    <Box data-testid="timeline">
      {temporalUrl && (
        <Button href={temporalUrl} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />} sx={{ mb: 1 }}>
          {translate('capaian.appraisals.open_temporal')}
        </Button>
      )}
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending && <Alert severity="info">{translate('ra.page.loading')}</Alert>}
      <List dense>
        {entries.map((e, k) => (
          <ListItem key={k} divider>
            <Chip
              size="small"
              sx={{ mr: 1, minWidth: 90 }}
              color={e.source === 'workflow' || e.source === 'temporal' ? 'secondary' : 'default'}
              label={translate(`capaian.appraisals.source.${e.source ?? 'audit'}`, { _: e.source ?? 'audit' })}
            />
            <ListItemText
              primary={describe(e)}
              secondary={`${formatDate(e.at ?? e.time, locale, true)}${e.actor ? ` · ${actorWords(e.actor, names, translate)}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
