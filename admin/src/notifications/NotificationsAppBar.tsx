/** react-admin's app bar with the notification bell before its usual tools (language switch, loading indicator). */
import { AppBar, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { NotificationBell } from './NotificationBell';

export function NotificationsAppBar() {
  return (
    <AppBar
      toolbar={
        <>
          <NotificationBell />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    />
  );
}
