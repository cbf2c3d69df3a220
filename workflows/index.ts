/** Every workflow the worker runs (the bundle entry point: `workflowsPath: require.resolve('../workflows')`). */
export { skeletonWorkflow } from './skeleton.workflow';
