/** Who acted, in words: a person by name with the NIP beneath, or which workflow of which cycle. */
import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
import { formatMonth } from '../../common/format';
import { useAuditWords } from './audit-words';

export function AuditActor(_: { label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const words = useAuditWords();
  if (!record) return null;
  const who = words.actor(record.actorInfo, String(record.actor ?? ''));
  return (
    <Box data-testid={`audit-actor-${record.id}`}>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {who.primary}
      </Typography>
      {who.secondary && (
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {who.secondary}
        </Typography>
      )}
    </Box>
  );
}

/** What was done to which record, in words. */
export function AuditWhat(_: { label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const words = useAuditWords();
  const [locale] = useLocaleState();
  if (!record) return null;
  const month = record.subjectMonth ? ` — ${formatMonth(record.subjectMonth, locale)}` : '';
  return (
    <Box data-testid={`audit-action-${record.id}`}>
      <Typography variant="body2">{words.action(record.action)}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {words.entity(record.entity)}
        {record.subject ? `: ${record.subject}${month}` : ''}
      </Typography>
    </Box>
  );
}
