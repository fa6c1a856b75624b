/** Paging rules of every `allX` list (ra-data-graphql-simple: `page` is 0-based). */
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 1000;
export const SortOrder = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortOrder = (typeof SortOrder)[keyof typeof SortOrder];
