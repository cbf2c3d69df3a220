/**
 * A wide table's own sideways scroll on a narrow screen (a phone): the table scrolls, the page does not, and nothing
 * is cut off. Named and focusable, so that a keyboard can scroll it too (axe-core scrollable-region-focusable).
 */
import type { ReactNode } from 'react';
import { Box } from '@mui/material';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </Box>
  );
}
