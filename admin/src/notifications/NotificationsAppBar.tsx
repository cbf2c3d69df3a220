/** react-admin's app bar with the notification bell before its usual tools (language switch, loading indicator). */
import { Box } from '@mui/material';
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

/**
 * On a phone the language switch is its icon only (the language's name stays its accessible name, in a zero font
 * size): the page title needs the app bar's width.
 */
const ICON_ONLY_ON_PHONE = {
  display: 'contents',
  '@media (max-width: 599.95px)': {
    '& .MuiButton-root': { fontSize: 0, minWidth: 44, px: 1.25 },
    '& .MuiButton-startIcon': { m: 0 },
    '& .MuiButton-endIcon': { display: 'none' },
  },
};

export function NotificationsAppBar() {
  return (
    <AppBar
      userMenu={<AccountMenu />}
      toolbar={
        <>
          <NotificationBell />
          <Box sx={ICON_ONLY_ON_PHONE}>
            <LocalesMenuButton />
          </Box>
          <NamedLoadingIndicator />
        </>
      }
    />
  );
}
