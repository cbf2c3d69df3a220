/** evidence.submit: realizations per indicator, evidence files uploaded with a progress bar, and links. */
import { useState } from 'react';
import UploadIcon from '@mui/icons-material/Upload';
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import {
  ArrayInput,
  HttpError,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useNotify,
  useTranslate,
} from 'react-admin';
import { uploadWithProgress } from '../../providers/http';
import { useCompleteTask } from './use-complete';

function Upload({ appraisalId, indicatorId }: { appraisalId: number; indicatorId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const onFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    form.append('title', file.name);
    form.append('indicatorId', String(indicatorId));
    setProgress(0);
    try {
      await uploadWithProgress(`/documents/appraisals/${appraisalId}/evidence`, form, setProgress);
      setDone((d) => [...d, file.name]);
      notify('capaian.evidence.uploaded', { type: 'success', messageArgs: { name: file.name } });
    } catch (err) {
      notify((err as HttpError).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Box sx={{ my: 1 }}>
      <Button component="label" size="small" startIcon={<UploadIcon />} disabled={progress !== null}>
        {translate('capaian.evidence.upload')}
        <input
          hidden
          type="file"
          data-testid={`evidence-file-${indicatorId}`}
          onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
        />
      </Button>
      {progress !== null && <LinearProgress variant="determinate" value={Math.round(progress * 100)} sx={{ my: 1 }} />}
      {done.map((n) => (
        <Typography key={n} variant="caption" data-testid="evidence-uploaded" sx={{ display: 'block' }}>
          ✓ {n}
        </Typography>
      ))}
    </Box>
  );
}

export function EvidenceForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const indicators: any[] = (appraisal?.plan?.items ?? []).flatMap((i: any) =>
    (i.indicators ?? []).map((d: any) => ({ ...d, itemTitle: i.title })),
  );
  const record = {
    realizations: indicators.map((d) => ({ indicatorId: d.id, value: '', note: '' })),
    links: [],
  };
  return (
    <SimpleForm
      record={record}
      onSubmit={(v: any) =>
        complete({
          realizations: v.realizations.map((r: any) => ({
            indicatorId: r.indicatorId,
            value: r.value,
            numericValue: r.value !== '' && !Number.isNaN(Number(r.value)) ? Number(r.value) : null,
            note: r.note || null,
          })),
          links: (v.links ?? []).filter((l: any) => l?.url),
        })
      }
      toolbar={
        <Toolbar>
          <SaveButton label="capaian.action.send" alwaysEnable />
        </Toolbar>
      }
    >
      {indicators.map((d, k) => (
        <Box key={d.id} sx={{ width: '100%', borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 }}>
          <Typography variant="subtitle2">{d.itemTitle}</Typography>
          <Typography variant="body2" color="text.secondary">
            {d.description} — {translate('capaian.plan.target')}: {d.target}
          </Typography>
          <TextInput source={`realizations.${k}.value`} label="capaian.evidence.realization" />
          <TextInput source={`realizations.${k}.note`} label="capaian.evidence.note" fullWidth />
          <Upload appraisalId={appraisal.id} indicatorId={d.id} />
        </Box>
      ))}
      <ArrayInput source="links" label="capaian.evidence.links">
        <SimpleFormIterator inline>
          <TextInput source="title" label="capaian.evidence.link_title" />
          <TextInput source="url" label="capaian.evidence.url" type="url" />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
