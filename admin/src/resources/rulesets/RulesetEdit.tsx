/** Edits a draft's JSON document; the server validates against the JSON Schema and its errors land on their lines. */
import { useEffect, useState } from 'react';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import {
  Edit,
  HttpError,
  ShowButton,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { JsonEditor, parseOrNull, type PointerError } from './JsonEditor';
import { RulesetTitle } from './RulesetTitle';

/** Pointer errors from a 400: `{ field: 'document/rules/0/priority', pointer: '/rules/0/priority', message }`. */
function pointerErrors(error: unknown): PointerError[] {
  const fields = ((error as HttpError)?.body?.fields ?? []) as { field: string; pointer?: string; message: string }[];
  return fields.map((f) => ({
    pointer: f.pointer ?? (f.field.startsWith('document') ? f.field.slice('document'.length) : `/${f.field}`),
    message: f.message,
  }));
}

function Editor() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<PointerError[]>([]);
  const [update, { isPending }] = useUpdate();

  useEffect(() => {
    if (!record) return;
    setText(JSON.stringify(record.document, null, 2));
    setErrors(record.validation && !record.validation.ok ? record.validation.errors : []);
  }, [record?.id]);

  if (!record) return null;
  const editable = record.status === 'DRAFT';
  const parsed = parseOrNull(text);

  const save = () => {
    if (!parsed) return;
    update(
      'rulesets',
      { id: record.id, data: { document: parsed }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setErrors([]);
          notify('capaian.rulesets.saved', { type: 'success' });
        },
        onError: (error) => {
          setErrors(pointerErrors(error));
          notify((error as HttpError).message, { type: 'error' });
        },
      },
    );
  };

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h6">
          {translate(`capaian.enum.rulesetKind.${record.kind}`)} v{record.version}
        </Typography>
        <EnumField source="status" list="rulesetStatus" />
      </Stack>
      {!editable && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('capaian.rulesets.not_editable')}
        </Alert>
      )}
      <JsonEditor value={text} onChange={setText} errors={errors} readOnly={!editable} />
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={!editable || !parsed || isPending}
          onClick={save}
        >
          {translate('ra.action.save')}
        </Button>
        <Button onClick={() => redirect('show', 'rulesets', record.id)}>
          {translate('capaian.rulesets.back_to_version')}
        </Button>
      </Stack>
    </Box>
  );
}

export default function RulesetEdit() {
  return (
    <Edit
      title={<RulesetTitle />}
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <ShowButton />
        </TopToolbar>
      }
    >
      <Editor />
    </Edit>
  );
}
