/**
 * The bell in the app bar: the unread count (polled every 30 s and on opening), the newest notifications in the
 * user's language (Bahasa Indonesia by default, English on the switch), each linking to its task or appraisal and
 * marked read when opened, and "mark all read". Hidden while a one-time password must still be changed.
 */
import { useState } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { sessionUser } from '../providers/auth-provider';
import { api, httpClient } from '../providers/http';

/** A notification as GET /api/notifications lists it. */
interface Notification {
  id: number;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  taskId: number | null;
  appraisalId: number | null;
  readAt: string | null;
  createdAt: string;
}

const PAGE = 10;

export function NotificationBell() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const locked = !!sessionUser()?.mustChangePassword;
  const count = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: 30_000,
    enabled: !locked,
  });
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: async () => {
      const query = new URLSearchParams({ sort: '["createdAt","DESC"]', range: `[0,${PAGE - 1}]` });
      return (await httpClient(`/api/notifications?${query}`)).json as Notification[];
    },
    enabled: !locked && !!anchor,
  });
  if (locked) return null;
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const unread = count.data?.unread ?? 0;
  const en = locale === 'en';

  const open = async (n: Notification) => {
    setAnchor(null);
    if (!n.readAt) await api('/notifications/read', { body: { ids: [n.id] } }).catch(() => undefined);
    void refresh();
    if (n.taskId) navigate(`/tasks/${n.taskId}/show`);
    else if (n.appraisalId) navigate(`/appraisals/${n.appraisalId}/show`);
  };
  const readAll = async () => {
    setAnchor(null);
    await api('/notifications/read-all', { body: {} }).catch(() => undefined);
    void refresh();
  };

  return (
    <>
      <Tooltip title={translate('capaian.notifications.title')}>
        <IconButton
          color="inherit"
          aria-label={translate('capaian.notifications.bell', { smart_count: unread })}
          data-testid="notification-bell"
          onClick={(e) => {
            setAnchor(e.currentTarget);
            void refresh();
          }}
        >
          {/* Mounted afresh when the count reaches 0: a badge hidden at 0 keeps showing its previous number inside the
              button, whose name then says "0 unread" over a "1" (axe: label-content-name-mismatch). */}
          <Badge
            key={unread > 0 ? 'unread' : 'none'}
            badgeContent={unread}
            color="error"
            max={99}
            data-testid="notification-count"
          >
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 420, maxWidth: '90vw' }} data-testid="notification-list">
          <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {translate('capaian.notifications.title')}
            </Typography>
            <Button size="small" onClick={readAll} disabled={!unread}>
              {translate('capaian.notifications.mark_all_read')}
            </Button>
          </Box>
          <Divider />
          {list.data && !list.data.length && (
            <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
              {translate('capaian.notifications.empty')}
            </Typography>
          )}
          <List dense disablePadding sx={{ maxHeight: 480, overflow: 'auto' }}>
            {(list.data ?? []).map((n) => (
              <ListItem key={n.id} disablePadding>
                <ListItemButton
                  onClick={() => void open(n)}
                  sx={{ display: 'block', bgcolor: n.readAt ? undefined : 'action.hover' }}
                  data-testid="notification-item"
                >
                  <Typography variant="body2" sx={{ fontWeight: n.readAt ? 400 : 700 }}>
                    {en ? n.titleEn : n.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {en ? n.bodyEn : n.body}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {new Date(n.createdAt).toLocaleString(en ? 'en-GB' : 'id-ID')}
                    {n.readAt ? '' : ` · ${translate('capaian.notifications.unread')}`}
                  </Typography>
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Box>
      </Popover>
    </>
  );
}
