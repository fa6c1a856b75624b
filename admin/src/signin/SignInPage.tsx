import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type ComponentType } from 'react';
import { authProvider, LoginError } from '../authProvider';
import { waitPhrase } from '../i18n/wait';
import { ExpandMoreIcon, LanguageIcon, ShieldIcon, VisibilityIcon, VisibilityOffIcon } from './icons';
import { LOCALES, messagesFor, storeLocale } from './locale';
import { loadPortal, reloadForNewBuild } from './portal';
import { translator, type Translate } from './translator';
import './signin.css';

/** How long an error stays on screen (react-admin's notifications: 4 s). */
const NOTIFICATION_MS = 4000;

interface Props {
  locale: string;
  messages: object;
  /** Signed in and the portal downloaded: where to go (a remembered deep link, else the home page), and the portal. */
  onSignedIn(destination: string | undefined, portal: ComponentType): void;
}

/**
 * The sign-in page a signed-out visitor gets first, drawn with React alone (no react-admin, no MUI)
 * so that it needs a fifth of the portal's download: the same form, words and errors as react-admin's login page
 * (layout/Login.tsx, which the portal keeps for signing in again after logging out), signing in
 * through the same authProvider. While the form is on screen the full portal downloads.
 */
export const SignInPage = ({ locale: initialLocale, messages: initialMessages, onSignedIn }: Props) => {
  const [{ locale, translate }, setLanguage] = useState(() => ({
    locale: initialLocale,
    translate: translator(initialLocale, initialMessages),
  }));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // As react-admin's forms: a missing field is pointed out once the form was submitted, then as it changes.
  const [submitted, setSubmitted] = useState(false);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const [loading, setLoading] = useState(false);
  const [notification, setNotification] = useState<{ text: string; id: number } | null>(null);
  const signedIn = useRef<{ destination: string | undefined } | null>(null);

  useEffect(() => {
    // After the form is painted: fetch the portal while the user types.
    const timer = setTimeout(() => void loadPortal().catch(() => undefined), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!notification) return;
    const timer = setTimeout(() => setNotification(null), NOTIFICATION_MS);
    return () => clearTimeout(timer);
  }, [notification]);

  const notify = (text: string) => setNotification({ text, id: Date.now() });

  const chooseLocale = async (next: string) => {
    let messages: object;
    try {
      messages = await messagesFor(next);
    } catch {
      notify(translate('lindung.auth.server_unreachable'));
      return; // English could not be fetched: stay in the current language
    }
    storeLocale(next);
    setLanguage({ locale: next, translate: translator(next, messages) });
  };

  const errors = { email: email.trim() ? null : 'ra.validation.required', password: password ? null : 'ra.validation.required' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setSubmitted(true);
    if (errors.email || errors.password) {
      notify(translate('ra.message.invalid_form'));
      return;
    }
    setLoading(true);
    // Signed in already when only the portal's download failed last time: just try that again.
    if (!signedIn.current) {
      try {
        const result = await authProvider.login({ email, password });
        signedIn.current = {
          destination: result && typeof result === 'object' && typeof result.redirectTo === 'string' ? result.redirectTo : undefined,
        };
      } catch (error) {
        setLoading(false);
        notify(loginErrorText(translate, error));
        return;
      }
    }
    let portal: ComponentType;
    try {
      portal = (await loadPortal()).App;
    } catch {
      // Signed in, but the portal could not be downloaded: a reload opens it (the session is kept).
      if (await reloadForNewBuild()) return;
      setLoading(false);
      notify(translate('lindung.auth.server_unreachable'));
      return;
    }
    onSignedIn(signedIn.current.destination, portal);
  };

  return (
    <div className="lsi-root">
      <div className="lsi-locale">
        <LocaleMenu locale={locale} onChoose={(next) => void chooseLocale(next)} />
      </div>
      <main className="lsi-card">
        <div className="lsi-avatar">
          <ShieldIcon />
        </div>
        <div className="lsi-heading">
          <h1>{translate('lindung.title')}</h1>
          <p>{translate('lindung.tagline')}</p>
        </div>
        <form onSubmit={submit} noValidate className="lsi-form">
          <Field
            name="email"
            type="email"
            label={translate('lindung.auth.email')}
            autoComplete="username"
            autoFocus
            value={email}
            onChange={setEmail}
            error={submitted && errors.email ? translate(errors.email) : null}
          />
          <Field
            name="password"
            type={passwordVisible ? 'text' : 'password'}
            label={translate('lindung.auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={submitted && errors.password ? translate(errors.password) : null}
            adornment={
              <button
                type="button"
                className="lsi-icon-button"
                aria-label={translate(passwordVisible ? 'ra.input.password.toggle_visible' : 'ra.input.password.toggle_hidden')}
                onClick={() => setPasswordVisible((visible) => !visible)}
              >
                {passwordVisible ? <VisibilityIcon /> : <VisibilityOffIcon />}
              </button>
            }
          />
          <button type="submit" className="lsi-submit" disabled={loading}>
            {loading ? <span className="lsi-spinner" role="progressbar" /> : translate('lindung.auth.sign_in')}
          </button>
        </form>
      </main>
      {notification && (
        <div className="lsi-notification" role="alert" key={notification.id}>
          {notification.text}
        </div>
      )}
    </div>
  );
};

/** The words LoginForm shows for a failed sign-in (a LoginError names its message and arguments). */
function loginErrorText(translate: Translate, error: unknown): string {
  const key = error instanceof Error ? error.message : 'ra.auth.sign_in_error';
  const messageArgs = error instanceof LoginError ? error.messageArgs : {};
  const wait = waitPhrase(translate, messageArgs.retryAfterSeconds);
  return translate(key, { _: translate('ra.auth.sign_in_error'), ...messageArgs, wait });
}

interface FieldProps {
  name: string;
  type: string;
  label: string;
  autoComplete: string;
  autoFocus?: boolean;
  value: string;
  onChange(value: string): void;
  error: string | null;
  adornment?: ReactNode;
}

/** A required text field in the look of MUI's filled TextField, with its error under it. */
const Field = ({ name, type, label, autoComplete, autoFocus, value, onChange, error, adornment }: FieldProps) => {
  const id = useId();
  return (
    <div className={`lsi-field${value ? ' lsi-filled' : ''}${error ? ' lsi-error' : ''}`}>
      <div className="lsi-input">
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-helper`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <label htmlFor={id}>
          {label}
          <span aria-hidden="true"> *</span>
        </label>
        {adornment}
      </div>
      <p className="lsi-helper" id={`${id}-helper`}>
        {error ?? ' '}
      </p>
    </div>
  );
};

/** The language switch of react-admin's LocalesMenuButton: a button naming the language, and a menu. */
const LocaleMenu = ({ locale, onChoose }: { locale: string; onChoose(locale: string): void }) => {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('.lsi-selected')?.focus();
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menuRef.current?.contains(event.target as Node)) {
        setOpen(false);
        if (event instanceof KeyboardEvent) buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const moveFocus = (event: ReactKeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="lsi-locale-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <LanguageIcon />
        <span>{LOCALES.find((l) => l.locale === locale)?.name ?? ''}</span>
        <ExpandMoreIcon className="lsi-small-icon" />
      </button>
      {open && (
        <ul className="lsi-menu" role="menu" ref={menuRef} onKeyDown={moveFocus}>
          {LOCALES.map((language) => (
            <li
              key={language.locale}
              role="menuitem"
              className={language.locale === locale ? 'lsi-selected' : undefined}
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                onChoose(language.locale);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  setOpen(false);
                  buttonRef.current?.focus();
                  onChoose(language.locale);
                }
              }}
            >
              {language.name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
