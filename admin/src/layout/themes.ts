import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

// A light/dark pair in the program's green, on react-admin's default themes (whose app bar and
// login background use the secondary colour).
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    primary: { main: '#00796b' },
    secondary: { main: '#004d40' },
  },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: {
    ...defaultDarkTheme.palette,
    mode: 'dark',
    primary: { main: '#4db6ac' },
    secondary: { main: '#00695c' },
  },
};
