/**
 * Whether the console can reach the API: the browser's own online flag, and what the last request found. A request
 * that fails without an answer (no network, a dead Wi-Fi that still says "online") marks the connection lost until a
 * request gets through again or the browser says it is back online.
 */
import { useSyncExternalStore } from 'react';

let lostByRequest = false;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

/** A request got no answer at all (fetch's TypeError, XMLHttpRequest's error event). */
export function reportNetworkError(): void {
  if (lostByRequest) return;
  lostByRequest = true;
  changed();
}

/** A request got an answer (any status): the network is there. */
export function reportNetworkOk(): void {
  if (!lostByRequest) return;
  lostByRequest = false;
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const online = () => {
    lostByRequest = false;
    listener();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', listener);
  };
}

/** True while the console is offline: the browser says so, or the last request got no answer. */
export function useOffline(): boolean {
  return useSyncExternalStore(subscribe, () => !navigator.onLine || lostByRequest);
}
