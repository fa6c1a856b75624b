import type { Request, Response } from 'express';
import type { AppServices, RequestContext } from '../core/context';
import { serviceErrorOf } from '../core/database-errors';
import { authenticate } from '../modules/auth/actor';
import { sessionCookieOf } from '../modules/auth/session-cookie';

/** One request's context: who is calling (checked against the account, not only the token), and the request's own state. */
export async function createContext(app: AppServices, req: Request, res: Response): Promise<RequestContext> {
  const requestId = String(req.id);
  let authentication;
  try {
    authentication = await authenticate(req.headers.authorization, app);
  } catch (error) {
    throw serviceErrorOf(error, app.logger.child({ requestId }));
  }
  const { actor, authError } = authentication;
  let logger: AppServices['logger'] | undefined;
  return {
    requestId,
    app,
    // Most requests never log: the child logger is made on first use.
    get logger() {
      return (logger ??= app.logger.child({ requestId, userId: actor?.id }));
    },
    actor,
    authError,
    em: app.dataSource.manager,
    afterRollback: [],
    afterCommit: [],
    loaders: new Map(),
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    sessionCookie: sessionCookieOf(req, res),
  };
}
