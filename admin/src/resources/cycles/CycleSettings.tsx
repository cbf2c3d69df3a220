/**
 * The stage deadlines of a cycle (its settings) in words on the cycle page: who does what within how many days, the
 * unit rating assumed until HR sets one, and the local time of its deadlines; values not set are the system's
 * defaults (workflows/messages.ts DEFAULT_SETTINGS), said as such.
 */
import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The defaults the workflows apply to a setting the cycle leaves out (kept in step with DEFAULT_SETTINGS). */
export const DEFAULT_DAYS = {
  planningDays: 14,
  planReviewDays: 7,
  evidenceDays: 30,
  reviewDays: 14,
  calibrationDays: 7,
  appealWindowDays: 14,
  appealDecisionDays: 14,
  sanctionDecisionDays: 14,
  escalationDays: 3,
} as const;

const ZONES: Record<number, string> = { 7: 'WIB', 8: 'WITA', 9: 'WIT' };

/** Peer feedback (360) in words: how many colleagues, within how many days, and what the employee sees. */
function peerWords(settings: Record<string, unknown>, translate: (key: string, options?: any) => string) {
  const max = typeof settings.peerFeedbackMax === 'number' ? settings.peerFeedbackMax : 3;
  if (max < 1) return translate('capaian.peer.setting_off');
  return translate('capaian.peer.setting', {
    smart_count: max,
    days: typeof settings.peerFeedbackDays === 'number' ? settings.peerFeedbackDays : 7,
    who: translate(settings.peerFeedbackNamed ? 'capaian.peer.setting_named' : 'capaian.peer.setting_anonymous'),
  });
}

export function CycleSettings() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const settings = (record.settings ?? {}) as Record<string, unknown>;
  const offset = typeof settings.utcOffsetHours === 'number' ? settings.utcOffsetHours : 7;
  const rating = typeof settings.defaultUnitRating === 'string' ? settings.defaultUnitRating : 'BAIK';
  return (
    <Box data-testid="cycle-settings" sx={{ my: 1 }}>
      <Typography variant="subtitle1">{translate('capaian.work.settings_title')}</Typography>
      <List dense disablePadding>
        {(Object.keys(DEFAULT_DAYS) as (keyof typeof DEFAULT_DAYS)[]).map((k) => {
          const set = typeof settings[k] === 'number';
          const n = set ? (settings[k] as number) : DEFAULT_DAYS[k];
          return (
            <ListItem key={k} disableGutters data-testid={`setting-${k}`}>
              <ListItemText
                primary={
                  translate(`capaian.work.setting.${k}`, { smart_count: n }) +
                  (set ? '' : ` (${translate('capaian.work.setting_default')})`)
                }
              />
            </ListItem>
          );
        })}
        <ListItem disableGutters data-testid="setting-defaultUnitRating">
          <ListItemText
            primary={translate('capaian.work.setting_unit_rating', {
              rating: translate(`capaian.enum.unitRating.${rating}`, { _: rating }),
            })}
          />
        </ListItem>
        <ListItem disableGutters data-testid="setting-peerFeedback">
          <ListItemText primary={peerWords(settings, translate)} />
        </ListItem>
        <ListItem disableGutters data-testid="setting-zone">
          <ListItemText
            primary={translate('capaian.work.setting_zone', {
              zone: ZONES[offset] ?? `UTC${offset >= 0 ? '+' : ''}${offset}`,
              offset: `${offset >= 0 ? '+' : ''}${offset}`,
            })}
          />
        </ListItem>
      </List>
    </Box>
  );
}
