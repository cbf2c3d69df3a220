/** On a phone (issue 15, item 1): the English of phone-id.ts, same keys. */
export const phoneEn = {
  capaian: {
    phone: {
      offline_title: 'You are offline',
      offline: 'Changes are not saved yet; try again once you are connected.',
      task_due: 'Due',
    },
    evidence: {
      take_photo: 'Take a photo',
      take_photo_named: 'Take a photo as evidence for %{name}',
      upload_named: 'Upload evidence for %{name}',
    },
  },
};
