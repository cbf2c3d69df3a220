/** Benchmark baseline: a workflow with the same steps as an appraisal (activities, human updates), doing nothing. */
import { condition, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';

const remote = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '1 minute' });

/** Answers the current no-op step from outside (like a human completing a task). */
export const noopStepUpdate = defineUpdate<void, [{ step: number }]>('noopStep');

export interface NoopStepsInput {
  /** Human steps: each opens a task (activity), waits for an update, whose handler runs a server-scheduled activity. */
  humanSteps: number;
  /** Further automated activities (stage changes, scoring, pay, …). */
  activities: number;
  /** Run the activities as local activities, as the appraisal does. */
  local?: boolean;
  /** Further activities scheduled on the server whichever way the others run (the appraisal's pay). */
  remoteActivities?: number;
}

/** Runs the same number of activities and updates as an appraisal, with no work in them. */
export async function noopStepsWorkflow(input: NoopStepsInput): Promise<number> {
  const { noop } = input.local ? local : remote;
  let answered = 0;
  let opened = 0;
  setHandler(
    noopStepUpdate,
    async (u) => {
      await condition(() => opened > u.step);
      // The appraisal's answer is written by an activity scheduled on the server (workflows/appraisal/run.ts).
      await remote.noop({});
      answered++;
    },
    {
      validator: (u) => {
        if (!(u.step >= answered && u.step < input.humanSteps)) throw new Error(`step ${u.step} is not open`);
      },
    },
  );
  for (let i = 0; i < input.humanSteps; i++) {
    await noop({});
    opened++;
    await condition(() => answered > i);
  }
  for (let i = 0; i < input.activities; i++) await noop({});
  for (let i = 0; i < (input.remoteActivities ?? 0); i++) await remote.noop({});
  return answered;
}
