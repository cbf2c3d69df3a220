/**
 * A plain-textarea JSON editor with line numbers: syntax errors are found as you type, and the server's schema errors
 * (JSON pointers) are marked on their lines and listed under the editor; a click on an error selects its line.
 */
import { useMemo, useRef } from 'react';
import { Alert, Box, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { JsonSyntaxError, lineOf, lineOfPointer, locate } from './json-locate';

export interface PointerError {
  pointer: string;
  message: string;
}

interface Props {
  value: string;
  onChange: (text: string) => void;
  errors: PointerError[];
  readOnly?: boolean;
}

const LINE = 20;

export function JsonEditor({ value, onChange, errors, readOnly }: Props) {
  const translate = useTranslate();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;

  const located = useMemo(() => {
    try {
      return { offsets: locate(value).offsets, syntax: null as null | { line: number; message: string } };
    } catch (err) {
      if (err instanceof JsonSyntaxError)
        return {
          offsets: new Map<string, number>(),
          syntax: { line: lineOf(value, err.offset), message: err.message },
        };
      throw err;
    }
  }, [value]);

  const marks = useMemo(() => {
    const list: { line: number; pointer: string; message: string }[] = [];
    if (located.syntax) list.push({ line: located.syntax.line, pointer: '', message: located.syntax.message });
    else
      for (const e of errors)
        list.push({ line: lineOfPointer(value, located.offsets, e.pointer), pointer: e.pointer, message: e.message });
    return list;
  }, [located, errors, value]);
  const byLine = useMemo(() => new Map(marks.map((m) => [m.line, m])), [marks]);

  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const starts = [0];
    for (let k = 0; k < value.length; k++) if (value[k] === '\n') starts.push(k + 1);
    const start = starts[line - 1] ?? 0;
    const end = starts[line] !== undefined ? starts[line] - 1 : value.length;
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollTop = Math.max(0, (line - 5) * LINE);
  };

  return (
    <Box>
      <Box
        sx={{
          display: 'flex',
          border: 1,
          borderColor: marks.length ? 'error.main' : 'divider',
          borderRadius: 1,
          height: 480,
          overflow: 'hidden',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 13,
        }}
      >
        <Box
          ref={gutter}
          aria-hidden
          sx={{ overflow: 'hidden', bgcolor: 'action.hover', textAlign: 'right', userSelect: 'none', minWidth: 48 }}
        >
          <Box sx={{ py: 1 }}>
            {Array.from({ length: lines }, (_, k) => {
              const mark = byLine.get(k + 1);
              return (
                <Box
                  key={k}
                  title={mark?.message}
                  data-error-line={mark ? k + 1 : undefined}
                  sx={{
                    height: LINE,
                    lineHeight: `${LINE}px`,
                    px: 1,
                    color: mark ? 'error.contrastText' : 'text.secondary',
                    bgcolor: mark ? 'error.main' : undefined,
                  }}
                >
                  {k + 1}
                </Box>
              );
            })}
          </Box>
        </Box>
        <textarea
          ref={area}
          aria-label={translate('capaian.rulesets.document')}
          name="document"
          spellCheck={false}
          wrap="off"
          readOnly={readOnly}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          style={{
            flex: 1,
            border: 0,
            outline: 'none',
            resize: 'none',
            padding: '8px',
            font: 'inherit',
            lineHeight: `${LINE}px`,
            whiteSpace: 'pre',
            background: 'transparent',
            color: 'inherit',
          }}
        />
      </Box>
      {marks.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="json-errors">
          {located.syntax
            ? translate('capaian.rulesets.syntax_error')
            : translate('capaian.rulesets.schema_errors', { smart_count: marks.length })}
          <List dense disablePadding>
            {/* Each error a list item (an <li>) holding its button: a list holds items only. */}
            {marks.map((m, k) => (
              <ListItem key={k} disablePadding>
                <ListItemButton onClick={() => goTo(m.line)} sx={{ py: 0 }}>
                  <ListItemText
                    primary={`${translate('capaian.rulesets.line', { line: m.line })}${m.pointer ? ` · ${m.pointer}` : ''} — ${m.message}`}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}

/** Parses the editor text, or returns null when it is not valid JSON (the editor shows where). */
export function parseOrNull(text: string): Record<string, unknown> | null {
  try {
    const v = locate(text).value;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
