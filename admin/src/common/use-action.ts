/** Workflow and lifecycle actions: pessimistic (wait for the server, no undo), then notify and refresh. */
import { useMutation } from '@tanstack/react-query';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import { api } from '../providers/http';

export interface ActionOptions {
  successMessage?: string;
  onSuccess?: (result: any) => void;
  onError?: (error: HttpError) => void;
  /** Words for an error in the user's language (e.g. from its code and details); the server's message otherwise. */
  errorMessage?: (error: HttpError) => string | undefined;
}

/** `run(path, body)` POSTs to /api and waits for the answer. */
export function useAction(options: ActionOptions = {}) {
  const notify = useNotify();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: ({ path, body, method }: { path: string; body?: unknown; method?: string }) =>
      api(path, { method: method ?? 'POST', body: body ?? {} }),
    onSuccess: (result) => {
      notify(options.successMessage ?? 'capaian.action.done', { type: 'success' });
      refresh();
      options.onSuccess?.(result);
    },
    onError: (error: HttpError) => {
      notify(options.errorMessage?.(error) ?? error.message, { type: 'error' });
      options.onError?.(error);
    },
  });
  return {
    /** Resolves with the result, or undefined after an error (already notified). */
    run: (path: string, body?: unknown, method?: string) =>
      mutation.mutateAsync({ path, body, method }).catch(() => undefined),
    isPending: mutation.isPending,
    error: mutation.error as HttpError | null,
    data: mutation.data,
  };
}

/** Field errors of a server error, keyed by field name (`{ comment: 'Wajib diisi' }`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as HttpError | null)?.body?.fields as { field: string; message: string }[] | undefined;
  const out: Record<string, string> = {};
  for (const f of fields ?? []) if (!(f.field in out)) out[f.field] = f.message;
  return out;
}
