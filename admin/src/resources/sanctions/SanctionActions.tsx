/**
 * HR decides an appraisal's recommendations together, in its `sanction.decide` task (the workflow takes one
 * decision per recommended code at once): while that task is open, a recommendation links to it.
 */
import { Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';

export function SanctionActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<{ roles: string[] }>();
  if (!record || record.status !== 'RECOMMENDED' || !record.taskId || !permissions?.roles?.includes('HR_ADMIN'))
    return null;
  return (
    <Button
      size="small"
      variant="contained"
      component={Link}
      to={`/tasks/${record.taskId}/show`}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
    >
      {translate('capaian.sanctions.decide')}
    </Button>
  );
}
