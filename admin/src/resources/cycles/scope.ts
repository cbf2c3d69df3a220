/** The units a cycle covers (its unit and, when chosen, every unit below it) and how many active employees they hold. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

/** Every unit of the tree (one request), then the cycle's unit and its descendants when `descendants`. */
export function useCycleUnits(unitId: number | undefined, descendants: boolean) {
  const dataProvider = useDataProvider();
  return useQuery({
    queryKey: ['cycle-scope-units', unitId, descendants],
    enabled: !!unitId,
    queryFn: async () => {
      const { data } = await dataProvider.getList<UnitRow & { id: number }>('units', {
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      });
      if (!descendants) return data.filter((u) => u.id === unitId);
      const inScope = new Set<number>([unitId!]);
      for (let grew = true; grew;) {
        grew = false;
        for (const u of data)
          if (u.parentId !== null && inScope.has(u.parentId) && !inScope.has(u.id)) {
            inScope.add(u.id);
            grew = true;
          }
      }
      return data.filter((u) => inScope.has(u.id));
    },
  });
}

/** The number of active employees in those units (what starting the cycle opens an appraisal for). */
export function useActiveEmployees(units: UnitRow[] | undefined) {
  const dataProvider = useDataProvider();
  return useQuery({
    queryKey: ['cycle-scope-employees', units?.map((u) => u.id).join(',')],
    enabled: !!units,
    queryFn: async () => {
      const totals = await Promise.all(
        units!.map((u) =>
          dataProvider
            .getList('employees', {
              pagination: { page: 1, perPage: 1 },
              sort: { field: 'id', order: 'ASC' },
              filter: { unitId: u.id, status: 'ACTIVE' },
            })
            .then((r) => r.total ?? 0),
        ),
      );
      return totals.reduce((a, b) => a + b, 0);
    },
  });
}
