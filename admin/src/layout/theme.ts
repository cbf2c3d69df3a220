/**
 * The console theme: react-admin's default, in the civil service's blue. Colours that carry text meet WCAG AA
 * contrast (4.5:1, checked by axe-core in the browser tests): the warning colour is a darker amber than MUI's (white
 * on #ed6c02 is 3.1:1), and the "nothing here yet" message of an empty list uses the secondary text colour rather
 * than the disabled one.
 */
import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#0b6e4f' },
    warning: { main: '#a74c00', contrastText: '#ffffff' },
  },
  sidebar: { width: 250, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
  } as RaThemeOptions['components'],
};
