/**
 * Runs `astro dev` for a test, as `npm run dev` does, on a free port of 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { childEnv, projectRoot } from './build';

/** A running development server. */
export interface DevServer {
  /** Its origin with a trailing `/`. */
  url: string;
  /** Stops it. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `astro dev` with extra environment variables and waits until it serves pages. */
export async function startDevServer(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      // Runs beside a developer's own dev server instead of refusing to start.
      '--ignore-lock',
    ],
    {
      cwd: projectRoot,
      // Without the test runner's variables, which would make Astro believe it runs inside a test.
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    try {
      // A request made while Vite restarts for newly optimized dependencies can hang; retry instead.
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return { url, stop };
    } catch {
      // Not listening yet, or restarting.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro dev did not start within ${timeoutMs} ms:\n${output}`);
}
