/**
 * Child processes of the proxy benchmark. The backend, each proxy and the load generator run as separate
 * processes, as they would in a deployment, so their CPU use competes the way it really would. Every child is
 * tracked here and killed on exit, error or signal: a benchmark must never leave servers running.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const STDERR_KEEP = 8_192;
const live = new Set<ChildProcess>();

export interface Service {
  readonly name: string;
  readonly port: number;
  readonly proc: ChildProcess;
}

/** Keeps the tail of a child's stderr for error messages, and drains the pipe so the child never blocks on it. */
function captureStderr(proc: ChildProcess): () => string {
  let tail = '';
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (text: string) => {
    tail = (tail + text).slice(-STDERR_KEEP);
  });
  return () => tail.trim();
}

function track(proc: ChildProcess): void {
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
}

/** A node:http child that reports `{ port }` over IPC once it listens. */
export function forkService(name: string, file: string, env: Record<string, string> = {}, timeoutMs = 15_000): Promise<Service> {
  const proc = fork(file, [], {
    execPath: process.execPath,
    // Not the parent's flags: a --cpu-prof given to the benchmark must not profile its children too.
    execArgv: [],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  track(proc);
  const stderr = captureStderr(proc);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not report its port within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`${name} exited during startup (code ${code ?? '-'}, signal ${signal ?? '-'}): ${stderr() || 'no stderr'}`));
    function fail(err: Error): void {
      clearTimeout(timer);
      proc.off('exit', onExit);
      reject(err);
    }
    proc.once('exit', onExit);
    proc.on('message', (message: unknown) => {
      const port = (message as { port?: unknown } | null)?.port;
      if (typeof port !== 'number') return;
      clearTimeout(timer);
      proc.off('exit', onExit);
      resolve({ name, port, proc });
    });
  });
}

/** Starts a child as a user would (`node <args>`), then waits for `readyUrl` to answer 200. */
export async function spawnService(
  name: string,
  args: readonly string[],
  options: { cwd: string; port: number; readyUrl: string; timeoutMs?: number },
): Promise<Service> {
  const proc = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  track(proc);
  const stderr = captureStderr(proc);
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`${name} exited during startup (code ${proc.exitCode ?? '-'}, signal ${proc.signalCode ?? '-'}): ${stderr() || 'no stderr'}`);
    }
    try {
      const res = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { name, port: options.port, proc };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${name} did not answer ${options.readyUrl} with 200 in time: ${stderr() || 'no stderr'}`);
}

/** A port that was free a moment ago, for a child that cannot report the one it bound. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** SIGTERM, then SIGKILL after a grace period, for every child still running. */
export async function stopAll(graceMs = 3_000): Promise<void> {
  await Promise.all(
    [...live].map(async (proc) => {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** The last resort on process exit, where nothing asynchronous can run. */
export function killAllNow(): void {
  for (const proc of live) proc.kill('SIGKILL');
}
