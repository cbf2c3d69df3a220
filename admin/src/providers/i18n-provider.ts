/**
 * Bahasa Indonesia by default, English on a switch (the locale menu of the app bar); react-admin keeps the choice
 * in its store (localStorage), so it survives a reload. English is loaded only when chosen (smaller first load).
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import id from '../i18n/id';

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en').then((m) => m.default) : id),
  'id',
  [
    { locale: 'id', name: 'Bahasa Indonesia' },
    { locale: 'en', name: 'English' },
  ],
);
