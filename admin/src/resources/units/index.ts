import { lazy } from 'react';
import AccountTreeIcon from '@mui/icons-material/AccountTree';

export default {
  list: lazy(() => import('./UnitList')),
  show: lazy(() => import('./UnitShow')),
  edit: lazy(() => import('./UnitEdit')),
  create: lazy(() => import('./UnitCreate')),
  icon: AccountTreeIcon,
};
