/**
 * The layout: react-admin's, with a menu that adds the import page for HR and "Akun Saya" for everyone (the locale
 * switch is in the app bar). After a one-time password the menu holds only Akun Saya (logout stays in the app bar)
 * and every other page says why it is closed, until the password is changed. A long page title wraps in the app
 * bar, and a long menu entry in the menu, instead of being cut off.
 */
import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Button, ThemeProvider, Typography, useMediaQuery, type Theme } from '@mui/material';
import { Layout, Menu, Sidebar, Title, useCanAccess, useTranslate, type SidebarProps } from 'react-admin';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { NotificationsAppBar } from '../notifications/NotificationsAppBar';
import { sessionUser } from '../providers/auth-provider';
import { OfflineBanner } from './OfflineBanner';

/** The menu while a one-time password is in use: Akun Saya only, and why. */
function PasswordChangeMenu() {
  const translate = useTranslate();
  return (
    <Menu data-testid="password-change-menu">
      <Menu.Item to="/account" primaryText={translate('capaian.account.title')} leftIcon={<AccountCircleIcon />} />
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, py: 1, maxWidth: 220 }}>
        {translate('capaian.account.locked_menu')}
      </Typography>
    </Menu>
  );
}

/** Shown instead of any other page while a one-time password is in use. */
function PasswordChangeFirst() {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mt: 2, maxWidth: 640 }} data-testid="password-change-first">
      <Title title={translate('capaian.account.locked_title')} />
      <AlertTitle>{translate('capaian.account.locked_title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('capaian.account.locked_page')}
      </Typography>
      <Button component={Link} to="/account" variant="contained" size="small">
        {translate('capaian.account.locked_go')}
      </Button>
    </Alert>
  );
}

function AppMenu() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (sessionUser()?.mustChangePassword) return <PasswordChangeMenu />;
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {sessionUser()?.isRater && (
        <Menu.Item
          to="/progress/team"
          primaryText={translate('capaian.progress.team.title')}
          leftIcon={<TrendingUpIcon />}
        />
      )}
      {canAccess && (
        <Menu.Item to="/imports" primaryText={translate('capaian.imports.title')} leftIcon={<UploadFileIcon />} />
      )}
      <Menu.Item to="/account" primaryText={translate('capaian.account.title')} leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
}

/**
 * The page title in the app bar and the menu's entries: wrapped when long, never cut with an ellipsis. On a phone the
 * layout is the screen's width: react-admin's `min-width: fit-content` would widen it to its widest content (a strip
 * of tabs, a table), and the whole page would scroll sideways.
 */
const TITLE_WRAPS = {
  minWidth: { xs: 0, sm: 'fit-content' },
  '& .RaMenuItemLink-root .MuiTypography-noWrap': { whiteSpace: 'normal', lineHeight: 1.25 },
  '& #react-admin-title': {
    whiteSpace: 'normal',
    overflow: 'visible',
    textOverflow: 'clip',
    overflowWrap: 'anywhere',
    lineHeight: 1.2,
    fontSize: { xs: '1rem', lg: '1.15rem' },
    py: 0.5,
  },
} as const;

/**
 * react-admin's sidebar, named: on a phone it is a drawer (a modal dialog), which a screen reader announces by its
 * name — "Menu utama" / "Main menu" — and axe requires one.
 */
function AppSidebar(props: SidebarProps) {
  const translate = useTranslate();
  // The same test as react-admin's Sidebar; on a wider screen the menu is no dialog and a generic element takes no name.
  const drawer = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  if (!drawer) return <Sidebar {...props} />;
  return <Sidebar {...props} slotProps={{ paper: { 'aria-label': translate('capaian.a11y.main_menu') } }} />;
}

/**
 * Every spinner and progress bar of the console's pages is named "Memuat" / "Loading" unless it names itself: those
 * inside react-admin's own buttons (a save under way) are otherwise nameless to a screen reader.
 */
function NamedProgress({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const label = translate('ra.page.loading');
  const named = (outer: Theme): Theme => ({
    ...outer,
    components: {
      ...outer.components,
      MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { 'aria-label': label } },
      MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { 'aria-label': label } },
    },
  });
  return <ThemeProvider theme={named}>{children}</ThemeProvider>;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const locked = !!sessionUser()?.mustChangePassword && pathname !== '/account';
  // Straight after sign-in (the home page) to Akun Saya; any other page says why it is closed.
  if (locked && pathname === '/') return <Navigate to="/account" replace />;
  return (
    <NamedProgress>
      <Layout menu={AppMenu} appBar={NotificationsAppBar} sidebar={AppSidebar} sx={TITLE_WRAPS}>
        <OfflineBanner />
        {locked ? <PasswordChangeFirst /> : children}
      </Layout>
    </NamedProgress>
  );
}
