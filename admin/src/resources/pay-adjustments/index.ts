import { lazy } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';

export default {
  list: lazy(() => import('./PayList')),
  show: lazy(() => import('./PayShow')),
  icon: PaymentsIcon,
};
