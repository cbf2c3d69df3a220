/**
 * The audit log in words, in the chosen language: who acted (a person by name with the NIP beside it, or which
 * workflow: "Sistem — alur kerja penilaian Budi Santoso"), what was done (`task.complete` → "Tugas diselesaikan"),
 * to which record. The server adds `actorInfo` and `subject` to each entry (server/audit/audit-names.ts); the stored
 * entry is never changed. Exported for the appraisal timeline, which shows the same actors and actions.
 */
import { useTranslate } from 'react-admin';
import { actionKey } from './audit-codes';

export type ActorInfo =
  | { kind: 'user'; username: string; name: string | null; nip: string | null }
  | {
      kind: 'appraisal-workflow';
      cycleId: number;
      cycleName: string | null;
      employeeId: number;
      employeeName: string | null;
    }
  | { kind: 'cycle-workflow' | 'batch-workflow'; cycleId: number; cycleName: string | null }
  | { kind: 'delegation-workflow'; name: string | null; nip: string | null }
  | { kind: 'schedule'; name: string | null }
  | { kind: 'seed' | 'system' }
  | { kind: 'anonymous'; address: string };

export interface ActorWords {
  /** The person or workflow. */
  primary: string;
  /** What tells it apart: the NIP, the account, the cycle. */
  secondary: string | null;
}

/** A code as plain letters when no words are known for it: "retire-withdraw" → "retire withdraw". */
const plain = (code: string) => code.replace(/[._:-]+/g, ' ').trim();

export function useAuditWords() {
  const translate = useTranslate();
  const known = (key: string, options: Record<string, unknown> = {}) => {
    const t = translate(key, { ...options, _: '' });
    return t && t !== key ? t : null;
  };
  const cycle = (id: number, name: string | null) =>
    name ?? translate('capaian.records.audit.actor.cycle_unknown', { id });

  return {
    /** The actor in words; without `actorInfo` (an older server) the stored string is read the same way. */
    actor(info: ActorInfo | null | undefined, stored: string): ActorWords {
      const a = 'capaian.records.audit.actor';
      if (!info) return { primary: stored, secondary: null };
      switch (info.kind) {
        case 'user':
          if (info.name)
            return {
              primary: info.name,
              secondary:
                info.nip && info.nip === info.username
                  ? translate('capaian.records.audit.actor_nip', { nip: info.nip })
                  : translate('capaian.records.audit.actor_username', { username: info.username }),
            };
          return { primary: info.username, secondary: null };
        case 'appraisal-workflow':
          return {
            primary: info.employeeName
              ? translate(`${a}.appraisal_workflow`, { employee: info.employeeName })
              : translate(`${a}.appraisal_workflow_unknown`, { id: info.employeeId }),
            secondary: cycle(info.cycleId, info.cycleName),
          };
        case 'cycle-workflow':
          return {
            primary: translate(`${a}.cycle_workflow`, { cycle: cycle(info.cycleId, info.cycleName) }),
            secondary: null,
          };
        case 'batch-workflow':
          return {
            primary: translate(`${a}.batch_workflow`, { cycle: cycle(info.cycleId, info.cycleName) }),
            secondary: null,
          };
        case 'delegation-workflow':
          return {
            primary: translate(`${a}.delegation_workflow`, { name: info.name ?? info.nip ?? '' }),
            secondary: info.name && info.nip ? translate('capaian.records.audit.actor_nip', { nip: info.nip }) : null,
          };
        case 'schedule':
          return {
            primary: info.name ? translate(`${a}.schedule`, { name: info.name }) : translate(`${a}.schedule_unknown`),
            secondary: null,
          };
        case 'seed':
          return { primary: translate(`${a}.seed`), secondary: null };
        case 'anonymous':
          return { primary: translate(`${a}.anonymous`, { address: info.address }), secondary: null };
        default:
          return { primary: translate(`${a}.system`), secondary: null };
      }
    },
    /** What was done, in words. */
    action(code: string | null | undefined): string {
      if (!code) return '—';
      return (
        known(`capaian.records.audit.action.${actionKey(code)}`) ??
        translate('capaian.records.audit.other_action', { code: plain(code) })
      );
    },
    /** The kind of record, in words. */
    entity(entity: string | null | undefined): string {
      if (!entity) return '—';
      return known(`capaian.records.audit.entity.${entity}`) ?? plain(entity);
    },
  };
}

/** Choices for the action filter: every action with words, sorted by them. */
export function useActionChoices(codes: readonly string[]) {
  const words = useAuditWords();
  return codes.map((id) => ({ id, name: words.action(id) })).sort((a, b) => a.name.localeCompare(b.name));
}
