// A first `npm start` on a fresh clone, timed: `node tools/bench/cold-start.mjs [--rounds 3]
// [--commits <a>,<b>] [--port 4334]`. Each commit gets a clone of this repository under the temp
// folder, with node_modules hard-linked from this checkout (as after `npm ci`, without the
// download); before each run `git clean -xfd` empties dist, .nx, .angular and .data again. With
// several commits the runs alternate, so that a busy machine weighs on each alike. Prints, per run,
// when the build, PostgreSQL and « ready » came (npm start's own lines), the CPU time its processes
// spent until then (Linux) and the load average.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    commits: { type: 'string', default: 'HEAD' },
    port: { type: 'string', default: '4334' },
  },
});
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const commits = values.commits.split(',').map((commit) => git(root, 'rev-parse', '--short', commit));

const clones = new Map();
for (const commit of commits) {
  const dir = join(tmpdir(), `passerelle-cold-start-${commit}`);
  rmSync(dir, { recursive: true, force: true });
  git(root, 'clone', '--quiet', '--no-checkout', root, dir);
  git(dir, 'checkout', '--quiet', commit);
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(dir, 'node_modules')]);
  clones.set(commit, dir);
}

/**
 * The CPU seconds spent so far by a process group (Linux): its processes' own and their finished
 * children's (the builds). Less at the mercy of a busy machine than the time on the clock.
 */
function cpuSeconds(group) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After the command's name in parentheses: state, ppid, pgrp, … utime (14) … cstime (17).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
  }
  return ticks / 100; // USER_HZ: 100 on Linux
}

/** One `npm start` until « ready », stopped with Ctrl-C; the seconds of its own lines. */
function coldStart(dir) {
  git(dir, 'clean', '-q', '-xfd', '-e', 'node_modules');
  return new Promise((resolveRun, reject) => {
    const child = spawn('npm', ['start'], {
      cwd: dir,
      env: { ...process.env, PORT: values.port, NX_DAEMON: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let output = '';
    let cpu = '?';
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
      if (/ready in /.test(output) && child.exitCode === null && cpu === '?') {
        cpu = cpuSeconds(child.pid).toFixed(1);
        process.kill(-child.pid, 'SIGINT');
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      const at = (pattern) => output.match(pattern)?.[1] ?? '?';
      if (!/ready in /.test(output)) return reject(new Error(`npm start did not get ready:\n${output}`));
      resolveRun({
        ready: at(/ready in ([\d.]+) s/),
        built: at(/built at ([\d.]+) s/),
        postgres: at(/PostgreSQL 17 ready at ([\d.]+) s/),
        cpu,
      });
    });
  });
}

const readies = new Map(commits.map((commit) => [commit, []]));
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const [commit, dir] of clones) {
    const load = loadavg()[0].toFixed(1);
    const run = await coldStart(dir);
    readies.get(commit).push(Number(run.ready));
    console.log(
      `round ${round} ${commit}: ready in ${run.ready} s (built at ${run.built} s, PostgreSQL at ${run.postgres} s), ${run.cpu} s of CPU, load ${load} → ${loadavg()[0].toFixed(1)}`,
    );
  }
}
for (const [commit, times] of readies) {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 ? sorted[Math.floor(middle)] : ((sorted[middle - 1] + sorted[middle]) / 2).toFixed(1);
  console.log(`${commit}: ready in ${sorted.join(', ')} s; median ${median} s`);
}
for (const dir of clones.values()) rmSync(dir, { recursive: true, force: true });
