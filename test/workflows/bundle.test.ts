import { bundleWorkflows } from '../../activities/worker';

/**
 * The workflow bundle builds no payload schema: every workflow instance gets its own copy of the bundle's modules, so
 * a schema library in it is built again for each workflow a worker re-creates after a cache miss (16 % of the workers'
 * CPU in a month-end surge before the schemas moved to the API: workflows/validation.ts).
 */
describe('workflow bundle', () => {
  it('holds no zod: payload schemas are checked by the API and the step writes, not by workflow code', async () => {
    const { code } = await bundleWorkflows();
    expect(code).toMatch(/appraisalWorkflow/);
    expect(code).not.toMatch(/node_modules\/zod\//);
  }, 60_000);
});
