#!/usr/bin/env node
// Builds the web app when web/dist is missing or older than its sources; silent when it is current.
// Run by `prestart` and `pretest`, and by the e2e harness, possibly by several processes at once:
// a lock directory lets one build while the others wait and then find the build current.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const builtIndex = join(web, 'dist', 'index.html');
const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts')];
const lock = join(tmpdir(), `tidu-web-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
const LOCK_STALE_MS = 5 * 60_000;
const LOCK_POLL_MS = 200;

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time under a path; directories count too, so a deleted file is noticed. */
function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  const built = mtimeOf(builtIndex);
  if (built === undefined) return true;
  return sources.some((source) => newestMtime(source) > built);
}

function tryLock() {
  try {
    mkdirSync(lock);
    return true;
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    const age = Date.now() - (mtimeOf(lock) ?? Date.now());
    if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  if (!isStale()) return 0;
  while (!tryLock()) await sleep(LOCK_POLL_MS);
  try {
    if (!isStale()) return 0;
    console.log('web/dist is missing or older than web/src: building the web app…');
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // Vite takes NODE_ENV from the environment: under vitest it is "test", which would ship React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) console.error('Web build failed.');
    return result.status ?? 1;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

process.exitCode = await main();
