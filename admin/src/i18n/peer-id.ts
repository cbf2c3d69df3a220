/** Umpan balik rekan (360): permintaan penilai, formulir rekan, jawaban pada formulir penilaian, ringkasan pegawai. */
export const peerId = {
  capaian: {
    peer: {
      title: 'Umpan balik rekan (360)',
      tab: 'Rekan (360)',
      help: 'Rekan kerja memberi umpan balik atas tujuh nilai BerAKHLAK sebelum penilaian. Penilai, atasannya dan SDM melihat siapa memberi apa; pegawai hanya melihat ringkasan tanpa nama.',
      ask: 'Minta umpan balik rekan',
      ask_title: 'Minta umpan balik rekan atas nilai BerAKHLAK',
      ask_help:
        'Pilih paling banyak %{smart_count} rekan lagi. Masing-masing mendapat tugas dengan batas waktu %{days} hari.',
      pick: 'Rekan ke-%{n}',
      send: 'Kirim permintaan',
      cancel: 'Batal',
      sent: 'Permintaan umpan balik dikirim',
      disabled: 'Umpan balik rekan tidak dipakai pada siklus ini.',
      none: 'Belum ada rekan yang diminta memberi umpan balik.',
      asked_count: '%{answered} dari %{smart_count} rekan sudah menjawab',
      requested_by: 'diminta oleh %{name}',
      due: 'batas waktu %{date}',
      answered_on: 'dijawab %{date}',
      status: {
        REQUESTED: 'Menunggu jawaban',
        ANSWERED: 'Sudah menjawab',
        EXPIRED: 'Tidak menjawab hingga batas waktu',
      },
      value_line: '%{value}: %{rating}',
      note_line: 'Catatan: %{note}',
      overall: 'Catatan umum',
      anonymous: 'Ringkasan tanpa nama dari %{smart_count} rekan yang menjawab.',
      counts: '%{value}: di atas ekspektasi %{above}, sesuai ekspektasi %{meets}, di bawah ekspektasi %{below}',
      no_answers: 'Belum ada jawaban rekan.',
      form_intro:
        'Berikan umpan balik atas perilaku kerja %{name} pada tujuh nilai BerAKHLAK. Jawaban Anda sampai kepada pejabat penilai sebelum penilaian.',
      form_anonymous: 'Pegawai yang dinilai hanya melihat ringkasan tanpa nama Anda.',
      form_named: 'Siklus ini menampilkan nama Anda kepada pegawai yang dinilai.',
      rating: 'Penilaian',
      value_note: 'Catatan (opsional)',
      submit: 'Kirim umpan balik',
      setting:
        'Umpan balik rekan (360): paling banyak %{smart_count} rekan per periode, dijawab dalam %{days} hari; %{who}',
      setting_off: 'Umpan balik rekan (360): tidak dipakai',
      setting_named: 'pegawai melihat nama rekan',
      setting_anonymous: 'pegawai hanya melihat ringkasan tanpa nama',
    },
  },
};
