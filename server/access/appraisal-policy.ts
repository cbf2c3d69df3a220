/**
 * The access policy's rows for appraisals: the records, the plan and its revisions, evidence, reassignment and
 * employment changes, peer feedback (360) and progress during the period. Part of ACCESS_POLICY (access.policy.ts).
 */
import { CHAIN, READ_ALL, type AccessRule } from './policy-terms';

export const APPRAISAL_POLICY: readonly AccessRule[] = [
  // ------------------------------------------------------------------ appraisals
  // Lists are narrowed to the caller's relations (scopeWhere); a client filter only narrows further.
  // A CALIBRATOR sees the appraisals of the units of their calibration subtree (to adjust predicates).
  {
    resource: 'appraisal',
    action: 'list',
    allow: [...CHAIN, 'calibrator', 'assignee', ...READ_ALL],
    routes: ['GET /api/appraisals'],
  },
  // Before the result is shared the appraised employee sees no predicate, ratings, explanation or pay.
  {
    resource: 'appraisal',
    action: 'read',
    allow: [...CHAIN, 'calibrator', 'assignee', ...READ_ALL],
    record: 'appraisal',
    routes: [
      'GET /api/appraisals/:id',
      'GET /api/appraisals/:id/result',
      'GET /api/appraisals/:id/history',
      // The superior's approved plan items the appraisal's plan may link to (the plan cascade).
      'GET /api/appraisals/:id/superior-items',
      'GET /api/appraisals/:id/year',
      'GET /api/documents/appraisals/:id/evaluation.pdf',
    ],
  },
  // A revision of the plan in force: asked by the employee or the rater, then submitted and approved as the first plan.
  {
    resource: 'appraisal',
    action: 'plan-revision',
    allow: ['self', 'rater'],
    record: 'appraisal',
    routes: ['POST /api/appraisals/:id/plan-revision'],
  },
  {
    resource: 'appraisal',
    action: 'appeal',
    allow: ['self'],
    record: 'appraisal',
    routes: ['POST /api/appraisals/:id/appeal'],
  },
  {
    resource: 'appraisal',
    action: 'feedback',
    allow: ['rater', 'raterSuperior'],
    record: 'appraisal',
    routes: ['POST /api/appraisals/:id/feedback'],
  },
  {
    resource: 'appraisal',
    action: 'reassign-rater',
    allow: ['hr'],
    record: 'appraisal',
    notOwnCase: true,
    routes: ['POST /api/appraisals/:id/reassign-rater'],
  },
  // A transfer names the new rater: an HR admin may not transfer (or record the leaving of) themselves.
  {
    resource: 'appraisal',
    action: 'employment',
    allow: ['hr'],
    record: 'appraisal',
    notOwnCase: true,
    routes: ['POST /api/appraisals/:id/employment'],
  },
  // Peer feedback (360, server/appraisals/peer-feedback.routes.ts): the appraised employee gets only the anonymous
  // summary (the handler), a colleague asked sees only their own task (their task gives no appraisal relation). Asked
  // by the rater, or whoever holds the rating task (an acting Plt./Plh., the superior it was escalated to): the
  // workflow's validator decides among them; the employee never asks about their own case (own-case refusal).
  {
    resource: 'peer-feedback',
    action: 'read',
    allow: [...CHAIN, 'assignee', ...READ_ALL],
    record: 'appraisal',
    routes: ['GET /api/appraisals/:id/peer-feedback'],
  },
  {
    resource: 'peer-feedback',
    action: 'request',
    allow: ['rater', 'raterSuperior', 'assignee'],
    record: 'appraisal',
    notOwnCase: true,
    routes: ['POST /api/appraisals/:id/peer-feedback/requests'],
  },
  // Progress during the period (server/progress): read like the appraisal; recorded by the employee, or on their
  // behalf by whoever an overdue evidence step was escalated to (the rater's superior or an acting Plt./Plh. as
  // `assignee`, HR: workflows/on-behalf.ts, checked against the open evidence task in progress.service.ts); an entry is
  // removed by its author only.
  {
    resource: 'progress',
    action: 'read',
    allow: [...CHAIN, 'calibrator', 'assignee', ...READ_ALL],
    record: 'appraisal',
    routes: ['GET /api/appraisals/:id/progress'],
  },
  {
    resource: 'progress',
    action: 'record',
    allow: ['self', 'raterSuperior', 'assignee', 'hr'],
    record: 'appraisal',
    routes: ['POST /api/appraisals/:id/realizations', 'DELETE /api/appraisals/:id/realizations/:entryId'],
  },
  // The caller's team as rater: the handler narrows to the appraisals the caller rates.
  { resource: 'progress', action: 'team', allow: ['signedIn'], routes: ['GET /api/progress/team'] },
  {
    resource: 'evidence',
    action: 'upload',
    allow: ['self'],
    record: 'appraisal',
    routes: ['POST /api/documents/appraisals/:id/evidence'],
  },
  {
    resource: 'evidence',
    action: 'read',
    allow: [...CHAIN, ...READ_ALL],
    record: 'evidence',
    routes: ['GET /api/documents/evidence/:id'],
  },
];
