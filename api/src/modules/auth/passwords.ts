import { Algorithm, hash, verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/** argon2id with OWASP's minimum parameters: 19 MiB, 2 iterations, 1 lane. */
export const ARGON2ID = { algorithm: Algorithm.Argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/**
 * @node-rs/argon2 hashes on libuv's thread pool, off the event loop; but four pool threads on two
 * cores would still starve the event loop of CPU, and with it every other request. So at most
 * (cores − 1) hashes run at once and the rest queue here — holding no database connection.
 */
const hashing = pLimit(Math.max(1, availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2ID));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown email and a wrong password
 * take equally long and the timing does not tell which accounts exist.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('lindung-decoy-password-never-matches');
  await verifyPassword(await decoyHash, password);
  return false;
}
