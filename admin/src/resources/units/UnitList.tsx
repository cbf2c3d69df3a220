/** Units as a tree (expand and collapse); a search shows the matching units as a flat list. */
import { useMemo, useState } from 'react';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, IconButton, List as MuiList, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  ExportButton,
  List,
  NumberField,
  SearchInput,
  TextField,
  TopToolbar,
  useCreatePath,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  _count?: { employees: number; children: number };
}

function Node({ unit, byParent, depth }: { unit: UnitRow; byParent: Map<number | null, UnitRow[]>; depth: number }) {
  const [open, setOpen] = useState(depth < 1);
  const createPath = useCreatePath();
  const translate = useTranslate();
  const children = byParent.get(unit.id) ?? [];
  return (
    <>
      <ListItem
        disablePadding
        sx={{ pl: depth * 3 }}
        secondaryAction={
          <Typography variant="caption" color="text.secondary">
            {translate('capaian.units.employees_count', { smart_count: unit._count?.employees ?? 0 })}
          </Typography>
        }
      >
        <IconButton
          size="small"
          onClick={() => setOpen(!open)}
          disabled={!children.length}
          aria-label={translate(open ? 'ra.action.close' : 'ra.action.expand')}
        >
          {children.length ? open ? <ExpandMoreIcon /> : <ChevronRightIcon /> : <Box sx={{ width: 24 }} />}
        </IconButton>
        <ListItemButton component={Link} to={createPath({ resource: 'units', id: unit.id, type: 'show' })} dense>
          <ListItemText primary={unit.name} secondary={unit.code} />
        </ListItemButton>
      </ListItem>
      {open && children.map((c) => <Node key={c.id} unit={c} byParent={byParent} depth={depth + 1} />)}
    </>
  );
}

function UnitTree() {
  const { data, filterValues, isPending } = useListContext<UnitRow>();
  const byParent = useMemo(() => {
    const map = new Map<number | null, UnitRow[]>();
    const ids = new Set((data ?? []).map((u) => u.id));
    for (const u of data ?? []) {
      const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
      map.set(key, [...(map.get(key) ?? []), u]);
    }
    return map;
  }, [data]);
  if (isPending) return null;
  if (filterValues.q) {
    return (
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <NumberField source="_count.employees" sortable={false} />
      </Datagrid>
    );
  }
  return (
    <MuiList dense aria-label="unit-tree">
      {(byParent.get(null) ?? []).map((u) => (
        <Node key={u.id} unit={u} byParent={byParent} depth={0} />
      ))}
    </MuiList>
  );
}

export default function UnitList() {
  return (
    <List
      perPage={1000}
      pagination={false}
      sort={{ field: 'code', order: 'ASC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportButton maxResults={10000} />
        </TopToolbar>
      }
    >
      <UnitTree />
    </List>
  );
}
