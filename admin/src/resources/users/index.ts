import { lazy } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';

export default {
  list: lazy(() => import('./UserList')),
  edit: lazy(() => import('./UserEdit')),
  create: lazy(() => import('./UserCreate')),
  icon: ManageAccountsIcon,
};
