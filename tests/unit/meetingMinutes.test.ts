// A meeting's minutes as Markdown: the notes as Tiptap writes them into the Y.XmlFragment (encoded
// here by Tiptap's own Yjs binding, with the editor's schema), and the whole export; the status
// draft started from the minutes.
import { getSchema } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Mention from '@tiptap/extension-mention';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertAction, insertAgendaItem, insertDecision, notesFragment, readMeetingBoard, setActionDone } from '@/server/collab/boards/meetingDocument';
import { notesToMarkdown } from '@/server/collab/boards/notesMarkdown';
import { meetingMinutesMarkdown, minutesFileName, statusDraftFromMinutes, type MinutesContext, type MinutesMeeting } from '@/server/domain/meetingMinutes';
import { renderMarkdown } from '@/server/status/markdown';

const schema = getSchema([StarterKit, TaskList, TaskItem.configure({ nested: true }), Mention]);

const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (type: 'listItem' | 'taskItem', content: unknown[], attrs?: Record<string, unknown>) => ({ type, ...(attrs ? { attrs } : {}), content });

function notesOf(content: unknown[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, notesFragment(doc));
  return doc;
}

describe('meeting notes as Markdown', () => {
  it('notes: headings 1-3, paragraphs, marks, links and mentions', () => {
    const doc = notesOf([
      { type: 'heading', attrs: { level: 1 }, content: [text('Weekly sync')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Vendor')] },
      paragraph(
        text('Ask '),
        { type: 'mention', attrs: { id: 'u-ada', label: 'Ada Lovelace' } },
        text(' about the '),
        text('contract', [{ type: 'bold' }]),
        text(', see '),
        text('the SOW', [{ type: 'link', attrs: { href: 'https://example.com/sow' } }]),
        text('.'),
      ),
    ]);
    expect(notesToMarkdown(notesFragment(doc))).toBe(['# Weekly sync', '### Vendor', 'Ask @Ada Lovelace about the **contract**, see [the SOW](https://example.com/sow).'].join('\n\n'));
  });

  it('notes: bullet, ordered and task lists, nested', () => {
    const doc = notesOf([
      { type: 'bulletList', content: [item('listItem', [paragraph(text('One')), { type: 'bulletList', content: [item('listItem', [paragraph(text('One a'))])] }]), item('listItem', [paragraph(text('Two'))])] },
      { type: 'orderedList', attrs: { start: 3 }, content: [item('listItem', [paragraph(text('Third'))]), item('listItem', [paragraph(text('Fourth'))])] },
      { type: 'taskList', content: [item('taskItem', [paragraph(text('Send the plan'))], { checked: true }), item('taskItem', [paragraph(text('Book the room'))], { checked: false })] },
    ]);
    expect(notesToMarkdown(notesFragment(doc))).toBe(['- One\n  - One a\n- Two', '3. Third\n4. Fourth', '- [x] Send the plan\n- [ ] Book the room'].join('\n\n'));
  });

  it('notes: typed markup stays text, and a javascript: link is not a link', () => {
    const doc = notesOf([
      paragraph(text('# not a heading')),
      paragraph(text('- not a list')),
      paragraph(text('<img src=x onerror=alert(1)> *stars*')),
      paragraph(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
    ]);
    const markdown = notesToMarkdown(notesFragment(doc));
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<h1|<ul|<img|<em|<a /);
    expect(html).toContain('# not a heading');
    expect(markdown.split('\n\n')[3]).toBe('click');
  });
});

const meeting: MinutesMeeting = {
  title: 'Weekly sync #12',
  series: 'weekly-sync',
  startsAt: new Date('2026-12-02T14:00:00Z'),
  durationMinutes: 30,
  attendees: [{ name: 'Ada Lovelace' }, { name: 'Sam Stakeholder' }],
  state: 'ended',
  endedAt: new Date('2026-12-02T14:35:00Z'),
};

function boardWithMinutes() {
  const doc = notesOf([paragraph(text('Vendor confirmed the date.'))]);
  insertAgendaItem(doc, { title: 'Vendor status', presenterId: 'u-ada', timeBoxMinutes: 10, link: { kind: 'raid', id: 'R-1' } }, 'u-ada');
  insertAgendaItem(doc, { title: 'Open actions', link: { kind: 'milestone', id: 'M-gone' } }, 'u-ada');
  insertDecision(doc, { text: 'Go with vendor B', decidedBy: 'Steering committee', decidedOn: '2026-12-02', links: [{ kind: 'raid', id: 'R-1' }] }, 'u-ada');
  // Ids in creation order: two actions made in one millisecond are ordered by id.
  insertAction(doc, { title: 'Sign the SOW', ownerId: 'u-ada', due: '2026-12-09' }, 'u-ada', 'a1');
  const done = insertAction(doc, { title: 'Share the slides', ownerId: 'u-gone', due: null }, 'u-ada', 'a2');
  setActionDone(doc, done, true, 'u-ada');
  return doc;
}

const context: MinutesContext = { names: new Map([['u-ada', 'Ada Lovelace']]), linkTitles: new Map([['raid:R-1', 'Vendor insolvency']]) };

describe('meeting minutes', () => {
  it('minutes: title, date, attendees, agenda, notes, decisions and actions with owner, due and done', () => {
    const doc = boardWithMinutes();
    const markdown = meetingMinutesMarkdown(meeting, readMeetingBoard(doc), notesToMarkdown(notesFragment(doc)), context);
    expect(markdown).toContain('# Weekly sync \\#12\n');
    expect(markdown).toContain('- **Date:** Wednesday 2 December 2026, 14:00–14:30 UTC');
    expect(markdown).toContain('- **Attendees:** Ada Lovelace, Sam Stakeholder');
    expect(markdown).toContain('- **Status:** Ended 2026-12-02 14:35 UTC');
    expect(markdown).toContain('## Agenda\n\n1. Vendor status — Ada Lovelace, 10 min, RAID item “Vendor insolvency”\n2. Open actions — Milestone (deleted)');
    expect(markdown).toContain('## Notes\n\nVendor confirmed the date.');
    expect(markdown).toContain('## Decisions\n\n- Go with vendor B — decided by Steering committee on 2 Dec 2026 (RAID item “Vendor insolvency”)');
    expect(markdown).toContain('## Actions\n\n- [ ] Sign the SOW (owner: Ada Lovelace, due: 9 Dec 2026)\n- [x] Share the slides (owner: a former member, due: no date, done)');
  });

  it('minutes: an empty board still reads as minutes, and an open meeting says they may change', () => {
    const markdown = meetingMinutesMarkdown({ ...meeting, state: 'open', endedAt: null, attendees: [] }, readMeetingBoard(new Y.Doc()), '', context);
    expect(markdown).toContain('_No agenda items._');
    expect(markdown).toContain('_No notes._');
    expect(markdown).toContain('_No decisions recorded._');
    expect(markdown).toContain('- **Attendees:** none recorded');
    expect(markdown).toContain('In progress');
  });

  it('minutes: a download name from the date and title', () => {
    expect(minutesFileName(meeting)).toBe('2026-12-02-weekly-sync-12-minutes.md');
    expect(minutesFileName({ title: '***', startsAt: meeting.startsAt })).toBe('2026-12-02-meeting-minutes.md');
  });

  it('minutes: text over lines joins with one space; a blank decider, an unknown series and an end without a time read as they should', () => {
    const doc = new Y.Doc();
    insertDecision(doc, { text: 'Ship   \n\n  on Friday', decidedBy: '   ', decidedOn: null, links: [] }, 'u-ada');
    const markdown = meetingMinutesMarkdown({ ...meeting, series: 'board-review', state: 'ended', endedAt: null }, readMeetingBoard(doc), '  \n ', context);
    expect(markdown).toContain('## Decisions\n\n- Ship on Friday\n');
    expect(markdown).toContain('- **Series:** board-review');
    expect(markdown).toContain('- **Series:** board-review\n- **Attendees:** Ada Lovelace, Sam Stakeholder\n- **Status:** In progress');
    expect(markdown).toContain('## Notes\n\n_No notes._');
  });

  it('minutes: the download name drops accents and dashes at either end, and cuts a long title without a trailing dash', () => {
    expect(minutesFileName({ title: '--Café review!!--', startsAt: meeting.startsAt })).toBe('2026-12-02-cafe-review-minutes.md');
    expect(minutesFileName({ title: `${'a'.repeat(59)} b`, startsAt: meeting.startsAt })).toBe(`2026-12-02-${'a'.repeat(59)}-minutes.md`);
  });

  it('status draft from the minutes: only done actions are highlights with no decisions; every field is cut to 20,000 characters', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 400; i++) insertAgendaItem(doc, { title: `Agenda item ${i} ${'x'.repeat(60)}` }, 'u-ada');
    const done = insertAction(doc, { title: 'Share the slides', ownerId: 'u-ada', due: null }, 'u-ada', 'a1');
    setActionDone(doc, done, true, 'u-ada');
    const draft = statusDraftFromMinutes(meeting, readMeetingBoard(doc), context, { health: 'on_track', healthReason: 'r'.repeat(300) });
    expect(draft.highlights).toBe('Actions done:\n- Share the slides (owner: Ada Lovelace, due: no date, done)');
    expect(draft.nextSteps).toBe('');
    expect(draft.summary).toHaveLength(20_000);
    expect(draft.healthReason).toHaveLength(200);
  });

  it('status draft from the minutes: items discussed, decisions, open actions as next steps, the health kept', () => {
    const draft = statusDraftFromMinutes(meeting, readMeetingBoard(boardWithMinutes()), context, { health: 'at_risk', healthReason: 'Vendor is late' });
    expect(draft).toMatchObject({ health: 'at_risk', healthReason: 'Vendor is late', lowlights: '', asks: '' });
    expect(draft.summary).toContain('From the minutes of **Weekly sync \\#12** (2 Dec 2026).');
    expect(draft.summary).toContain('- Vendor status (RAID item “Vendor insolvency”)');
    expect(draft.highlights).toContain('Decisions:\n- Go with vendor B');
    expect(draft.highlights).toContain('Actions done:\n- Share the slides');
    expect(draft.nextSteps).toBe('Actions:\n- Sign the SOW (owner: Ada Lovelace, due: 9 Dec 2026)');
  });
});
