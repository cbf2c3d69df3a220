/** English (on the switch, loaded on demand): react-admin's English plus Capaian's messages. */
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { domainEn } from './domain-en';
import { recordsEn } from './records-en';
import { ssoEn } from './sso-en';
import { a11yEn } from './a11y-en';
import { dashboardCurveEn } from './dashboard-curve-en';
import { accessEn } from './access-en';
import { errorsEn } from './errors-en';
import { rulesWordsEn } from './rules-words-en';
import { tasksEn } from './tasks-en';
import { progressEn } from './progress-en';
import { publicInputEn } from './public-input-en';
import { peerEn } from './peer-en';
import { phoneEn } from './phone-en';

const en: TranslationMessages = mergeTranslations(
  englishMessages,
  domainEn,
  ssoEn,
  a11yEn,
  dashboardCurveEn,
  rulesWordsEn,
  recordsEn,
  tasksEn,
  errorsEn,
  accessEn,
  progressEn,
  publicInputEn,
  peerEn,
  phoneEn,
);
export default en;
