/**
 * Bahasa Indonesia (default): ra-language-indonesian, the react-admin keys it lacks (ra-id-fill.ts) and Capaian's own
 * messages. No English underneath: test/admin/i18n-complete.test.ts fails when an English key has no Indonesian text.
 */
import indonesianMessages from 'ra-language-indonesian';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { domainId } from './domain-id';
import { raIndonesianFill } from './ra-id-fill';
import { recordsId } from './records-id';
import { ssoId } from './sso-id';
import { a11yId } from './a11y-id';
import { dashboardCurveId } from './dashboard-curve-id';
import { accessId } from './access-id';
import { errorsId } from './errors-id';
import { rulesWordsId } from './rules-words-id';
import { tasksId } from './tasks-id';
import { progressId } from './progress-id';
import { publicInputId } from './public-input-id';
import { peerId } from './peer-id';
import { phoneId } from './phone-id';

const id: TranslationMessages = mergeTranslations(
  indonesianMessages,
  raIndonesianFill,
  domainId,
  ssoId,
  a11yId,
  dashboardCurveId,
  rulesWordsId,
  recordsId,
  tasksId,
  errorsId,
  accessId,
  progressId,
  publicInputId,
  peerId,
  phoneId,
);
export default id;
