import type { ValueTransformer } from 'typeorm';

/**
 * `bigint` and `numeric` columns come from pg as strings (they can exceed a JavaScript number);
 * the amounts, counts and weights Lindung keeps in them are safe integers and small decimals.
 */
export const asNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
