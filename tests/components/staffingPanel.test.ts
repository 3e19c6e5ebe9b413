// @vitest-environment happy-dom
// The staffing needs panel: each need's remove button says which need it removes (skill, project
// and period), so two projects' needs for the same skill are told apart by a screen reader.
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffingPanel, type Need } from '@/components/resources/StaffingPanel';

afterEach(cleanup);

const need = (id: string, from: string, to: string): Need => ({ id, skill: 'Go', count: 2, hoursPerWeek: 40, from, to, weeks: [] });

describe('StaffingPanel', () => {
  it('names each remove button by skill, project and period', () => {
    render(
      createElement(StaffingPanel, {
        projects: [
          { id: 'x1', name: 'Atlas' },
          { id: 'x2', name: 'Search' },
        ],
        staffing: [
          { projectId: 'x1', needs: [need('n1', '2027-02-01', '2027-02-26'), need('n2', '2027-06-07', '2027-06-25')] },
          { projectId: 'x2', needs: [need('n3', '2027-02-01', '2027-02-26')] },
        ],
        canEdit: true,
        onAdd: vi.fn(),
        onRemove: vi.fn(),
      }),
    );
    const names = screen.getAllByRole('button', { name: /^Remove need/ }).map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Remove need 2 × Go on Atlas, 1 Feb 2027 – 26 Feb 2027',
      'Remove need 2 × Go on Atlas, 7 Jun 2027 – 25 Jun 2027',
      'Remove need 2 × Go on Search, 1 Feb 2027 – 26 Feb 2027',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
});
