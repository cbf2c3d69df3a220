import { lazy } from 'react';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';

export default {
  list: lazy(() => import('./AttendanceList')),
  icon: EventAvailableIcon,
};
