// The CPU (user + system) of the Postgres backends serving one database, from /proc (Linux, the
// database on this machine): Waymark commits every update there and Hocuspocus stores every few
// seconds, so a server process's own CPU leaves that share out. Null where it cannot be read.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const msPerTick = 10; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, may hold spaces): state, then utime and stime at 12 and 13.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

export async function watchPostgresCpu(databaseUrl: string): Promise<{ sinceStartMs(): Promise<number | null>; close(): Promise<void> }> {
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(databaseUrl).hostname);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const backends = async () => {
    const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    return new Map(rows.map(({ pid }) => [pid, ticksOf(pid)]));
  };
  const start = local ? await backends() : new Map<number, number | undefined>();
  const readable = local && [...start.values()].every((ticks) => ticks !== undefined);
  return {
    sinceStartMs: async () => {
      if (!readable) return null;
      let ticks = 0;
      // Backends that left in between are missed; the servers' pools keep theirs open.
      for (const [pid, now] of await backends()) ticks += (now ?? 0) - (start.get(pid) ?? 0);
      return ticks * msPerTick;
    },
    close: () => sql.end(),
  };
}
