/** ra-data-simple-rest list parameters: `sort=["field","ASC"]`, `range=[0,24]`, `filter={...}` and `Content-Range`. */
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { ApiError } from './api-error';
import { MAX_ID } from './params';

export interface ListQuery {
  skip: number;
  take: number;
  orderBy: Record<string, 'asc' | 'desc'>;
  filter: Record<string, unknown>;
}

function parseJsonParam(req: Request, name: string): unknown {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string')
    throw ApiError.badRequest(`${name}: harus JSON / must be JSON`, {
      fields: [{ field: name, message: 'harus JSON' }],
    });
  try {
    return JSON.parse(raw);
  } catch {
    throw ApiError.badRequest(`${name}: JSON tidak valid / invalid JSON`, {
      fields: [{ field: name, message: 'JSON tidak valid' }],
    });
  }
}

const MAX_PAGE = 1000;

/** Parses sort/range/filter; `sortable` lists the fields a client may sort by. */
export function parseListQuery(
  req: Request,
  sortable: string[],
  defaultSort: [string, 'ASC' | 'DESC'] = ['id', 'ASC'],
): ListQuery {
  const sort = (parseJsonParam(req, 'sort') as [string, string] | undefined) ?? defaultSort;
  const range = (parseJsonParam(req, 'range') as [number, number] | undefined) ?? [0, 24];
  const filter = (parseJsonParam(req, 'filter') as Record<string, unknown> | undefined) ?? {};
  if (!Array.isArray(sort) || typeof sort[0] !== 'string' || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw ApiError.badRequest('sort: format ["field","ASC|DESC"]', {
      fields: [{ field: 'sort', message: 'format ["field","ASC|DESC"]' }],
    });
  }
  if (!sortable.includes(sort[0])) {
    throw ApiError.badRequest(`sort: tidak dapat diurutkan menurut "${sort[0]}"`, {
      fields: [{ field: 'sort', message: `pilihan: ${sortable.join(', ')}` }],
    });
  }
  if (
    !Array.isArray(range) ||
    !Number.isInteger(range[0]) ||
    !Number.isInteger(range[1]) ||
    range[0] < 0 ||
    range[1] < range[0]
  ) {
    throw ApiError.badRequest('range: format [start,end]', {
      fields: [{ field: 'range', message: 'format [start,end]' }],
    });
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw ApiError.badRequest('filter: harus objek JSON', {
      fields: [{ field: 'filter', message: 'harus objek JSON' }],
    });
  }
  return {
    skip: range[0],
    take: Math.min(range[1] - range[0] + 1, MAX_PAGE),
    orderBy: { [sort[0]]: String(sort[1]).toLowerCase() as 'asc' | 'desc' },
    filter: withNumericFilters(filter),
  };
}

/** Filters that name a record (`…Id`) or a year hold integers (or null): anything else is a 400 naming the filter. */
const NUMERIC_FILTER = /(Id|^year)$/;

function withNumericFilters(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...filter };
  for (const [key, value] of Object.entries(filter)) {
    if (!NUMERIC_FILTER.test(key) || value === null || value === undefined) continue;
    const n = typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > MAX_ID)
      throw ApiError.badRequest(`filter.${key}: harus bilangan bulat / must be an integer`, {
        fields: [{ field: `filter.${key}`, message: 'harus bilangan bulat (id) / must be an integer id' }],
      });
    out[key] = n;
  }
  return out;
}

/** Sends a list page with the `Content-Range: <resource> start-end/total` header react-admin reads. */
export function sendList(res: Response, resource: string, rows: unknown[], total: number, skip: number): void {
  const end = rows.length ? skip + rows.length - 1 : skip;
  res.setHeader('Content-Range', `${resource} ${skip}-${end}/${total}`);
  res.json(rows);
}

/** Reads an `id` filter (react-admin's getMany sends `{ id: [1,2,3] }`). */
export function idFilter(filter: Record<string, unknown>): { in: number[] } | number | undefined {
  const id = filter.id;
  if (Array.isArray(id)) return { in: id.map(Number).filter(Number.isInteger) };
  if (id !== undefined && Number.isInteger(Number(id))) return Number(id);
  return undefined;
}

/** Totals from this many rows up are kept for TOTAL_TTL_MS: counting them costs more than the page itself. */
const CACHED_FROM = 1000;
const TOTAL_TTL_MS = 5000;
const totals = new LRUCache<string, number>({ max: 2000, ttl: TOTAL_TTL_MS });

/**
 * The `Content-Range` total of a list page whose rows were read with `where` (the caller's access scope and filters).
 * A page that is not full ends the list, so its total is known without counting. Otherwise the rows are counted;
 * a total of CACHED_FROM rows or more is reused for up to TOTAL_TTL_MS by the same query — the same `where`, hence
 * the same scope: a cached total is only ever shown to a caller whose query would count the same rows. Such a
 * total may lag behind the rows by those seconds; the rows themselves are always read fresh.
 */
export async function pageTotal(
  resource: string,
  q: Pick<ListQuery, 'skip' | 'take'>,
  found: number,
  where: unknown,
  count: () => Promise<number>,
): Promise<number> {
  if (found < q.take && (found > 0 || q.skip === 0)) return q.skip + found;
  const key = `${resource} ${JSON.stringify(where)}`;
  let total = totals.get(key);
  if (total === undefined) {
    total = await count();
    if (total >= CACHED_FROM) totals.set(key, total);
  }
  return Math.max(total, q.skip + found);
}
