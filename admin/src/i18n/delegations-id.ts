/** Messages of acting superiors (Plt. / Plh.), Bahasa Indonesia; delegations-en.ts has the same keys. */
export const delegationsResourceId = {
  name: 'Plt/Plh |||| Plt/Plh',
  fields: {
    kind: 'Jenis',
    principalId: 'Pejabat definitif',
    actingId: 'Pelaksana',
    startsOn: 'Mulai',
    endsOn: 'Sampai dengan',
    status: 'Status',
    letterNumber: 'Nomor surat perintah',
    note: 'Catatan',
  },
};

export const delegationsId = {
  title: 'Pelaksana Tugas (Plt) dan Pelaksana Harian (Plh)',
  create_title: 'Catat Plt/Plh',
  create_help:
    'Selama masa penugasan, tugas pejabat definitif — menilai kinerja, menyetujui SKP dan memutus keberatan — diterima pelaksananya dan tercatat "Plt." atau "Plh." atas nama pejabat itu. Tugas yang masih terbuka pindah pada hari pertama dan kembali setelah hari terakhir. Pelaksana tidak pernah menerima tugas atas penilaiannya sendiri.',
  create_confirm_title: 'Catat penugasan ini?',
  create_confirm:
    '%{acting} menjadi %{label} untuk %{principal} mulai %{from} sampai dengan %{to}. Sejak hari pertama, tugas menilai, menyetujui SKP dan memutus keberatan untuk %{principal} diterima %{acting}; setelah hari terakhir kembali.',
  create_confirm_yes: 'Catat',
  end: 'Akhiri lebih awal',
  cancel: 'Batalkan',
  end_title: 'Akhiri penugasan lebih awal?',
  cancel_title: 'Batalkan penugasan?',
  end_confirm:
    'Penugasan %{label} %{acting} untuk %{principal} berakhir sekarang; tugas yang masih terbuka kembali ke %{principal}.',
  cancel_confirm: 'Penugasan %{label} %{acting} untuk %{principal} belum dimulai dan akan dibatalkan.',
  ended: 'Penugasan diakhiri',
};

export const delegationKindId = { PLT: 'Plt. (pelaksana tugas)', PLH: 'Plh. (pelaksana harian)' };
export const delegationStatusId = {
  SCHEDULED: 'Terjadwal',
  ACTIVE: 'Berlaku',
  ENDED: 'Berakhir',
  CANCELLED: 'Dibatalkan',
};
