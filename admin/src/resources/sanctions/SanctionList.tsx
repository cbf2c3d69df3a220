/**
 * Sanction and follow-up recommendations (PP 94/2021, PP 30/2019) waiting for HR to confirm or dismiss them: each
 * titled and graded in words, in the chosen language.
 */
import { Box, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, SelectInput } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, SANCTION_STATUSES } from '../../common/enums';
import { LocaleDateField } from '../../common/LocaleFields';
import { SanctionActions } from './SanctionActions';
import { useSanctionWords } from './sanction-words';

const filters = [
  <SelectInput key="status" source="status" choices={choices('sanctionStatus', SANCTION_STATUSES)} alwaysOn />,
];

/** The recommendation's title, its severity beneath it. */
function Recommendation(_: { label?: string }) {
  const words = useSanctionWords();
  return (
    <FunctionField
      render={(r: any) => (
        <Box data-testid={`sanction-title-${r.id}`}>
          <Typography variant="body2">{words.title(r)}</Typography>
          <Typography variant="caption" color="text.secondary">
            {words.severity(r.severity)}
          </Typography>
        </Box>
      )}
    />
  );
}

export default function SanctionList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'RECOMMENDED' }} sort={{ field: 'id', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td': { verticalAlign: 'top' } }}>
        <FunctionField
          label="resources.employees.fields.name"
          render={(r: any) => r.employee?.name ?? '—'}
          sortable={false}
        />
        <Recommendation label="resources.sanctions.fields.label" />
        <FunctionField
          source="cutPercent"
          render={(r: any) => (r.cutPercent ? `${r.cutPercent}%` : '—')}
          sortable={false}
        />
        <FunctionField source="months" render={(r: any) => r.months ?? '—'} sortable={false} />
        <EnumField source="status" list="sanctionStatus" />
        <LocaleDateField source="createdAt" label="resources.sanctions.fields.createdAt" />
        <SanctionActions />
      </Datagrid>
    </List>
  );
}
