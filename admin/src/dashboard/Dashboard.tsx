/** The home page: HR and auditors get the HR dashboard (charts, loaded on demand); employees their tasks and appraisals. */
import { lazy, Suspense } from 'react';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Loading, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

const HrDashboard = lazy(() => import('./HrDashboard'));

function EmployeeHome() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <CardContent>
        <Typography variant="h5" gutterBottom>
          {translate('capaian.home.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
        <Typography gutterBottom>{translate('capaian.home.intro')}</Typography>
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button variant="contained" component={Link} to="/tasks">
            {translate('capaian.home.my_tasks')}
          </Button>
          <Button variant="outlined" component={Link} to="/appraisals">
            {translate('capaian.home.my_appraisals')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

export default function Dashboard() {
  const { permissions, isPending } = usePermissions<{ roles: string[] }>();
  if (isPending) return <Loading />;
  const hr = permissions?.roles?.some((r) => r === 'HR_ADMIN' || r === 'AUDITOR');
  if (!hr) return <EmployeeHome />;
  return (
    <Suspense fallback={<Loading />}>
      <HrDashboard />
    </Suspense>
  );
}
