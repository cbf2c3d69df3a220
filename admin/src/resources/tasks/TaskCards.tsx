/**
 * The task inbox on a phone: one card per task instead of the table's eight columns — its name, whose and which
 * period, the deadline and the days left — the whole card a touch-sized link to the task. Nothing on a wider screen (the table).
 */
import {
  List as MuiList,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { Link, useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { DueChip } from './DueChip';
import { taskName, taskPeriod, taskSubject, type TaskRow } from './task-words';
import { When } from './When';

export function TaskCards() {
  const { data, isPending } = useListContext<TaskRow & { id: number; status: string; dueAt?: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const phone = useMediaQuery((t: Theme) => t.breakpoints.down('sm'));
  if (!phone || isPending) return null;
  // No rows: react-admin's own message (nothing found, or nothing matching the filter) says so.
  if (!data?.length) return null;
  return (
    <MuiList disablePadding>
      {data.map((r) => (
        <ListItem key={r.id} disablePadding divider>
          <ListItemButton
            component={Link}
            to={createPath({ resource: 'tasks', id: r.id, type: r.status === 'OPEN' ? 'edit' : 'show' })}
            data-testid="task-card"
            sx={{ alignItems: 'flex-start' }}
          >
            <ListItemText
              primary={taskName(r, translate, locale)}
              slotProps={{ primary: { sx: { fontWeight: 500 } }, secondary: { component: 'div' } }}
              secondary={
                <>
                  <span data-testid="task-subject">{taskSubject(r)}</span>
                  {' · '}
                  {r.cycle?.name ?? '—'}
                  {' · '}
                  {taskPeriod(r)}
                  <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
                    {r.dueAt && (
                      <span>
                        {translate('capaian.phone.task_due')}: <When value={r.dueAt} time />
                      </span>
                    )}
                    <DueChip task={r} />
                  </Stack>
                </>
              }
            />
          </ListItemButton>
        </ListItem>
      ))}
    </MuiList>
  );
}
