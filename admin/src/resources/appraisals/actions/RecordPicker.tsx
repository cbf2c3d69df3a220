/**
 * A searchable pick of one employee or unit inside a dialog (MUI Autocomplete over the API's `q` search): typing
 * narrows the list on the server, so the person wanted is found however many there are.
 */
import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useDataProvider } from 'react-admin';

export interface Picked {
  id: number;
  label: string;
}

const LABEL: Record<string, (r: any) => string> = {
  employees: (e) => `${e.name} (${e.nip})${e.position ? ` — ${e.position}` : ''}`,
  units: (u) => `${u.code} — ${u.name}`,
};

export function RecordPicker({
  resource,
  label,
  value,
  onChange,
  filter = {},
  name,
}: {
  resource: 'employees' | 'units';
  label: string;
  value: Picked | null;
  onChange: (v: Picked | null) => void;
  filter?: Record<string, unknown>;
  name: string;
}) {
  const dataProvider = useDataProvider();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Picked[]>([]);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      dataProvider
        .getList(resource, {
          filter: { ...JSON.parse(filterKey), ...(q.trim() ? { q: q.trim() } : {}) },
          pagination: { page: 1, perPage: 20 },
          sort: { field: resource === 'units' ? 'code' : 'name', order: 'ASC' },
        })
        .then(({ data }) => live && setOptions(data.map((r) => ({ id: r.id as number, label: LABEL[resource](r) }))))
        .catch(() => live && setOptions([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [dataProvider, resource, q, filterKey]);
  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v) => setQ(v)}
      renderInput={(params) => <TextField {...params} label={label} name={name} margin="dense" />}
      fullWidth
    />
  );
}
