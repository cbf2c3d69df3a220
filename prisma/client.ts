/** Prisma client factory: Prisma 7 with the node-postgres driver adapter (no engine binary needed). */
import { PrismaPg } from '@prisma/adapter-pg';
import { appendAuditAtCommit } from './audit';
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
  // Interactive transactions append to the audit chain under its lock, so under load they queue for it; Prisma's
  // defaults (2 s to start, 5 s to finish) then roll back work that was only waiting, and the activity's retry adds to
  // the queue (seen as a standstill in `chaos:cycle` on a loaded machine). The audit module's own transactions already
  // allow this much.
  return appendAuditAtCommit(new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } }));
}

/** A Prisma client or an interactive transaction: services accept either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
