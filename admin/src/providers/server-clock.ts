/**
 * The server's clock as the console sees it. Days left until a deadline (an appeal window, a task's due date) are
 * counted from the server's time, not the device's: a phone whose clock is off by days would otherwise tell an
 * employee that an appeal window is still open when it has closed, or the other way round. Every API answer carries
 * the server's time in its `Date` header (whole seconds; the API is never answered from the service worker's cache),
 * and the offset is kept when it is larger than the header's precision and the round trip can explain.
 */

/** Offsets up to this are the header's rounding and the round trip, not a wrong clock. */
const TOLERANCE_MS = 60_000;

let offsetMs = 0;

/** Notes the server's `Date` header of an answer to a request sent at `sentAt` and received at `receivedAt`. */
export function noteServerDate(header: string | null, sentAt: number, receivedAt: number): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header is truncated to the second; the server wrote it somewhere between sending and receiving.
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  offsetMs = Math.abs(offset) > TOLERANCE_MS ? offset : 0;
}

/** Now, by the server's clock. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
