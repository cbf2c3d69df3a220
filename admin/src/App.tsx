/** The console: providers wired once, one folder per resource, heavy parts loaded on demand. */
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import appraisals from './resources/appraisals';
import attendance from './resources/attendance';
import auditEvents from './resources/audit-events';
import cycles from './resources/cycles';
import cycleSchedules from './resources/cycles/schedules';
import delegations from './resources/delegations';
import employees from './resources/employees';
import payAdjustments from './resources/pay-adjustments';
import rulesets from './resources/rulesets';
import sanctions from './resources/sanctions';
import tasks from './resources/tasks';
import units from './resources/units';
import users from './resources/users';
import { theme } from './layout/theme';
import { LoginPage } from './login/LoginPage';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ImportPage = lazy(() => import('./imports/ImportPage'));
const MyAccountPage = lazy(() => import('./account/MyAccountPage'));
const TeamProgressPage = lazy(() => import('./resources/appraisals/progress/TeamProgressPage'));

export function App() {
  return (
    <Admin
      title="Capaian"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      loginPage={LoginPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="tasks" {...tasks} />
      {/* The page title names whose appraisal it is (and its period, where the record has it), not `#id`. */}
      <Resource
        name="appraisals"
        {...appraisals}
        recordRepresentation={(r) => [r.employee?.name, r.period?.label].filter(Boolean).join(' · ')}
      />
      <Resource name="cycles" {...cycles} recordRepresentation="name" />
      <Resource name="cycle-schedules" {...cycleSchedules} recordRepresentation="name" />
      <Resource name="rulesets" {...rulesets} recordRepresentation={(r) => `${r.kind} v${r.version}`} />
      <Resource name="employees" {...employees} recordRepresentation={(r) => `${r.name} (${r.nip})`} />
      <Resource name="units" {...units} recordRepresentation={(r) => `${r.code} — ${r.name}`} />
      <Resource name="pay-adjustments" {...payAdjustments} />
      <Resource name="sanctions" {...sanctions} />
      <Resource name="attendance" {...attendance} />
      <Resource name="delegations" {...delegations} />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="users" {...users} recordRepresentation="username" />
      <Resource name="periods" recordRepresentation="label" />
      <CustomRoutes>
        <Route path="/imports" element={<ImportPage />} />
        <Route path="/account" element={<MyAccountPage />} />
        <Route path="/progress/team" element={<TeamProgressPage />} />
      </CustomRoutes>
    </Admin>
  );
}
