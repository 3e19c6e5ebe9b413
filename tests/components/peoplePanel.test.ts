// @vitest-environment happy-dom
// The people panel: the server's refusals in the forms' own words ("Weekly hours must be more
// than 0", not "weeklyHours: must be more than 0"), and an edit saved against the version it was opened on.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readableError } from '@/components/resources/model';
import { PeoplePanel, type PeopleActions } from '@/components/resources/PeoplePanel';

afterEach(cleanup);

describe('readableError', () => {
  it('names the fields as the forms do', () => {
    expect(readableError(new Error('weeklyHours: must be more than 0 (a person with no hours cannot be allocated)'))).toBe(
      'Weekly hours must be more than 0 (a person with no hours cannot be allocated)',
    );
    expect(readableError(new Error('hoursPerWeek: must be at most 168, the hours in a week'))).toBe('Hours a week must be at most 168, the hours in a week');
    expect(readableError(new Error('percent: must be at most 100 (of the person’s capacity)'))).toBe('Share of capacity must be at most 100 (of the person’s capacity)');
    expect(readableError(new Error('change.hoursPerWeek: cannot be negative'))).toBe('Hours a week cannot be negative');
    expect(readableError(new Error('to: must be on or after from (2027-01-04)'))).toBe('The last day must be on or after the first day (2027-01-04)');
    expect(readableError(new Error('skills.2: a skill must be at most 60 characters'))).toBe('A skill must be at most 60 characters');
    expect(readableError(new Error('name: is required; weeklyHours: must be a number of hours'))).toBe('Name is required; Weekly hours must be a number of hours');
  });

  it('leaves a sentence alone and never shows a non-error', () => {
    expect(readableError(new Error('Someone changed this person since you opened it; reload'))).toBe('Someone changed this person since you opened it; reload');
    expect(readableError(new Error('unknownField: is odd'))).toBe('unknownField: is odd');
    expect(readableError('boom')).toBe('That did not work. Try again.');
  });
});

describe('the add-person form', () => {
  it('shows the server refusing 0 hours in the form’s words', async () => {
    const actions: PeopleActions = {
      add: vi.fn().mockRejectedValue(new Error('weeklyHours: must be more than 0 (a person with no hours cannot be allocated)')),
      update: vi.fn(),
      remove: vi.fn(),
      addTimeOff: vi.fn(),
      removeTimeOff: vi.fn(),
    };
    render(createElement(PeoplePanel, { people: [], canEdit: true, actions }));
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    const form = screen.getByRole('form', { name: 'Add person' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ann' } });
    fireEvent.change(screen.getByLabelText('Weekly hours'), { target: { value: '0' } });
    fireEvent.submit(form);
    expect(await screen.findByText('Weekly hours must be more than 0 (a person with no hours cannot be allocated)')).toBeTruthy();
    expect(screen.queryByText(/weeklyHours/)).toBeNull();
  });
});

describe('editing a person someone else changes meanwhile', () => {
  it('saves against the version the form was opened on, so the server can refuse a stale edit', async () => {
    const update = vi.fn(() => Promise.resolve());
    const actions: PeopleActions = { add: vi.fn(), update, remove: vi.fn(), addTimeOff: vi.fn(), removeTimeOff: vi.fn() };
    const ann = { id: 'p1', name: 'Ann', role: 'Writer', skills: [], weeklyHours: 40, workingDays: [1, 2, 3, 4, 5], placeholder: false, userId: null, version: 1, timeOff: [] };
    const { rerender } = render(createElement(PeoplePanel, { people: [ann], canEdit: true, actions }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit Ann' }));
    // A colleague's save arrives (the page refreshes live) while the form is open.
    rerender(createElement(PeoplePanel, { people: [{ ...ann, role: 'Docs lead', version: 2 }], canEdit: true, actions }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Role' }), { target: { value: 'Tech writer' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Save Ann' }));
    await vi.waitFor(() => expect(update).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1', version: 1 }), expect.objectContaining({ role: 'Tech writer' }));
  });
});
