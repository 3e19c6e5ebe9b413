// @vitest-environment happy-dom
// The what-if panel's change form lists the allocations to move or remove by person, project and
// start, not in the grid's order (by person id, which reads as no order: "Ravi…, Sam…, Aisha…").
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Allocation, Person } from '@/components/resources/model';
import { ScenarioPanel } from '@/components/resources/ScenarioPanel';

afterEach(cleanup);

const person = (id: string, name: string): Person => ({ id, name, role: '', skills: [], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], placeholder: false, userId: null, version: 1, timeOff: [] });
const allocation = (id: string, personId: string, projectId: string, from: string): Allocation => ({
  id, personId, projectId, from, to: '2027-03-28', hoursPerWeek: 10, percent: null, workstreamId: null, workstreamName: null, followsWorkstream: false,
});

describe('ScenarioPanel', () => {
  it('lists the allocations by person, project and start', () => {
    render(
      createElement(ScenarioPanel, {
        scenarios: [{ id: 's1', name: 'Plan B', changes: [] }],
        selectedId: 's1',
        onSelect: vi.fn(),
        people: [person('p-ravi', 'Ravi'), person('p-aisha', 'Aisha')],
        projects: [{ id: 'x-search', name: 'Search' }, { id: 'x-atlas', name: 'Atlas' }],
        allocations: [
          allocation('a1', 'p-ravi', 'x-search', '2027-01-04'),
          allocation('a2', 'p-aisha', 'x-search', '2027-01-04'),
          allocation('a3', 'p-aisha', 'x-atlas', '2027-02-01'),
          allocation('a4', 'p-aisha', 'x-atlas', '2027-01-04'),
        ],
        compare: { cells: [], loading: false, error: null },
        canEdit: true,
        onCreate: vi.fn(),
        onAddChange: vi.fn(),
        onRemoveChange: vi.fn(),
        onApply: vi.fn(),
        onDiscard: vi.fn(),
      }),
    );
    const form = screen.getByRole('form', { name: 'Add a change' });
    const options = within(within(form).getByLabelText('Allocation')).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', 'a4', 'a3', 'a2', 'a1']);
    // The form starts on the first of them.
    expect((within(form).getByLabelText('Allocation') as HTMLSelectElement).value).toBe('a4');
  });
});
