import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Query limits, checked before execution; a request over them is BAD_USER_INPUT. */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 1000, maxDirectives: 10, maxTokens: 2000 };

/**
 * Depth, alias, cost and directive limits as Apollo plugins and validation rules. Introspection
 * is exempt from depth and cost (the standard introspection query is 21 levels deep, and
 * production turns introspection off altogether).
 */
export function queryLimits() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Tokens are limited by graphql-js's own parser option (LIMITS.maxTokens): armor's variant answers HTTP 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
