/** Progress during the period in English (progress-id.ts has the same keys). */
import type { progressId } from './progress-id';

export const progressEn: typeof progressId = {
  capaian: {
    progress: {
      tab: 'Progress',
      help:
        'Record realisations whenever work is done, without waiting for the end of the period. Quantities add up; ' +
        'quality and time take the latest entry. At the realisation and evidence step the form starts from these ' +
        'entries, for you to confirm or correct.',
      elapsed: 'Period %{label}: day %{days} of %{total} (%{percent} of the period has gone by).',
      year_to_date:
        'The SKP’s targets are for the year: realisations count from the start of %{label}, including those recorded in this year’s earlier evaluations.',
      earlier: '%{count} from earlier evaluations',
      closed: 'This period is not running: realisations can no longer be recorded.',
      none: 'The plan of this period has no indicators yet.',
      target: 'Target',
      realized: 'Realisation so far',
      share: 'Reached',
      share_words: '%{percent} of the target reached: %{realized} of %{target}.',
      no_numeric: 'Target without a number: realisation so far %{realized}; no percentage is computed.',
      nothing_yet: 'Nothing recorded yet.',
      behind: 'Behind: only %{percent} reached while %{elapsed} of the period has gone by.',
      on_track: 'On track: %{percent} reached, %{elapsed} of the period has gone by.',
      aggregation: {
        SUM: 'sum of %{count} entries',
        LATEST: 'latest of %{count} entries',
      },
      last_on: 'last recorded for %{date}',
      record_title: 'Record a realisation',
      indicator: 'Indicator',
      work_date: 'Date of the work',
      value: 'Value',
      value_unit: 'Value (%{unit})',
      note: 'Note (optional)',
      record: 'Record realisation',
      recorded: 'Realisation recorded.',
      entries: 'Recorded realisations',
      entries_none: 'No entries yet.',
      entry_by: 'recorded by %{name} on %{when}',
      on_behalf: 'on the employee’s behalf',
      unlinked: 'no longer in the plan',
      remove: 'Remove',
      remove_named: 'Remove the entry of %{date}: %{value}',
      remove_title: 'Remove this realisation?',
      remove_confirm: 'The entry of %{date} (%{value}, %{indicator}) is removed. The removal stays in the audit log.',
      removed: 'Realisation removed.',
      evidence_recorded:
        'Recorded during the period: %{value} (%{how}, the last for %{date}). Confirm it, or correct it if needed.',
      team_link: 'See the team’s progress',
      team: {
        title: 'Team progress',
        help:
          'The team members you rate, with the share of each target reached. Behind means the share reached is ' +
          'below the share of the period that has gone by. Those behind are listed first.',
        summary: '%{behind} of %{count} team members are behind.',
        empty: 'No team member has a running period.',
        behind_count: 'Behind on %{count} indicators',
        on_track: 'On track',
        member_period: '%{label}: %{percent} of the period has gone by',
        member_period_year: '%{label}: %{percent} of %{span} has gone by (annual targets)',
        open: 'Open the appraisal of %{name}',
        indicator_share: '%{description}: %{share}',
        not_judged: 'no numeric target',
      },
    },
    work: {
      event: {
        realization_record: 'Realisation recorded',
        realization_remove: 'Realisation removed',
      },
    },
    records: {
      audit: {
        action: {
          realization_record: 'Realisation recorded',
          realization_remove: 'Realisation removed',
        },
      },
    },
  },
};
