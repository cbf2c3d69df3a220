/**
 * The closed lists the task payloads are made of — ratings, predicates, the seven BerAKHLAK values — apart from the
 * payload schemas (`task-payloads.ts`), so workflow code can name them without building the schemas.
 */
export const RATING_VALUES = ['ABOVE', 'MEETS', 'BELOW'] as const;
export const PREDICATE_VALUES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
/** The seven BerAKHLAK core values, as the Review model names them. */
export const BERAKHLAK = [
  'berorientasiPelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
