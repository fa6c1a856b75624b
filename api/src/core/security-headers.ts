import type { RequestHandler } from 'express';
import helmet from 'helmet';

const directives = {
  'script-src': ["'self'"],
  // MUI (emotion) writes its styles inline.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
};

/**
 * Helmet's headers. HSTS and CSP `upgrade-insecure-requests` only when the request came over
 * HTTPS (`req.secure`, which believes X-Forwarded-Proto only under `trust proxy`): sent over plain
 * HTTP they would pin a browser to an https:// that may not exist (a local or internal instance).
 */
export function securityHeaders(): RequestHandler {
  const secure = helmet({ contentSecurityPolicy: { directives } });
  const plain = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
  });
  return (req, res, next) => (req.secure ? secure : plain)(req, res, next);
}
