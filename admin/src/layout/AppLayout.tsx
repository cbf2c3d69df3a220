/** The layout: react-admin's, with a menu that adds the import page for HR (the locale switch is in the app bar). */
import type { ReactNode } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Layout, Menu, useCanAccess, useTranslate } from 'react-admin';

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
    </Menu>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout menu={AppMenu}>{children}</Layout>;
}
