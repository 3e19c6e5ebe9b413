// `npm start`: production mode on one command. Builds the app first when no build exists, then
// starts the server (migrations and the demo seed run there) in this same process.
// package.json runs it as `exec node --import tsx server/start.ts`: `exec` replaces npm's shell, so
// npm's SIGTERM (and Ctrl-C) reach this process, which saves the live boards and exits (server/app.ts
// stopOnSignals). Without it the shell dies alone and leaves the server running.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';

/**
 * Runs `next build` (Next's own CLI, not through npx: no further shell or npm in between), passing
 * SIGTERM and SIGINT on to it. Resolves with its exit code, or the signal's when one stopped it.
 */
async function buildApp(): Promise<number> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const build = spawn(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  let stoppedBy: NodeJS.Signals | undefined;
  const relay = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    build.kill(signal);
  };
  process.on('SIGTERM', relay);
  process.on('SIGINT', relay);
  const exitCode = await new Promise<number | null>((resolve) => build.once('exit', (code) => resolve(code)));
  process.off('SIGTERM', relay);
  process.off('SIGINT', relay);
  if (stoppedBy) return 128 + (stoppedBy === 'SIGINT' ? 2 : 15);
  return exitCode ?? 1;
}

if (!existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running `next build` (about two minutes on 2 cores)…');
  const code = await buildApp();
  if (code !== 0) process.exit(code);
}
await import('./main');
