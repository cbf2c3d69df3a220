/**
 * Days left counted by the server's clock (admin/src/providers/server-clock.ts): an answer's `Date` header sets the
 * offset when the device's clock is off by more than a minute, and within a minute the device's own time stands.
 * The browser side is test/browser/tasks-in-words.test.ts (a phone whose clock runs 20 days ahead).
 */
import { daysUntil } from '../../admin/src/common/format';
import { noteServerDate, serverNow } from '../../admin/src/providers/server-clock';

const DAY = 86_400_000;

describe('the server clock of the console', () => {
  afterEach(() => noteServerDate(new Date().toUTCString(), Date.now(), Date.now()));

  it('follows the server when the device runs days ahead, and counts the days left from it', () => {
    // This machine's clock plays the device's, 20 days ahead of the server's.
    const device = Date.now();
    const server = device - 20 * DAY;
    noteServerDate(new Date(server).toUTCString(), device - 40, device);
    expect(Math.abs(serverNow().getTime() - server)).toBeLessThan(2_000);
    const deadline = new Date(server + 10 * DAY);
    expect(daysUntil(deadline)).toBe(10);
    // The device's own clock would have said the window closed ten days ago.
    expect(daysUntil(deadline, new Date(device))).toBe(-10);
  });

  it('keeps the device time when the difference is the header’s rounding and the round trip', () => {
    const now = Date.now();
    noteServerDate(new Date(now - 30_000).toUTCString(), now - 200, now);
    expect(Math.abs(serverNow().getTime() - Date.now())).toBeLessThan(100);
  });

  it('ignores an answer without a readable Date header', () => {
    const now = Date.now();
    noteServerDate(new Date(now - 5 * DAY).toUTCString(), now, now);
    noteServerDate(null, now, now);
    noteServerDate('kemarin', now, now);
    expect(Math.abs(serverNow().getTime() - (now - 5 * DAY))).toBeLessThan(2_000);
  });
});
