import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';

export default {
  list: lazy(() => import('./EmployeeList')),
  show: lazy(() => import('./EmployeeShow')),
  edit: lazy(() => import('./EmployeeEdit')),
  create: lazy(() => import('./EmployeeCreate')),
  icon: PeopleIcon,
};
