/** Prisma client factory: Prisma 7 with the node-postgres driver adapter (no engine binary needed). */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export { Prisma, PrismaClient } from './generated/client';
export type * from './generated/client';
export * from './generated/enums';

/**
 * Creates a Prisma client for a PostgreSQL URL. A new connection gives up after 5 s; `queryTimeoutMs`
 * (used by the API) makes a query on an unresponsive server fail instead of holding the request.
 */
export function createPrisma(
  databaseUrl: string,
  options: { max?: number; queryTimeoutMs?: number } = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}

/** A Prisma client or an interactive transaction: services accept either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
