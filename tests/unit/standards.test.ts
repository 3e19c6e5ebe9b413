// Technical standards' rules: readiness (passed and waived of all, failed apart), its words, the
// evidence link's format, the standard set, and the draft lines about milestones due soon.
import { describe, expect, it } from 'vitest';
import { markdownText } from '@/server/domain/status';
import {
  describeReadiness,
  draftLookAheadDays,
  evidenceUrlSchema,
  isEvidenceUrl,
  isReady,
  readiness,
  standardSet,
  unmetStandardsLines,
  type CheckState,
  type DraftMilestoneStandards,
} from '@/server/domain/standards';

describe('readiness', () => {
  it('counts passed and waived as met, and failed and pending apart', () => {
    const r = readiness(['passed', 'passed', 'waived', 'failed', 'pending', 'passed']);
    expect(r).toEqual({ total: 6, passed: 3, waived: 1, failed: 1, pending: 1, met: 4 });
    expect(isReady(r)).toBe(false);
  });

  it('is ready only when every check is met, and never with no checks', () => {
    expect(isReady(readiness(['passed', 'waived']))).toBe(true);
    expect(isReady(readiness([]))).toBe(false);
    expect(isReady(readiness(['passed', 'pending']))).toBe(false);
  });

  it('says what stands in the way in words', () => {
    expect(describeReadiness(readiness(['passed', 'failed', 'pending', 'pending']))).toEqual({ short: 'Standards 1/4', detail: '1 failed, 2 pending' });
    expect(describeReadiness(readiness(['failed']))).toEqual({ short: 'Standards 0/1', detail: '1 failed' });
    expect(describeReadiness(readiness(['passed', 'waived']))).toEqual({ short: 'Standards 2/2', detail: 'All standards met' });
    expect(describeReadiness(readiness([]))).toEqual({ short: 'Standards 0/0', detail: 'No standards applied' });
  });
});

describe('evidence links', () => {
  it.each(['https://ci.example.com/runs/42', 'http://wiki.internal/sec-review?id=7#findings', 'https://example.com/ünïcode/päth'])('accepts %s', (url) => {
    expect(isEvidenceUrl(url)).toBe(true);
    expect(evidenceUrlSchema.parse(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://files.example.com/report.pdf',
    'data:text/html,<b>hi</b>',
    'not a link',
    'example.com/report',
    'https://exa mple.com/x',
    'https://example.com/\u202Egpj.exe',
    'https://example.com/a\u200Bb',
    'https://',
  ])('refuses %s', (url) => {
    expect(isEvidenceUrl(url)).toBe(false);
    expect(evidenceUrlSchema.safeParse(url).success).toBe(false);
  });

  it('takes an empty link as none and trims around a link', () => {
    expect(evidenceUrlSchema.parse('')).toBe('');
    expect(evidenceUrlSchema.parse('  https://example.com/r  ')).toBe('https://example.com/r');
  });

  it('refuses a link over 2000 characters', () => {
    expect(evidenceUrlSchema.safeParse(`https://example.com/${'a'.repeat(2000)}`).success).toBe(false);
  });
});

describe('the standard set', () => {
  it('holds the six standards the issue names, each checklist with its own unique titles', () => {
    const titles = standardSet.flatMap((l) => l.checks.map((c) => c.title));
    expect(titles.sort()).toEqual(['Accessibility audit', 'Data protection review', 'Load test passed', 'Performance budget met', 'Runbook written', 'Security review']);
    expect(new Set(standardSet.map((l) => l.name)).size).toBe(standardSet.length);
  });
});

describe('draft lines for milestones due soon', () => {
  const today = '2027-03-01';
  const checks = (...states: CheckState[]) => states.map((state, i) => ({ title: ['Load test passed', 'Security review', 'Runbook written', 'Accessibility audit'][i % 4]!, state }));
  const milestone = (title: string, end: string, states: CheckState[], status = 'on_track'): DraftMilestoneStandards => ({ title, end, status, checks: checks(...states) });

  it('names a milestone due soon with its unmet count and what failed', () => {
    expect(unmetStandardsLines([milestone('Beta launch', '2027-03-10', ['failed', 'passed', 'pending', 'passed'])], today, markdownText)).toEqual([
      '- **Beta launch** (due 2027-03-10): 2 of 4 standards not met (failed: Load test passed)',
    ]);
  });

  it('says overdue and due today, and orders by date', () => {
    const lines = unmetStandardsLines([milestone('Later', '2027-03-20', ['pending']), milestone('Today', today, ['pending']), milestone('Late', '2027-02-20', ['failed'])], today, markdownText);
    expect(lines).toEqual([
      '- **Late** (overdue since 2027-02-20): 1 of 1 standards not met (failed: Load test passed)',
      '- **Today** (due today): 1 of 1 standards not met',
      '- **Later** (due 2027-03-20): 1 of 1 standards not met',
    ]);
  });

  it('leaves out milestones met, done, without checks, or further than the look-ahead', () => {
    const edge = new Date(Date.UTC(2027, 2, 1 + draftLookAheadDays)).toISOString().slice(0, 10);
    const beyond = new Date(Date.UTC(2027, 2, 2 + draftLookAheadDays)).toISOString().slice(0, 10);
    const lines = unmetStandardsLines(
      [
        milestone('Met', '2027-03-05', ['passed', 'waived']),
        milestone('Done', '2027-03-05', ['failed'], 'done'),
        milestone('Unchecked', '2027-03-05', []),
        milestone('Far away', beyond, ['failed']),
        milestone('At the edge', edge, ['pending']),
      ],
      today,
      markdownText,
    );
    expect(lines).toEqual([`- **At the edge** (due ${edge}): 1 of 1 standards not met`]);
  });

  it('escapes titles so they cannot turn into markup', () => {
    const [line] = unmetStandardsLines([{ title: '*Beta* [launch]', end: today, status: 'at_risk', checks: [{ title: 'Load_test', state: 'failed' }] }], today, markdownText);
    expect(line).toBe('- **\\*Beta\\* \\[launch\\]** (due today): 1 of 1 standards not met (failed: Load\\_test)');
  });
});
