/** Searchable pickers and the loading indicator, English (access-id.ts has the same keys). */
import type { accessId } from './access-id';

export const accessEn: typeof accessId = {
  capaian: {
    search: {
      employee_help: 'Type a name, NIP or position to search',
      unit_help: 'Type a unit code or name to search',
      none: 'Nothing matches; try other words',
    },
    loading: 'Loading…',
  },
};
