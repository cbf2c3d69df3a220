/** Routers of the feature areas (cycles, tasks, appraisals, rule sets, …), mounted by app.ts. */
import type { Router } from 'express';
import type { AppDeps } from './deps';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { payAdjustmentsRoutes } from './pay/pay-adjustments.routes';
import { periodsRoutes } from './periods/periods.routes';
import { rulesetsRoutes } from './rulesets/rulesets.routes';

/** Feature routers and their mount paths. */
export function extraRoutes(deps: AppDeps): [string, Router][] {
  return [
    ['/api/rulesets', rulesetsRoutes(deps)],
    ['/api/periods', periodsRoutes(deps)],
    ['/api/pay-adjustments', payAdjustmentsRoutes(deps)],
    ['/api/dashboard', dashboardRoutes(deps)],
  ];
}
