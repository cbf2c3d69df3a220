/**
 * The console theme: react-admin's default, in the civil service's blue. Colours that carry text meet WCAG AA
 * contrast (4.5:1, checked by axe-core in the browser tests): the warning colour is a darker amber than MUI's (white
 * on #ed6c02 is 3.1:1), the info colour a darker blue (#0288d1 on white is 3.9:1), and the "nothing here yet" message
 * of an empty list uses the secondary text colour rather than the disabled one. react-admin's "access denied", "not
 * found", "authentication error" and error pages fade their words to half opacity (2.1:1): the words are shown in
 * full, only the big icon stays faded.
 */
import { defaultTheme, type RaThemeOptions } from 'react-admin';

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
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
    RaAccessDenied: { styleOverrides: { root: unfaded('RaAccessDenied') } },
    RaNotFound: { styleOverrides: { root: unfaded('RaNotFound') } },
    RaAuthenticationError: { styleOverrides: { root: unfaded('RaAuthenticationError') } },
    RaError: { styleOverrides: { root: { opacity: 1, '& .RaError-icon': { opacity: 0.5 } } } },
  } as RaThemeOptions['components'],
};
