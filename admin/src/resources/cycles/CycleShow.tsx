/**
 * A cycle: start (pins the rule versions in force; asks first, in words), live progress, cancel; its stage deadlines in
 * words, the unit ratings the curve follows, and its appraisals.
 */
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { useAction } from '../../common/use-action';
import { useDownload } from '../../common/use-download';
import { CycleProgress } from './CycleProgress';
import { CycleSettings } from './CycleSettings';
import { StartCycleButton } from './StartCycleButton';
import { UnitRatingProposals } from './UnitRatingProposals';
import { UnitRatings } from './UnitRatings';
import { FrequencyField } from './FrequencyField';
import { When } from '../tasks/When';

function Actions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<{ roles: string[] }>();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, isPending } = useAction();
  const download = useDownload();
  const hr = !!permissions?.roles?.includes('HR_ADMIN');
  const reader = hr || !!permissions?.roles?.includes('AUDITOR');
  if (!record || !reader) return null;
  return (
    <TopToolbar>
      {/* Payroll export: one row per pay adjustment of the cycle, integer rupiah (server: /cycles/:id/payroll.csv). */}
      <Button
        startIcon={<DownloadIcon />}
        onClick={() => download(`/cycles/${record.id}/payroll.csv`)}
        data-testid="payroll-export"
      >
        {translate('capaian.pay.payroll_export')}
      </Button>
      {hr && record.status === 'DRAFT' && !record.startedAt && <StartCycleButton record={record} />}
      {hr && (record.status === 'RUNNING' || record.status === 'CALIBRATION' || record.status === 'DRAFT') && (
        <Button color="error" disabled={isPending} onClick={() => setCancelOpen(true)}>
          {translate('capaian.cycles.cancel')}
        </Button>
      )}
      <Dialog open={cancelOpen} onClose={() => setCancelOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('capaian.cycles.cancel_title')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('capaian.cycles.cancel_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            margin="dense"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={isPending}
            onClick={async () => {
              await run(`/cycles/${record.id}/cancel`, { reason: reason || null });
              setCancelOpen(false);
            }}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </TopToolbar>
  );
}

export default function CycleShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="unitId" reference="units" />
        <ReferenceField source="periodId" reference="periods" link={false} label="capaian.year.year" />
        <FrequencyField label="capaian.year.frequency" />
        <EnumField source="status" list="cycleStatus" />
        <FunctionField source="startedAt" render={(r: any) => <When value={r.startedAt} time />} />
        <ReferenceField source="scoringVersionId" reference="rulesets" emptyText="—" />
        <ReferenceField source="payVersionId" reference="rulesets" emptyText="—" />
        <CycleSettings />
        <CycleProgress />
        <UnitRatings />
        <UnitRatingProposals />
        <ReferenceManyField
          reference="appraisals"
          target="cycleId"
          label={translate('resources.appraisals.name', { smart_count: 2 })}
          perPage={25}
        >
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="employee.name" label="resources.employees.fields.name" sortable={false} />
            <TextField source="period.label" label="capaian.year.period" sortable={false} />
            <EnumField source="stage" list="stage" />
            <EnumField source="predicate" list="predicate" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
