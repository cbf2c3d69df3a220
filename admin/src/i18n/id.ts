/** Bahasa Indonesia (default): react-admin's English keys, overlaid by ra-language-indonesian and our fill, then Capaian's. */
import englishMessages from 'ra-language-english';
import indonesianMessages from 'ra-language-indonesian';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { domainId } from './domain-id';
import { raIndonesianFill } from './ra-id-fill';

const id: TranslationMessages = mergeTranslations(englishMessages, indonesianMessages, raIndonesianFill, domainId);
export default id;
