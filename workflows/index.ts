/** Every workflow the worker runs (the bundle entry point: `workflowsPath: require.resolve('../workflows')`). */
export { skeletonWorkflow } from './skeleton.workflow';
export { appraisalWorkflow } from './appraisal/appraisal.workflow';
export { cycleWorkflow } from './cycle.workflow';
export { scheduledCycleWorkflow } from './scheduled-cycle.workflow';
export { noopStepsWorkflow } from './noop.workflow';
export { appraisalBatchWorkflow } from './appraisal-batch.workflow';
export { delegationWorkflow } from './delegation.workflow';
