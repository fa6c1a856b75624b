/** Paging rules of every `allX` list (ra-data-graphql-simple: `page` is 0-based). */
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 1000;
export const SortOrder = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortOrder = (typeof SortOrder)[keyof typeof SortOrder];

/**
 * The rows one list request can return: its `perPage`; without one, every id its filter names
 * (react-admin's getMany sends ids and no perPage), else the default page. The API pages by it
 * and weighs a query's cost by it, so the two never disagree.
 */
export function rowsPerPage(perPage: number | null | undefined, ids?: readonly unknown[] | null): number {
  if (typeof perPage === 'number') return perPage;
  return Array.isArray(ids) ? Math.min(ids.length, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
}
