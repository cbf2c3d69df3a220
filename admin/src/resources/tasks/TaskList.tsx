/**
 * My tasks (and, for raters, the team's): what the workflows wait for, with deadlines — and, for each, whose plan or
 * rating it is (the unit for a calibration), which cycle and which evaluation period, so identical titles read apart.
 */
import {
  Datagrid,
  FunctionField,
  Link,
  List,
  SelectInput,
  useCreatePath,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { choices, TASK_STATUSES } from '../../common/enums';
import { DueChip } from './DueChip';
import { TaskCards } from './TaskCards';
import { When } from './When';
import { taskName, taskPeriod, taskSubject, type TaskRow } from './task-words';

export const TASK_TYPES = [
  'plan.submit',
  'plan.review',
  'evidence.submit',
  'review.submit',
  'result.respond',
  'appeal.decide',
  'sanction.decide',
  'calibration.unit',
] as const;

const filters = [
  <SelectInput key="status" source="status" choices={choices('taskStatus', TASK_STATUSES)} alwaysOn />,
  <SelectInput key="type" source="type" choices={TASK_TYPES.map((id) => ({ id, name: `capaian.taskType.${id}` }))} />,
];

function Due() {
  return <FunctionField source="dueAt" render={(r: any) => <DueChip task={r} />} />;
}

export default function TaskList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: 'OPEN' }} sort={{ field: 'dueAt', order: 'ASC' }}>
      {/* On a phone, cards instead of the table (TaskCards shows only there). */}
      <TaskCards />
      <Datagrid
        rowClick={(_id, _res, r) => (r.status === 'OPEN' ? 'edit' : 'show')}
        bulkActionButtons={false}
        sx={{ display: { xs: 'none', sm: 'block' } }}
      >
        <FunctionField source="title" sortable={false} render={(r: any) => <Name task={r} />} />
        <FunctionField
          label="capaian.work.subject"
          sortable={false}
          render={(r: TaskRow) => <span data-testid="task-subject">{taskSubject(r)}</span>}
        />
        <FunctionField
          label="resources.appraisals.fields.cycleId"
          sortable={false}
          render={(r: TaskRow) => r.cycle?.name ?? '—'}
        />
        <FunctionField label="capaian.year.period" sortable={false} render={(r: TaskRow) => taskPeriod(r)} />
        <FunctionField source="type" render={(r: any) => <TypeLabel type={r.type} />} />
        <EnumField source="status" list="taskStatus" />
        <FunctionField source="dueAt" render={(r: any) => <When value={r.dueAt} time />} />
        <Due />
      </Datagrid>
    </List>
  );
}

/**
 * The task's name as a link to it (the page a click on the row opens): a row's click is the mouse's only, the link
 * is a tab stop that Enter follows.
 */
function Name({ task }: { task: TaskRow & { id: number; status?: string } }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const to = createPath({ resource: 'tasks', id: task.id, type: task.status === 'OPEN' ? 'edit' : 'show' });
  return (
    <Link to={to} onClick={(e: { stopPropagation(): void }) => e.stopPropagation()} data-testid="task-link">
      {taskName(task, translate, locale)}
    </Link>
  );
}

function TypeLabel({ type }: { type: string }) {
  const translate = useTranslate();
  return <>{translate(`capaian.taskType.${type}`, { _: type })}</>;
}
