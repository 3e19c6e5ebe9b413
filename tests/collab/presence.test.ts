// Presence rules with real clients: a socket sets only its own client id's presence (the first it
// announces), never another's; what the server relays is stamped with the session user, a name
// stored before names were limited is cut to the limit, and presence that stamping would push over
// the awareness limit is refused (1009) instead of relayed.
import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { user } from '@/db/schema';
import { userNameMaxLength } from '@/server/domain/userProfile';
import { closeCodes, messageAwareness } from '@/server/collab/protocol';
import { addToProject, createUser, projectWithTeam, uniqueSuffix } from '../support/factories';
import { connectClient, eventually, rawSocket, startCollabServer, type Client, type Harness } from './harness';

const maxAwarenessBytes = 8 * 1024;
let h: Harness;
let team: Awaited<ReturnType<typeof projectWithTeam>>;
let room: string;

beforeAll(async () => {
  h = await startCollabServer({ limits: { maxAwarenessBytes } });
  team = await projectWithTeam({ db: h.db, auth: h.auth, live: h.documents });
  room = `risks:${team.project.id}`;
});
afterAll(async () => {
  await h?.close();
});

/** A y-protocols awareness posing as Yjs client `clientId`, to write updates a hostile socket sends. */
function forgedAwareness(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  return {
    awareness,
    /** The awareness message carrying this client's current entry. */
    message() {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
      return encoding.toUint8Array(encoder);
    },
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** A raw socket of `cookie` on the board, admitted, that announced `state` (if given) as its own presence. */
async function hostileSocket(cookie: string, state?: Record<string, unknown>) {
  const socket = rawSocket(`${h.url}/${room}`, { cookie });
  await socket.opened;
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0));
  const own = forgedAwareness(Math.floor(Math.random() * 2 ** 30));
  if (state) {
    own.awareness.setLocalState(state);
    socket.ws.send(own.message());
  }
  return { ...socket, own };
}

function presenceOf(client: Client, clientId: number) {
  return client.provider.awareness.getStates().get(clientId);
}

describe("the app's client", () => {
  it("sends only its own presence: others' caret moves it receives are not sent back", async () => {
    const mover = connectClient(h.url, room, team.users.editor.cookie);
    const listener = connectClient(h.url, room, team.users.owner.cookie);
    await Promise.all([mover.synced, listener.synced]);
    const ws = listener.provider.ws!;
    const sent: Uint8Array[] = [];
    const send = ws.send.bind(ws);
    ws.send = ((data: Uint8Array) => {
      sent.push(new Uint8Array(data));
      send(data);
    }) as typeof ws.send;
    const awarenessSent = () => sent.filter((frame) => frame[0] === messageAwareness).length;

    for (let i = 1; i <= 20; i++) mover.provider.awareness.setLocalStateField('editing', `caret-${i}`);
    await eventually(() => expect(presenceOf(listener, mover.doc.clientID)?.editing).toBe('caret-20'));
    expect(awarenessSent()).toBe(0);

    // Its own changes still go out, and reach the others.
    listener.provider.awareness.setLocalStateField('editing', 'mine');
    await eventually(() => expect(presenceOf(mover, listener.doc.clientID)?.editing).toBe('mine'));
    expect(awarenessSent()).toBe(1);
    mover.destroy();
    listener.destroy();
  });
});

