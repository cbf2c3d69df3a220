/** The allowance of one appraisal's period, from its monthly pay adjustments (one per month of the period). */
import type { PayAdjustment } from '../../prisma/client';
import { ApiError } from '../http/api-error';

export interface PeriodPay {
  baseAmount: number;
  cutAmount: number;
  amount: number;
  /** Each month paid, oldest first, with its own explanation. */
  months: PayAdjustment[];
}

/** Sums the months of a period (integer rupiah); null when nothing has been paid yet. */
export function periodPay(rows: PayAdjustment[]): PeriodPay | null {
  if (!rows.length) return null;
  const months = [...rows].sort((a, b) => a.month.getTime() - b.month.getTime());
  const sum = (k: 'baseAmount' | 'cutAmount' | 'amount') => months.reduce((n, r) => n + r[k], 0);
  return { baseAmount: sum('baseAmount'), cutAmount: sum('cutAmount'), amount: sum('amount'), months };
}

/** A `YYYY-MM` month (a filter or an export's `?month=`) as its first day; a 400 naming `field` otherwise. */
export function parseMonth(value: unknown, field = 'month'): Date {
  const m = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!m)
    throw ApiError.invalidFields([{ field, message: 'harus bulan YYYY-MM, mis. 2026-03 / must be a YYYY-MM month' }]);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}
