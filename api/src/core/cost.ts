import type { ApolloServerPlugin } from '@apollo/server';
import { rowsPerPage } from '@lindung/domain';
import { getNullableType, isListType, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from './errors';
import { LIMITS } from './limits';
import { relationOf } from './relations';

export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/** How many rows a list field can return for these arguments: the same rule list.ts pages by. */
export function rowsOf(args: Record<string, unknown>): number {
  const ids = (args.filter as { ids?: unknown[] } | null | undefined)?.ids;
  // Never negative: a negative perPage is refused only when its own field resolves, so it must
  // not lower the cost of the fields beside it.
  const rows = rowsPerPage(typeof args.perPage === 'number' ? args.perPage : undefined, ids);
  return Math.max(0, Array.isArray(ids) ? Math.min(rows, ids.length) : rows);
}

/**
 * A list field paged by `perPage` (allX) costs 1 + its selection × the rows it can return; any
 * other field 1 + its selection (so `_allXMeta`, which takes perPage but returns one count, is
 * cheap). A scalar leaf is 1: the cost approximates the values in the response.
 */
export const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((arg) => arg.name === 'perPage') && isListType(getNullableType(field.type));
  // A nested to-many relation returns at most its declared `max` rows per parent.
  const nested = relationOf(field)?.max;
  return 1 + childComplexity * (paged ? rowsOf(args) : (nested ?? 1));
};

/**
 * Refuses, before anything runs, an operation whose cost (with the request's real variables: the
 * portal sends perPage as one) is over LIMITS.maxCost: BAD_USER_INPUT, reason QUERY_TOO_COSTLY,
 * HTTP 400 (200 under plain application/json, see legacyJsonStatus in server.ts).
 */
export function queryCostLimit<TContext extends object>(maxCost = LIMITS.maxCost): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, response }) {
          if (!operation) return; // Apollo refuses a document without a runnable operation itself
          // Only the operation that will run, with the fragments it may use.
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const query: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
          let cost: number;
          try {
            cost = getComplexity({ schema, query, variables: request.variables ?? {}, estimators: [listEstimator] });
          } catch (error) {
            // More than the library's node limit (fragments spread over and over) is too costly;
            // variables that do not coerce are left to Apollo, which refuses them before executing.
            if (!/maximum allowed number of nodes/.test(String((error as Error)?.message))) return;
            cost = Infinity;
          }
          if (cost <= maxCost) return;
          response.http.status = 400;
          throw new AppError(ErrorCode.BAD_USER_INPUT, `The query costs ${cost}, more than the maximum of ${maxCost}: ask for fewer rows or fields`, {
            reason: QUERY_TOO_COSTLY,
            cost: Number.isFinite(cost) ? cost : null,
            maxCost,
          });
        },
      };
    },
  };
}
