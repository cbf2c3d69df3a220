/** The closed lists of the domain, as react-admin choices translated through `capaian.enum.<list>.<value>`. */

export const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export const RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;
export const STAGES = [
  'PLANNING',
  'PERIOD',
  'EVIDENCE',
  'REVIEW',
  'SCORING',
  'CALIBRATION',
  'APPEAL',
  'PAY',
  'DONE',
  'CANCELLED',
  'FAILED',
] as const;
export const RULESET_KINDS = ['SCORING', 'DISTRIBUTION', 'PAY', 'SANCTION'] as const;
export const RULESET_STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETIRED'] as const;
export const CYCLE_STATUSES = ['DRAFT', 'RUNNING', 'CALIBRATION', 'CLOSED', 'CANCELLED'] as const;
export const TASK_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK'] as const;
export const POSITION_TYPES = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'] as const;
export const EMPLOYEE_STATUSES = ['ACTIVE', 'TRANSFERRED', 'LEFT'] as const;
export const SANCTION_STATUSES = ['RECOMMENDED', 'CONFIRMED', 'DISMISSED'] as const;
export const PERIOD_TYPES = ['MONTH', 'QUARTER', 'SEMESTER', 'YEAR'] as const;
export const UNIT_RATINGS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export const ATTENDANCE_STATUSES = ['HADIR', 'ALPA', 'IZIN', 'SAKIT', 'CUTI', 'DINAS'] as const;
export const DELEGATION_KINDS = ['PLT', 'PLH'] as const;
export const DELEGATION_STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'] as const;

/** The seven BerAKHLAK core values: review field name and translation key. */
export const BERAKHLAK = [
  'berorientasiPelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;

/** Choices for a SelectInput; names are translation keys (react-admin translates choice names). */
export function choices(list: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `capaian.enum.${list}.${id}` }));
}

/** Colour of a predicate chip. */
export const PREDICATE_COLOR: Record<string, 'success' | 'primary' | 'warning' | 'error' | 'default'> = {
  SANGAT_BAIK: 'success',
  BAIK: 'primary',
  BUTUH_PERBAIKAN: 'warning',
  KURANG: 'error',
  SANGAT_KURANG: 'error',
};
