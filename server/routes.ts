/** Routers of the feature areas (cycles, tasks, appraisals, rule sets, …), mounted by app.ts. */
import type { Router } from 'express';
import type { AppDeps } from './deps';
import { rulesetsRoutes } from './rulesets/rulesets.routes';

/** Feature routers and their mount paths. */
export function extraRoutes(deps: AppDeps): [string, Router][] {
  return [
    ['/api/rulesets', rulesetsRoutes(deps)],
  ];
}
