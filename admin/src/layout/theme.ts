/**
 * The console theme: react-admin's default, in the civil service's blue. Colours that carry text meet WCAG AA
 * contrast (4.5:1, checked by axe-core in the browser tests): the warning colour is a darker amber than MUI's (white
 * on #ed6c02 is 3.1:1), the info colour a darker blue (#0288d1 on white is 3.9:1), and the "nothing here yet" message
 * of an empty list uses the secondary text colour rather than the disabled one. react-admin's "access denied", "not
 * found", "authentication error" and error pages fade their words to half opacity (2.1:1): the words are shown in
 * full, only the big icon stays faded.
 */
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * The console on a phone (issue 15, item 1). On a touch screen (a phone, a tablet: `pointer: coarse`) every control is
 * at least 44 × 44 CSS px (WCAG 2.5.5, Apple's HIG): buttons, icon buttons, tabs, menu entries, list rows, radios and
 * checkboxes (their round button 44 px, their label as tall), text fields. A mouse keeps react-admin's denser controls.
 */
const TOUCH = 44;
const phoneSized = {
  // On a phone a flex item may be narrower than its content (a strip of tabs, a wide table), which then scrolls or
  // wraps inside it: otherwise the item, and the page with it, grows wider than the screen.
  '@media (max-width: 599.95px)': {
    [['RaLayout-content', 'RaShow-main', 'RaShow-card', 'RaEdit-main', 'RaEdit-card', 'RaList-main', 'RaList-content']
      .map((c) => `body .${c}`)
      .join(', ')]: { minWidth: 0 },
  },
  // `body` first: these rules must outweigh MUI's own (same class, inserted later).
  '@media (pointer: coarse)': {
    [[
      '.MuiButton-root',
      '.MuiIconButton-root',
      '.MuiTab-root',
      '.MuiMenuItem-root',
      '.MuiListItemButton-root',
      '.MuiToggleButton-root',
      '.MuiChip-clickable',
      '.MuiTablePagination-select',
      '.MuiPaginationItem-root',
      '.MuiTabScrollButton-root',
    ]
      .map((c) => `body ${c}`)
      .join(', ')]: { minHeight: TOUCH, minWidth: TOUCH },
    'body .MuiRadio-root, body .MuiCheckbox-root': { padding: (TOUCH - 24) / 2 },
    'body .MuiFormControlLabel-root': { minHeight: TOUCH },
    'body .MuiInputBase-root': { minHeight: TOUCH },
    // A link that is a table cell's content (a period, a name) is that cell's target.
    'body td > a, body th > a': { display: 'inline-flex', alignItems: 'center', minHeight: TOUCH },
  },
};

/** The words of a react-admin message page at full contrast, its icon still faded. */
const unfaded = (prefix: string) => ({
  [`& .${prefix}-message`]: { opacity: 1 },
  [`& .${prefix}-icon`]: { opacity: 0.5 },
});

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#0b6e4f' },
    warning: { main: '#a74c00', contrastText: '#ffffff' },
    info: { main: '#01579b', contrastText: '#ffffff' },
  },
  sidebar: { width: 250, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: { styleOverrides: phoneSized },
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
    RaAccessDenied: { styleOverrides: { root: unfaded('RaAccessDenied') } },
    RaNotFound: { styleOverrides: { root: unfaded('RaNotFound') } },
    RaAuthenticationError: { styleOverrides: { root: unfaded('RaAuthenticationError') } },
    RaError: { styleOverrides: { root: { opacity: 1, '& .RaError-icon': { opacity: 0.5 } } } },
  } as RaThemeOptions['components'],
};
