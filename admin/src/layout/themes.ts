import type { CheckboxOwnerState, Theme } from '@mui/material';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { i18nProvider } from '../i18n';
import { LindungAppBar } from './AppBar';

/** The boxes, from the layout down to a page's card, that lay their children out in a row. */
const PAGE_FLEX_BOXES = [
  '.RaLayout-appFrame',
  '.RaLayout-contentWithSidebar',
  '.RaLayout-content',
  '.list-page',
  '.RaList-main',
  '.show-page',
  '.RaShow-main',
  '.edit-page',
  '.RaEdit-main',
  '.create-page',
  '.RaCreate-main',
]
  .map((box) => `& ${box}`)
  .join(', ');

const fullOpacity = (prefix: string) => ({ [`& .${prefix}-message`]: { opacity: 1, color: 'text.secondary' } });

/**
 * What every theme sets on react-admin's and MUI's components.
 *
 * - The layout's app bar is the portal's (compact on a phone, user menu named after its user): set
 *   here, react-admin's `RaLayout` default props, so the `<Admin>` needs no custom layout.
 * - react-admin 5.15's row checkbox gives its `aria-label` to the MUI 9 Checkbox, which puts it on
 *   its root `<span>` (an ARIA attribute a span may not carry) and leaves the `<input>` without a
 *   name. Every Checkbox here moves a label given that way onto its input.
 * - On a phone react-admin's pagination is MUI's, whose buttons MUI names in English ("Go to next
 *   page"): they get react-admin's words in the current language ("Ke halaman berikutnya").
 * - react-admin's "not found", "access denied" and "authentication error" pages fade their message
 *   to half opacity, below the contrast text needs; it keeps the theme's secondary text colour.
 * - Every list's empty page is react-admin's own (its words, `resources.<name>.empty` where a
 *   resource has its own, and its create button), in readable colours: see `RaEmpty` below.
 * - A table too wide for a phone or a tablet scrolls inside its own box, never the whole page. The
 *   portal's lists show a phone layout instead (common/ResponsiveDataTable); this is the safety net
 *   for a table that does not (yet).
 */
const components: RaThemeOptions['components'] = {
  // Every form shows react-admin's messages under its fields, never the browser's own bubbles
  // (the forms react-admin builds without this prop: layout/NoNativeValidation).
  RaSimpleForm: { defaultProps: { noValidate: true } },
  // Deleting asks first and waits for the server: no "deleted" that comes back when the server
  // refuses (a kecamatan that still has villages). One record and several alike.
  RaDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
  RaBulkDeleteButton: { defaultProps: { mutationMode: 'pessimistic' } },
  RaLayout: {
    defaultProps: { appBar: LindungAppBar },
    styleOverrides: {
      // react-admin lets the page grow to its widest content (min-width: fit-content); on a phone
      // or a tablet the page keeps the screen's width, and a wide table scrolls in its own box.
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('md')]: {
          minWidth: 0,
          [PAGE_FLEX_BOXES]: { minWidth: 0 },
        },
      }),
    },
  },
  RaDataTable: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        [theme.breakpoints.down('md')]: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } },
      }),
    },
  },
  RaEmpty: {
    styleOverrides: {
      root: ({ theme }: { theme: Theme }) => ({
        // react-admin greys the page's words out to `text.disabled` (2.7:1 on white), below
        // the contrast text needs (axe `color-contrast`); the secondary text colour is 5.7:1.
        [`& .RaEmpty-message`]: { color: (theme.vars ?? theme).palette.text.secondary },
        // react-admin writes its invitation ("Do you want to add one?") whenever the resource has a
        // create page, but its create button only for the roles canAccess lets create (the button
        // renders nothing otherwise): without the button, the invitation is not shown either.
        [`&:has(.RaEmpty-toolbar:empty) .RaEmpty-message .MuiTypography-body1`]: { display: 'none' },
      }),
    },
  },
  RaNotFound: { styleOverrides: { root: fullOpacity('RaNotFound') } },
  RaAccessDenied: { styleOverrides: { root: fullOpacity('RaAccessDenied') } },
  RaAuthenticationError: { styleOverrides: { root: fullOpacity('RaAuthenticationError') } },
  MuiTablePagination: {
    defaultProps: {
      getItemAriaLabel: (type: 'first' | 'last' | 'next' | 'previous') => i18nProvider.translate(`ra.navigation.${type}`),
    },
  },
  MuiCheckbox: {
    defaultProps: {
      slotProps: {
        root: { 'aria-label': undefined },
        input: (ownerState: CheckboxOwnerState) => {
          const label = (ownerState as CheckboxOwnerState & { 'aria-label'?: string })['aria-label'];
          return label ? { 'aria-label': label } : {};
        },
      },
    },
  },
};

// A light/dark pair in the program's green, on react-admin's default themes (whose app bar and
// login background use the secondary colour).
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    primary: { main: '#00796b' },
    secondary: { main: '#004d40' },
    // MUI's red (#d32f2f) on react-admin's grey form toolbar (#e0e0e0) is 3.8:1; this is 5:1.
    error: { main: '#b71c1c' },
  },
  components: { ...defaultLightTheme.components, ...components },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  palette: {
    ...defaultDarkTheme.palette,
    mode: 'dark',
    primary: { main: '#4db6ac' },
    secondary: { main: '#00695c' },
    // MUI's dark red (#f44336) on react-admin's dark form toolbar (#424242) is 2.7:1; this is 4.7:1.
    error: { main: '#ef9a9a' },
  },
  components: { ...defaultDarkTheme.components, ...components },
};
