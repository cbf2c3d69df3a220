import { lazy } from 'react';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';

export default {
  list: lazy(() => import('./DelegationList')),
  create: lazy(() => import('./DelegationCreate')),
  icon: SupervisorAccountIcon,
};
