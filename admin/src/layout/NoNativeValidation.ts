import { useEffect } from 'react';

/**
 * No form of the portal lets the browser validate it: the browser's own bubbles ("Please fill out
 * this field", in the browser's language, gone when you scroll) would stand in for react-admin's
 * messages under each field, in the person's language. react-admin's SimpleForm gets `noValidate`
 * from the theme (themes.ts); the forms it builds without a way to pass it — a list's filter form —
 * and any other form get it here, as they appear.
 */
function markForms(root: ParentNode): void {
  root.querySelectorAll<HTMLFormElement>('form:not([novalidate])').forEach((form) => {
    form.noValidate = true;
  });
}

export function useNoNativeValidation(): void {
  useEffect(() => {
    markForms(document);
    const observer = new MutationObserver((mutations) => {
      if (mutations.some((mutation) => mutation.addedNodes.length > 0)) markForms(document);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
