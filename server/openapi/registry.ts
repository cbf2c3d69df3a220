/** Route descriptions for the OpenAPI document; each routes file registers its own operations next to its code. */
import type { z } from 'zod';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path, e.g. `/api/tasks/:id/complete`. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** JSON schemas of path parameters other than a row id (`:id` is a database integer unless named here). */
  params?: Record<string, Record<string, unknown>>;
  /** Roles allowed; absent = any signed-in user; `public` = no token. */
  access?: string[] | 'public';
  list?: boolean;
  responses?: Record<string, string>;
}

const routes: RouteDoc[] = [];

/** Registers operations for the OpenAPI document. */
export function describeRoutes(...docs: RouteDoc[]): void {
  routes.push(...docs);
}

/** All registered operations. */
export function registeredRoutes(): readonly RouteDoc[] {
  return routes;
}
