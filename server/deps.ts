/** What the express app needs from outside: database, Temporal, configuration, logger. */
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { PrismaClient } from '../prisma/client';
import type { Config } from './config';

export interface AppDeps {
  prisma: PrismaClient;
  /** Returns a connected Temporal client, or throws an error named TemporalUnavailable. */
  temporal: () => Promise<Client>;
  config: Config;
  logger: Logger;
}
