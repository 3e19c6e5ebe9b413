// @vitest-environment happy-dom
// The insights page's forecasts, in a DOM with a tRPC client whose link answers forecast.* from
// fixtures and records what it was asked: each open milestone's dates and "Likely late", a number of
// items checked before it is asked about, the answer for a date typed in, and no forecast at all
// (only the way to import) when the project has no delivery history.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ForecastPanel } from '@/components/insights/ForecastPanel';
import { renderWithTrpc } from '../support/renderWithTrpc';

afterEach(cleanup);

const projectId = '0b6c1f8e-3f57-4a52-9d0e-2f1c5a7d9e01';
const milestones = {
  weeksOfHistory: 12,
  milestones: [
    { planItemId: 'm1', title: 'Beta', dueDate: '2027-03-01', total: 40, resolved: 10, remaining: 30, forecast: { p50: '2027-03-08', p85: '2027-03-22', p95: '2027-04-05' }, likelyLate: true, noForecastReason: null },
    { planItemId: 'm2', title: 'Kick-off', dueDate: '2027-01-04', total: 5, resolved: 5, remaining: 0, forecast: null, likelyLate: false, noForecastReason: null },
  ],
};

function renderPanel(history = milestones) {
  const answers: Record<string, unknown> = {
    'forecast.milestones': history,
    'forecast.whenDone': { p50: '2027-02-15', p85: '2027-03-01', p95: '2027-03-08' },
    'forecast.howMany': { p50: 24, p85: 19, p95: 16 },
  };
  return renderWithTrpc(createElement(ForecastPanel, { projectId, canImport: true }), (path) => answers[path]);
}

describe('ForecastPanel', () => {
  it('lists each milestone with open items, its three dates and whether it is likely late', async () => {
    renderPanel();
    const rows = await screen.findAllByTestId('milestone-forecast');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Beta');
    expect(rows[0]!.textContent).toContain('30 of 40');
    expect(rows[0]!.textContent).toContain('8 Mar 2027 · 22 Mar 2027 · 5 Apr 2027');
    expect(within(rows[0]!).getByText('Likely late')).toBeTruthy();
  });

  it('asks when a number of items will be done only once it is a whole number, and shows the three dates', async () => {
    const asked = renderPanel();
    const field = await screen.findByLabelText('When will this many items be done?');
    fireEvent.change(field, { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    expect(await screen.findByText('Give a whole number of items from 1 to 1,000,000.')).toBeTruthy();
    expect(asked.filter((a) => a.path === 'forecast.whenDone')).toEqual([]);

    fireEvent.change(field, { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forecast' }));
    expect((await screen.findByTestId('when-done')).textContent).toBe('20 items done by 15 Feb 2027 (P50) · 1 Mar 2027 (P85) · 8 Mar 2027 (P95)');
    expect(asked.filter((a) => a.path === 'forecast.whenDone').map((a) => a.input)).toEqual([{ projectId, remaining: 20 }]);
  });

  it('answers how many items will be done by a date typed in', async () => {
    const asked = renderPanel();
    const field = await screen.findByLabelText('How many items will be done by');
    fireEvent.change(field, { target: { value: '2027-03-01' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByTestId('how-many')).textContent).toBe('By 1 Mar 2027: 24 items (P50) · 19 items (P85) · 16 items (P95); fewer items is the surer answer.');
    expect(asked.filter((a) => a.path === 'forecast.howMany').map((a) => a.input)).toEqual([{ projectId, by: '2027-03-01' }]);
  });

  it('with no delivery history offers the import instead of a forecast', async () => {
    renderPanel({ weeksOfHistory: 0, milestones: [] });
    expect((await screen.findByRole('link', { name: 'Import delivery data' })).getAttribute('href')).toBe('#import-delivery');
    expect(screen.queryByLabelText('When will this many items be done?')).toBeNull();
  });
});
