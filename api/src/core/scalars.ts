import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Rupiah as a whole number. GraphQL's Int stops at 2,147,483,647 — less than a province's budget —
 * so every amount of money is this scalar: a JSON number up to 9,007,199,254,740,991 (exact in
 * JavaScript), never a fraction.
 */
export const Money = new GraphQLScalarType<number, number>({
  name: 'Money',
  description: 'Rupiah, a whole number (up to 9,007,199,254,740,991)',
  serialize: (value) => toMoney(typeof value === 'string' ? Number(value) : value),
  parseValue: (value) => toMoney(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Money must be a whole number of rupiah', { nodes: [ast] });
    return toMoney(Number(ast.value));
  },
});

function toMoney(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError('Money must be a whole number of rupiah');
  }
  return value;
}

/**
 * A calendar day, `YYYY-MM-DD`, without a time or a zone (validity dates, birth dates). The
 * database's `date` columns arrive as such strings (see data-source.ts).
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD',
  // Out: days come from PostgreSQL `date` columns, real by construction — only their form is checked.
  serialize: (value) => (typeof value === 'string' && DAY.test(value) ? value : toLocalDate(value)),
  parseValue: (value) => toLocalDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A date is a string YYYY-MM-DD', { nodes: [ast] });
    return toLocalDate(ast.value);
  },
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function toLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError('A date is a string YYYY-MM-DD');
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new GraphQLError(`${value} is not a real date`);
  return value;
}
