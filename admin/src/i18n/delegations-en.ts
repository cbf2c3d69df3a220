/** Messages of acting superiors (Plt. / Plh.), English. */
import type { delegationKindId, delegationsId, delegationsResourceId, delegationStatusId } from './delegations-id';

export const delegationsResourceEn: typeof delegationsResourceId = {
  name: 'Acting (Plt/Plh) |||| Acting (Plt/Plh)',
  fields: {
    kind: 'Kind',
    principalId: 'Official',
    actingId: 'Acting',
    startsOn: 'From',
    endsOn: 'Until',
    status: 'Status',
    letterNumber: 'Letter of appointment',
    note: 'Note',
  },
};

export const delegationsEn: typeof delegationsId = {
  title: 'Acting officials (Plt and Plh)',
  create_title: 'Record an acting official',
  create_help:
    'While it lasts, the official\'s tasks — rating, approving plans and deciding appeals — go to the acting employee and are recorded as "Plt." or "Plh." for that official. Open tasks move on the first day and go back after the last. An acting employee never receives a task about their own appraisal.',
  create_confirm_title: 'Record this delegation?',
  create_confirm:
    '%{acting} becomes %{label} for %{principal} from %{from} to %{to}. From the first day, rating, plan approval and appeal decisions for %{principal} go to %{acting}; after the last day they go back.',
  create_confirm_yes: 'Record',
  end: 'End early',
  cancel: 'Cancel',
  end_title: 'End this delegation early?',
  cancel_title: 'Cancel this delegation?',
  end_confirm:
    'The delegation of %{label} %{acting} for %{principal} ends now; tasks still open go back to %{principal}.',
  cancel_confirm: 'The delegation of %{label} %{acting} for %{principal} has not started and will be cancelled.',
  ended: 'Delegation ended',
};

export const delegationKindEn: typeof delegationKindId = {
  PLT: 'Plt. (acting official)',
  PLH: 'Plh. (daily stand-in)',
};
export const delegationStatusEn: typeof delegationStatusId = {
  SCHEDULED: 'Scheduled',
  ACTIVE: 'In force',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};
