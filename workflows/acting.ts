/**
 * How an appraisal workflow follows acting superiors (Plt. / Plh.): the delegation workflow moves the task rows and
 * signals which open tasks changed hands; the appraisal moves them in its own state, as a rater reassignment does, so
 * its update validators admit the new assignee. A task opened while a delegation is active comes back from the
 * openTask activity already with the acting person.
 */
import { setHandler } from '@temporalio/workflow';
import { delegationMovedSignal, type ActingContext } from './delegation-messages';

interface Held {
  assigneeId: number | null;
  done: unknown;
}

/** Registers the signal handler; `opened` applies an openTask answer unless a delegation signal moved the task first. */
export function followDelegations(open: Map<string, Held>) {
  const moved = new Set<string>();
  setHandler(delegationMovedSignal, ({ moves }) => {
    for (const m of moves) {
      const t = open.get(m.key);
      if (!t || t.done) continue;
      t.assigneeId = m.assigneeId;
      moved.add(m.key);
    }
  });
  return {
    opened(key: string, answer: { assigneeId?: number | null; acting?: ActingContext } | undefined) {
      const t = open.get(key);
      if (t && answer?.acting && !moved.has(key)) t.assigneeId = answer.assigneeId ?? t.assigneeId;
    },
  };
}
