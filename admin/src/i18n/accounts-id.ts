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
  must_change: 'Anda masuk dengan kata sandi sekali pakai. Ganti kata sandi dulu sebelum memakai Capaian.',
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
