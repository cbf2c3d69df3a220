/**
 * The appraisal timeline in words: each audit action and workflow event kind as a sentence key
 * (`capaian.work.event.<action with . and - as _>`), never the code; actors as people: the workflows as "the system",
 * an NIP as the employee's name (looked up), other accounts by their user name.
 */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type TranslateFunction } from 'react-admin';

/** The key of an action or event kind: `task.complete` → `capaian.work.event.task_complete`. */
export const eventKey = (kind: string) => `capaian.work.event.${kind.replace(/[.-]/g, '_')}`;

/** The words of one entry: the action's sentence, with the task's type in words when the entry names one. */
export function eventWords(e: { kind?: string; data?: any }, translate: TranslateFunction): string {
  const kind = e.kind ?? '';
  const words = translate(eventKey(kind), { _: translate('capaian.work.event.other') });
  const type = e.data?.after?.type ?? e.data?.before?.type;
  return typeof type === 'string' && kind.startsWith('task.')
    ? `${words}: ${translate(`capaian.taskType.${type}`, { _: translate('capaian.work.event.other') })}`
    : words;
}

const NIP = /^\d{18}$/;

/** Names of the NIPs among the actors (one search each; a timeline has few distinct actors). */
export function useActorNames(actors: string[]): Map<string, string> {
  const dataProvider = useDataProvider();
  const nips = [...new Set(actors.filter((a) => NIP.test(a)))].sort();
  const { data } = useQuery({
    queryKey: ['timeline-actors', nips.join(',')],
    enabled: nips.length > 0,
    queryFn: async () => {
      const found = await Promise.all(
        nips.map((nip) =>
          dataProvider
            .getList('employees', {
              filter: { q: nip },
              pagination: { page: 1, perPage: 1 },
              sort: { field: 'name', order: 'ASC' },
            })
            .then((r) => [nip, r.data[0]?.name as string | undefined] as const)
            .catch(() => [nip, undefined] as const),
        ),
      );
      return new Map(found.filter((f): f is readonly [string, string] => !!f[1]));
    },
  });
  return data ?? new Map();
}

/** An actor in words. */
export function actorWords(actor: string | undefined, names: Map<string, string>, translate: TranslateFunction) {
  if (!actor) return '';
  if (actor.startsWith('system')) return translate('capaian.work.event.system');
  return names.get(actor) ?? actor;
}
