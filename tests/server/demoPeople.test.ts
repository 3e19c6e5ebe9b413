// The demo's resources: eight people of the demo workspace (a placeholder, a part-timer, one on
// leave next week) across the demo project and a second project, allocations on the plan's
// workstreams, one person over-allocated this week, and staffing gaps on the demo project. The
// utilisation here is plain arithmetic over the rows (capacity spread over the working days, minus
// time off), so the demo's story is checked independently of the code that draws the grid.
import { eq } from 'drizzle-orm';
import { addDays, formatISO, getISODay, parseISO, startOfISOWeek } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocation, person, personTimeOff, planItem, project, projectMember, staffingNeed, user } from '@/db/schema';
import { demoUsers } from '@/db/seed';
import { searchProject, seedDemoPeople } from '@/db/seedDemoPeople';
import { weeksFrom } from '@/server/domain/isoWeeks';
import { gapWeeks, staffingForNeeds, type StaffingPerson } from '@/server/domain/staffing';
import { defaultThresholds, personUtilisation } from '@/server/domain/utilisation';
import { expandGrid } from '@/components/resources/gridModel';
import { useSeededDemo } from '../support/seededDemo';

const demo = useSeededDemo('demo_people');
let projectId: string;
let workspaceId: string;
beforeAll(() => {
  ({ projectId, workspaceId } = demo);
});

const day = (date: Date) => formatISO(date, { representation: 'date' });
/** Monday of the week `weeks` from this one. */
const monday = (weeks = 0) => addDays(startOfISOWeek(new Date()), 7 * weeks);

type Person = typeof person.$inferSelect;
type Allocation = typeof allocation.$inferSelect;
type TimeOff = typeof personTimeOff.$inferSelect;

async function readResources() {
  const people = await demo.db.select().from(person).where(eq(person.workspaceId, workspaceId));
  const timeOff = (await demo.db.select().from(personTimeOff)).filter((t) => people.some((p) => p.id === t.personId));
  const allocations = await demo.db.select().from(allocation).where(eq(allocation.workspaceId, workspaceId));
  const plan = await demo.db.select().from(planItem).where(eq(planItem.projectId, projectId));
  const needs = await demo.db.select().from(staffingNeed).where(eq(staffingNeed.workspaceId, workspaceId));
  return { people, timeOff, allocations, plan, needs };
}

/** The days of the week starting on `start` that `p` works, as ISO dates. */
function workingDaysOf(p: Person, start: Date): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(start, i)).filter((d) => p.workingDays.includes(getISODay(d))).map(day);
}

/** Hours allocated to and available from `p` in the week starting on `start` (an allocation tied to a workstream takes its dates). */
function weekOf(p: Person, start: Date, allocations: Allocation[], timeOff: TimeOff[], plan: (typeof planItem.$inferSelect)[]) {
  const days = workingDaysOf(p, start);
  const perDay = p.weeklyHours / p.workingDays.length;
  const away = (d: string) => timeOff.some((t) => t.personId === p.id && t.fromDate <= d && d <= t.toDate);
  const capacity = perDay * days.filter((d) => !away(d)).length;
  let allocated = 0;
  for (const a of allocations.filter((a) => a.personId === p.id)) {
    const ws = a.workstreamId ? plan.find((i) => i.id === a.workstreamId) : undefined;
    const [from, to] = ws ? [ws.startDate, ws.endDate] : [a.fromDate, a.toDate];
    const weekly = a.hoursPerWeek ?? (a.percent! * p.weeklyHours) / 100;
    allocated += (weekly * days.filter((d) => from <= d && d <= to).length) / p.workingDays.length;
  }
  return { allocated, capacity, percent: capacity === 0 ? (allocated > 0 ? Infinity : 0) : (100 * allocated) / capacity };
}

