// Who has a DATA_DIR to itself: `npm start` while Passerelle runs, `npm run restore` while it puts a
// backup back, `npm run backup` while it runs the cluster of a stopped Passerelle. Each writes
// DATA_DIR/passerelle.lock (its pid, and on Linux its start time and the boot it belongs to); a lock
// whose process is gone, or whose pid now names another process, is stale and taken over.
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'passerelle.lock';

/** When `pid` started, in clock ticks since boot (Linux): tells a reused pid apart. */
function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: count the fields after it (start time is the 22nd).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function bootId() {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Is the process that wrote `holder` still running? */
export function isAlive(holder) {
  if (!Number.isInteger(holder?.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if (error.code !== 'EPERM') return false;
  }
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  const started = startTimeOf(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

/** The live holder of `dataDir` (`{ pid, purpose, since }`), or null. */
export async function dataDirHolder(dataDir) {
  let holder;
  try {
    holder = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
  return isAlive(holder) ? holder : null;
}

export class DataDirBusy extends Error {
  constructor(dataDir, holder) {
    super(`${dataDir} is in use by ${holder.purpose} (pid ${holder.pid}, since ${holder.since})`);
    this.name = 'DataDirBusy';
    this.holder = holder;
  }
}

/**
 * Takes `dataDir` for `purpose` ('npm start', 'npm run restore'…), or throws DataDirBusy naming
 * who has it. `release()` gives it back; so does the process's exit.
 */
export async function lockDataDir(dataDir, purpose) {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const me = {
    pid: process.pid,
    purpose,
    since: new Date().toISOString(),
    started: startTimeOf(process.pid),
    boot: bootId(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o644 });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = await dataDirHolder(dataDir);
      if (holder) throw new DataDirBusy(dataDir, holder);
      if (attempt > 0) throw new Error(`Could not take ${file}: another process keeps replacing it`);
      // Left by a process that is gone (killed, or the machine restarted).
      await rm(file, { force: true });
    }
  }
  let held = true;
  const releaseSync = () => {
    if (!held) return;
    held = false;
    try {
      const current = JSON.parse(readFileSync(file, 'utf8'));
      // An exit handler cannot wait: synchronous removal, of our own lock only.
      if (current.pid === me.pid && current.since === me.since) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', releaseSync);
  return {
    release: async () => {
      process.removeListener('exit', releaseSync);
      releaseSync();
    },
  };
}
