/**
 * Di ponsel (issue 15, item 1): the offline message, the camera button of the evidence step and the task inbox's
 * cards on a small screen. phone-en.ts has the same keys.
 */
export const phoneId = {
  capaian: {
    phone: {
      offline_title: 'Anda sedang luring',
      offline: 'Perubahan belum tersimpan; coba lagi saat tersambung.',
      task_due: 'Batas waktu',
    },
    evidence: {
      take_photo: 'Ambil foto',
      take_photo_named: 'Ambil foto bukti untuk %{name}',
      upload_named: 'Unggah bukti dukung untuk %{name}',
    },
  },
};
