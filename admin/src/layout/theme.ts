/** The console theme: react-admin's default, in the civil service's blue. */
import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#1d4f91' }, secondary: { main: '#0b6e4f' } },
  sidebar: { width: 250, closedWidth: 55 },
};
