import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Actor, AppServices, RequestContext } from '../core/context';
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
  return Object.assign(new LoggerOnFirstUse(), {
    requestId,
    app,
    actor,
    authError,
    em: app.dataSource.manager,
    afterRollback: [],
    afterCommit: [],
    loaders: new Map(),
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    sessionCookie: sessionCookieOf(req, res),
  });
}

/**
 * Most requests never log, so a request's child logger is made on first use. The getter sits on
 * the prototype: Apollo copies the context's own properties for each operation, which would call a
 * getter of the object's own (and make the logger) on every request.
 */
class LoggerOnFirstUse {
  declare requestId: string;
  declare app: AppServices;
  declare actor: Actor | null;
  private madeLogger: Logger | undefined = undefined;

  get logger(): Logger {
    return (this.madeLogger ??= this.app.logger.child({ requestId: this.requestId, userId: this.actor?.id }));
  }
}
