import { lazy } from 'react';
import RuleIcon from '@mui/icons-material/Rule';

export default {
  list: lazy(() => import('./RulesetList')),
  show: lazy(() => import('./RulesetShow')),
  edit: lazy(() => import('./RulesetEdit')),
  create: lazy(() => import('./RulesetCreate')),
  icon: RuleIcon,
};
