// Status rules: when the next update is due and when it is overdue, the 90-day health strip, and
// Markdown that stays inert whatever is typed into it.
import { describe, expect, it } from 'vitest';
import { communicationStatus, healthStrip, markdownText, nextUpdateDue } from '@/server/domain/status';
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
    expect(renderBadge('at_risk')).toContain('#d97706');
    expect(renderBadge(null)).toContain('no update');
  });
});
