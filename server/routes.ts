/** Routers of the feature areas (cycles, tasks, appraisals, rule sets, …), mounted by app.ts. */
import type { Router } from 'express';
import type { AppDeps } from './deps';
import { appraisalsRoutes } from './appraisals/appraisals.routes';
import { yearRoutes } from './appraisals/year.routes';
import { peerFeedbackRoutes } from './appraisals/peer-feedback.routes';
import { attendanceRoutes } from './attendance/attendance.routes';
import { oidcRoutes } from './auth/oidc.routes';
import { cyclesRoutes } from './cycles/cycles.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { delegationsRoutes } from './delegations/delegations.routes';
import { documentsRoutes } from './documents/documents.routes';
import { importsRoutes } from './imports/imports.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { notificationPreferencesRoutes } from './notifications/preferences.routes';
import { payAdjustmentsRoutes } from './pay/pay-adjustments.routes';
import { periodsRoutes } from './periods/periods.routes';
import { progressRoutes, teamProgressRoutes } from './progress/progress.routes';
import { rulesetsRoutes } from './rulesets/rulesets.routes';
import { sanctionsRoutes } from './sanctions/sanctions.routes';
import { schedulesRoutes } from './schedules/schedules.routes';
import { tasksRoutes } from './tasks/tasks.routes';
import { unitRatingProposalRoutes, unitResultsRoutes } from './unit-results/unit-results.routes';
import { usersRoutes } from './users/users.routes';

/** Feature routers and their mount paths. */
export function extraRoutes(deps: AppDeps): [string, Router][] {
  return [
    ['/api/rulesets', rulesetsRoutes(deps)],
    ['/api/periods', periodsRoutes(deps)],
    ['/api/pay-adjustments', payAdjustmentsRoutes(deps)],
    ['/api/sanctions', sanctionsRoutes(deps)],
    ['/api/dashboard', dashboardRoutes(deps)],
    ['/api/cycles', cyclesRoutes(deps)],
    ['/api/cycles', unitRatingProposalRoutes(deps)],
    ['/api/unit-results', unitResultsRoutes(deps)],
    ['/api/cycle-schedules', schedulesRoutes(deps)],
    ['/api/tasks', tasksRoutes(deps)],
    ['/api/appraisals', appraisalsRoutes(deps)],
    ['/api/appraisals', yearRoutes(deps)],
    ['/api/appraisals', peerFeedbackRoutes(deps)],
    ['/api/appraisals', progressRoutes(deps)],
    ['/api/progress', teamProgressRoutes(deps)],
    ['/api/imports', importsRoutes(deps)],
    ['/api/attendance', attendanceRoutes(deps)],
    ['/api/documents', documentsRoutes(deps)],
    ['/api/users', usersRoutes(deps)],
    ['/api/delegations', delegationsRoutes(deps)],
    ['/api/auth', oidcRoutes(deps)],
    ['/api/notifications', notificationsRoutes(deps)],
    ['/api/auth/me/notifications', notificationPreferencesRoutes(deps)],
  ];
}
