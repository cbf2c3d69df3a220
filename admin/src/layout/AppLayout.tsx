/**
 * The layout: react-admin's, with a menu that adds the import page for HR and "Akun Saya" for everyone (the locale
 * switch is in the app bar). After a one-time password every page leads to Akun Saya until it is changed.
 */
import type { ReactNode } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Layout, Menu, useCanAccess, useTranslate } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import { sessionUser } from '../providers/auth-provider';

function AppMenu() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {canAccess && (
        <Menu.Item to="/imports" primaryText={translate('capaian.imports.title')} leftIcon={<UploadFileIcon />} />
      )}
      <Menu.Item to="/account" primaryText={translate('capaian.account.title')} leftIcon={<AccountCircleIcon />} />
    </Menu>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (sessionUser()?.mustChangePassword && pathname !== '/account') return <Navigate to="/account" replace />;
  return <Layout menu={AppMenu}>{children}</Layout>;
}
