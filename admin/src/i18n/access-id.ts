/** Searchable pickers and the loading indicator, Bahasa Indonesia; access-en.ts has the same keys. */
export const accessId = {
  capaian: {
    search: {
      employee_help: 'Ketik nama, NIP atau jabatan untuk mencari',
      unit_help: 'Ketik kode atau nama unit untuk mencari',
      none: 'Tidak ada yang cocok; coba kata lain',
    },
    loading: 'Memuat…',
  },
};
