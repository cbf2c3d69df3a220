/**
 * The changes of a version in words: one table per section, one row per changed part, older under "Sebelum". Codes
 * left in names and values (a rule named "…: SANGAT_BAIK") are written as words of the chosen language.
 */
import { Fragment } from 'react';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Counts, PartChange, WordedChange } from './review-types';
import { langOf, nameWords } from './rule-words';

const K = 'capaian.rulesets.review';
const OP_COLOR = { added: 'success', removed: 'error', changed: 'warning' } as const;
const cell = { maxWidth: 380, overflowWrap: 'anywhere', verticalAlign: 'top' } as const;

/** `nameWords` with the console's translate and language. */
function useNameWords() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (name: string) => nameWords(name, { translate, lang: langOf(locale) });
}

function Words({ text, tone }: { text: PartChange['before']; tone: 'before' | 'after' }) {
  const [locale] = useLocaleState();
  const words = useNameWords();
  if (!text) return <span>—</span>;
  return (
    <Box component="span" sx={{ color: tone === 'before' ? 'error.dark' : 'success.dark' }}>
      {words(locale === 'en' ? text.en : text.id)}
    </Box>
  );
}

/** One section (rules, golden tests, facts): its counts, then each item part by part. */
export function ChangeSection({
  title,
  counts,
  changes,
  testId,
}: {
  title: string;
  counts: Counts;
  changes: WordedChange[];
  testId: string;
}) {
  const translate = useTranslate();
  const words = useNameWords();
  return (
    <Box sx={{ mt: 3 }} data-testid={testId}>
      <Typography variant="h6">{title}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid={`${testId}-counts`}>
        {changes.length ? translate(`${K}.counts`, counts) : translate(`${K}.no_changes`)}
      </Typography>
      {changes.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${K}.col_item`)}</TableCell>
              <TableCell>{translate(`${K}.col_change`)}</TableCell>
              <TableCell>{translate(`${K}.col_part`)}</TableCell>
              <TableCell>{translate(`${K}.before`)}</TableCell>
              <TableCell>{translate(`${K}.after`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c, i) => (
              <Fragment key={i}>
                {c.parts.map((p, k) => (
                  <TableRow key={k} data-testid={`${testId}-row`} data-op={c.op}>
                    {k === 0 && (
                      <>
                        <TableCell rowSpan={c.parts.length} sx={cell}>
                          {words(c.name)}
                        </TableCell>
                        <TableCell rowSpan={c.parts.length} sx={{ verticalAlign: 'top' }}>
                          <Chip size="small" color={OP_COLOR[c.op]} label={translate(`${K}.op.${c.op}`)} />
                        </TableCell>
                      </>
                    )}
                    <TableCell sx={{ verticalAlign: 'top' }}>{translate(`${K}.part.${p.part}`)}</TableCell>
                    <TableCell sx={cell}>
                      <Words text={p.before} tone="before" />
                    </TableCell>
                    <TableCell sx={cell}>
                      <Words text={p.after} tone="after" />
                    </TableCell>
                  </TableRow>
                ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** Changes of the version's own description (name, description, legal basis, date in force, parameters). */
export function MetadataChanges({ changes }: { changes: PartChange[] }) {
  const translate = useTranslate();
  if (!changes.length) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="review-metadata">
      <Typography variant="h6">{translate(`${K}.metadata_title`)}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${K}.col_part`)}</TableCell>
            <TableCell>{translate(`${K}.before`)}</TableCell>
            <TableCell>{translate(`${K}.after`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((p, k) => (
            <TableRow key={k} data-testid="review-metadata-row">
              <TableCell sx={{ verticalAlign: 'top' }}>{translate(`${K}.part.${p.part}`)}</TableCell>
              <TableCell sx={cell}>
                <Words text={p.before} tone="before" />
              </TableCell>
              <TableCell sx={cell}>
                <Words text={p.after} tone="after" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
