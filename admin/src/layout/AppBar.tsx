import LanguageIcon from '@mui/icons-material/Translate';
import { IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import {
  AppBar,
  AppBarClasses,
  LoadingIndicator,
  LocalesMenuButton,
  TitlePortal,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useLocales,
  useThemesContext,
  useTranslate,
  type AppBarProps,
} from 'react-admin';
import { useIsPhone } from '../common/ResponsiveDataTable';
import { useNoNativeValidation } from './NoNativeValidation';

/**
 * The language menu as one icon on a phone, where the language's written-out name would push the
 * page title out of the app bar. The button says which language is on ("Bahasa: Bahasa Indonesia").
 */
const PhoneLocalesButton = () => {
  const translate = useTranslate();
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = languages.find((language) => language.locale === locale)?.name ?? locale;
  const label = translate('lindung.language', { language: current });
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          aria-controls={anchor ? 'lindung-language-menu' : undefined}
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <LanguageIcon />
        </IconButton>
      </Tooltip>
      <Menu id="lindung-language-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {languages.map((language) => (
          <MenuItem
            key={language.locale}
            lang={language.locale}
            selected={language.locale === locale}
            onClick={() => {
              setLocale(language.locale);
              setAnchor(null);
            }}
          >
            {language.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** react-admin's app bar buttons, with the compact language menu on a phone. */
const AppBarToolbar = () => {
  const isPhone = useIsPhone();
  const languages = useLocales();
  const { darkTheme } = useThemesContext();
  return (
    <>
      {languages.length > 1 && (isPhone ? <PhoneLocalesButton /> : <LocalesMenuButton />)}
      {darkTheme && <ToggleThemeButton />}
      <LoadingIndicator />
    </>
  );
};

/**
 * react-admin's user menu, named after its user ("Profil Admin Lindung"): on a wide screen the
 * button shows the user's name, and what a screen reader announces must contain what is shown.
 */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName ? translate('lindung.user_menu', { name: identity.fullName }) : 'ra.auth.user_menu';
  return <UserMenu label={label} />;
};

/**
 * The portal's app bar (set as the layout's default in ./themes, so the Admin needs no custom layout).
 * The page's title (react-admin's `<Title>` of each page, shown here) is the page's one `<h1>`,
 * in the app bar's type size. Every page in the layout also gets no browser-native validation.
 */
export const LindungAppBar = (props: AppBarProps) => {
  useNoNativeValidation();
  return (
    <AppBar {...props} toolbar={<AppBarToolbar />} userMenu={<NamedUserMenu />}>
      <TitlePortal component="h1" variant="h6" className={AppBarClasses.title} />
    </AppBar>
  );
};
