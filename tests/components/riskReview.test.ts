// @vitest-environment happy-dom
// Risk review mode rendered in a DOM, connected to the risk board the way the page connects it (the
// risk board's own connector), with the socket replaced by two Y.Docs kept in sync: the review's
// copy of `risks:<projectId>` and the risk board's copy in another tab. Checks the walk's order
// (active risks by score, highest first; closed risks and other kinds left out), Previous / Next
// and the keys, that edits made in the review reach the risk board's document and the board's
// edits reach the review, and that "Mark reviewed" writes the meeting's document.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { insertRaidItem, raidItemText, readRaidItems, updateRaidItem } from '@/server/collab/boards/riskDocument';
import { endMeeting, readReviews } from '@/server/collab/boards/meetingDocument';
import type { RaidFields } from '@/server/domain/risk';
import { useLiveBoard } from '@/components/live/useLiveBoard';
import { RiskReview } from '@/components/meetings/RiskReview';

vi.mock('@/components/live/useLiveBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/components/live/useLiveBoard')>()),
  useLiveBoard: vi.fn(),
}));

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';
const reviewer = { id: 'user-priya', name: 'Priya', color: '#6366f1' };
const members = [
  { userId: 'user-priya', name: 'Priya' },
  { userId: 'user-sam', name: 'Sam' },
];

let reviewDoc: Y.Doc;
let boardDoc: Y.Doc;
let meetingDoc: Y.Doc;
let awareness: Awareness;

/** Two copies of one document, each update of one applied to the other (what the server relays). */
function keepInSync(a: Y.Doc, b: Y.Doc) {
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
}

beforeEach(() => {
  reviewDoc = new Y.Doc();
  boardDoc = new Y.Doc();
  meetingDoc = new Y.Doc();
  keepInSync(reviewDoc, boardDoc);
  awareness = new Awareness(reviewDoc);
  // One value for every render, as the real hook's state is: a new one each time would re-render forever.
  const board: ReturnType<typeof useLiveBoard> = {
    doc: reviewDoc,
    awareness,
    presence: [],
    everSynced: true,
    setEditing: (id: string | null) => awareness.setLocalStateField('editing', id),
    status: 'saved',
    refusal: null,
  };
  vi.mocked(useLiveBoard).mockImplementation(() => board);
});

afterEach(() => {
  cleanup();
  awareness.destroy();
  vi.mocked(useLiveBoard).mockReset();
});

/** Risks written on the risk board (the other tab); returns their ids by title. */
function onTheRiskBoard(risks: Partial<RaidFields>[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const fields of risks) ids[fields.title!] = insertRaidItem(boardDoc, fields, 'user-sam');
  return ids;
}

function boardItem(id: string) {
  return readRaidItems(boardDoc).find((item) => item.id === id)!.fields;
}

const title = () => screen.getByTestId('review-risk-title').textContent;
const position = () => screen.getByTestId('review-position').textContent;
const press = (key: string) => fireEvent.keyDown(screen.getByTestId('review-risk-title'), { key });

function renderReview(canEdit = true) {
  return render(createElement(RiskReview, { projectId, meetingDoc, user: reviewer, members, canEdit }));
}

