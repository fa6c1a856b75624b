import { StrictMode, useEffect, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { rememberDestination } from './loginRedirect';
import { readSession } from './session';
import { messagesFor, storedLocale } from './signin/locale';
import { loadPortal, reloadForNewBuild } from './signin/portal';
import { SignInPage } from './signin/SignInPage';
import { translator, type Translate } from './signin/translator';

// This entry is small: React, the session and the sign-in page. The portal itself (react-admin, MUI,
// the data provider, every resource: App.tsx) is a separate download, fetched while the sign-in
// form is on screen, or at once for someone already signed in. It is not React.lazy + Suspense:
// React holds back revealing suspended content for up to 300 ms, which every sign-in would wait for.

/**
 * Someone who is not signed in starts on the sign-in page, rather than on a page that would first
 * fail its authentication check and then redirect (which react-admin 5.15 can be slow to do); the
 * deep link they came for is kept for after signing in.
 */
function toSignIn(): void {
  if (window.location.hash.startsWith('#/login')) return;
  rememberDestination(window.location.hash.replace(/^#/, ''));
  window.history.replaceState(null, '', '#/login');
}

const Loading = () => (
  <div className="lsi-loading">
    <span className="lsi-spinner" role="progressbar" />
  </div>
);

/** The portal could not be downloaded (the network is down): still signed in, a reload tries again. */
const Unavailable = ({ translate }: { translate: Translate }) => (
  <div className="lsi-loading">
    <p role="alert">{translate('lindung.auth.server_unreachable')}</p>
    <button type="button" className="lsi-submit lsi-retry" onClick={() => window.location.reload()}>
      {translate('ra.action.refresh')}
    </button>
  </div>
);

interface RootProps {
  locale: string;
  messages: object;
}

const Root = ({ locale, messages }: RootProps) => {
  const [signedIn, setSignedIn] = useState(() => readSession() !== null);
  const [Portal, setPortal] = useState<ComponentType | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!signedIn || Portal) return;
    let current = true;
    loadPortal().then(
      ({ App }) => current && setPortal(() => App),
      async () => {
        if (!(await reloadForNewBuild()) && current) setUnavailable(true);
      },
    );
    return () => {
      current = false;
    };
  }, [signedIn, Portal]);

  useEffect(() => {
    if (signedIn) return;
    // A link followed while on the sign-in page, or a sign-in in another tab.
    const check = () => (readSession() ? setSignedIn(true) : toSignIn());
    window.addEventListener('hashchange', check);
    window.addEventListener('storage', check);
    return () => {
      window.removeEventListener('hashchange', check);
      window.removeEventListener('storage', check);
    };
  }, [signedIn]);

  if (signedIn && Portal) return <Portal />;
  if (signedIn) return unavailable ? <Unavailable translate={translator(locale, messages)} /> : <Loading />;
  return (
    <SignInPage
      locale={locale}
      messages={messages}
      onSignedIn={(destination, App) => {
        // Where react-admin's own login would have gone: the remembered deep link, or the home page.
        window.history.replaceState(null, '', `#${destination ?? '/'}`);
        setPortal(() => App);
        setSignedIn(true);
      }}
    />
  );
};

if (!readSession()) toSignIn();
const locale = storedLocale();
// Indonesian is part of this entry; English (when it was chosen before) is one small request.
void messagesFor(locale).then((messages) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root locale={locale} messages={messages} />
    </StrictMode>,
  ),
);
