// @vitest-environment happy-dom
// Weeks are named by their Monday wherever a person reads them ("week of 14 Dec 2026"), never as
// the ISO code `2026-W51`, which stays in keys and data attributes: the what-if table, the staffing
// needs' week list and the plan's "Who works on it" (with the people on no workstream listed apart).
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanStaffing, weeksText } from '@/components/plan/PlanStaffing';
import type { Person } from '@/components/resources/model';
import { ScenarioPanel } from '@/components/resources/ScenarioPanel';
import { StaffingPanel } from '@/components/resources/StaffingPanel';

afterEach(cleanup);

const isoCode = /\d{4}-W\d{2}/;
const person = (id: string, name: string): Person => ({ id, name, role: '', skills: [], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], placeholder: false, userId: null, version: 1, timeOff: [] });

describe('week labels', () => {
  it('the what-if table names each changed week by its Monday; the ISO week is only a data attribute', () => {
    render(
      createElement(ScenarioPanel, {
        scenarios: [{ id: 's1', name: 'Plan B', changes: [{ kind: 'remove', allocationId: 'a1' }] }],
        selectedId: 's1',
        onSelect: vi.fn(),
        people: [person('p1', 'Ravi')],
        projects: [{ id: 'x1', name: 'Search' }],
        allocations: [],
        compare: {
          cells: [{ personId: 'p1', week: '2026-W51', before: { percent: 120, band: 'over' }, after: { percent: 60, band: 'under' }, deltaHours: -24 }],
          loading: false,
          error: null,
        },
        canEdit: false,
        onCreate: vi.fn(),
        onAddChange: vi.fn(),
        onRemoveChange: vi.fn(),
        onApply: vi.fn(),
        onDiscard: vi.fn(),
      }),
    );
    const row = screen.getByTestId('changed-cell');
    expect(row.textContent).toContain('14 Dec 2026');
    expect(row.textContent).not.toMatch(isoCode);
    expect(row.querySelector('[data-week="2026-W51"]')).not.toBeNull();
  });

  it('a staffing need’s week-by-week list names weeks by their Monday', () => {
    render(
      createElement(StaffingPanel, {
        projects: [{ id: 'x1', name: 'Atlas' }],
        staffing: [
          {
            projectId: 'x1',
            needs: [
              {
                id: 'n1',
                skill: 'Go',
                count: 1,
                hoursPerWeek: 40,
                from: '2026-12-28',
                to: '2027-01-08',
                weeks: [
                  { week: '2026-W53', neededHours: 40, allocatedHours: 10, gapHours: 30 },
                  { week: '2027-W01', neededHours: 40, allocatedHours: 40, gapHours: 0 },
                ],
              },
            ],
          },
        ],
        canEdit: false,
        onAdd: vi.fn(),
        onRemove: vi.fn(),
      }),
    );
    const items = screen.getAllByText(/^Week of /).map((el) => el.textContent);
    expect(items).toEqual(['Week of 28 Dec 2026: short 30 h (10 of 40 h)', 'Week of 4 Jan 2027: met (40 of 40 h)']);
    expect(screen.getByRole('region', { name: 'Staffing needs' }).textContent).not.toMatch(isoCode);
  });

  it('the plan’s flags name weeks by their Monday, and people on no workstream are listed once, apart', () => {
    expect(weeksText(['2026-12-14'])).toBe('the week of 14 Dec 2026');
    expect(weeksText(['2026-12-14', '2027-01-04', '2027-01-11', '2027-01-18'])).toBe('the weeks of 14 Dec 2026, 4 Jan 2027 and 2 more');
    render(
      createElement(PlanStaffing, {
        workspaceId: 'w1',
        staffing: {
          workstreams: [
            {
              workstreamId: 'ws1',
              name: 'Build',
              from: '2026-12-14',
              to: '2027-01-08',
              people: [{ personId: 'p1', name: 'Ana', hoursPerWeek: 30, overWeeks: ['2026-W51'], overWeekStarts: ['2026-12-14'], leaveDays: [] }],
            },
          ],
          alsoOnProject: [
            { personId: 'p2', name: 'Ben', hoursPerWeek: 10, overWeeks: [], overWeekStarts: [], leaveDays: [], periods: [{ from: '2026-12-14', to: '2026-12-25' }] },
          ],
          milestones: [],
        },
      }),
    );
    const section = screen.getByRole('region', { name: 'Who works on it' });
    expect(within(screen.getByTestId('workstream-staffing')).getByTestId('staffed-person').textContent).toBe('Ana30 h/weekOver-allocated in the week of 14 Dec 2026');
    expect(within(screen.getByTestId('workstream-staffing')).queryByText('Ben')).toBeNull();
    expect(within(screen.getByTestId('also-on-project')).getByTestId('project-person').textContent).toBe('Ben10 h/week14 Dec 2026 – 25 Dec 2026');
    expect(section.textContent).not.toMatch(isoCode);
  });
});
