/** `GET /api/openapi.json`: the OpenAPI 3.1 description of the API, built from the same zod schemas that validate requests. */
import { Router } from 'express';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { buildOpenApi } from './openapi.document';

/** Routes serving the OpenAPI document. */
export function openapiRoutes(deps: AppDeps): Router {
  const router = Router();
  let cached: unknown;
  router.get('/openapi.json', authorize(deps, 'openapi', 'read'), (_req, res) => {
    cached ??= buildOpenApi();
    res.json(cached);
  });
  return router;
}
