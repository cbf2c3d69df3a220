/** Completes a task: POST /api/tasks/:id/complete with the step's payload, pessimistically (a sent update cannot be undone). */
import { HttpError, useNotify, useRedirect, useRefresh } from 'react-admin';
import { api } from '../../providers/http';
import { clearDraft } from './drafts';

/** Returns a submit handler for react-admin forms: server field errors come back to the form, next to the fields. */
export function useCompleteTask(taskId: number | string) {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return async (payload: unknown): Promise<Record<string, unknown> | undefined> => {
    try {
      // The server takes { payload }; its field errors name paths inside the payload (items.0.title), as the form does.
      await api(`/tasks/${taskId}/complete`, { body: { payload } });
      clearDraft(taskId);
      notify('capaian.tasks.completed', { type: 'success' });
      refresh();
      redirect('list', 'tasks');
      return undefined;
    } catch (err) {
      const e = err as HttpError;
      notify(e.message, { type: 'error' });
      return (e.body?.errors as Record<string, unknown>) ?? { root: { serverError: e.message } };
    }
  };
}
