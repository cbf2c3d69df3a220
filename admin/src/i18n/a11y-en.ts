/** Names for screen readers (accessible names of controls and progress bars), English. */
export const a11yEn = {
  capaian: {
    a11y: {
      main_menu: 'Main menu',
      uploading: 'Uploading the file',
      new_predicate_for: 'New predicate for %{name}',
    },
  },
};
