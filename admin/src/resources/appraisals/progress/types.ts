/** The progress answers of the API (GET /api/appraisals/:id/progress, GET /api/progress/team). */

export interface IndicatorProgress {
  indicatorId: number;
  itemTitle: string;
  aspect: 'QUANTITY' | 'QUALITY' | 'TIME';
  description: string;
  target: string;
  targetValue: number | null;
  targetUnit: string | null;
  aggregation: 'SUM' | 'LATEST';
  realized: number | null;
  entries: number;
  /** Of `entries`, those recorded in the year's earlier evaluations. */
  earlierEntries: number;
  lastWorkDate: string | null;
  percent: number | null;
  behind: boolean | null;
}

export interface ProgressEntry {
  id: number;
  indicatorId: number | null;
  itemTitle: string;
  indicatorDescription: string;
  workDate: string;
  value: number;
  note: string | null;
  recordedBy: string | null;
  onBehalf: boolean;
  recordedAt: string;
  mayRemove: boolean;
}

export interface AppraisalProgress {
  appraisalId: number;
  stage: string;
  open: boolean;
  employee: { id: number; name: string; nip: string };
  period: { id: number; label: string; startDate: string; endDate: string };
  /** The cycle's year (or its one period): what the targets and the elapsed share are of. */
  span: { label: string; startDate: string; endDate: string };
  elapsed: { daysElapsed: number; daysTotal: number; percent: number };
  indicators: IndicatorProgress[];
  behindCount: number;
  entries?: ProgressEntry[];
}

export interface TeamProgress {
  members: AppraisalProgress[];
  behind: number;
}
