/** Builds the real express app on a test database, with a given Temporal client provider. */
import type { Client } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/seed-database';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { AppDeps } from '../../server/deps';
import { TemporalUnavailable } from '../../server/temporal-client';
import type { TestDatabase } from './test-database';

/** A Temporal provider for tests that need none: behaves like a cluster that is down. */
export const temporalDown = () => Promise.reject(new TemporalUnavailable('Temporal is not running in this test'));

/** Creates the app and its dependencies for supertest. */
export function createTestApp(
  db: TestDatabase,
  temporal: () => Promise<Client> = temporalDown,
  env: Record<string, string> = {},
) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-123',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const deps: AppDeps = { prisma: db.prisma, temporal, config, logger: pino({ level: 'silent' }) };
  return { app: createApp(deps), deps };
}

/** Signs every demo account in; returns their bearer tokens by username. */
export async function loginDemoAccounts(app: ReturnType<typeof createTestApp>['app']): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const res = await request(app).post('/api/auth/login').send({ username: a.username, password: DEMO_PASSWORD });
    tokens[a.username] = res.body.token;
  }
  return tokens;
}
