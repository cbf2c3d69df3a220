/** One recommendation: its title, severity and basis in words, its decision and dates in the chosen language. */
import {
  FunctionField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { LocaleDateField } from '../../common/LocaleFields';
import { SanctionActions } from './SanctionActions';
import { useSanctionWords } from './sanction-words';

export default function SanctionShow() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const words = useSanctionWords();
  return (
    <Show
      actions={
        <TopToolbar>
          <SanctionActions />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="employee.name" label="resources.employees.fields.name" />
        <FunctionField
          label="resources.sanctions.fields.label"
          render={(r: any) => <span data-testid="sanction-title">{words.title(r)}</span>}
        />
        <FunctionField
          label="resources.sanctions.fields.severity"
          render={(r: any) => <span data-testid="sanction-severity">{words.severity(r.severity)}</span>}
        />
        <FunctionField source="cutPercent" render={(r: any) => (r.cutPercent ? `${r.cutPercent}%` : '—')} />
        <FunctionField source="months" render={(r: any) => r.months ?? '—'} />
        <EnumField source="status" list="sanctionStatus" />
        <LocaleDateField source="startsOn" day label="resources.sanctions.fields.startsOn" />
        <LocaleDateField source="endsOn" day label="resources.sanctions.fields.endsOn" />
        <TextField source="note" emptyText="—" />
        <FunctionField
          label="capaian.records.sanction.basis"
          render={(r: any) => r.explanation?.params?.basis ?? '—'}
        />
        <FunctionField
          source="explanation"
          render={(r: any) =>
            r.explanation?.text?.[locale === 'en' ? 'en' : 'id'] ??
            r.explanation?.explanation?.text?.[locale === 'en' ? 'en' : 'id'] ??
            translate('capaian.records.pay.no_explanation')
          }
        />
      </SimpleShowLayout>
    </Show>
  );
}
