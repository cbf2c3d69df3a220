/*
 * Capaian's service worker: the console's shell (index.html, its scripts and styles, icons) kept on the device so that
 * the console opens without a network and says it is offline. The API is never cached: appraisal data is personal
 * and must never be shown stale, so every /api/ request goes to the network as it would without this worker.
 * - a page (navigation): the network first, the kept index.html when there is none;
 * - /assets/ (hashed by the build, never changed): kept on first use, served from the device;
 * - icons and the manifest: the device's copy, refreshed from the network in the background.
 * When a fresh index.html names another entry script (a new build), the kept assets are dropped and the new shell kept.
 */
const SHELL = 'capaian-shell-v1';
const ASSETS = 'capaian-assets-v1';
const STATIC = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/capaian.svg'];

/** The scripts and styles an index.html loads at start (the Vite build names them under /assets/). */
function shellAssets(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/** Keeps index.html and what it loads; drops the kept assets of an older build. */
async function keepShell(response) {
  const html = await response.clone().text();
  const shell = await caches.open(SHELL);
  const before = await shell.match('/index.html');
  const assets = shellAssets(html);
  if (before && shellAssets(await before.text()).join() !== assets.join()) await caches.delete(ASSETS);
  await shell.put('/index.html', response);
  const kept = await caches.open(ASSETS);
  await kept.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const index = await fetch('/index.html', { cache: 'no-cache' });
      if (index.ok) await keepShell(index);
      await (await caches.open(SHELL)).addAll(STATIC);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (![SHELL, ASSETS].includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** A page: the network's (its shell kept meanwhile, without delaying it), else the kept index.html. */
async function page(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html'))
      event.waitUntil(keepShell(response.clone()).catch(() => undefined));
    return response;
  } catch (err) {
    const kept = await caches.match('/index.html');
    if (kept) return kept;
    throw err;
  }
}

async function asset(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

async function staticFile(request) {
  const kept = await caches.match(request);
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
      return response;
    })
    .catch(() => undefined);
  return kept ?? (await fresh) ?? Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/metrics') return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (STATIC.includes(url.pathname) || url.pathname.startsWith('/icons/')) event.respondWith(staticFile(request));
});