describe('demo people', () => {
  it('eight people with roles, skills and capacities: a placeholder hire, a part-timer on four days, and the engineer linked to his account', async () => {
    const { people } = await readResources();
    expect(people).toHaveLength(8);
    expect(people.every((p) => p.role.length > 0 && p.skills.length > 0 && p.weeklyHours > 0)).toBe(true);
    expect(people.filter((p) => p.placeholder).map((p) => p.name)).toEqual(['Backend engineer #2']);
    const partTimers = people.filter((p) => p.workingDays.length === 4);
    expect(partTimers).toHaveLength(1);
    expect(partTimers[0]!.weeklyHours).toBeLessThan(40);
    const [engineer] = await demo.db.select({ id: user.id }).from(user).where(eq(user.email, demoUsers.editor.email));
    expect(people.find((p) => p.userId === engineer!.id)?.name).toBe(demoUsers.editor.name);
  });

  it('one person is on leave this week or next, with a reason, and is not allocated while away', async () => {
    const { people, timeOff, allocations, plan } = await readResources();
    expect(timeOff).toHaveLength(1);
    const [leave] = timeOff;
    expect(leave!.reason).not.toBe('');
    expect(leave!.fromDate <= day(addDays(monday(1), 6)) && leave!.toDate >= day(monday(0))).toBe(true);
    // A week spent fully away reads 0 capacity; nothing is booked on it, so the grid shows it greyed, not "over".
    const away = people.find((p) => p.id === leave!.personId)!;
    const week = weekOf(away, parseISO(leave!.fromDate), allocations, timeOff, plan);
    expect(week).toEqual({ allocated: 0, capacity: 0, percent: 0 });
  });

  it('people work across the demo project and a second project of the workspace, several on the plan\'s workstreams', async () => {
    const { people, allocations, plan } = await readResources();
    const [search] = await demo.db.select().from(project).where(eq(project.slug, searchProject.slug));
    expect(search!.workspaceId).toBe(workspaceId);
    expect(search!.name).toBe('Search service relaunch');
    const members = await demo.db.select().from(projectMember).where(eq(projectMember.projectId, search!.id));
    expect(members.map((m) => m.role).sort()).toEqual(['editor', 'owner']);
    expect(new Set(allocations.map((a) => a.projectId))).toEqual(new Set([projectId, search!.id]));
    const onBoth = people.filter((p) => new Set(allocations.filter((a) => a.personId === p.id).map((a) => a.projectId)).size === 2);
    expect(onBoth.length).toBeGreaterThanOrEqual(4);
    // Tied allocations name workstreams of the demo plan, on the demo project, with the workstream's dates.
    const tied = allocations.filter((a) => a.workstreamId !== null);
    expect(new Set(tied.map((a) => a.workstreamId)).size).toBeGreaterThanOrEqual(3);
    for (const a of tied) {
      const ws = plan.find((i) => i.id === a.workstreamId);
      expect(ws?.kind).toBe('workstream');
      expect(a.projectId).toBe(projectId);
      expect([a.fromDate, a.toDate]).toEqual([ws!.startDate, ws!.endDate]);
    }
    expect(allocations.every((a) => (a.hoursPerWeek === null) !== (a.percent === null))).toBe(true);
    expect(allocations.some((a) => a.percent !== null)).toBe(true);
  });

  it('this week exactly one person is over-allocated (120%: lent to the search team), and the grid shows every band', async () => {
    const { people, allocations, timeOff, plan } = await readResources();
    const thisWeek = people.map((p) => ({ name: p.name, ...weekOf(p, monday(0), allocations, timeOff, plan) }));
    const over = thisWeek.filter((w) => w.percent > 100);
    expect(over).toEqual([{ name: 'Mei Lin', allocated: 48, capacity: 40, percent: 120 }]);
    expect(thisWeek.some((w) => w.percent > 80 && w.percent <= 100)).toBe(true);
    expect(thisWeek.some((w) => w.percent <= 80)).toBe(true);
    // The part-timer's 32 hours over four days are a full week, not 80% of one.
    const partTimer = people.find((p) => p.workingDays.length === 4)!;
    expect(weekOf(partTimer, monday(0), allocations, timeOff, plan).capacity).toBe(32);
  });

  it('the demo project has staffing gaps: a design skill nobody has, and two backend engineers where one is allocated', async () => {
    const { people, allocations, needs, plan, timeOff } = await readResources();
    const projectNeeds = needs.filter((n) => n.projectId === projectId);
    const thisWeek = day(monday(0));
    const hoursWithSkill = (skill: string) =>
      people
        .filter((p) => p.skills.includes(skill))
        .reduce((sum, p) => sum + weekOf(p, monday(0), allocations.filter((a) => a.projectId === projectId), timeOff, plan).allocated, 0);

    const design = projectNeeds.find((n) => n.skill === 'design')!;
    expect(design.fromDate <= thisWeek && thisWeek <= design.toDate).toBe(true);
    expect(people.some((p) => p.skills.includes('design'))).toBe(false);
    expect(hoursWithSkill('design')).toBe(0);

    const backend = projectNeeds.find((n) => n.skill === 'backend')!;
    expect(backend.count).toBe(2);
    expect(backend.fromDate <= thisWeek && thisWeek <= backend.toDate).toBe(true);
    const backendOnAtlas = people.filter((p) => p.skills.includes('backend') && allocations.some((a) => a.personId === p.id && a.projectId === projectId));
    expect(backendOnAtlas).toHaveLength(1);
    expect(hoursWithSkill('backend')).toBe(backend.hoursPerWeek);
    expect(backend.count * backend.hoursPerWeek - hoursWithSkill('backend')).toBe(backend.hoursPerWeek);
    // The placeholder is the hire that would close it.
    const placeholder = people.find((p) => p.placeholder)!;
    expect(placeholder.skills).toContain('backend');
  });

  it('the resources domain reads the same story: one "over" cell this week, gaps on the demo project this week', async () => {
    const { people, allocations, timeOff, plan, needs } = await readResources();
    const weeks = weeksFrom(day(monday(0)), 2);
    const amount = (a: Allocation) => {
      const ws = a.workstreamId ? plan.find((i) => i.id === a.workstreamId) : undefined;
      return { personId: a.personId, from: ws?.startDate ?? a.fromDate, to: ws?.endDate ?? a.toDate, hoursPerWeek: a.hoursPerWeek, percent: a.percent };
    };
    const asPerson = (p: Person): StaffingPerson => ({
      id: p.id,
      skills: p.skills,
      weeklyHours: p.weeklyHours,
      workingDays: p.workingDays,
      timeOff: timeOff.filter((t) => t.personId === p.id).map((t) => ({ from: t.fromDate, to: t.toDate })),
    });
    const rows = people.map((p) => ({
      name: p.name,
      weeks: personUtilisation(asPerson(p), allocations.filter((a) => a.personId === p.id).map(amount), weeks, defaultThresholds),
    }));
    const overThisWeek = rows.filter((r) => r.weeks[0]!.band === 'over');
    expect(overThisWeek.map((r) => [r.name, r.weeks[0]!.percent])).toEqual([['Mei Lin', 120]]);
    // Next week the person on leave reads 0 capacity and, with nothing booked, is not "over".
    const away = people.find((p) => p.id === timeOff[0]!.personId)!;
    expect(rows.find((r) => r.name === away.name)!.weeks[1]).toMatchObject({ capacityHours: 0, allocatedHours: 0, band: 'under' });

    const staffing = staffingForNeeds(
      needs.filter((n) => n.projectId === projectId).map((n) => ({ id: n.id, skill: n.skill, count: n.count, hoursPerWeek: n.hoursPerWeek, from: n.fromDate, to: n.toDate })),
      new Map(people.map((p) => [p.id, asPerson(p)])),
      allocations.filter((a) => a.projectId === projectId).map(amount),
      weeks,
    );
    const gapThisWeek = Object.fromEntries(staffing.map((n) => [n.skill, n.weeks[0]!.gapHours]));
    expect(gapThisWeek).toEqual({ backend: 32, design: 16 });
    expect(staffing.every((n) => gapWeeks(n).includes(weeks[0]!.week))).toBe(true);
  });

  it('the people page reads it so: the grid shows one "over" cell this week, and the demo project\'s staffing shows both gaps', async () => {
    // The viewer reads (a member of the demo project), the owner may change it.
    for (const [who, canEdit] of [['owner', true], ['viewer', false]] as const) {
      const caller = await demo.caller(who);
      const grid = expandGrid(await caller.resources.grid({ workspaceId, from: day(monday(0)), weeks: 2 }));
      expect(grid.canEdit).toBe(canEdit);
      expect(grid.people).toHaveLength(8);
      expect(grid.projects.map((p) => p.name).sort()).toEqual(['Atlas platform migration', 'Search service relaunch']);
      const over = grid.cells.filter((c) => c.band[0] === 'o').map((c) => grid.people.find((p) => p.id === c.personId)!.name);
      expect(over).toEqual(['Mei Lin']);
      expect(grid.allocations.filter((a) => a.followsWorkstream).length).toBeGreaterThanOrEqual(4);
      const staffing = await caller.staffing.forProject({ projectId, from: day(monday(0)), weeks: 1 });
      expect(Object.fromEntries(staffing.needs.map((n) => [n.skill, n.weeks[0]!.gapHours]))).toEqual({ backend: 32, design: 16 });
    }
  });

  it('is seeded once: run again on the seeded workspace, it writes nothing', async () => {
    const before = await readResources();
    const [owner] = await demo.db.select({ id: user.id }).from(user).where(eq(user.email, demoUsers.owner.email));
    const plan = { tooling: '', refunds: '', sso: '', runbooks: '' } as Parameters<typeof seedDemoPeople>[1]['plan'];
    expect(await seedDemoPeople(demo.db, { workspaceId, projectId, ids: { owner: owner!.id, editor: owner!.id, viewer: owner!.id }, plan, today: new Date() })).toBeNull();
    expect(await readResources()).toEqual(before);
    expect(await demo.db.select().from(project).where(eq(project.workspaceId, workspaceId))).toHaveLength(2);
  });
});
