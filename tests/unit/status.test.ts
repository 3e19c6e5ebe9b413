// Status rules: when the next update is due and when it is overdue, the 90-day health strip, and
// Markdown that stays inert whatever is typed into it.
import { describe, expect, it } from 'vitest';
import {
  communicationStatus,
  describePrivateItems,
  draftFromProjectData,
  healthStrip,
  markdownText,
  milestoneChangesSince,
  nextUpdateDue,
  privateMentions,
  updateContentOf,
  type UpdateContent,
} from '@/server/domain/status';
import { renderMarkdown } from '@/server/status/markdown';
import { renderBadge } from '@/server/status/publicSite';

const at = (iso: string) => new Date(iso);

describe('cadence', () => {
  it('cadence: weekly on Fridays is due the first Friday a week after the last update', () => {
    // Wednesday 4 Nov 2026 + 7 days = Wednesday 11 Nov, moved to Friday 13 Nov.
    expect(nextUpdateDue({ everyDays: 7, weekday: 5 }, at('2026-11-04T10:00:00'), at('2026-10-01'))).toEqual(at('2026-11-13T00:00:00'));
  });

  it('cadence: overdue only once the due day has passed', () => {
    const cadence = { everyDays: 7, weekday: null };
    const last = at('2026-11-02T09:00:00');
    expect(communicationStatus(cadence, last, last, at('2026-11-09T23:00:00'))).toMatchObject({ dueOn: '2026-11-09', overdue: false });
    expect(communicationStatus(cadence, last, last, at('2026-11-11T08:00:00'))).toMatchObject({ overdue: true, daysOverdue: 2 });
    expect(communicationStatus(null, last, last, at('2027-01-01'))).toMatchObject({ overdue: false, dueOn: null });
  });
});

describe('health strip', () => {
  it('health strip: one cell per day, each the health in force at the end of that day', () => {
    const today = at('2026-11-25T12:00:00Z');
    const strip = healthStrip(
      [
        { publishedAt: at('2026-11-20T09:00:00Z'), health: 'on_track' },
        { publishedAt: at('2026-11-24T09:00:00Z'), health: 'off_track' },
        { publishedAt: at('2026-11-24T18:00:00Z'), health: 'at_risk' },
      ],
      today,
    );
    expect(strip).toHaveLength(90);
    expect(strip.at(-1)).toEqual({ day: '2026-11-25', health: 'at_risk' });
    expect(strip.at(-2)).toEqual({ day: '2026-11-24', health: 'at_risk' });
    expect(strip.at(-5)).toEqual({ day: '2026-11-21', health: 'on_track' });
    expect(strip.at(-7)).toEqual({ day: '2026-11-19', health: null });
    expect(strip[0]!.day).toBe('2026-08-28');
  });
});

