import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer of this API may carry a name, a CPR number or a case's text, errors and downloads
 * (CSV, SVG, the citizen's HTML copy) included, so no cache on the way (a shared proxy, the
 * browser's disk, the back button) may keep one. Set before anything else runs, so it holds for
 * answers from handlers, guards, the exception filter, the body parser and unknown routes alike;
 * a route that may be cached (none today) would have to say so itself.
 */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  // For HTTP/1.0 caches, which ignore Cache-Control.
  response.setHeader('Pragma', 'no-cache');
  next();
}
