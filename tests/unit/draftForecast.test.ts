// Delivery forecasts where people read them: the drafted status update quotes each open milestone's
// P50-P95 and says "likely late" when the P85 is after its date; the portfolio says how sure the
// forecast is of the date.
import { describe, expect, it } from 'vitest';
import { forecastConfidence } from '@/server/domain/insights';
import { draftFromProjectData } from '@/server/domain/status';

describe('draftFromProjectData with forecasts', () => {
  it('ends the summary with each forecast milestone, likely late or on time at P85', () => {
    const draft = draftFromProjectData([], [], null, {
      milestones: [],
      dateChanges: [],
      forecasts: [
        { title: 'Beta', dueDate: '2027-01-20', p50: '2027-01-12', p85: '2027-01-28', p95: '2027-02-02', likelyLate: true },
        { title: 'GA *launch*', dueDate: '2027-04-01', p50: '2027-03-01', p85: '2027-03-15', p95: '2027-03-22', likelyLate: false },
      ],
    });
    expect(draft.summary.split('\n').slice(-3)).toEqual([
      "**Delivery forecast** (P50 to P95, from the team's recent pace)",
      '- **Beta** (due 2027-01-20): 2027-01-12 to 2027-02-02; likely late (P85 2027-01-28)',
      '- **GA \\*launch\\*** (due 2027-04-01): 2027-03-01 to 2027-03-22; on time at P85 (2027-03-15)',
    ]);
  });

  it('says nothing about forecasts when there are none', () => {
    expect(draftFromProjectData([], [], null, { milestones: [], dateChanges: [], forecasts: [] }).summary).not.toContain('forecast');
  });
});

describe('forecastConfidence', () => {
  const forecast = { p50: '2027-01-10', p85: '2027-01-20', p95: '2027-01-30' };
  it('places the due date among the percentiles', () => {
    expect(forecastConfidence(forecast, '2027-01-09')).toBe('under 50%');
    expect(forecastConfidence(forecast, '2027-01-10')).toBe('50-85%');
    expect(forecastConfidence(forecast, '2027-01-20')).toBe('85-95%');
    expect(forecastConfidence(forecast, '2027-01-30')).toBe('over 95%');
  });
});
