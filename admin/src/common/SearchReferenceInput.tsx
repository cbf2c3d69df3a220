/**
 * A reference input people can search: an autocomplete that asks the server (`filter.q`) as one types, names what can
 * be typed (helper text in words) and what was not found, and lists the rows in a useful order (people by name,
 * units by code) rather than the first rows stored. Employee and unit pickers share it.
 */
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import type { SxProps } from '@mui/material';

interface Props {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  fullWidth?: boolean;
  sx?: SxProps;
  /** No helper text under the input (a list filter has no room for it). */
  noHelp?: boolean;
}

/** What the server searches with: the typed text, trimmed; nothing typed lists the first page. */
const toQuery = (text: string) => (text.trim() ? { q: text.trim() } : {});

/** An employee, searched by name, NIP or position. */
export function EmployeeSearchInput({ source, label, validate, fullWidth, sx, noHelp }: Props) {
  return (
    <ReferenceInput source={source} reference="employees" perPage={25} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label={label}
        optionText={(e: any) => `${e.name} (${e.nip})`}
        filterToQuery={toQuery}
        helperText={noHelp ? false : 'capaian.search.employee_help'}
        noOptionsText="capaian.search.none"
        validate={validate}
        fullWidth={fullWidth}
        sx={sx}
      />
    </ReferenceInput>
  );
}

/** A unit, searched by code or name. */
export function UnitSearchInput({ source, label, validate, fullWidth, sx, noHelp }: Props) {
  return (
    <ReferenceInput source={source} reference="units" perPage={25} sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput
        label={label}
        optionText={(u: any) => `${u.code} — ${u.name}`}
        filterToQuery={toQuery}
        helperText={noHelp ? false : 'capaian.search.unit_help'}
        noOptionsText="capaian.search.none"
        validate={validate}
        fullWidth={fullWidth}
        sx={sx}
      />
    </ReferenceInput>
  );
}
