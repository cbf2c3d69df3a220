/** Messages of accounts and roles (Pengguna & Peran) and of "Akun Saya", Bahasa Indonesia; accounts-en.ts has the same keys. */
export const usersResourceId = {
  name: 'Pengguna & Peran |||| Pengguna & Peran',
  fields: {
    username: 'Nama pengguna',
    employeeId: 'Pegawai',
    'employee.name': 'Nama pegawai',
    roles: 'Peran',
    active: 'Status akun',
    calibrationUnitId: 'Unit kalibrasi (beserta sub-unitnya)',
    mustChangePassword: 'Wajib ganti kata sandi',
    q: 'Cari nama, NIP atau nama pengguna',
  },
};

export const usersId = {
  active: 'Aktif',
  inactive: 'Nonaktif',
  create_help:
    'Nama pengguna adalah NIP pegawai. Kata sandi sekali pakai ditampilkan sekali saja; pegawai wajib menggantinya saat pertama masuk.',
  one_time_title: 'Kata sandi sekali pakai',
  one_time_help:
    'Berikan kata sandi ini kepada %{username}. Kata sandi hanya ditampilkan sekarang dan wajib diganti saat pertama masuk.',
  copy: 'Salin',
  copied: 'Tersalin',
  done: 'Selesai',
  deactivate: 'Nonaktifkan',
  reactivate: 'Aktifkan kembali',
  reset_password: 'Atur ulang kata sandi',
  reason: 'Alasan',
  confirm_deactivate: 'Nonaktifkan akun %{username}? Semua sesinya berakhir dan ia tidak dapat masuk.',
  confirm_reactivate: 'Aktifkan kembali akun %{username}?',
  confirm_reset: 'Buat kata sandi sekali pakai baru untuk %{username}? Kata sandi lamanya tidak berlaku lagi.',
  deactivated: 'Akun dinonaktifkan',
  reactivated: 'Akun diaktifkan kembali',
  roles_saved: 'Peran disimpan',
  calibrator_help: 'Kalibrator mengambil tugas kalibrasi unit ini dan sub-unitnya, menggantikan Admin SDM.',
};

export const accountId = {
  title: 'Akun Saya',
  change_password: 'Ganti kata sandi',
  must_change:
    'Anda masuk dengan kata sandi sekali pakai. Ganti kata sandi dulu sebelum memakai Capaian: kata sandi itu sudah dilihat orang lain (admin SDM), jadi hanya untuk masuk pertama kali.',
  locked_title: 'Ganti kata sandi dulu',
  locked_page:
    'Halaman ini terbuka setelah Anda mengganti kata sandi sekali pakai. Sampai saat itu menu hanya berisi Akun Saya (dan Keluar).',
  locked_menu: 'Menu lain terbuka setelah kata sandi diganti.',
  locked_go: 'Ganti kata sandi di Akun Saya',
  import_create: 'Buat juga akun pegawai (nama pengguna = NIP) bagi pegawai aktif yang belum punya akun',
  import_column: 'Akun',
  import_account_create: 'akun baru',
  import_account_existing: 'sudah punya akun',
  import_account_inactive: 'tidak aktif, tanpa akun',
  import_dry: 'Akun: %{created} akan dibuat, %{existing} pegawai sudah punya akun.',
  import_done: 'Akun: %{created} dibuat, %{existing} pegawai sudah punya akun.',
  import_passwords_once:
    'Kata sandi sekali pakai hanya ada di halaman ini dan bisa diunduh satu kali; tidak disimpan di mana pun. Berikan kepada tiap pegawai; mereka wajib menggantinya saat pertama masuk.',
  import_download: 'Unduh kata sandi sekali pakai (CSV)',
  import_downloaded: 'Sudah diunduh: kata sandi sekali pakai tidak lagi ada di halaman ini.',
  current_password: 'Kata sandi sekarang',
  new_password: 'Kata sandi baru',
  confirm_password: 'Ulangi kata sandi baru',
  policy: 'Minimal 10 karakter, memuat huruf dan angka, tidak memuat nama pengguna atau NIP.',
  mismatch: 'Kedua kata sandi baru tidak sama',
  changed: 'Kata sandi diganti',
  save: 'Simpan kata sandi',
  language: 'Bahasa',
  username: 'Nama pengguna',
  roles: 'Peran',
};

export const roleId = {
  EMPLOYEE: 'Pegawai',
  HR_ADMIN: 'Admin SDM',
  AUDITOR: 'Auditor',
  CALIBRATOR: 'Kalibrator',
};
