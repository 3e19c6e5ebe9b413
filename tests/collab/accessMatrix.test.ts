// Who may do what on every kind of live board, table-driven: the table is typed by the board
// kinds, and checked against them at run time, so a new kind without rows fails.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardKinds, type BoardKind } from '@/server/collab/liveBoards';
import { closeCodes } from '@/server/collab/protocol';
import { UpdateLog } from '@/server/collab/updateLog';
import { personas, projectWithTeam, type Persona } from '../support/factories';
import { connectClient, eventually, rawSocket, roomOf, startCollabServer, type Harness } from './harness';

type Outcome = { refused: number } | 'reads' | 'reads and writes';

const everyBoard: Record<Persona, Outcome> = {
  anonymous: { refused: closeCodes.unauthenticated },
  stranger: { refused: closeCodes.boardNotFound },
  viewer: 'reads',
  editor: 'reads and writes',
  owner: 'reads and writes',
};
const expected: Record<BoardKind, Record<Persona, Outcome>> = {
  risks: everyBoard,
  plan: everyBoard,
  meeting: everyBoard,
  // Only the server writes the people board (its change signal); resources change through tRPC.
  people: { ...everyBoard, editor: 'reads', owner: 'reads' },
};

let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
const rooms = {} as Record<BoardKind, string>;
beforeAll(async () => {
  h = await startCollabServer();
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  for (const kind of boardKinds) rooms[kind] = await roomOf(kind, team);
});
afterAll(async () => {
  await h?.close();
});

describe('live board access matrix', () => {
  it('has a row for every board kind and persona', () => {
    expect(Object.keys(expected).sort()).toEqual([...boardKinds].sort());
    for (const kind of boardKinds) expect(Object.keys(expected[kind]).sort()).toEqual([...personas].sort());
  });

  for (const kind of boardKinds) {
    for (const persona of personas) {
      const outcome = expected[kind][persona];
      it(`${kind}: ${persona} ${typeof outcome === 'string' ? outcome : `is refused with ${outcome.refused}`}`, async () => {
        const room = rooms[kind];
        const cookie = persona === 'anonymous' ? undefined : team.users[persona].cookie;
        if (typeof outcome === 'object') {
          const s = rawSocket(`${h.url}/${room}`, { cookie });
          expect((await s.closed).code).toBe(outcome.refused);
          expect(s.frames).toHaveLength(0);
          return;
        }
        const client = connectClient(h.url, room, cookie!);
        const owner = connectClient(h.url, room, team.users.owner.cookie);
        await Promise.all([client.synced, owner.synced]);
        const key = `written-by-${persona}-${Math.random()}`;
        client.doc.getMap('probe').set(key, true);
        // Presence sent after the write on the same socket: once the owner sees it, the server has
        // handled the write too (and flushProjections waits for its commit).
        client.provider.awareness.setLocalStateField('probe', key);
        await eventually(() => expect(owner.provider.awareness.getStates().get(client.doc.clientID)?.probe).toBe(key));
        await h.documents.flushProjections();
        const stored = new Y.Doc();
        for (const { data } of (await new UpdateLog(h.db).load(room)).updates) Y.applyUpdate(stored, data);
        const written = outcome === 'reads and writes';
        expect(stored.getMap('probe').has(key)).toBe(written);
        if (written) await eventually(() => expect(owner.doc.getMap('probe').get(key)).toBe(true));
        else expect(owner.doc.getMap('probe').has(key)).toBe(false);
        client.destroy();
        owner.destroy();
      });
    }
  }
});
