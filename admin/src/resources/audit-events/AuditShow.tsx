/** One audit event: who did what to which record, the state before and after, and its place in the hash chain. */
import { Box } from '@mui/material';
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';

const Json = ({ value }: { value: unknown }) => (
  <Box component="pre" sx={{ fontSize: 12, m: 0, whiteSpace: 'pre-wrap' }}>
    {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
  </Box>
);

export default function AuditShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="id" />
        <DateField source="at" showTime />
        <TextField source="actor" />
        <TextField source="action" />
        <TextField source="entity" />
        <TextField source="entityId" />
        <Labeled source="before">
          <FunctionField source="before" render={(r) => <Json value={r.before} />} />
        </Labeled>
        <Labeled source="after">
          <FunctionField source="after" render={(r) => <Json value={r.after} />} />
        </Labeled>
        <TextField source="prevHash" sx={{ fontFamily: 'monospace' }} />
        <TextField source="hash" sx={{ fontFamily: 'monospace' }} />
      </SimpleShowLayout>
    </Show>
  );
}
