// Presence on the allocation grid as another tab sent it (untrusted): a well-formed focus on a cell
// or a row is read, anything else reads as no focus; who focuses a cell or row leaves this tab out.
import { describe, expect, it } from 'vitest';
import { peersFocusing, readGridFocus, readGridPresence } from '@/components/live/gridPresence';

const user = (id: string) => ({ id, name: `Name ${id}`, color: '#123456' });

describe('grid presence', () => {
  it('reads a focused cell and a focused row', () => {
    expect(readGridFocus({ personId: 'p1', week: '2026-W53' })).toEqual({ personId: 'p1', week: '2026-W53' });
    expect(readGridFocus({ personId: 'p1', week: null })).toEqual({ personId: 'p1', week: null });
    expect(readGridFocus({ personId: 'p1' })).toEqual({ personId: 'p1', week: null });
  });

  it('reads a malformed focus as none', () => {
    for (const focus of [null, 'p1', 42, {}, { personId: '' }, { personId: 7, week: null }, { personId: 'x'.repeat(101) }, { personId: 'p1', week: '2026-W54' }, { personId: 'p1', week: '2026-W00' }, { personId: 'p1', week: '2026-13' }, { personId: 'p1', week: 5 }]) {
      expect(readGridFocus(focus)).toBeNull();
    }
  });

  it("lists every tab with its focus, and who else focuses a cell or a person's row", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: user('me'), focus: { personId: 'p1', week: '2027-W02' } }],
      [2, { user: user('ann'), focus: { personId: 'p1', week: '2027-W02' } }],
      [3, { user: user('bob'), focus: { personId: 'p1', week: '2027-W03' } }],
      [4, { user: user('cy'), focus: { personId: 'p2', week: null } }],
      [5, { focus: { personId: 'p1', week: '2027-W02' } }], // no user: not a person on the grid
      [6, { user: user('dee'), focus: 'p1' }],
    ]);
    const peers = readGridPresence(states, 1);
    expect(peers.map((p) => [p.clientId, p.self, p.focus])).toEqual([
      [1, true, { personId: 'p1', week: '2027-W02' }],
      [2, false, { personId: 'p1', week: '2027-W02' }],
      [3, false, { personId: 'p1', week: '2027-W03' }],
      [4, false, { personId: 'p2', week: null }],
      [6, false, null],
    ]);
    expect(peersFocusing(peers, 'p1', '2027-W02').map((p) => p.user.id)).toEqual(['ann']);
    expect(peersFocusing(peers, 'p1', null).map((p) => p.user.id)).toEqual(['ann', 'bob']);
    expect(peersFocusing(peers, 'p2', '2027-W02')).toEqual([]);
  });
});
