import type { ApolloServerPlugin } from '@apollo/server';
import { rowsPerPage } from '@lindung/domain';
import {
  getNullableType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
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
  const known = new KnownCosts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, response }) {
          if (!operation) return; // Apollo refuses a document without a runnable operation itself
          const variables = request.variables ?? {};
          const cost = known.of(document, operation, variables, () => costOf(schema, document, operation, variables));
          if (cost === undefined || cost <= maxCost) return;
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

/**
 * The operation's cost, or undefined when the variables do not coerce (Apollo refuses those
 * itself, before executing).
 */
function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number | undefined {
  // Only the operation that will run, with the fragments it may use.
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const query: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  try {
    return getComplexity({ schema, query, variables, estimators: [listEstimator] });
  } catch (error) {
    // More than the library's node limit (fragments spread over and over) is too costly.
    if (!/maximum allowed number of nodes/.test(String((error as Error)?.message))) return undefined;
    return Infinity;
  }
}

/** A request whose variables are this long or longer is costed each time, never kept (an import's CSV, say). */
const MAX_KEPT_VARIABLES = 2_000;
const MAX_KEPT_PER_DOCUMENT = 200;

/**
 * The costs already computed, per parsed document (Apollo hands the same document object for the
 * same query text, from its document cache) and per operation and variables: the portal asks the
 * same few queries again and again, and walking one costs about a tenth of a list request's CPU.
 * A cost depends on nothing else (the schema is fixed), so a kept one is never stale.
 */
class KnownCosts {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number | undefined>>();

  of(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, compute: () => number | undefined): number | undefined {
    const key = keyOf(operation, variables);
    if (key === null) return compute();
    let costs = this.byDocument.get(document);
    if (!costs) this.byDocument.set(document, (costs = new Map()));
    if (costs.has(key)) return costs.get(key);
    const cost = compute();
    // Full: start over rather than track recency (a document with that many variants is rare).
    if (costs.size >= MAX_KEPT_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  }
}

/**
 * What a cost depends on: the operation and the variables' shape — numbers (perPage) and booleans
 * (@include, @skip) as they are, lists with their length (filter.ids), every string alike — so that
 * a mutation of one record weighs once, not once per id.
 */
function keyOf(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | null {
  for (const value of Object.values(variables)) if (typeof value === 'string' && value.length >= MAX_KEPT_VARIABLES) return null;
  const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables, (_name, value: unknown) => (typeof value === 'string' ? '' : value))}`;
  return key.length < MAX_KEPT_VARIABLES ? key : null;
}