describe('risk review mode', () => {
  it('walks the active risks by score, highest first, one at a time, with Previous / Next and the keys', () => {
    onTheRiskBoard([
      { title: 'Vendor late', likelihood: 4, impact: 5 },
      { title: 'Key person leaves', likelihood: 3, impact: 3, status: 'mitigating' },
      { title: 'Data loss in migration', likelihood: 5, impact: 5 },
      { title: 'Not rated yet' },
      { title: 'Old licence risk', likelihood: 5, impact: 5, status: 'closed' },
      { title: 'Accepted budget risk', likelihood: 5, impact: 4, status: 'accepted' },
      { title: 'Build server is down', kind: 'issue', likelihood: 5, impact: 5 },
    ]);
    renderReview();
    expect(vi.mocked(useLiveBoard)).toHaveBeenCalledWith(`risks:${projectId}`, reviewer);

    expect(title()).toBe('Data loss in migration');
    expect(position()).toBe('Risk 1 of 4');
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(title()).toBe('Vendor late');
    expect(position()).toBe('Risk 2 of 4');
    // The reviewed risk's heading takes the focus, so a screen reader hears which risk it is.
    expect(document.activeElement).toBe(screen.getByTestId('review-risk-title'));

    press('n');
    expect(title()).toBe('Key person leaves');
    press('ArrowRight');
    expect(title()).toBe('Not rated yet');
    expect(position()).toBe('Risk 4 of 4');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
    press('n');
    expect(title()).toBe('Not rated yet');

    press('p');
    expect(title()).toBe('Key person leaves');
    press('ArrowLeft');
    expect(title()).toBe('Vendor late');
    // Typing in a field is typing, not a shortcut.
    fireEvent.keyDown(screen.getByLabelText('Mitigation plan'), { key: 'n' });
    expect(title()).toBe('Vendor late');
  });

  it("writes rating, owner, status and mitigation into the risk board's document, and shows the board's edits live", () => {
    const ids = onTheRiskBoard([
      { title: 'Vendor late', likelihood: 4, impact: 5, mitigation: 'Second supplier' },
      { title: 'Key person leaves', likelihood: 3, impact: 3 },
    ]);
    const vendor = ids['Vendor late']!;
    renderReview();
    expect(title()).toBe('Vendor late');
    // The risk board sees who has this risk open.
    expect(awareness.getLocalState()?.editing).toBe(vendor);

    fireEvent.change(screen.getByLabelText('Impact'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'user-sam' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'mitigating' } });
    const mitigation = screen.getByLabelText('Mitigation plan') as HTMLTextAreaElement;
    mitigation.value = 'Second supplier, signed';
    mitigation.setSelectionRange(mitigation.value.length, mitigation.value.length);
    fireEvent.input(mitigation);

    expect(boardItem(vendor)).toMatchObject({ likelihood: 4, impact: 2, ownerId: 'user-sam', status: 'mitigating', mitigation: 'Second supplier, signed' });
    // Rated down below the next risk, it stays where the walk is: the order is kept once walked.
    expect(title()).toBe('Vendor late');
    expect(position()).toBe('Risk 1 of 2');
    expect(screen.getByTestId('editor-score').textContent).toBe('8');

    // Someone on the risk board changes the likelihood and types in the mitigation: the review shows it.
    act(() => {
      updateRaidItem(boardDoc, vendor, { likelihood: 1 });
      raidItemText(boardDoc, vendor, 'mitigation')!.insert(0, 'Plan B: ');
    });
    expect((screen.getByLabelText('Likelihood') as HTMLSelectElement).value).toBe('1');
    expect(mitigation.value).toBe('Plan B: Second supplier, signed');
    expect(screen.getByTestId('editor-score').textContent).toBe('2');
  });

  it("marks a risk reviewed in the meeting's document and moves on", () => {
    const ids = onTheRiskBoard([
      { title: 'Vendor late', likelihood: 4, impact: 5 },
      { title: 'Key person leaves', likelihood: 3, impact: 3 },
    ]);
    renderReview();
    expect(screen.getByTestId('review-state').textContent).toBe('Not reviewed in this meeting yet');
    fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed, next risk' }));

    expect(readReviews(meetingDoc)).toEqual([expect.objectContaining({ riskId: ids['Vendor late'], reviewedBy: reviewer.id })]);
    expect(title()).toBe('Key person leaves');
    expect(screen.getByTestId('reviewed-count').textContent).toBe('1 of 2 reviewed in this meeting');
    press('r');
    expect(readReviews(meetingDoc).map((r) => r.riskId).sort()).toEqual([ids['Vendor late'], ids['Key person leaves']].sort());
    press('p');
    expect(screen.getByTestId('review-state').textContent).toMatch(/^Reviewed in this meeting at \d\d:\d\d$/);
  });

  it('is read-only for a viewer and once the meeting has ended: nothing is written', () => {
    const ids = onTheRiskBoard([{ title: 'Vendor late', likelihood: 4, impact: 5 }]);
    const before = Y.encodeStateVector(boardDoc);
    const view = renderReview(false);
    expect(screen.getByLabelText('Impact')).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Mark reviewed' })).toHaveProperty('disabled', true);
    press('r');
    expect(readReviews(meetingDoc)).toEqual([]);
    view.unmount();

    act(() => endMeeting(meetingDoc));
    renderReview(true);
    expect(screen.getByText('This meeting has ended: the review is read-only.')).toBeTruthy();
    expect(screen.getByLabelText('Status')).toHaveProperty('disabled', true);
    press('r');
    expect(readReviews(meetingDoc)).toEqual([]);
    expect(Y.encodeStateVector(boardDoc)).toEqual(before);
    expect(boardItem(ids['Vendor late']!).impact).toBe(5);
  });
});
