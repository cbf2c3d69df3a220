/** Names for screen readers (accessible names of controls and progress bars), Bahasa Indonesia. */
export const a11yId = {
  capaian: {
    a11y: {
      main_menu: 'Menu utama',
      uploading: 'Mengunggah berkas',
      new_predicate_for: 'Predikat baru untuk %{name}',
    },
  },
};
