/** The row-by-row validation report of an import (the same shape for a dry run and for the import itself). */
export interface RowError {
  /** The CSV column the message is about (`(baris)` for the row as a whole). */
  field: string;
  message: string;
}

export interface RowReport {
  /** Line in the CSV file (the header is line 1). */
  row: number;
  ok: boolean;
  /** The row's natural key: unit code or NIP. */
  key?: string;
  /** `unchanged`: the same value is already stored (nothing is written). */
  action?: 'create' | 'update' | 'unchanged';
  /** Employee import with `createAccounts`: an account is (or would be) created, or the employee already has one. */
  account?: 'create' | 'existing' | 'inactive';
  errors: RowError[];
}

/** Accounts of an employee import with `createAccounts=true`. */
export interface ImportAccounts {
  /** Accounts created (in a dry run: that would be created). */
  created: number;
  /** Employees of the file that already have an account (left as they are). */
  existing: number;
  /** One per created account, in this answer only: never stored, logged or audited. Absent from a dry run. */
  oneTimePasswords?: { nip: string; name: string; username: string; oneTimePassword: string }[];
}

export interface ImportReport {
  kind: 'units' | 'employees' | 'attendance' | 'unit-results';
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  rows: RowReport[];
  accounts?: ImportAccounts;
}

/** Sums up validated rows; `created`/`updated` count what the import does (or would do, in a dry run). */
export function summarize(kind: ImportReport['kind'], dryRun: boolean, rows: RowReport[]): ImportReport {
  const valid = rows.filter((r) => r.ok);
  return {
    kind,
    dryRun,
    total: rows.length,
    valid: valid.length,
    invalid: rows.length - valid.length,
    created: valid.filter((r) => r.action === 'create').length,
    updated: valid.filter((r) => r.action === 'update').length,
    rows,
  };
}

/**
 * Finds loops in a parent map (child key → parent key) that pass through one of `keys`; returns the keys on a loop.
 * Used for the unit tree (parentCode) and the reporting line (superiorNip) after the file's changes are applied.
 */
export function keysOnLoops(parentOf: Map<string, string | null>, keys: Iterable<string>): Set<string> {
  const onLoop = new Set<string>();
  for (const start of keys) {
    const seen = new Set<string>([start]);
    let cur = parentOf.get(start) ?? null;
    while (cur !== null) {
      if (cur === start) {
        onLoop.add(start);
        break;
      }
      if (seen.has(cur)) break; // a loop above start, reported for its own members
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }
  return onLoop;
}

/** Orders keys so that each comes after its parent when the parent is among them (the map has no loops). */
export function parentsFirst<T>(items: T[], keyOf: (t: T) => string, parentOf: (t: T) => string | null): T[] {
  const byKey = new Map(items.map((t) => [keyOf(t), t]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (t: T, depth: number) => {
    const k = keyOf(t);
    if (done.has(k) || depth > items.length) return;
    const p = parentOf(t);
    if (p !== null && byKey.has(p)) visit(byKey.get(p)!, depth + 1);
    done.add(k);
    out.push(t);
  };
  for (const t of items) visit(t, 0);
  return out;
}
