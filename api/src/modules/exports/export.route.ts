import { AuditAction, canAccess, todayIn } from '@lindung/domain';
import { stringify } from 'csv-stringify';
import express, { Router, type Request, type Response } from 'express';
import { coerceInputValue, isInputObjectType, type GraphQLSchema } from 'graphql';
import QueryStream from 'pg-query-stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { ErrorCode, type AppError } from '../../core/errors';
import { present, sensitiveFieldsOf } from '../../core/sensitive';
import { validateArgs } from '../../core/validation';
import { poolOf } from '../../database/data-source';
import { EXPORTABLE, type Exportable } from './exportable';

/** An export reads every row of a list; it may take longer than a request's usual statement timeout. */
const EXPORT_STATEMENT_TIMEOUT = '10min';

type ContextOf = (req: Request, res: Response) => Promise<RequestContext>;

/**
 * `POST /export/<Resource>` with `{ filter, sortField, sortOrder }` (the list's own arguments) and
 * the bearer token: the list's rows as a streamed CSV, read through the resource's scoped query
 * (the rows the caller's list shows, never more), sensitive values masked as for the list, and
 * the export itself in the audit trail before the first row leaves. Allowed to the roles whose
 * portal may export that list (the shared matrix's `export` action).
 */
export function exportRoute(schema: GraphQLSchema, contextOf: ContextOf): Router {
  const router = Router();
  router.post('/:resource', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      await exportList(schema, await contextOf(req, res), req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error as Error);
        return;
      }
      const known = (error as AppError)?.extensions?.code;
      if (typeof known === 'string') sendGraphQLError(res, error as AppError);
      else next(error);
    }
  });
  return router;
}

async function exportList(schema: GraphQLSchema, ctx: RequestContext, req: Request, res: Response): Promise<void> {
  const resource = String(req.params.resource);
  const exportable = EXPORTABLE[resource];
  if (!exportable) return sendError(res, 404, ErrorCode.NOT_FOUND, `No export for ${resource}`);
  if (!ctx.actor) return sendError(res, 401, ErrorCode.UNAUTHENTICATED, ctx.authError?.message ?? 'Sign in to continue');
  if (ctx.actor.mustChangePassword) return sendError(res, 403, ErrorCode.FORBIDDEN, 'Change your password first', 'PASSWORD_CHANGE_REQUIRED');
  if (!canAccess(ctx.actor.role, resource, 'export')) return sendError(res, 403, ErrorCode.FORBIDDEN, 'Your role may not export this list');

  const body = (req.body ?? {}) as { filter?: unknown; sortField?: unknown; sortOrder?: unknown };
  const filter = await filterOf(schema, exportable, body.filter);
  const sort = {
    sortField: typeof body.sortField === 'string' ? body.sortField : undefined,
    sortOrder: typeof body.sortOrder === 'string' ? body.sortOrder : undefined,
  };
  const qb = exportable.reader.sorted(ctx, { filter, ...sort });
  qb.select(exportable.columns[0].sql, exportable.columns[0].header);
  for (const column of exportable.columns.slice(1)) qb.addSelect(column.sql, column.header);
  const [sql, parameters] = qb.getQueryAndParameters();

  // On the record before the first row is read: an export that starts is an export in the trail.
  await recordAudit(ctx, [
    {
      action: AuditAction.EXPORT,
      entityType: resource,
      entityId: null,
      changes: { filter: filter ?? null, ...sort },
      scope: { regencyId: ctx.actor.scope.regencyId, villageId: ctx.actor.scope.villageId, partnerId: ctx.actor.scope.partnerId },
    },
  ]);
  const client = await poolOf(ctx.app.dataSource).connect();
  let failed = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${resource}-${todayIn()}.csv"`);
    res.setHeader('cache-control', 'no-store');
    // A BOM, so that spreadsheet programs read the file as UTF-8.
    res.write('\uFEFF');
    const rows = client.query(new QueryStream(sql, parameters as unknown[], { batchSize: 1000 }));
    await pipeline(rows, maskFor(ctx, exportable), stringify({ header: true, columns: exportable.columns.map((c) => c.header), cast: { boolean: String } }), res);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await client.query(failed ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
    client.release();
  }
}

/** The list's filter, coerced by the schema's own input type and validated as for `allX`. */
async function filterOf(schema: GraphQLSchema, exportable: Exportable, raw: unknown): Promise<object | undefined> {
  if (raw === undefined || raw === null) return undefined;
  const type = schema.getType(exportable.filterType);
  if (!isInputObjectType(type)) throw new Error(`${exportable.filterType} is not an input type`);
  const problems: string[] = [];
  const coerced = coerceInputValue(raw, type, (path, _value, error) => problems.push(`${path.join('.') || 'filter'}: ${error.message}`));
  if (problems.length) {
    const error = new Error(problems.join('; ')) as Error & { extensions: object };
    error.extensions = { code: ErrorCode.BAD_USER_INPUT, fields: { filter: problems.join('; ') }, reasons: { filter: { code: 'INVALID_FORMAT' } } };
    throw error;
  }
  const filter = Object.assign(Object.create(exportable.filterClass.prototype), coerced) as object;
  await validateArgs(filter, undefined as never, undefined as never);
  return filter;
}

/** Sensitive columns as this caller may see them (a full NIK only for those who may read it). */
function maskFor(ctx: RequestContext, exportable: Exportable): Transform {
  const masked = exportable.columns.flatMap((column) => {
    const rule = column.sensitive && sensitiveFieldsOf(column.sensitive.entity).get(column.sensitive.property);
    return rule ? [{ header: column.header, rule }] : [];
  });
  return new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _encoding, done) {
      for (const { header, rule } of masked) row[header] = present(ctx.actor, rule, row[header]);
      done(null, row);
    },
  });
}

function sendGraphQLError(res: Response, error: AppError): void {
  const extensions = { ...(error.extensions as Record<string, unknown>) };
  const http = extensions.http as { status?: number } | undefined;
  delete extensions.http;
  const status = http?.status ?? STATUS_OF[String(extensions.code)] ?? 500;
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, SERVICE_UNAVAILABLE: 503 };

function sendError(res: Response, status: number, code: string, message: string, reason?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(reason ? { reason } : {}) } }] });
}
