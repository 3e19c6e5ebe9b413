// @vitest-environment happy-dom
// The people page's arithmetic and its bars: where an allocation's bar sits among the shown weeks,
// where a dragged or arrowed edge lands (never past the other edge), which projects make a cell, what
// the filters keep; and an allocation bar moved from the keyboard (arrows, Enter saves, Escape puts
// it back) and by a pointer drag, saving the dates a person expects.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllocationBar } from '@/components/resources/AllocationBar';
import {
  allocationsInWeek,
  barLabel,
  barSpan,
  datesWithEdgeAt,
  describeCell,
  draggedIndex,
  filterChoices,
  filterPeople,
  mondayOf,
  monthRuns,
  weekIndexOf,
  type Allocation,
  type Person,
} from '@/components/resources/model';
import { withSkill } from '@/components/resources/SkillTags';
import { needSummary } from '@/components/resources/StaffingPanel';

afterEach(cleanup);

// Eight Mondays from 4 Jan 2027 (2027-W01).
const weekStarts = ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'];

const person = (over: Partial<Person> = {}): Person => ({
  id: 'p1',
  name: 'Ann',
  role: 'Backend engineer',
  skills: ['Go'],
  weeklyHours: 40,
  workingDays: [1, 2, 3, 4, 5],
  placeholder: false,
  userId: null,
  version: 1,
  timeOff: [],
  ...over,
});

const allocation = (over: Partial<Allocation> = {}): Allocation => ({
  id: 'a1',
  personId: 'p1',
  projectId: 'x',
  from: '2027-01-11',
  to: '2027-01-31',
  hoursPerWeek: 20,
  percent: null,
  workstreamId: null,
  workstreamName: null,
  followsWorkstream: false,
  ...over,
});

