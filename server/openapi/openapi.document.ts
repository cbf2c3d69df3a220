/** Builds the OpenAPI 3.1 document from the registered routes; request bodies come from their zod schemas. */
import { z } from 'zod';
import { policyRoutes } from '../access/access.policy';
import { MAX_ID } from '../http/params';
import { registeredRoutes } from './registry';
import './core-routes.docs';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            fields: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
      required: ['code', 'message'],
    },
  },
};

/** A row id in a path: what `parseId` accepts. */
const idParam = { type: 'integer', minimum: 1, maximum: MAX_ID };

const listParams = [
  { name: 'sort', in: 'query', description: 'JSON ["field","ASC|DESC"]', schema: { type: 'string' } },
  { name: 'range', in: 'query', description: 'JSON [start,end] (inclusive)', schema: { type: 'string' } },
  { name: 'filter', in: 'query', description: 'JSON object of filters', schema: { type: 'string' } },
];

/** The OpenAPI 3.1 document. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const policy = policyRoutes();
  for (const doc of registeredRoutes()) {
    // Who may call it comes from the access policy (server/access), the table the server enforces.
    const rule = policy.get(`${doc.method.toUpperCase()} ${doc.path}`);
    const r = rule ? { ...doc, access: rule.allow.includes('public') ? ('public' as const) : [...rule.allow] } : doc;
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: r.params?.[m[1]] ?? (m[1] === 'id' ? idParam : { type: 'string', maxLength: 100 }),
    }));
    const responses: Record<string, unknown> = {
      [r.method === 'post' ? '200' : '200']: r.list
        ? {
            description: 'OK — header Content-Range: <resource> start-end/total',
            headers: { 'Content-Range': { schema: { type: 'string' } } },
          }
        : { description: 'OK' },
      '400': {
        description: 'Input tidak valid (field disebut)',
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    if (r.access !== 'public') {
      responses['401'] = { description: 'Belum masuk', content: { 'application/json': { schema: errorSchema } } };
      responses['403'] = { description: 'Tidak berhak', content: { 'application/json': { schema: errorSchema } } };
    }
    for (const [code, description] of Object.entries(r.responses ?? {}))
      responses[code] = { description, content: { 'application/json': { schema: errorSchema } } };
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(r.access) ? { description: `Akses / access: ${r.access.join(', ')}` } : {}),
      parameters: [...params, ...(r.list ? listParams : [])],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.body, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Capaian API',
      version: '0.1.0',
      description: 'Penilaian kinerja ASN: rencana (SKP) → bukti → penilaian → keberatan → TPP.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
