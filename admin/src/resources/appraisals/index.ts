import { lazy } from 'react';
import AssessmentIcon from '@mui/icons-material/Assessment';

export default {
  list: lazy(() => import('./AppraisalList')),
  show: lazy(() => import('./AppraisalShow')),
  icon: AssessmentIcon,
};
