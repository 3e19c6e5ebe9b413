// @vitest-environment happy-dom
// The decisions on a risk's or plan item's detail, rendered in a DOM with a tRPC client whose link
// answers itemMeetings.forItem from a fixture: it asks for the item it is given, lists each decision
// with its day and a link to its meeting's board, and says when a risk review last walked the risk.
import { cleanup, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemDecisions } from '@/components/meetings/ItemDecisions';
import type { ItemMeetings } from '@/server/data/itemMeetings';
import { renderWithTrpc } from '../support/renderWithTrpc';

afterEach(cleanup);

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';

function renderWith(answer: ItemMeetings, props: { kind: 'raid' | 'milestone'; itemId: string }) {
  return renderWithTrpc(createElement(ItemDecisions, { projectId, ...props }), () => answer);
}

describe('ItemDecisions', () => {
  it("lists a risk's decisions with their day and meeting, and its last review", async () => {
    const asked = renderWith(
      {
        decisions: [
          { id: 'D-2', meetingId: 'm-april', meetingTitle: 'Steering, April', text: 'Move the cut-over a week', decidedBy: 'Steering committee', decidedAt: '2027-04-02' },
          { id: 'D-1', meetingId: 'm-march', meetingTitle: 'Risk review, March', text: 'Ask the vendor for a second site', decidedBy: '', decidedAt: '2027-03-01' },
        ],
        lastReview: { meetingId: 'm-march', meetingTitle: 'Risk review, March', reviewedAt: new Date(2027, 2, 15, 9, 20), reviewedBy: 'u1', reviewerName: 'Priya' },
      },
      { kind: 'raid', itemId: 'R-1' },
    );
    const items = await screen.findAllByRole('listitem');
    expect(asked).toEqual([{ path: 'itemMeetings.forItem', input: { projectId, kind: 'raid', itemId: 'R-1' } }]);
    expect(items.map((li) => li.textContent)).toEqual([
      'Move the cut-over a week2 Apr 2027, Steering committee, in Steering, April',
      'Ask the vendor for a second site1 Mar 2027, in Risk review, March',
    ]);
    expect(screen.getByRole('link', { name: 'Steering, April' }).getAttribute('href')).toBe(`/p/${projectId}/meetings/m-april`);
    expect(screen.getByTestId('last-review').textContent).toBe('Reviewed on 15 Mar 2027 in Risk review, March by Priya');
    expect(screen.getByTestId('last-review').querySelector('a')!.getAttribute('href')).toBe(`/p/${projectId}/meetings/m-march`);
  });

  it('says so when no meeting decided anything about the item, and shows no review line', async () => {
    renderWith({ decisions: [], lastReview: null }, { kind: 'milestone', itemId: 'M-1' });
    expect(await screen.findByText('No meeting has recorded a decision about this yet.')).toBeTruthy();
    expect(screen.queryByTestId('last-review')).toBeNull();
  });
});
