/**
 * The react-admin keys that ra-language-indonesian 3.4.1 lacks (69 of 164), in Bahasa Indonesia, and the few of its
 * texts whose placeholders are out of date for react-admin 5 (checked by test/admin/i18n-complete.test.ts).
 */
export const raIndonesianFill = {
  ra: {
    action: {
      clear_array_input: 'Kosongkan daftar',
      create_item: 'Buat %{item}',
      remove_all_filters: 'Hapus semua filter',
      reset: 'Atur ulang',
      search_columns: 'Cari kolom',
      select_all: 'Pilih semua',
      select_all_button: 'Pilih semua',
      select_row: 'Pilih baris ini',
      unselect: 'Batalkan pilihan',
      update: 'Perbarui',
      move_up: 'Naikkan',
      move_down: 'Turunkan',
      open: 'Buka',
      toggle_theme: 'Ganti mode terang/gelap',
      select_columns: 'Kolom',
      update_application: 'Muat ulang aplikasi',
    },
    page: {
      access_denied: 'Akses ditolak',
      authentication_error: 'Kesalahan autentikasi',
      // ra-language-indonesian 3.x still shows `#%{id}`; react-admin 5 passes the record's representation.
      edit: '%{name} %{recordRepresentation}',
      show: '%{name} %{recordRepresentation}',
    },
    message: {
      access_denied: 'Anda tidak memiliki izin untuk membuka halaman ini',
      delete_content: 'Anda yakin ingin menghapus %{name} ini?',
      delete_title: 'Hapus %{name} %{recordRepresentation}',
      authentication_error: 'Server autentikasi mengembalikan kesalahan dan kredensial Anda tidak dapat diperiksa.',
      auth_error: 'Terjadi kesalahan saat memvalidasi token autentikasi.',
      bulk_update_content:
        'Anda yakin ingin memperbarui %{name} %{recordRepresentation}? |||| Anda yakin ingin memperbarui %{smart_count} item ini?',
      bulk_update_title: 'Perbarui %{name} %{recordRepresentation} |||| Perbarui %{smart_count} %{name}',
      clear_array_input: 'Anda yakin ingin mengosongkan seluruh daftar?',
      select_all_limit_reached: 'Terlalu banyak data untuk dipilih semuanya. Hanya %{max} data pertama yang dipilih.',
      placeholder_data_warning: 'Masalah jaringan: gagal memperbarui data.',
    },
    navigation: {
      clear_filters: 'Hapus filter',
      no_results: 'Tidak ada %{name} yang ditemukan',
      no_filtered_results: 'Tidak ada %{name} yang cocok dengan filter saat ini.',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} dari lebih dari %{offsetEnd}',
      current_page: 'Halaman %{page}',
      page: 'Ke halaman %{page}',
      first: 'Ke halaman pertama',
      last: 'Ke halaman terakhir',
      previous: 'Ke halaman sebelumnya',
      skip_nav: 'Langsung ke konten',
    },
    sort: {
      sort_by: 'Urutkan menurut %{field_lower_first} %{order}',
      ASC: 'naik',
      DESC: 'turun',
    },
    auth: { email: 'Email' },
    notification: {
      not_authorized: 'Anda tidak berhak mengakses sumber daya ini.',
      application_update_available: 'Versi baru tersedia.',
      offline: 'Tidak ada koneksi. Data tidak dapat diambil.',
    },
    validation: { unique: 'Harus unik', required: 'Wajib diisi' },
    saved_queries: {
      label: 'Kueri tersimpan',
      query_name: 'Nama kueri',
      new_label: 'Simpan kueri saat ini...',
      new_dialog_title: 'Simpan kueri saat ini sebagai',
      remove_label: 'Hapus kueri tersimpan',
      remove_label_with_name: 'Hapus kueri "%{name}"',
      remove_dialog_title: 'Hapus kueri tersimpan?',
      remove_message: 'Anda yakin ingin menghapus item ini dari daftar kueri tersimpan?',
      help: 'Saring daftar lalu simpan kueri ini untuk nanti',
    },
    guesser: {
      empty: { title: 'Tidak ada data untuk ditampilkan', message: 'Periksa penyedia data Anda' },
    },
    configurable: {
      customize: 'Sesuaikan',
      configureMode: 'Atur halaman ini',
      inspector: {
        title: 'Inspektor',
        content: 'Arahkan kursor ke elemen aplikasi untuk mengaturnya',
        reset: 'Atur ulang pengaturan',
        hideAll: 'Sembunyikan semua',
        showAll: 'Tampilkan semua',
      },
      Datagrid: { title: 'Tabel data', unlabeled: 'Kolom tanpa label #%{column}' },
      SimpleForm: { title: 'Formulir', unlabeled: 'Isian tanpa label #%{input}' },
      SimpleList: {
        title: 'Daftar',
        primaryText: 'Teks utama',
        secondaryText: 'Teks kedua',
        tertiaryText: 'Teks ketiga',
      },
    },
  },
};
