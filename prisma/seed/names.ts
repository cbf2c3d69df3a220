/** Indonesian given names and family names for realistic demo data. */
export const MALE_NAMES = ['Agus', 'Budi', 'Dedi', 'Eko', 'Fajar', 'Gilang', 'Hendra', 'Irfan', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nugroho', 'Oka', 'Putu', 'Rahmat', 'Slamet', 'Teguh', 'Wahyu', 'Yudi', 'Bambang', 'Ahmad', 'Rizky', 'Dimas', 'Arif', 'Hadi', 'Ilham', 'Andi', 'Made', 'Taufik'];
export const FEMALE_NAMES = ['Ayu', 'Dewi', 'Endang', 'Fitri', 'Gita', 'Hana', 'Indah', 'Kartika', 'Lestari', 'Maya', 'Nur', 'Putri', 'Rina', 'Sari', 'Tuti', 'Utami', 'Wulan', 'Yuni', 'Siti', 'Ratna', 'Novi', 'Dian', 'Eka', 'Ani', 'Retno', 'Nining', 'Citra', 'Lina', 'Mega', 'Intan'];
export const FAMILY_NAMES = ['Santoso', 'Wibowo', 'Saputra', 'Hidayat', 'Pratama', 'Setiawan', 'Lestari', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Sihombing', 'Wijaya', 'Kusuma', 'Rahayu', 'Permana', 'Gunawan', 'Susanto', 'Hakim', 'Nugraha', 'Purnomo', 'Syahputra', 'Ramadhan', 'Sulistyo', 'Hartono', 'Firmansyah', 'Maharani', 'Anggraini', 'Wulandari', 'Handayani'];
export const TITLES = ['S.Sos.', 'S.E.', 'S.H.', 'S.Kom.', 'S.T.', 'S.Pd.', 'M.Si.', 'M.M.', 'S.Kep.', 'A.Md.', ''];

export const OPD = [
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', fields: ['Mutasi dan Promosi', 'Pengembangan Kompetensi', 'Penilaian Kinerja dan Penghargaan'] },
  { code: 'DISDIK', name: 'Dinas Pendidikan', fields: ['Pembinaan Sekolah Dasar', 'Pembinaan Sekolah Menengah Pertama', 'Pendidik dan Tenaga Kependidikan'] },
  { code: 'DINKES', name: 'Dinas Kesehatan', fields: ['Kesehatan Masyarakat', 'Pencegahan dan Pengendalian Penyakit', 'Pelayanan Kesehatan'] },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', fields: ['Pajak Daerah', 'Retribusi Daerah', 'Pengendalian dan Evaluasi'] },
  { code: 'DISHUB', name: 'Dinas Perhubungan', fields: ['Lalu Lintas', 'Angkutan', 'Sarana dan Prasarana'] },
  { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', fields: ['Pelayanan Perizinan', 'Promosi Investasi'] },
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', fields: ['Pelayanan Pendaftaran Penduduk', 'Pencatatan Sipil'] },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', fields: ['Pengelolaan Sampah', 'Pengendalian Pencemaran'] },
  { code: 'DINSOS', name: 'Dinas Sosial', fields: ['Rehabilitasi Sosial', 'Perlindungan dan Jaminan Sosial'] },
  { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', fields: ['Bina Marga', 'Sumber Daya Air', 'Penataan Ruang'] },
];
export const SECTIONS = ['Perencanaan', 'Pelaksanaan', 'Evaluasi', 'Data dan Informasi', 'Pembinaan', 'Pengawasan'];
export const STAFF_POSITIONS: { position: string; type: 'PELAKSANA' | 'FUNGSIONAL' }[] = [
  { position: 'Analis Kebijakan Ahli Muda', type: 'FUNGSIONAL' },
  { position: 'Pranata Komputer Ahli Pertama', type: 'FUNGSIONAL' },
  { position: 'Analis SDM Aparatur Ahli Pertama', type: 'FUNGSIONAL' },
  { position: 'Pengelola Data', type: 'PELAKSANA' },
  { position: 'Pengadministrasi Umum', type: 'PELAKSANA' },
  { position: 'Pengolah Data dan Informasi', type: 'PELAKSANA' },
  { position: 'Penata Laporan Keuangan', type: 'PELAKSANA' },
  { position: 'Arsiparis Terampil', type: 'FUNGSIONAL' },
];