describe('allocation grid arithmetic', () => {
  it('places a date in its shown week, before and after the shown weeks too', () => {
    expect(mondayOf('2027-01-10')).toBe('2027-01-04'); // a Sunday belongs to the week before
    expect(weekIndexOf(weekStarts, '2027-01-04')).toBe(0);
    expect(weekIndexOf(weekStarts, '2027-01-17')).toBe(1);
    expect(weekIndexOf(weekStarts, '2026-12-31')).toBe(-1);
    expect(weekIndexOf(weekStarts, '2027-03-01')).toBe(8);
  });

  it('clips a bar to the shown weeks and says which edge is off screen', () => {
    expect(barSpan(weekStarts, '2027-01-11', '2027-01-31')).toEqual({ start: 1, end: 3, startsBefore: false, endsAfter: false });
    expect(barSpan(weekStarts, '2026-11-02', '2027-01-05')).toEqual({ start: 0, end: 0, startsBefore: true, endsAfter: false });
    expect(barSpan(weekStarts, '2027-02-20', '2027-06-30')).toEqual({ start: 6, end: 7, startsBefore: false, endsAfter: true });
    expect(barSpan(weekStarts, '2026-01-01', '2026-02-01')).toBeNull();
    expect(barSpan(weekStarts, '2027-03-01', '2027-04-01')).toBeNull();
  });

  it('moves a start edge to a Monday and an end edge to a Sunday, never past the other edge', () => {
    const a = { from: '2027-01-13', to: '2027-01-27' }; // Wednesday of W02 to Wednesday of W04
    expect(datesWithEdgeAt(weekStarts, a, 'start', 0)).toEqual({ from: '2027-01-04', to: '2027-01-27' });
    expect(datesWithEdgeAt(weekStarts, a, 'end', 5)).toEqual({ from: '2027-01-13', to: '2027-02-14' });
    // Dragged past the other edge: the allocation keeps its one week.
    expect(datesWithEdgeAt(weekStarts, a, 'start', 7)).toEqual({ from: '2027-01-25', to: '2027-01-27' });
    expect(datesWithEdgeAt(weekStarts, a, 'end', 0)).toEqual({ from: '2027-01-13', to: '2027-01-17' });
  });

  it('turns a drag into whole weeks, kept on screen', () => {
    expect(draggedIndex(3, 0, 56, 8)).toBe(3);
    expect(draggedIndex(3, 27, 56, 8)).toBe(3);
    expect(draggedIndex(3, 29, 56, 8)).toBe(4);
    expect(draggedIndex(3, -120, 56, 8)).toBe(1);
    expect(draggedIndex(3, 10_000, 56, 8)).toBe(7);
    expect(draggedIndex(3, -10_000, 56, 8)).toBe(0);
  });

  it('finds the allocations behind a week, both ends included', () => {
    const list = [allocation({ id: 'a', from: '2027-01-17', to: '2027-01-17' }), allocation({ id: 'b', from: '2027-01-18', to: '2027-02-01' })];
    expect(allocationsInWeek(list, '2027-01-11').map((a) => a.id)).toEqual(['a']);
    expect(allocationsInWeek(list, '2027-01-18').map((a) => a.id)).toEqual(['b']);
    expect(allocationsInWeek(list, '2027-02-01').map((a) => a.id)).toEqual(['b']);
    expect(allocationsInWeek(list, '2027-02-08')).toEqual([]);
  });

  it('describes a cell in words: utilisation, band, time off and the projects behind it', () => {
    const ann = person({ timeOff: [{ id: 't', from: '2027-01-05', to: '2027-01-05', reason: 'Dentist' }] });
    const text = describeCell({ person: ann, week: '2027-W01', monday: '2027-01-04', allocated: 52, capacity: 32, percent: 163, band: 'over', projects: [{ name: 'Atlas', hours: 36 }, { name: 'Beacon', hours: 16 }] });
    expect(text).toBe('Ann, week of 4 Jan 2027; 163%, over: 52 of 32 h; time off (Dentist); Atlas 36 h, Beacon 16 h');
    expect(describeCell({ person: person(), week: '2027-W02', monday: '2027-01-11', allocated: 0, capacity: 0, percent: 0, band: 'under', projects: [] })).toBe('Ann, week of 11 Jan 2027; not working');
  });

  it('filters people by skill (any case), role and project, and offers each skill and role once', () => {
    const people = [person(), person({ id: 'p2', name: 'Bo', role: 'Designer', skills: ['Figma', 'go'] }), person({ id: 'p3', name: 'Cy', role: 'Designer', skills: [] })];
    const allocations = [allocation({ personId: 'p3', projectId: 'atlas' })];
    expect(filterPeople(people, allocations, { skill: 'GO', projectId: '', role: '' }).map((p) => p.name)).toEqual(['Ann', 'Bo']);
    expect(filterPeople(people, allocations, { skill: '', projectId: '', role: 'Designer' }).map((p) => p.name)).toEqual(['Bo', 'Cy']);
    expect(filterPeople(people, allocations, { skill: '', projectId: 'atlas', role: '' }).map((p) => p.name)).toEqual(['Cy']);
    expect(filterChoices(people)).toEqual({ skills: ['Figma', 'Go'], roles: ['Backend engineer', 'Designer'] });
  });

  it('groups weeks into months for the month zoom', () => {
    expect(monthRuns(weekStarts)).toEqual([
      { label: 'Jan 2027', span: 4 },
      { label: 'Feb 2027', span: 4 },
    ]);
  });

  it('adds a skill once whatever its case, trimmed', () => {
    expect(withSkill(['Go'], '  postgres ')).toEqual(['Go', 'postgres']);
    expect(withSkill(['Go'], 'GO')).toEqual(['Go']);
    expect(withSkill(['Go'], '   ')).toEqual(['Go']);
  });

  it('sums a need up in a line', () => {
    expect(needSummary([])).toBe('Outside the weeks shown on the grid.');
    expect(needSummary([{ week: 'a', neededHours: 40, allocatedHours: 40, gapHours: 0 }])).toBe('Met in the 1 week shown.');
    expect(
      needSummary([
        { week: 'a', neededHours: 40, allocatedHours: 16, gapHours: 24 },
        { week: 'b', neededHours: 40, allocatedHours: 30, gapHours: 10 },
        { week: 'c', neededHours: 40, allocatedHours: 48, gapHours: -8 },
      ]),
    ).toBe('Short in 2 weeks of 3 shown (up to 24 h); hours to spare in 1 week.');
    // Says what the number counts, and one week is not "1 weeks".
    expect(
      needSummary([
        { week: 'a', neededHours: 32, allocatedHours: 36, gapHours: -4 },
        { week: 'b', neededHours: 32, allocatedHours: 36, gapHours: -4 },
      ]),
    ).toBe('Hours to spare in 2 weeks.');
    expect(needSummary([{ week: 'a', neededHours: 40, allocatedHours: 16, gapHours: 24 }])).toBe('Short in 1 week of 1 shown (up to 24 h).');
  });
});

