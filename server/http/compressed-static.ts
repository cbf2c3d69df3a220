/**
 * The console's files compressed (Brotli, else gzip) for the browsers that accept it: on a regional 1.6 Mbit/s line
 * the console's JavaScript is three times faster to fetch (scripts/measure-regional.ts). Each file is compressed once,
 * on its first request, and kept in memory (the build is a few megabytes); the hashed files under /assets/ never
 * change, so a browser keeps them for a year. Anything else (and a client accepting neither) goes on to express.static.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Compressed {
  mtimeMs: number;
  body: Promise<{ br: Buffer; gzip: Buffer }>;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Both encodings of a file, compressed off the event loop (zlib's thread pool). */
async function compress(raw: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    gz(raw, { level: 9 }),
  ]);
  return { br, gzip: gzipped };
}

/** Brotli's level: 10 is within a few per cent of 11 at a fraction of its time (the first request waits for it). */
const BROTLI_QUALITY = 10;

/** Serves the compressible files of `dir` compressed; calls `next()` for everything else. */
export function compressedStatic(dir: string) {
  const root = normalize(dir + sep);
  const cache = new Map<string, Compressed>();
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[extname(req.path)];
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    if (!type || !encoding) return next();
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(root)) return next();
    let mtimeMs: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return next();
      mtimeMs = stat.mtimeMs;
    } catch {
      return next();
    }
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, body: compress(readFileSync(file)) };
      cache.set(file, entry);
    }
    let body: Buffer;
    try {
      body = (await entry.body)[encoding];
    } catch (err) {
      cache.delete(file);
      return next(err);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Length', String(body.length));
    res.setHeader(
      'Cache-Control',
      req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    );
    if (req.method === 'HEAD') return void res.end();
    res.end(body);
  };
}
