/**
 * The add and remove buttons of a form's list (work results, indicators, links) with words on them — "Tambah RHK",
 * "Hapus RHK 2" — instead of bare icons; no "clear list" button beside "add" (lists use `disableClear`).
 */
import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { Button } from '@mui/material';
import { useSimpleFormIterator, useSimpleFormIteratorItem, useTranslate } from 'react-admin';

export function AddItem({ label }: { label: string }) {
  const translate = useTranslate();
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={() => add()}>
      {translate(label)}
    </Button>
  );
}

export function RemoveItem({ label }: { label: string }) {
  const translate = useTranslate();
  const { remove, index } = useSimpleFormIteratorItem();
  return (
    <Button size="small" color="warning" startIcon={<RemoveIcon />} onClick={() => remove()}>
      {translate(label, { n: index + 1 })}
    </Button>
  );
}

/** The props every list of a task form gets: labelled buttons, no reordering arrows, no "clear list". */
export const listButtons = (add: string, remove: string) => ({
  addButton: <AddItem label={add} />,
  removeButton: <RemoveItem label={remove} />,
  disableClear: true,
  disableReordering: true,
});
