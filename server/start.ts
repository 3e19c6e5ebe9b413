// `npm start`: production mode on one command. Builds the app first when no build exists, then
// starts the server (migrations and the demo seed run there).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
if (!existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running `next build` (about a minute)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('./main');
