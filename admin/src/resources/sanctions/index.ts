import { lazy } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';

export default {
  list: lazy(() => import('./SanctionList')),
  show: lazy(() => import('./SanctionShow')),
  icon: GavelIcon,
};
