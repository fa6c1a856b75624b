/**
 * The sign-in page's translate, without react-admin: the same message catalogues (i18n/id.ts,
 * i18n/en.ts) read the way Polyglot reads them — `%{name}` interpolation, `_` as the default when a
 * key is missing, and `smart_count` choosing among `||||` plural forms (Indonesian has one form,
 * English two).
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

type Catalogue = { [key: string]: string | Catalogue };

function lookup(messages: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function pluralIndex(locale: string, count: number): number {
  return locale === 'en' && count !== 1 ? 1 : 0;
}

export function translator(locale: string, messages: object): Translate {
  return (key, options = {}) => {
    const phrase = lookup(messages as Catalogue, key) ?? (typeof options._ === 'string' ? options._ : key);
    let text = phrase;
    if (typeof options.smart_count === 'number' && phrase.includes('||||')) {
      const forms = phrase.split('||||');
      text = (forms[pluralIndex(locale, options.smart_count)] ?? forms[0]).trim();
    }
    return text.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };
}
