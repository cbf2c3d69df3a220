/** The notification bell and the e-mail choice in Akun Saya, Bahasa Indonesia; notifications-en.ts has the same keys. */
export const notificationsId = {
  title: 'Notifikasi',
  bell: 'Notifikasi: %{smart_count} belum dibaca',
  mark_all_read: 'Tandai semua sudah dibaca',
  empty: 'Belum ada notifikasi.',
  unread: 'belum dibaca',
  email_title: 'Notifikasi e-mail',
  email_label: 'Kirim notifikasi juga lewat e-mail',
  email_to: 'E-mail dikirim ke %{email}.',
  email_no_address:
    'Data kepegawaian Anda belum memuat alamat e-mail; minta Admin SDM mengisinya. Notifikasi tetap tampil di lonceng.',
  email_server_off: 'Server ini belum mengirim e-mail (SMTP_URL belum diatur); notifikasi tampil di lonceng.',
  email_saved_on: 'Notifikasi e-mail dinyalakan',
  email_saved_off: 'Notifikasi e-mail dimatikan; notifikasi tetap tampil di lonceng',
};
