/** Routers of the feature areas (cycles, tasks, appraisals, rule sets, …), mounted by app.ts. */
import type { Router } from 'express';
import type { AppDeps } from './deps';

/** Feature routers and their mount paths. */
export function extraRoutes(_deps: AppDeps): [string, Router][] {
  return [];
}
