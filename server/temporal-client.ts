/** A lazily connected Temporal client that reconnects after the cluster comes back. */
import { Client, Connection } from '@temporalio/client';

export class TemporalUnavailable extends Error {
  override name = 'TemporalUnavailable';
}

/** Returns a function giving a connected client; each call retries the connection when it was down. */
export function temporalClientProvider(
  address: string,
  namespace: string,
): { get: () => Promise<Client>; close: () => Promise<void> } {
  let pending: Promise<Client> | null = null;
  let connection: Connection | null = null;
  const get = async () => {
    if (!pending) {
      pending = Connection.connect({ address, connectTimeout: 2000 })
        .then((c) => {
          connection = c;
          return new Client({ connection: c, namespace });
        })
        .catch((err) => {
          pending = null;
          throw new TemporalUnavailable(`Temporal tidak tersedia di ${address}: ${(err as Error).message}`);
        });
    }
    return pending;
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
