// Makes the database refuse appends to the update log for real, for chosen boards: a trigger on
// board_update raises while a flag row names the board, as a full disk or a failing constraint
// would. Each call has its own table, function and trigger, so test files running side by side on
// one database do not undo each other's; `remove()` drops them.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { uniqueSuffix } from './factories';

export async function refusedAppends(db: Database) {
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/gi, '').toLowerCase();
  const table = sql.identifier(`test_refused_board_${suffix}`);
  const fn = sql.identifier(`test_refuse_append_${suffix}`);
  const trigger = sql.identifier(`test_refuse_append_${suffix}`);
  await db.execute(sql`create table ${table} (board text primary key)`);
  await db.execute(sql`
    create function ${fn}() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from ${table} where board = new.board) then
        raise exception 'test: appends to % are refused', new.board;
      end if;
      return new;
    end $$`);
  await db.execute(sql`create trigger ${trigger} before insert on board_update for each row execute function ${fn}()`);
  return {
    refuse: (board: string) => db.execute(sql`insert into ${table} (board) values (${board})`),
    allow: (board: string) => db.execute(sql`delete from ${table} where board = ${board}`),
    async remove() {
      await db.execute(sql`drop trigger if exists ${trigger} on board_update`);
      await db.execute(sql`drop function if exists ${fn}()`);
      await db.execute(sql`drop table if exists ${table}`);
    },
  };
}
