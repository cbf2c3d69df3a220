/**
 * Progres selama periode (issue 15, item 2): the employee's realisations recorded whenever work is done, the share
 * of each target reached, and the rater's team with who is behind. progress-en.ts has the same keys.
 */
export const progressId = {
  capaian: {
    progress: {
      tab: 'Progres',
      help:
        'Catat realisasi setiap kali pekerjaan selesai, tidak perlu menunggu akhir periode. Kuantitas dijumlahkan; ' +
        'kualitas dan waktu memakai catatan terakhir. Pada langkah realisasi dan bukti dukung, isian diambil dari ' +
        'catatan ini untuk Anda konfirmasi atau perbaiki.',
      elapsed: 'Periode %{label}: hari ke-%{days} dari %{total} (%{percent} waktu periode telah berjalan).',
      year_to_date:
        'Target SKP berlaku setahun: realisasi dihitung sejak awal %{label}, termasuk catatan dari evaluasi sebelumnya tahun ini.',
      earlier: '%{count} dari evaluasi sebelumnya',
      closed: 'Periode ini tidak sedang berjalan: realisasi tidak dapat dicatat lagi.',
      none: 'SKP periode ini belum memiliki indikator.',
      target: 'Target',
      realized: 'Realisasi sejauh ini',
      share: 'Tercapai',
      share_words: '%{percent} dari target tercapai: %{realized} dari %{target}.',
      no_numeric: 'Target tanpa angka: realisasi sejauh ini %{realized}; persentase tidak dihitung.',
      nothing_yet: 'Belum ada realisasi yang dicatat.',
      behind: 'Tertinggal: baru %{percent} tercapai, padahal %{elapsed} waktu periode telah berjalan.',
      on_track: 'Sesuai jadwal: %{percent} tercapai, %{elapsed} waktu periode telah berjalan.',
      aggregation: {
        SUM: 'jumlah %{count} catatan',
        LATEST: 'catatan terakhir dari %{count}',
      },
      last_on: 'terakhir dicatat untuk %{date}',
      record_title: 'Catat realisasi',
      indicator: 'Indikator',
      work_date: 'Tanggal pekerjaan',
      value: 'Nilai',
      value_unit: 'Nilai (%{unit})',
      note: 'Catatan (opsional)',
      record: 'Catat realisasi',
      recorded: 'Realisasi dicatat.',
      entries: 'Catatan realisasi',
      entries_none: 'Belum ada catatan.',
      entry_by: 'dicatat oleh %{name} pada %{when}',
      on_behalf: 'atas nama pegawai',
      unlinked: 'tidak lagi dalam SKP',
      remove: 'Hapus',
      remove_named: 'Hapus catatan %{date}: %{value}',
      remove_title: 'Hapus catatan realisasi?',
      remove_confirm: 'Catatan %{date} (%{value}, %{indicator}) dihapus. Penghapusan tetap tercatat di log audit.',
      removed: 'Catatan realisasi dihapus.',
      evidence_recorded:
        'Tercatat selama periode: %{value} (%{how}, terakhir untuk %{date}). Konfirmasi, atau perbaiki bila perlu.',
      team_link: 'Lihat progres tim',
      team: {
        title: 'Progres Tim',
        help:
          'Anggota tim yang Anda nilai, dengan persentase target tercapai per indikator. Tertinggal artinya ' +
          'persentase tercapai di bawah bagian waktu periode yang telah berjalan. Yang tertinggal ditampilkan lebih dulu.',
        summary: '%{behind} dari %{count} anggota tim tertinggal.',
        empty: 'Tidak ada anggota tim yang periodenya sedang berjalan.',
        behind_count: 'Tertinggal pada %{count} indikator',
        on_track: 'Sesuai jadwal',
        member_period: '%{label}: %{percent} waktu periode telah berjalan',
        member_period_year: '%{label}: %{percent} waktu %{span} telah berjalan (target tahunan)',
        open: 'Buka penilaian %{name}',
        indicator_share: '%{description}: %{share}',
        not_judged: 'tanpa target angka',
      },
    },
    work: {
      event: {
        realization_record: 'Realisasi dicatat',
        realization_remove: 'Catatan realisasi dihapus',
      },
    },
    records: {
      audit: {
        action: {
          realization_record: 'Realisasi dicatat',
          realization_remove: 'Catatan realisasi dihapus',
        },
      },
    },
  },
};
