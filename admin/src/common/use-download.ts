/** A download button's action: a signed link is asked for, then opened; a refusal is shown in the user's words. */
import { useNotify } from 'react-admin';
import { openDownload } from '../providers/http';

export function useDownload() {
  const notify = useNotify();
  return (path: string, query: Record<string, string> = {}, options: { newTab?: boolean } = {}) =>
    openDownload(path, query, options).catch((err: Error) => notify(err.message, { type: 'error' }));
}
