import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/*
 * A PostgreSQL left behind by an API that was killed (kill -9, the OOM killer).
 * A killed API cannot stop its postmaster, which keeps running on DATA_DIR/postgres and holds its
 * lock, so every later start would fail and a supervisor would restart the API forever. The checks
 * below read Linux's /proc; where they cannot be made, nothing is signalled and the start fails as before.
 */

/** What PostgreSQL's lock file, postmaster.pid, records: line 1 pid, line 2 data directory, line 4 port. */
interface PostmasterLock {
  pid: number;
  dataDir: string;
  port: number | null;
}

/** Stops this data directory's postmaster when it is orphaned; refuses when a live Lindung still uses it. */
export async function stopOrphanedPostmaster(databaseDir: string, logger: Logger): Promise<void> {
  const lock = readPostmasterLock(databaseDir);
  // No lock file, or a stale one whose process is gone: PostgreSQL's own start handles that.
  if (!lock || !isRunning(lock.pid)) return;
  // The pid may now belong to another program or to another data directory's server: never signal
  // it. PostgreSQL's own start then decides: it refuses while that pid lives (the caller reports it),
  // unless the process belongs to another OS user and so cannot be this directory's postmaster.
  if (!isPostmasterOf(lock.pid, databaseDir)) {
    logger.warn({ pid: lock.pid, lockDataDir: lock.dataDir, databaseDir }, 'postmaster.pid names a live process that is not this PostgreSQL; leaving it alone');
    return;
  }
  const owner = lindungParentOf(lock.pid);
  if (owner !== null) {
    throw new DataDirInUseError(
      `DATA_DIR is in use: another Lindung (pid ${owner}) runs the PostgreSQL in ${databaseDir}; stop it or give this one its own DATA_DIR`,
    );
  }
  const startedAt = Date.now();
  const shutdown = await stopPostmaster(lock.pid, databaseDir);
  logger.info(
    { pid: lock.pid, port: lock.port, databaseDir, shutdown, ms: Date.now() - startedAt },
    'stopped a PostgreSQL left running by an earlier run',
  );
}

function readPostmasterLock(databaseDir: string): PostmasterLock | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const port = Number(lines[3]);
  return { pid, dataDir: lines[1] ?? '', port: Number.isInteger(port) && port > 0 ? port : null };
}

/** Alive and not a zombie: an exited process whose parent has not reaped it still answers kill(pid, 0). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, but belongs to a user we may not signal.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

/** The postmaster runs the `postgres` binary (its children retitle themselves `postgres: …`) with its data directory as cwd. */
function isPostmasterOf(pid: number, databaseDir: string): boolean {
  const argv = cmdlineOf(pid);
  if (!argv || path.basename(argv[0] ?? '') !== 'postgres') return false;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(databaseDir);
  } catch {
    return false; // gone meanwhile, or another user's process whose cwd we may not read
  }
}

/**
 * The live Lindung API that started this postmaster, if any. A killed API's postmaster is re-parented
 * to pid 1 or a subreaper, so a parent that is not a node running dist/main.js means orphaned. Pid 1 is
 * not excluded: in a container the API itself may be pid 1, and then its database is in use.
 */
function lindungParentOf(pid: number): number | null {
  const parent = procStat(pid)?.ppid;
  if (!parent || !isRunning(parent)) return null;
  return isLindungApi(parent) ? parent : null;
}

function isLindungApi(pid: number): boolean {
  const argv = cmdlineOf(pid);
  if (!argv || !/^node/.test(path.basename(argv[0] ?? ''))) return false;
  return argv.slice(1).some((arg) => /(^|[\\/])dist[\\/]main\.js$/.test(arg));
}

/** SIGINT first: PostgreSQL's fast shutdown ends sessions, writes a checkpoint and removes its lock file. */
async function stopPostmaster(pid: number, databaseDir: string): Promise<'fast' | 'immediate'> {
  signal(pid, 'SIGINT');
  if (await exited(pid, 30_000)) return 'fast';
  // Immediate shutdown, no checkpoint: the next start replays the WAL, as after a crash; nothing committed is lost.
  signal(pid, 'SIGQUIT');
  if (await exited(pid, 10_000)) return 'immediate';
  throw new Error(`a PostgreSQL left running in ${databaseDir} (pid ${pid}) did not stop; stop it by hand`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    // ESRCH: it exited on its own between the check and the signal, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** argv from /proc/<pid>/cmdline (NUL-separated), or null when unreadable (no such process, not Linux). */
function cmdlineOf(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** State (field 3) and parent pid (field 4) from /proc/<pid>/stat; the name before them may hold spaces and parentheses. */
function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}

/**
 * A refusal the operator can act on. main prints an error's stack; for this one the message says
 * everything, so the stack is just the message and the refusal stays one line.
 */
class DataDirInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirInUseError';
    this.stack = message;
  }
}
