import { lazy } from 'react';
import AssignmentIcon from '@mui/icons-material/Assignment';

const TaskPage = lazy(() => import('./TaskPage'));

export default {
  list: lazy(() => import('./TaskList')),
  show: TaskPage,
  edit: TaskPage,
  icon: AssignmentIcon,
};
