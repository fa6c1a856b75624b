import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The portal's static build (admin/dist) at `/`.
 *
 * - `/assets/*` are Vite's content-hashed files: cached for a year and never revalidated. A missing
 *   one is a 404 (JSON, like every other miss), not index.html: a stale page asking for a chunk of
 *   an older build must fail visibly, not parse HTML as JavaScript.
 * - `index.html`, other files at the top, and every other GET path (a client-side route, served
 *   index.html) are revalidated on each use (`no-cache`, answered 304 while unchanged), so a new
 *   build reaches everyone at once.
 * - The build writes brotli (`.br`) and gzip (`.gz`) copies next to each compressible file
 *   (admin/vite.config.ts); the best one the client accepts is sent as is, with the original type,
 *   `Content-Encoding` and `Vary: Accept-Encoding`. Nothing is compressed per request.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const ASSETS = '/assets/';

/** Precompressed copies, in the server's order of preference. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * Mounted as an app of its own for one setting: ETags, which sendFile makes only when its app has
 * them on, and which the main app has off for everything else it sends (server.ts).
 */
export function servePortal(expressApp: express.Express, adminDist: string): void {
  const root = path.resolve(adminDist);
  const index = path.join(root, 'index.html');
  const portal = express();
  portal.disable('x-powered-by');
  portal.enable('etag');
  // Express answers HEAD with a GET route (without the body).
  portal.get('/{*splat}', async (req, res, next) => {
    try {
      const file = await fileFor(root, req.path);
      if (file) return await sendAsset(req, res, next, file, req.path.startsWith(ASSETS) ? IMMUTABLE : REVALIDATE);
      if (req.path.startsWith(ASSETS)) return next(); // → notFoundHandler: 404 NOT_FOUND
      if (!(await isFile(index))) {
        res.status(404).type('text/plain').send('The portal is not built: run `pnpm build`.');
        return;
      }
      await sendAsset(req, res, next, index, REVALIDATE);
    } catch (error) {
      next(error);
    }
  });
  expressApp.use(portal);
}

/** The build's file for a URL path, or null: no dotfiles, nothing outside the build, no `.br`/`.gz` copy directly. */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))) return null;
  if (VARIANTS.some((variant) => decoded.endsWith(variant.suffix))) return null;
  const file = path.join(root, ...segments);
  if (!file.startsWith(root + path.sep)) return null;
  return (await isFile(file)) ? file : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendAsset(req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): Promise<void> {
  const available: Variant[] = [];
  for (const variant of VARIANTS) {
    if (await isFile(file + variant.suffix)) available.push(variant);
  }
  const chosen = preferredEncoding(req.headers['accept-encoding'], available.map((v) => v.encoding));
  const variant = available.find((v) => v.encoding === chosen);
  res.setHeader('Cache-Control', cacheControl);
  // Whenever copies exist, the answer depends on Accept-Encoding, identity included.
  if (available.length > 0) res.vary('Accept-Encoding');
  // The original file's type (send would otherwise take `.br` for application/octet-stream).
  res.type(path.extname(file));
  if (variant) res.setHeader('Content-Encoding', variant.encoding);
  res.sendFile(variant ? file + variant.suffix : file, { cacheControl: false, dotfiles: 'allow' }, (error?: Error) => {
    // A client that went away is no error; a file gone between stat and send is a plain 404.
    if (error && !res.headersSent) next(error);
  });
}

/**
 * Which of the available content codings to send for an Accept-Encoding header: the one with the
 * highest q-value above 0 (`*` standing for codings not named), ties going to the server's order
 * (brotli before gzip); null for identity. Browsers list gzip first (`gzip, deflate, br, zstd`),
 * so the client's order is not a preference.
 */
export function preferredEncoding(header: string | undefined, available: readonly string[]): string | null {
  if (!header || available.length === 0) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...parameters] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const match = /^q=([0-9.]+)$/.exec(parameter.replace(/\s+/g, ''));
      if (match) weight = Number(match[1]);
    }
    if (Number.isFinite(weight)) q.set(coding, Math.min(1, Math.max(0, weight)));
  }
  let best: string | null = null;
  let bestQ = 0;
  for (const coding of available) {
    const weight = q.get(coding) ?? q.get('*') ?? 0;
    if (weight > bestQ) {
      best = coding;
      bestQ = weight;
    }
  }
  return best;
}
