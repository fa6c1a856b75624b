import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Query limits, checked before execution; a request over them is BAD_USER_INPUT.
 *
 * maxCost (see cost.ts: a list costs 1 + its fields × the rows its perPage asks for, every other
 * field 1) is about the number of values in the response. The portal's largest request is an
 * export: perPage 1000 of its widest resources (User, PartnerOrganisation: 11 fields, plus the
 * __typename Apollo Client adds) with `_allXMeta`, which costs 12 004; a list page of 25–100 rows
 * costs at most 1 204, and getMany of up to 1 000 ids is paged like a list (see rowsOf). 20 000
 * keeps that export well inside (a 1000-row export of up to 18 fields still fits) and refuses
 * 15 aliases × allVillages(perPage: 1000) once they ask for two fields or more (30 015; every
 * field: 120 015). With `id` alone (15 015) they pass: about as many values as the export.
 *
 * maxNameLength bounds the bytes of each of those values: an alias is a single token of any
 * length and is repeated as a key in every row (a 10 000-character alias on `id` in a 716-row
 * allVillages answered 7 MB at cost 1 001). The schema's longest name has 28 characters.
 */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20_000, maxDirectives: 10, maxTokens: 2000, maxNameLength: 64 };

/**
 * The largest request body: an import's CSV travels as a variable, and a partner's file may hold
 * 10 MB (importEnrollments refuses more by itself, naming the limit); JSON escaping adds a little.
 */
export const MAX_REQUEST_BODY = '11mb';

/**
 * Depth, alias and directive limits as Apollo plugins and validation rules, plus the name length
 * (the cost limit is cost.ts's plugin: armor's cost does not weigh list sizes). Introspection is
 * exempt from depth (the standard introspection query is 21 levels deep, and production turns
 * introspection off).
 */
export function queryLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Tokens are limited by graphql-js's own parser option (LIMITS.maxTokens): armor's variant answers HTTP 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, validationRules: [...armor.validationRules, maxNameLength(LIMITS.maxNameLength)] };
}

/** Every name in the document (aliases above all, but also operation, fragment and variable names). */
function maxNameLength(max: number): ValidationRule {
  return (context) => ({
    Name(node) {
      if (node.value.length > max) {
        context.reportError(new GraphQLError(`Names and aliases are limited to ${max} characters`, { nodes: [node] }));
      }
    },
  });
}
