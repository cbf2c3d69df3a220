import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';

export default {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: FactCheckIcon,
};
