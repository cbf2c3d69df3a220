import { lazy } from 'react';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';

export default {
  list: lazy(() => import('./CycleList')),
  show: lazy(() => import('./CycleShow')),
  create: lazy(() => import('./CycleCreate')),
  icon: EventRepeatIcon,
};
