/**
 * evidence.submit: realizations per indicator, evidence files uploaded with a progress bar (and removed again before
 * sending when uploaded by mistake), and links; the values can be kept as a draft on this device. On a phone "Ambil
 * foto" opens the camera (`capture`), and the file choice offers photos, PDFs and office documents.
 */
import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import UploadIcon from '@mui/icons-material/Upload';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  Confirm,
  HttpError,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useNotify,
  useTranslate,
} from 'react-admin';
import { api, uploadWithProgress } from '../../providers/http';
import { RecordedRealization, recordedValue } from '../appraisals/progress/RecordedRealization';
import { DraftButton, DraftRestored, readDraft } from './drafts';
import { listButtons } from './iterator-buttons';
import { useCompleteTask } from './use-complete';

interface UploadedFile {
  id: number;
  name: string;
  sizeBytes?: number | null;
}

/** One uploaded file, with a labelled button that removes it after a confirmation naming it. */
function FileRow({ taskId, file, onRemoved }: { taskId: number; file: UploadedFile; onRemoved: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="evidence-uploaded">
      <Typography variant="body2">✓ {file.name}</Typography>
      <Button
        size="small"
        color="warning"
        startIcon={<DeleteIcon />}
        disabled={busy}
        aria-label={translate('capaian.work.remove_file_named', { name: file.name })}
        onClick={() => setAsking(true)}
      >
        {translate('capaian.work.remove_file')}
      </Button>
      <Confirm
        isOpen={asking}
        loading={busy}
        title="capaian.work.remove_file_title"
        content={translate('capaian.work.remove_file_confirm', { name: file.name })}
        confirm="capaian.work.remove_file"
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          setBusy(true);
          try {
            await api(`/tasks/${taskId}/evidence/${file.id}`, { method: 'DELETE' });
            notify('capaian.work.file_removed', { type: 'info', messageArgs: { name: file.name } });
            onRemoved();
          } catch (err) {
            notify((err as HttpError).message, { type: 'error' });
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      />
    </Stack>
  );
}

/** What the file choice offers: photos, PDFs and office documents (the server takes any file; this is the picker's). */
const EVIDENCE_TYPES = 'image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.csv';

/** A button that opens the file choice (or, with `capture`, the phone's rear camera) and hands over the file. */
function FileButton({
  label,
  name,
  icon,
  disabled,
  testId,
  camera,
  onFile,
}: {
  label: string;
  name: string;
  icon: React.ReactNode;
  disabled: boolean;
  testId: string;
  camera?: boolean;
  onFile: (f: File) => void;
}) {
  return (
    <Button component="label" size="small" startIcon={icon} disabled={disabled} aria-label={name}>
      {label}
      <input
        hidden
        type="file"
        accept={camera ? 'image/*' : EVIDENCE_TYPES}
        capture={camera ? 'environment' : undefined}
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </Button>
  );
}

function Upload({
  taskId,
  appraisalId,
  indicatorId,
  indicatorName,
  stored,
}: {
  taskId: number;
  appraisalId: number;
  indicatorId: number;
  indicatorName: string;
  stored: UploadedFile[];
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<number | null>(null);
  const [files, setFiles] = useState<UploadedFile[]>(stored);
  const onFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    form.append('title', file.name);
    form.append('indicatorId', String(indicatorId));
    setProgress(0);
    try {
      const created = await uploadWithProgress<{ id: number; sizeBytes?: number }>(
        `/documents/appraisals/${appraisalId}/evidence`,
        form,
        setProgress,
      );
      setFiles((d) => [...d, { id: created.id, name: file.name, sizeBytes: created.sizeBytes }]);
      notify('capaian.evidence.uploaded', { type: 'success', messageArgs: { name: file.name } });
    } catch (err) {
      notify((err as HttpError).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Box sx={{ my: 1 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <FileButton
          label={translate('capaian.evidence.upload')}
          name={translate('capaian.evidence.upload_named', { name: indicatorName })}
          icon={<UploadIcon />}
          disabled={progress !== null}
          testId={`evidence-file-${indicatorId}`}
          onFile={(f) => void onFile(f)}
        />
        <FileButton
          label={translate('capaian.evidence.take_photo')}
          name={translate('capaian.evidence.take_photo_named', { name: indicatorName })}
          icon={<PhotoCameraIcon />}
          disabled={progress !== null}
          testId={`evidence-photo-${indicatorId}`}
          camera
          onFile={(f) => void onFile(f)}
        />
      </Stack>
      {progress !== null && (
        <LinearProgress
          variant="determinate"
          value={Math.round(progress * 100)}
          sx={{ my: 1 }}
          aria-label={translate('capaian.a11y.uploading')}
        />
      )}
      {files.map((f) => (
        <FileRow
          key={f.id}
          taskId={taskId}
          file={f}
          onRemoved={() => setFiles((d) => d.filter((x) => x.id !== f.id))}
        />
      ))}
    </Box>
  );
}

export function EvidenceForm({ task, appraisal }: { task: any; appraisal: any }) {
  const translate = useTranslate();
  const complete = useCompleteTask(task.id);
  const [draft] = useState(() => readDraft(task.id));
  const indicators: any[] = (appraisal?.plan?.items ?? []).flatMap((i: any) =>
    (i.indicators ?? []).map((d: any) => ({ ...d, itemTitle: i.title })),
  );
  const files = (indicatorId: number): UploadedFile[] =>
    (appraisal?.evidence ?? [])
      .filter((e: any) => e.kind === 'FILE' && e.indicatorId === indicatorId)
      .map((e: any) => ({ id: e.id, name: e.fileName ?? e.title, sizeBytes: e.sizeBytes }));
  const record = draft?.values ?? {
    realizations: indicators.map((d) => ({ indicatorId: d.id, value: recordedValue(task, d.id), note: '' })),
    links: [],
  };
  return (
    <>
      <DraftRestored taskId={task.id} draft={draft} />
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
            <DraftButton taskId={task.id} />
          </Toolbar>
        }
      >
        {indicators.map((d, k) => (
          <Box key={d.id} sx={{ width: '100%', borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 }}>
            <Typography variant="subtitle2">{d.itemTitle}</Typography>
            <Typography variant="body2" color="text.secondary">
              {d.description} — {translate('capaian.plan.target')}: {d.target}
            </Typography>
            <RecordedRealization task={task} indicatorId={d.id} unit={d.targetUnit} />
            <TextInput source={`realizations.${k}.value`} label="capaian.evidence.realization" />
            <TextInput source={`realizations.${k}.note`} label="capaian.evidence.note" fullWidth />
            <Upload
              taskId={task.id}
              appraisalId={appraisal.id}
              indicatorId={d.id}
              indicatorName={d.description}
              stored={files(d.id)}
            />
          </Box>
        ))}
        <ArrayInput source="links" label="capaian.evidence.links">
          <SimpleFormIterator inline {...listButtons('capaian.work.add_link', 'capaian.work.remove_link')}>
            <TextInput source="title" label="capaian.evidence.link_title" />
            <TextInput source="url" label="capaian.evidence.url" type="url" />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </>
  );
}