describe('allocation bar', () => {
  const renderBar = (onResize = vi.fn((_allocation: Allocation, _dates: { from: string; to: string }) => Promise.resolve()), over: Partial<Allocation> = {}) => {
    render(
      createElement(AllocationBar, {
        allocation: allocation(over),
        projectName: 'Atlas',
        personName: 'Ann',
        weekStarts,
        columnWidth: 56,
        canEdit: true,
        onResize,
        onOpen: () => {},
      }),
    );
    return onResize;
  };

  it('a one-week bar shows a short label that fits between its edges; its name and tooltip keep the whole of it', () => {
    renderBar(undefined, { from: '2027-01-11', to: '2027-01-17', hoursPerWeek: 36, workstreamName: 'Payments API' });
    const button = screen.getByRole('button', { name: /^Atlas for Ann: 36 h\/wk, 11 Jan 2027 to 17 Jan 2027/ });
    expect(button.textContent).toBe('36h');
    // Not the 12 px padding of a long bar, which left 32 of its 56 px for the text.
    expect(button.className).not.toMatch(/\bpx-3\b/);
    expect(button.getAttribute('title')).toContain('Atlas: 36 h/wk, 11 Jan 2027 – 17 Jan 2027');
  });

  it('a bar of two weeks or more shows its whole label; a sliver (months zoom) shows none', () => {
    expect(barLabel({ hoursPerWeek: 36, percent: null, workstreamName: 'Payments API' }, 112)).toEqual({ text: '36 h/wk · Payments API', fit: 'full' });
    expect(barLabel({ hoursPerWeek: null, percent: 50, workstreamName: null }, 56)).toEqual({ text: '50%', fit: 'short' });
    expect(barLabel({ hoursPerWeek: 7.5, percent: null, workstreamName: null }, 56)).toEqual({ text: '7.5h', fit: 'short' });
    expect(barLabel({ hoursPerWeek: 36, percent: null, workstreamName: null }, 32)).toEqual({ text: '', fit: 'none' });
  });

  it('moves an edge a week per arrow key, saves on Enter, and Escape puts it back unsaved', async () => {
    const onResize = renderBar();
    const end = screen.getByRole('slider', { name: 'End of Atlas for Ann' });
    expect(end.getAttribute('aria-valuenow')).toBe('3');
    fireEvent.keyDown(end, { key: 'ArrowRight' });
    fireEvent.keyDown(end, { key: 'ArrowRight' });
    expect(end.getAttribute('aria-valuenow')).toBe('5');
    expect(end.getAttribute('aria-valuetext')).toMatch(/not saved/);
    fireEvent.keyDown(end, { key: 'Escape' });
    expect(end.getAttribute('aria-valuenow')).toBe('3');
    expect(onResize).not.toHaveBeenCalled();

    fireEvent.keyDown(end, { key: 'ArrowRight' });
    fireEvent.keyDown(end, { key: 'Enter' });
    expect(onResize).toHaveBeenCalledTimes(1);
    expect(onResize.mock.calls[0]![1]).toEqual({ from: '2027-01-11', to: '2027-02-07' });
  });

  it('moves the start edge with the pointer by whole columns and saves when let go', async () => {
    const onResize = renderBar();
    const start = screen.getByRole('slider', { name: 'Start of Atlas for Ann' });
    // happy-dom has no pointer capture to speak of; the handle listens to its own events.
    start.setPointerCapture = () => {};
    fireEvent.pointerDown(start, { button: 0, clientX: 100, pointerId: 1 });
    fireEvent.pointerMove(start, { clientX: 100 - 60, pointerId: 1 });
    expect(start.getAttribute('aria-valuenow')).toBe('0');
    fireEvent.pointerUp(start, { clientX: 100 - 60, pointerId: 1 });
    expect(onResize).toHaveBeenCalledTimes(1);
    expect(onResize.mock.calls[0]![1]).toEqual({ from: '2027-01-04', to: '2027-01-31' });
  });

  it('has no handles when its dates follow a workstream, or for a reader', () => {
    renderBar(undefined, { followsWorkstream: true, workstreamId: 'w1', workstreamName: 'Discovery' });
    expect(screen.queryAllByRole('slider')).toEqual([]);
    expect(screen.getByRole('button').getAttribute('aria-label')).toMatch(/dates follow the workstream Discovery/);
  });
});
