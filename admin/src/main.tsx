import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { rememberDestination } from './loginRedirect';
import { readSession } from './session';

// Someone who is not signed in starts on the login page, rather than on a page that would first
// fail its authentication check and then redirect (which react-admin 5.15 can be slow to do).
if (!readSession() && !window.location.hash.startsWith('#/login')) {
  rememberDestination(window.location.hash.replace(/^#/, ''));
  window.history.replaceState(null, '', '#/login');
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
