/** One rule-set version: summary, four-eyes review, document, decision table, golden tests, simulation, diff. */
import { lazy, Suspense } from 'react';
import { Box } from '@mui/material';
import {
  DateField,
  Loading,
  NumberField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { DecisionTable } from './DecisionTable';
import { GoldenTests } from './GoldenTests';
import { LifecycleActions } from './LifecycleActions';
import { RulesetReview } from './RulesetReview';
import { RulesetTitle } from './RulesetTitle';
import { VersionDiff } from './VersionDiff';

const Simulation = lazy(() => import('./Simulation'));

function DocumentView() {
  const record = useRecordContext();
  return (
    <Box component="pre" sx={{ fontSize: 12, maxHeight: 600, overflow: 'auto', bgcolor: 'action.hover', p: 1 }}>
      {JSON.stringify(record?.document, null, 2)}
    </Box>
  );
}

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME = { ...DAY, hour: '2-digit', minute: '2-digit' } as const;

export default function RulesetShow() {
  // Dates in the chosen language, not the browser's.
  const [locale] = useLocaleState();
  const locales = locale === 'en' ? 'en-GB' : 'id-ID';
  return (
    <Show
      title={<RulesetTitle />}
      actions={
        <TopToolbar>
          <LifecycleActions />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_summary">
          <EnumField source="kind" list="rulesetKind" />
          <NumberField source="version" />
          <TextField source="name" />
          <TextField source="description" emptyText="—" />
          <EnumField source="status" list="rulesetStatus" />
          <DateField source="effectiveFrom" locales={locales} options={DAY} data-testid="ruleset-effective-from" />
          <DateField source="submittedAt" locales={locales} options={TIME} showTime emptyText="—" />
          <DateField source="publishedAt" locales={locales} options={TIME} showTime emptyText="—" />
          <TextField source="contentHash" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.review.tab" path="review">
          <RulesetReview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_document" path="document">
          <DocumentView />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_table" path="table">
          <DecisionTable />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_tests" path="tests">
          <GoldenTests />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_simulation" path="simulation">
          <Suspense fallback={<Loading />}>
            <Simulation />
          </Suspense>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="capaian.rulesets.tab_diff" path="diff">
          <VersionDiff />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