describe('presence spoofing', () => {
  it("a viewer's socket cannot change, remove or add presence for other client ids; a third member sees the victim unchanged", async () => {
    const victim = connectClient(h.url, room, team.users.editor.cookie);
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await Promise.all([victim.synced, observer.synced]);
    victim.provider.awareness.setLocalStateField('editing', 'item-1');
    const victimId = victim.doc.clientID;
    await eventually(() => expect(presenceOf(observer, victimId)?.editing).toBe('item-1'));

    const attacker = await hostileSocket(team.users.viewer.cookie, { editing: 'attacker-here' });
    await eventually(() => expect(presenceOf(observer, attacker.own.awareness.clientID)?.editing).toBe('attacker-here'));

    // Change the victim's presence (a clock well ahead of its own), then remove it.
    const forgedVictim = forgedAwareness(victimId);
    for (let i = 0; i < 20; i++) forgedVictim.awareness.setLocalState({ editing: 'hacked', user: { name: 'Victim' } });
    attacker.ws.send(forgedVictim.message());
    awarenessProtocol.removeAwarenessStates(forgedVictim.awareness, [victimId], 'test');
    attacker.ws.send(forgedVictim.message());
    // Add a made-up client.
    const phantom = forgedAwareness(victimId + 1);
    phantom.awareness.setLocalState({ editing: 'phantom' });
    attacker.ws.send(phantom.message());
    // Its own presence still goes through, after all of the above.
    attacker.own.awareness.setLocalStateField('editing', 'done');
    attacker.ws.send(attacker.own.message());

    await eventually(() => expect(presenceOf(observer, attacker.own.awareness.clientID)?.editing).toBe('done'));
    expect(presenceOf(observer, victimId)?.editing).toBe('item-1');
    expect(observer.provider.awareness.getStates().has(victimId + 1)).toBe(false);
    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN);

    for (const f of [forgedVictim, phantom, attacker.own]) f.destroy();
    attacker.ws.close();
    victim.destroy();
    observer.destroy();
  });

  it('a socket sets only the first client id it announces; a second one is ignored', async () => {
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await observer.synced;
    const editor = await hostileSocket(team.users.editor.cookie, { editing: 'first' });
    const firstId = editor.own.awareness.clientID;
    await eventually(() => expect(presenceOf(observer, firstId)?.editing).toBe('first'));
    const second = forgedAwareness(firstId + 7);
    second.awareness.setLocalState({ editing: 'second tab on one socket' });
    editor.ws.send(second.message());
    editor.own.awareness.setLocalStateField('editing', 'still first');
    editor.ws.send(editor.own.message());
    await eventually(() => expect(presenceOf(observer, firstId)?.editing).toBe('still first'));
    expect(observer.provider.awareness.getStates().has(firstId + 7)).toBe(false);
    second.destroy();
    editor.own.destroy();
    editor.ws.close();
    await eventually(() => expect(observer.provider.awareness.getStates().has(firstId)).toBe(false));
    observer.destroy();
  });

  it("a socket cannot take over the client id of someone whose connection dropped; they get it back", async () => {
    const victim = connectClient(h.url, room, team.users.editor.cookie);
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await Promise.all([victim.synced, observer.synced]);
    const victimId = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField('editing', 'before');
    await eventually(() => expect(presenceOf(observer, victimId)?.editing).toBe('before'));
    victim.provider.disconnect();
    await eventually(() => expect(observer.provider.awareness.getStates().has(victimId)).toBe(false));

    // The squatter's first announcement is the victim's client id.
    const squatter = await hostileSocket(team.users.viewer.cookie);
    const squat = forgedAwareness(victimId);
    for (let i = 0; i < 20; i++) squat.awareness.setLocalState({ editing: 'squatted' });
    squatter.ws.send(squat.message());
    squatter.own.awareness.setLocalState({ editing: 'squatter-own' });
    squatter.ws.send(squatter.own.message());
    await eventually(() => expect(presenceOf(observer, squatter.own.awareness.clientID)?.editing).toBe('squatter-own'));
    expect(observer.provider.awareness.getStates().has(victimId)).toBe(false);

    victim.provider.connect();
    for (let i = 0; i < 25; i++) victim.provider.awareness.setLocalStateField('editing', `back ${i}`);
    await eventually(() => expect(presenceOf(observer, victimId)?.editing).toBe('back 24'));
    for (const f of [squat, squatter.own]) f.destroy();
    squatter.ws.close();
    victim.destroy();
    observer.destroy();
  });

  it('a reconnecting client keeps its presence, and honest clients echoing others do not disturb it', async () => {
    const a = connectClient(h.url, room, team.users.editor.cookie);
    const b = connectClient(h.url, room, team.users.viewer.cookie);
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await Promise.all([a.synced, b.synced, observer.synced]);
    a.provider.awareness.setLocalStateField('editing', 'a-1');
    b.provider.awareness.setLocalStateField('editing', 'b-1');
    await eventually(() => {
      expect(presenceOf(observer, a.doc.clientID)?.editing).toBe('a-1');
      expect(presenceOf(observer, b.doc.clientID)?.editing).toBe('b-1');
    });
    a.provider.disconnect();
    await eventually(() => expect(observer.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
    a.provider.connect();
    await a.synced;
    a.provider.awareness.setLocalStateField('editing', 'a-2');
    await eventually(() => expect(presenceOf(observer, a.doc.clientID)?.editing).toBe('a-2'));
    expect(presenceOf(observer, b.doc.clientID)?.editing).toBe('b-1');
    for (const c of [a, b, observer]) c.destroy();
  });
});

describe('presence size after stamping', () => {
  it('a name stored before names were limited is cut to the limit in presence', async () => {
    const longName = await createUser(h.auth, 'Long');
    await h.db.update(user).set({ name: `Long ${'n'.repeat(50_000)}` }).where(eq(user.id, longName.id));
    await addToProject({ db: h.db, auth: h.auth, live: h.documents }, team.users.owner, team.project.id, longName, 'viewer');
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    const long = connectClient(h.url, room, longName.cookie);
    await Promise.all([observer.synced, long.synced]);
    long.provider.awareness.setLocalStateField('user', { id: longName.id, name: 'short', color: '#0f766e' });
    const shown = await eventually(() => {
      const name = (presenceOf(observer, long.doc.clientID)?.user as { name?: string } | undefined)?.name;
      expect(name?.startsWith('Long nnn')).toBe(true);
      return name!;
    });
    expect(shown).toHaveLength(userNameMaxLength);
    long.destroy();
    observer.destroy();
  });

  it('presence that stamping would push over the awareness limit is refused with 1009, never relayed', async () => {
    const observer = connectClient(h.url, room, team.users.owner.cookie);
    await observer.synced;
    const seen: string[] = [];
    const padded = `pad-${uniqueSuffix()}`;
    observer.provider.awareness.on('change', () => {
      for (const state of observer.provider.awareness.getStates().values()) if (typeof state.pad === 'string') seen.push(state.pad.slice(0, 20));
    });
    const sender = await hostileSocket(team.users.editor.cookie, { editing: 'small' });
    const senderId = sender.own.awareness.clientID;
    await eventually(() => expect(presenceOf(observer, senderId)?.editing).toBe('small'));
    // Just under the limit as sent; stamping the session user's id and name pushes it over.
    sender.own.awareness.setLocalState({ user: {}, pad: padded });
    const base = sender.own.message().byteLength;
    sender.own.awareness.setLocalState({ user: {}, pad: padded + 'x'.repeat(maxAwarenessBytes - base - 8) });
    expect(sender.own.message().byteLength).toBeLessThanOrEqual(maxAwarenessBytes);
    sender.ws.send(sender.own.message());
    expect((await sender.closed).code).toBe(closeCodes.messageTooBig);
    // The socket's presence is removed when it closes: anything relayed before would have arrived first.
    await eventually(() => expect(observer.provider.awareness.getStates().has(senderId)).toBe(false));
    expect(seen.filter((pad) => pad.startsWith(padded.slice(0, 20)))).toEqual([]);
    sender.own.destroy();
    observer.destroy();
  });
});
