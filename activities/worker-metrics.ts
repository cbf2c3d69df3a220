/**
 * The worker's own metrics: the Temporal SDK's Prometheus exporter (Runtime telemetry), served by the SDK's core on
 * `http://<WORKER_METRICS_ADDRESS>/metrics` — workflow and activity outcomes and latencies, failures included
 * (`temporal_workflow_failed_total`, `temporal_activity_execution_failed_total`,
 * `temporal_workflow_task_execution_failed_total`, …), task slots and polls. Counters end in `_total` and durations are
 * in seconds, as Prometheus names them. The exporter has no authentication: bind it to loopback (the default) or to
 * an address only the Prometheus server reaches.
 */
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/** Installs the SDK runtime with the Prometheus exporter on `bindAddress` (`host:port`); call before connecting. */
export function installWorkerRuntime(bindAddress: string | undefined, logLevel: LogLevel = 'INFO'): Runtime {
  return Runtime.install({
    logger: new DefaultLogger(logLevel),
    ...(bindAddress
      ? {
          telemetryOptions: {
            metrics: {
              prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true },
            },
          },
        }
      : {}),
  });
}
