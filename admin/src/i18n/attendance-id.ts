/** Messages of daily attendance (list, import tab, statuses), Bahasa Indonesia; attendance-en.ts has the same keys. */
export const attendanceResourceId = {
  name: 'Kehadiran |||| Kehadiran',
  fields: {
    date: 'Tanggal',
    employeeId: 'Pegawai',
    status: 'Status',
    missedAssembly: 'Tidak ikut apel',
    month: 'Bulan',
  },
};

export const attendanceId = {
  title: 'Kehadiran',
  empty: 'Belum ada data kehadiran. SDM mengimpornya dari sistem presensi (Impor CSV → Kehadiran).',
  yes: 'Ya',
  no: 'Tidak',
  import_help:
    'Satu baris per pegawai dan hari. status: HADIR, ALPA (tanpa keterangan sah), IZIN, SAKIT, CUTI atau DINAS; tidakApel: ya atau tidak (hanya untuk hari HADIR). Tanggal YYYY-MM-DD atau DD/MM/YYYY, di dalam suatu periode. Hari yang sudah tersimpan diganti (tercatat di log audit). Hanya ALPA yang dihitung untuk potongan TPP dan hukuman disiplin PP 94/2021.',
};

export const attendanceStatusId = {
  HADIR: 'Hadir',
  ALPA: 'Alpa (tanpa keterangan)',
  IZIN: 'Izin',
  SAKIT: 'Sakit',
  CUTI: 'Cuti',
  DINAS: 'Dinas luar',
};
