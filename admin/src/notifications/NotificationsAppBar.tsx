/** react-admin's app bar with the notification bell before its usual tools (language switch, loading indicator). */
import { AppBar, LoadingIndicator, LocalesMenuButton, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { NotificationBell } from './NotificationBell';

/**
 * The user menu, its button named with the name it shows ("Siti Rahayu — Profil"): a name that differs from the
 * visible text confuses speech input and screen readers (axe-core label-content-name-mismatch).
 */
function AccountMenu() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const menu = translate('ra.auth.user_menu');
  return <UserMenu label={identity?.fullName ? `${identity.fullName} — ${menu}` : menu} />;
}

/** The app bar's loading spinner, named ("Memuat" / "Loading"): an unnamed progress bar says nothing to a screen reader. */
function NamedLoadingIndicator() {
  const translate = useTranslate();
  const named = { 'aria-label': translate('capaian.loading') } as object;
  return <LoadingIndicator {...named} />;
}

export function NotificationsAppBar() {
  return (
    <AppBar
      userMenu={<AccountMenu />}
      toolbar={
        <>
          <NotificationBell />
          <LocalesMenuButton />
          <NamedLoadingIndicator />
        </>
      }
    />
  );
}