describe('markdown', () => {
  it('markdown: raw HTML is shown as text and only http(s) and mailto links survive', () => {
    const html = renderMarkdown('**Ship** <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://example.com) <script>x</script>');
    expect(html).toContain('<strong>Ship</strong>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<script|javascript:|onerror=[^&]*>/);
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer">b</a>');
  });

  it('markdown: titles quoted into a draft cannot become markup', () => {
    expect(renderMarkdown(`- ${markdownText('[click](javascript:x) *bold*')}`)).toBe('<ul>\n<li>[click](javascript:x) *bold*</li>\n</ul>\n');
    expect(markdownText('Cut-over in 4.5 hours (beta)!')).toBe('Cut-over in 4.5 hours (beta)!');
  });

  it('badge: says the health in words and colour', () => {
    expect(renderBadge('at_risk')).toContain('aria-label="status: at risk"');
    expect(renderBadge('at_risk')).toContain('#b45309');
    expect(renderBadge(null)).toContain('no update');
  });
});

describe('draft: plan milestones', () => {
  const since = new Date('2026-11-01T00:00:00Z');
  const milestones = [
    { id: 'm-beta', title: 'Beta shipped', status: 'done', updatedAt: new Date('2026-11-10T00:00:00Z'), end: '2026-11-10' },
    { id: 'm-old', title: 'Design signed off', status: 'done', updatedAt: new Date('2026-10-10T00:00:00Z'), end: '2026-10-10' },
    { id: 'm-launch', title: 'Public launch', status: 'planned', updatedAt: new Date('2026-11-12T00:00:00Z'), end: '2027-03-08' },
    { id: 'm-pulled', title: 'Pilot', status: 'planned', updatedAt: new Date('2026-11-12T00:00:00Z'), end: '2027-01-05' },
  ];
  const dateChanges = [
    { itemId: 'm-launch', field: 'end', fromValue: '2027-03-01', toValue: '2027-03-04', changedAt: new Date('2026-11-05T00:00:00Z') },
    { itemId: 'm-launch', field: 'end', fromValue: '2027-03-04', toValue: '2027-03-08', changedAt: new Date('2026-11-06T00:00:00Z') },
    { itemId: 'm-pulled', field: 'end', fromValue: '2027-01-10', toValue: '2027-01-05', changedAt: new Date('2026-11-06T00:00:00Z') },
    { itemId: 'm-launch', field: 'end', fromValue: '2027-02-01', toValue: '2027-03-01', changedAt: new Date('2026-10-06T00:00:00Z') },
  ];

  it('counts milestones completed since the last update and net slips, ignoring earlier or earlier-dated moves', () => {
    const { completed, slipped } = milestoneChangesSince(milestones, dateChanges, since);
    expect(completed.map((m) => m.title)).toEqual(['Beta shipped']);
    expect(slipped.map((s) => [s.milestone.title, s.from, s.to, s.days])).toEqual([['Public launch', '2027-03-01', '2027-03-08', 7]]);
  });

  it('puts completed milestones in highlights and slipped ones in lowlights', () => {
    const draft = draftFromProjectData([], [], since, { milestones, dateChanges });
    expect(draft.summary).toContain('1 milestone completed, 1 slipped.');
    expect(draft.highlights).toContain('Milestones completed:\n- **Beta shipped**');
    expect(draft.lowlights).toContain('- **Public launch**: 7 days later since the last update (2027-03-01 → 2027-03-08); no earlier date to compare with');
  });

  it('says nothing of milestones when the project has no plan', () => {
    expect(draftFromProjectData([], [], since).summary).not.toContain('milestone');
  });
});

describe('private mentions', () => {
  const content = (overrides: Partial<UpdateContent>): UpdateContent => ({
    health: 'on_track',
    healthReason: '',
    summary: '',
    highlights: '',
    lowlights: '',
    asks: '',
    nextSteps: '',
    ...overrides,
  });
  const vendorExit = { kind: 'risk', title: 'Vendor exit' } as const;
  const migration = { kind: 'plan item', title: 'Data migration (v2)' } as const;

  it('privateMentions: finds a private title in any field, whatever its case, spacing or Markdown escapes', () => {
    expect(privateMentions(content({ healthReason: 'VENDOR   EXIT looms' }), [vendorExit, migration])).toEqual([vendorExit]);
    expect(privateMentions(content({ nextSteps: 'Finish **Data migration (v2)**' }), [vendorExit, migration])).toEqual([migration]);
    const importJob = { kind: 'plan item', title: 'Import_job' } as const;
    expect(privateMentions(content({ asks: 'Who owns import\\_job?' }), [importJob])).toEqual([importJob]);
    for (const field of ['summary', 'highlights', 'lowlights', 'asks'] as const) {
      expect(privateMentions(content({ [field]: 'The vendor exit.' }), [vendorExit]), field).toEqual([vendorExit]);
    }
  });

  it('privateMentions: a title at the very end of one field or start of the text, or saved with spaces around it, is still found', () => {
    expect(privateMentions(content({ healthReason: 'Watch the vendor exit', summary: 'Staffing is fine' }), [vendorExit])).toEqual([vendorExit]);
    const spaced = { kind: 'risk', title: '  Vendor exit ' } as const;
    expect(privateMentions(content({ healthReason: 'Vendor exit is near' }), [spaced])).toEqual([spaced]);
  });

  it('privateMentions: a title inside another word, or shorter than three characters, is not a mention', () => {
    expect(privateMentions(content({ summary: 'No vendor exits, no vendor exit2.' }), [vendorExit])).toEqual([]);
    expect(privateMentions(content({ summary: 'Data migration v2' }), [migration])).toEqual([]);
    expect(privateMentions(content({ summary: 'Go to QA' }), [{ kind: 'risk', title: 'QA' }])).toEqual([]);
    expect(privateMentions(content({ summary: 'The API is late' }), [{ kind: 'risk', title: 'API' }])).toEqual([{ kind: 'risk', title: 'API' }]);
  });

  it('privateMentions: two private items of the same kind and title are named once; the same title as a risk and a plan item, twice', () => {
    const planTwin = { kind: 'plan item', title: 'Vendor exit' } as const;
    expect(privateMentions(content({ summary: 'Vendor exit' }), [vendorExit, { ...vendorExit }, planTwin])).toEqual([vendorExit, planTwin]);
  });

  it('describePrivateItems: names each item with its kind, for the message asking to confirm', () => {
    expect(describePrivateItems([vendorExit, migration])).toBe('risk “Vendor exit”, plan item “Data migration (v2)”');
    expect(describePrivateItems([])).toBe('');
  });

  it('updateContentOf: only the written fields of an update row, nothing else it carries', () => {
    const written = content({ health: 'at_risk', healthReason: 'Late', summary: 'S', highlights: 'H', lowlights: 'L', asks: 'A', nextSteps: 'N' });
    const row = { ...written, id: 'u1', projectId: 'p1', createdBy: 'someone', revision: 3 };
    expect(updateContentOf(row)).toEqual(written);
  });
});
