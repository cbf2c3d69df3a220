/** A lazily connected Temporal client that fails fast while the cluster is unreachable and recovers when it returns. */
import { Client, Connection } from '@temporalio/client';

export class TemporalUnavailable extends Error {
  override name = 'TemporalUnavailable';
}

/** How long a successful liveness check is trusted before the next call checks again. */
const TRUST_MS = 3000;
/**
 * How long a liveness check may take before Temporal counts as down. A server that is down refuses at once; this
 * bounds only one that hangs. At 2 s a busy but healthy server was taken for down: `bench:surge` on a loaded machine
 * had 71 of 131 completions refused with 503.
 */
const CHECK_TIMEOUT_MS = 5000;

/**
 * Returns a function giving a connected client. Temporal calls have no deadline of their own and
 * wait while a cluster is unreachable, so the client is handed out only after a recent liveness check
 * (`getSystemInfo`, cached for a few seconds); otherwise the call fails at once with TemporalUnavailable
 * (mapped to 503 naming Temporal) instead of hanging the request.
 */
export function temporalClientProvider(
  address: string,
  namespace: string,
  options: { trustMs?: number } = {},
): { get: () => Promise<Client>; close: () => Promise<void> } {
  const trustMs = options.trustMs ?? TRUST_MS;
  let pending: Promise<Client> | null = null;
  let connection: Connection | null = null;
  let aliveUntil = 0;
  let checking: Promise<void> | null = null;

  const unavailable = (err: unknown) =>
    new TemporalUnavailable(`Temporal tidak tersedia di ${address}: ${(err as Error).message}`);

  const connect = () => {
    pending ??= Connection.connect({ address, connectTimeout: CHECK_TIMEOUT_MS })
      .then((c) => {
        connection = c;
        aliveUntil = Date.now() + trustMs;
        return new Client({ connection: c, namespace });
      })
      .catch((err) => {
        pending = null;
        throw unavailable(err);
      });
    return pending;
  };

  const check = (client: Client) => {
    checking ??= client.connection
      .withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => client.workflowService.getSystemInfo({}))
      .then(() => {
        aliveUntil = Date.now() + trustMs;
      })
      .catch((err) => {
        aliveUntil = 0;
        throw unavailable(err);
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  };

  const get = async () => {
    const client = await connect();
    if (Date.now() > aliveUntil) await check(client);
    return client;
  };
  const close = async () => {
    await connection?.close().catch(() => undefined);
  };
  return { get, close };
}

/** For the services: a client, or a 503-mapped error when Temporal is down. */
export async function getTemporalClient(deps: { temporal: () => Promise<Client> }): Promise<Client> {
  return deps.temporal();
}

/**
 * How long the API waits for a workflow query. A query is answered by a worker: while every worker is down it would
 * wait for one, so the pages that show live state fall back to the database after this instead of hanging.
 */
export const QUERY_DEADLINE_MS = 5000;

/** Runs a query (or another short call) with the query deadline. */
export function withinQueryDeadline<R>(client: Client, call: () => Promise<R>): Promise<R> {
  return client.withDeadline(Date.now() + QUERY_DEADLINE_MS, call);
}
