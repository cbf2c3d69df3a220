import { lazy } from 'react';
import ScheduleIcon from '@mui/icons-material/Schedule';

/** Recurring cycles (Temporal Schedules, /api/cycle-schedules): HR creates, pauses, resumes, runs now and deletes. */
export default {
  list: lazy(() => import('./ScheduleList')),
  create: lazy(() => import('./ScheduleCreate')),
  icon: ScheduleIcon,
};
