// @vitest-environment happy-dom
// The "Since last meeting" section as the meeting page renders it: each entry links to its item,
// a deleted item is marked and not linked, and an empty window says so.
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SinceLastMeeting } from '@/components/meetings/SinceLastMeeting';
import type { MeetingSinceView } from '@/server/data/meetingSince';

afterEach(cleanup);

const empty: MeetingSinceView = {
  projectId: 'p1',
  meetingId: 'm2',
  from: '2026-11-23T10:00:00.000Z',
  until: '2026-11-30T10:00:00.000Z',
  basis: 'series',
  previous: { id: 'm1', title: 'Weekly sync', startsAt: '2026-11-23T09:30:00.000Z' },
  risks: { added: [], escalated: [], closed: [], removed: [] },
  milestones: { slipped: [], moved: [], done: [] },
  actions: { done: [], overdue: [] },
  updates: [],
  ownerNames: {},
  count: 0,
};

describe('SinceLastMeeting', () => {
  it('links each entry to its item; a deleted risk is marked, not linked', () => {
    const since: MeetingSinceView = {
      ...empty,
      risks: {
        ...empty.risks,
        escalated: [{ id: 'R-7', title: 'Vendor insolvency', kind: 'risk', band: 'critical', fromBand: 'medium', status: 'open', deleted: false }],
        removed: [{ id: 'R-9', title: 'Old staging risk', kind: 'risk', band: null, fromBand: null, status: 'open', deleted: true }],
      },
      milestones: { ...empty.milestones, slipped: [{ id: 'M-1', title: 'Cut-over', from: '2026-12-01', to: '2026-12-08', days: 7 }] },
      actions: { done: [], overdue: [{ id: 'A-1', meetingId: 'm1', title: 'Sign the SOW', ownerId: 'u1', due: '2026-11-20' }] },
      updates: [{ id: 'U-1', health: 'at_risk', publishedAt: '2026-11-25T12:00:00.000Z' }],
      ownerNames: { u1: 'Ada Lovelace' },
      count: 5,
    };
    render(createElement(SinceLastMeeting, { since }));
    const section = screen.getByRole('region', { name: 'Since last meeting' });
    expect(within(section).getByRole('link', { name: 'Vendor insolvency' }).getAttribute('href')).toBe('/p/p1/risks?item=R-7');
    expect(within(section).getByText('was medium')).toBeTruthy();
    expect(within(section).queryByRole('link', { name: /Old staging risk/ })).toBeNull();
    expect(within(section).getByText('deleted')).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Cut-over' }).getAttribute('href')).toBe('/p/p1/plan?item=M-1');
    expect(within(section).getByText(/7 days later/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Sign the SOW' }).getAttribute('href')).toBe('/p/p1/actions');
    expect(within(section).getByText(/Ada Lovelace · due 20 Nov/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: /Update of 25 Nov/ }).getAttribute('href')).toBe('/p/p1/updates#update-U-1');
    expect(within(section).getByRole('heading', { name: /Risks escalated/ })).toBeTruthy();
    expect(within(section).queryByRole('heading', { name: /Risks added/ })).toBeNull();
  });

  it('says nothing changed when the window is empty, and since which meeting', () => {
    render(createElement(SinceLastMeeting, { since: empty }));
    const section = screen.getByRole('region', { name: 'Since last meeting' });
    expect(within(section).getByText('Nothing changed.')).toBeTruthy();
    expect(within(section).getByText(/since Weekly sync on 23 Nov/)).toBeTruthy();
  });
});
