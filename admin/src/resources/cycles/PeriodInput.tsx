/**
 * A searchable pick of a period: every period loaded once (a city has some twenty a year), years first when asked,
 * newest first, filtered as the person types ("2027", "Triwulan II"), so the current period is always at hand.
 */
import { AutocompleteInput, useGetList, type AutocompleteInputProps } from 'react-admin';

export function PeriodInput({
  yearsFirst = false,
  ...props
}: Omit<AutocompleteInputProps, 'choices'> & { yearsFirst?: boolean }) {
  const { data, isPending } = useGetList('periods', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'startDate', order: 'DESC' },
  });
  const periods = [...(data ?? [])].sort(
    (a, b) =>
      (yearsFirst ? Number(b.type === 'YEAR') - Number(a.type === 'YEAR') : 0) ||
      String(b.startDate).localeCompare(String(a.startDate)) ||
      String(a.type).localeCompare(String(b.type)) ||
      a.id - b.id,
  );
  return <AutocompleteInput choices={periods} optionText="label" isPending={isPending} {...props} />;
}
