// Starts Waymark's process composition without Next (tests/collab/fixtures/collabProcess.ts) as a
// child process on a database that outlives it, for crash, shutdown and kill tests and benches.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** A TCP port free right now on 127.0.0.1 (so a restarted server can take the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server process. `env` selects the database: DATABASE_URL (Postgres) or DATA_DIR
 * (PGlite in a folder). PORT 0 picks a free port.
 */
export function startServerProcess(env: Record<string, string>, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/collab/fixtures/collabProcess.ts'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), exited, kill });
    });
    void exited.then((code) => reject(new Error(`server process exited before it was ready (${code})`)));
  });
}

export async function createTeamOn(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/team`, { method: 'POST' });
  if (!response.ok) throw new Error(`could not create a team: ${response.status}`);
  return (await response.json()) as { projectId: string; ownerCookie: string; editorCookie: string };
}
