/**
 * One audit event in words: who did what to which record and when, the values before and after as lines, and its
 * place in the hash chain.
 */
import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../../common/LocaleFields';
import { AuditActor, AuditWhat } from './AuditActor';
import { AuditChanges } from './AuditChanges';

function Title() {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <span>
      {translate('resources.audit-events.name', { smart_count: 1 })} {record ? `#${record.id}` : ''}
    </span>
  );
}

export default function AuditShow() {
  return (
    <Show title={<Title />}>
      <SimpleShowLayout>
        <TextField source="id" />
        <LocaleDateField source="at" withTime label="resources.audit-events.fields.at" />
        <Labeled label="resources.audit-events.fields.actor">
          <AuditActor />
        </Labeled>
        <Labeled label="resources.audit-events.fields.action">
          <AuditWhat />
        </Labeled>
        <Labeled label="capaian.records.audit.changes">
          <AuditChanges />
        </Labeled>
        <TextField source="chain" />
        <TextField source="seq" />
        <TextField source="prevHash" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
        <TextField source="hash" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
      </SimpleShowLayout>
    </Show>
  );
}
