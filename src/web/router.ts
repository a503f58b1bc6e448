/**
 * The chat widget's files: the page at `/`, the widget module and stylesheet, the embed loader
 * and the widget's own modules under `/widget/`. Mount it before authentication: these are
 * public files, and the widget calls the API with the host page's key like any other client.
 */
import { readFileSync } from 'node:fs';
import express, { Router, type Response } from 'express';
import { findAssetsDir, listModules } from './assets-dir.js';

export interface WidgetRouterOptions {
  /** Where the widget's files are (default: found next to this module or in the package's src/web/assets). */
  assetsDir?: string;
}

/** The browser may keep a copy but asks first (ETag), so a deploy is seen on the next load. */
const REVALIDATE = 'no-cache';

function setAssetHeaders(res: Response): void {
  res.setHeader('Cache-Control', REVALIDATE);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Module scripts and stylesheets loaded from another site's page are fetched in CORS mode.
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/** The page only runs its own files and talks to its own origin. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/** The page, with every widget module announced up front so the browser fetches them in parallel. */
function renderPage(assetsDir: string): string {
  const template = readFileSync(`${assetsDir}/index.html`, 'utf8');
  const preloads = listModules(assetsDir)
    .map((path) => `<link rel="modulepreload" href="/${path}">`)
    .join('\n    ');
  return template.replace('<!-- modulepreload -->', preloads);
}

export function createWidgetRouter(options: WidgetRouterOptions = {}): Router {
  const assetsDir = options.assetsDir ?? findAssetsDir();
  const page = renderPage(assetsDir);
  const router = Router();

  router.get('/', (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.send(page);
  });

  for (const file of ['widget.js', 'widget.css', 'embed.js']) {
    router.get(`/${file}`, (_req, res) => {
      setAssetHeaders(res);
      res.sendFile(file, { root: assetsDir, cacheControl: false });
    });
  }

  router.use('/widget', express.static(`${assetsDir}/widget`, { index: false, cacheControl: false, fallthrough: true, setHeaders: setAssetHeaders }));

  return router;
}
