/**
 * Workflow histories committed in test/workflows/histories: protobuf's JSON object form (enums by name, bytes in
 * base64), each file with its workflow id. (The SDK's historyToJSON fails under jest's module registry with "type must
 * be a Type": it sees a second copy of protobufjs.) Capaian has never been deployed: after a deliberate change of a
 * workflow's commands, re-record them with `RECORD_HISTORIES=1`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

export type History = temporal.api.history.v1.IHistory;
const HistoryType = temporal.api.history.v1.History;

export const HISTORY_DIR = join(__dirname, 'histories');

export const historyToJSON = (h: History) =>
  JSON.stringify(
    HistoryType.toObject(HistoryType.fromObject(h as any), { longs: String, enums: String, bytes: String }),
  );
export const historyFromJSON = (json: unknown) => HistoryType.fromObject(json as any);

/** Writes a history under `name` when recording (RECORD_HISTORIES=1) or when no file has it yet. */
export function saveHistory(name: string, workflowId: string, history: History): void {
  mkdirSync(HISTORY_DIR, { recursive: true });
  const file = join(HISTORY_DIR, `${name}.json`);
  // With its workflow id: the cycle derives its batches' ids from its own, so a replay needs the same id.
  if (process.env.RECORD_HISTORIES === '1' || !existsSync(file))
    writeFileSync(file, `${JSON.stringify({ workflowId, history: JSON.parse(historyToJSON(history)) }, null, 2)}\n`);
}

/** Every committed history: its name, workflow id and history. */
export function committedHistories(): { name: string; workflowId: string; history: History }[] {
  return readdirSync(HISTORY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const saved = JSON.parse(readFileSync(join(HISTORY_DIR, f), 'utf8'));
      return { name: f.replace(/\.json$/, ''), workflowId: saved.workflowId, history: historyFromJSON(saved.history) };
    });
}
