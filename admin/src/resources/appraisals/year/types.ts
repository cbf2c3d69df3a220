/** GET /api/appraisals/:id/year: an employee's appraisal year as the server answers it. */
export interface YearIndicator {
  aspect: string;
  description: string;
  target: string;
  targetValue: string | null;
  targetUnit: string | null;
}

export interface YearEvaluation {
  appraisalId: number;
  sequence: number;
  final: boolean;
  period: { id: number; label: string; startDate: string; endDate: string };
  stage: string;
  planRevision: number | null;
  predicate: string | null;
  resultWithheld: boolean;
  appeal: { status: string; decision: string | null } | null;
}

export interface YearPlanVersion {
  revision: number;
  approvedAt: string;
  expectations: string | null;
  items: { kind: string; title: string; parentItemId: number | null; indicators: YearIndicator[] }[];
}

export interface YearPay {
  month: string;
  appraisalId: number;
  predicate: string;
  baseAmount: number;
  amount: number;
  cutAmount: number;
}

export interface AppraisalYearData {
  appraisalId: number;
  employeeId: number;
  cycle: { id: number; name: string; status: string; year: string; evaluationFrequency: string | null };
  evaluations: YearEvaluation[];
  planVersions: YearPlanVersion[];
  annual: { predicate: string; explanation: any; appraisalId: number } | null;
  pay: YearPay[];
}

/**
 * The evaluation that says where the employee stands: the first that is not finished (a finished one before the
 * final is history), else the last.
 */
export function currentEvaluation(evaluations: YearEvaluation[]): YearEvaluation | undefined {
  return evaluations.find((e) => e.stage !== 'DONE') ?? evaluations[evaluations.length - 1];
}
