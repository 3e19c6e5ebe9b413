// resources.forPlan and resources.problems against a real database and the plan's projection: who
// works on each workstream with over-allocation (all projects counted) and leave, under-staffed
// milestones, and the project's problems with the risk each fills in; who may read them.
import { addDays, format } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocation, person, personTimeOff, staffingNeed } from '@/db/schema';
import { formatDay } from '@/server/domain/dates';
import { isoWeekOf, mondayOf } from '@/server/domain/isoWeeks';
import { riskPrefill } from '@/server/domain/resourceProblems';
import { raidFieldsSchema, emptyRaidFields } from '@/server/domain/risk';
import { addPlanItems, movePlanItems } from '../status/support';
import { uniqueSuffix } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People, type Team } from './harness';

const deps = useRouterDeps();
let people: People;

beforeAll(async () => {
  people = await createPeople(deps);
});

/** A Monday `weeks` weeks after this week's, as `yyyy-MM-dd`; and days after it. */
const monday = (weeks: number, days = 0) => format(addDays(new Date(`${mondayOf(format(new Date(), 'yyyy-MM-dd'))}T12:00:00`), weeks * 7 + days), 'yyyy-MM-dd');

async function addPerson(team: Team, fields: { name?: string; weeklyHours?: number; userId?: string | null; skills?: string[] } = {}) {
  const [row] = await deps.db
    .insert(person)
    .values({ workspaceId: team.project.workspaceId, name: fields.name ?? `Person ${uniqueSuffix()}`, weeklyHours: fields.weeklyHours ?? 40, userId: fields.userId ?? null, skills: fields.skills ?? [] })
    .returning();
  return row!;
}

async function allocate(team: Team, values: { personId: string; from: string; to: string; hoursPerWeek?: number; percent?: number; workstreamId?: string; projectId?: string }) {
  const [row] = await deps.db
    .insert(allocation)
    .values({
      workspaceId: team.project.workspaceId,
      projectId: values.projectId ?? team.project.id,
      personId: values.personId,
      fromDate: values.from,
      toDate: values.to,
      hoursPerWeek: values.percent === undefined ? (values.hoursPerWeek ?? 20) : null,
      percent: values.percent ?? null,
      workstreamId: values.workstreamId ?? null,
    })
    .returning();
  return row!;
}

describe('resources.forPlan', () => {
  it('resources.forPlan: a workstream lists its people with hours, over-allocated weeks (other projects counted) and leave; a milestone with an unstaffed workstream is under-staffed', async () => {
    const team = await projectFor(deps, people, 'Staffed');
    const other = await (await team.as('owner')).project.create({ name: `Elsewhere ${uniqueSuffix()}` });
    const [launch] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Launch', start: monday(6), end: monday(6) }]);
    const [build, design] = await addPlanItems(deps, team, [
      { kind: 'workstream', title: 'Build', start: monday(1), end: monday(2, 4), milestoneId: launch },
      { kind: 'workstream', title: 'Design', start: monday(3), end: monday(4, 4), milestoneId: launch },
    ]);
    const ana = await addPerson(team, { name: 'Ana' });
    const ben = await addPerson(team, { name: 'Ben', weeklyHours: 20 });
    // Ana: 30 h on Build, and 20 h elsewhere in Build's second week: over (50 of 40) then.
    await allocate(team, { personId: ana.id, from: monday(0), to: monday(0), hoursPerWeek: 30, workstreamId: build });
    await allocate(team, { personId: ana.id, projectId: other.id, from: monday(2), to: monday(2, 4), hoursPerWeek: 20 });
    // Ben: half of his 20 h on the project as a whole over Build's first week, on leave on its Wednesday.
    await allocate(team, { personId: ben.id, from: monday(1), to: monday(1, 4), percent: 50 });
    await deps.db.insert(personTimeOff).values({ personId: ben.id, fromDate: monday(1, 2), toDate: monday(1, 2), reason: 'Dentist' });

    const plan = await (await team.as('viewer')).resources.forPlan({ projectId: team.project.id });
    expect(plan.workstreams).toEqual([
      {
        workstreamId: build,
        name: 'Build',
        from: monday(1),
        to: monday(2, 4),
        people: [
          // The tied allocation took Build's dates, not the week it was given.
          { personId: ana.id, name: 'Ana', hoursPerWeek: 30, overWeeks: [isoWeekOf(monday(2))], overWeekStarts: [monday(2)], leaveDays: [] },
        ],
      },
      { workstreamId: design, name: 'Design', from: monday(3), to: monday(4, 4), people: [] },
    ]);
    // Ben is on the project but on no workstream: not counted on Build, listed once beside the workstreams.
    expect(plan.alsoOnProject).toEqual([
      {
        personId: ben.id,
        name: 'Ben',
        hoursPerWeek: 10,
        overWeeks: [],
        overWeekStarts: [],
        leaveDays: [{ from: monday(1, 2), to: monday(1, 2), reason: 'Dentist' }],
        periods: [{ from: monday(1), to: monday(1, 4) }],
      },
    ]);
    expect(plan.milestones).toEqual([{ milestoneId: launch, name: 'Launch', understaffed: true, reasons: ['Nobody is allocated to “Design”.'] }]);
  });

  it('resources.forPlan: a tied allocation follows its workstream when it moves; an open staffing gap over a workstream makes its milestone under-staffed', async () => {
    const team = await projectFor(deps, people, 'Moving');
    const [launch] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Go live', start: monday(8), end: monday(8) }]);
    const [build] = await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Build', start: monday(1), end: monday(1, 4), milestoneId: launch }]);
    const cy = await addPerson(team, { name: 'Cy', skills: ['Backend'] });
    await allocate(team, { personId: cy.id, from: monday(1), to: monday(1, 4), hoursPerWeek: 40, workstreamId: build });
    // Leave in week 3, when Build is not running yet.
    await deps.db.insert(personTimeOff).values({ personId: cy.id, fromDate: monday(3), toDate: monday(3, 4), reason: 'Holiday' });
    const viewer = await team.as('viewer');
    let plan = await viewer.resources.forPlan({ projectId: team.project.id });
    expect(plan.workstreams[0]!.people[0]).toMatchObject({ overWeeks: [], leaveDays: [] });
    expect(plan.milestones[0]!.understaffed).toBe(false);

    await movePlanItems(deps, team, { [build!]: { start: monday(3), end: monday(3, 4) } });
    await deps.db.insert(staffingNeed).values({ workspaceId: team.project.workspaceId, projectId: team.project.id, skill: 'backend', count: 2, hoursPerWeek: 40, fromDate: monday(3), toDate: monday(3, 4) });
    plan = await viewer.resources.forPlan({ projectId: team.project.id });
    // Off the whole week while 40 h are allocated: capacity 0, over.
    expect(plan.workstreams[0]!.people[0]).toEqual({
      personId: cy.id,
      name: 'Cy',
      hoursPerWeek: 40,
      overWeeks: [isoWeekOf(monday(3))],
      overWeekStarts: [monday(3)],
      leaveDays: [{ from: monday(3), to: monday(3, 4), reason: 'Holiday' }],
    });
    expect(plan.milestones[0]).toEqual({
      milestoneId: launch,
      name: 'Go live',
      understaffed: true,
      reasons: [`“Build” is short of backend in the week of ${formatDay(monday(3))} (up to 40 h a week).`],
    });
  });

  it('resources.forPlan: a plan without workstreams, or a project without resources, answers empty lists', async () => {
    const team = await projectFor(deps, people, 'Empty');
    expect(await (await team.as('owner')).resources.forPlan({ projectId: team.project.id })).toEqual({ workstreams: [], alsoOnProject: [], milestones: [] });
  });
});

describe('resources.problems', () => {
  it('resources.problems: an over-allocated person owned by their account, and a short staffing need, each ready to become a resource risk', async () => {
    const team = await projectFor(deps, people, 'Problems');
    const [build] = await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Build', start: monday(1), end: monday(2, 4) }]);
    const dee = await addPerson(team, { name: 'Dee', userId: people.editor.id });
    await allocate(team, { personId: dee.id, from: monday(1), to: monday(2, 4), hoursPerWeek: 30, workstreamId: build });
    await allocate(team, { personId: dee.id, from: monday(2), to: monday(2, 4), hoursPerWeek: 30 });
    await deps.db
      .insert(staffingNeed)
      .values({ workspaceId: team.project.workspaceId, projectId: team.project.id, skill: 'QA', count: 1, hoursPerWeek: 20, fromDate: monday(1), toDate: monday(1, 4) });

    const problems = await (await team.as('viewer')).resources.problems({ projectId: team.project.id });
    expect(problems).toEqual([
      {
        id: `over:${dee.id}`,
        kind: 'over-allocation',
        title: `Dee is over-allocated in the week of ${formatDay(monday(2))}`,
        detail: `Dee has more work than time in one week while on this project, all projects counted. At the worst, the week of ${formatDay(monday(2))}, 60 h are allocated against a capacity of 40 h (150%).`,
        personId: dee.id,
        ownerUserId: people.editor.id,
        workstreamId: build,
        weeks: [isoWeekOf(monday(2))],
      },
      {
        id: expect.stringMatching(/^gap:/),
        kind: 'staffing-gap',
        title: `Short of QA in the week of ${formatDay(monday(1))}`,
        detail: `The project needs 1 × 20 h a week of QA from ${formatDay(monday(1))} to ${formatDay(monday(1, 4))}. At the worst, the week of ${formatDay(monday(1))}, 0 h of 20 h are allocated: 20 h short.`,
        workstreamId: build,
        weeks: [isoWeekOf(monday(1))],
      },
    ]);
    for (const problem of problems) expect(raidFieldsSchema.safeParse({ ...emptyRaidFields, ...riskPrefill(problem) }).success).toBe(true);
  });

  it('resources.problems: weeks already past are not problems any more', async () => {
    const team = await projectFor(deps, people, 'Past');
    const eve = await addPerson(team, { name: 'Eve' });
    await allocate(team, { personId: eve.id, from: monday(-3), to: monday(-2, 4), hoursPerWeek: 80 });
    await deps.db
      .insert(staffingNeed)
      .values({ workspaceId: team.project.workspaceId, projectId: team.project.id, skill: 'QA', count: 1, hoursPerWeek: 20, fromDate: monday(-3), toDate: monday(-1, 4) });
    expect(await (await team.as('owner')).resources.problems({ projectId: team.project.id })).toEqual([]);
  });

  it('resources.problems: a person linked to someone outside the project gets no owner; an allocation tied to no workstream links none', async () => {
    const team = await projectFor(deps, people, 'Outsider');
    // A workstream runs the same week, but Fay's allocation is to the project as a whole.
    await addPlanItems(deps, team, [{ kind: 'workstream', title: 'Build', start: monday(1), end: monday(1, 4) }]);
    const fay = await addPerson(team, { name: 'Fay', userId: people.stranger.id });
    await allocate(team, { personId: fay.id, from: monday(1), to: monday(1, 4), hoursPerWeek: 45 });
    const [problem] = await (await team.as('owner')).resources.problems({ projectId: team.project.id });
    expect(problem).toMatchObject({ kind: 'over-allocation', personId: fay.id });
    expect(problem!.ownerUserId).toBeUndefined();
    // Not tied to a workstream: the risk it fills threatens none rather than a guess.
    expect(problem!.workstreamId).toBeUndefined();
  });
});

describe('who may read them', () => {
  it('resources.forPlan and resources.problems: members of every role read them; strangers get NOT_FOUND, anonymous callers UNAUTHORIZED', async () => {
    const team = await projectFor(deps, people, 'Readers');
    const projectId = team.project.id;
    for (const persona of ['owner', 'editor', 'viewer'] as const) {
      const as = await team.as(persona);
      await expect(as.resources.forPlan({ projectId })).resolves.toEqual({ workstreams: [], alsoOnProject: [], milestones: [] });
      await expect(as.resources.problems({ projectId })).resolves.toEqual([]);
    }
    const stranger = await team.as('stranger');
    await rejection(stranger.resources.forPlan({ projectId }), 'NOT_FOUND');
    await rejection(stranger.resources.problems({ projectId }), 'NOT_FOUND');
    const anonymous = await team.as('anonymous');
    await rejection(anonymous.resources.problems({ projectId }), 'UNAUTHORIZED');
  });

  it('resources.forPlan: an unknown project is NOT_FOUND and a malformed id a clear BAD_REQUEST', async () => {
    const owner = await (await projectFor(deps, people, 'Ids')).as('owner');
    await rejection(owner.resources.forPlan({ projectId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    const error = await rejection(owner.resources.problems({ projectId: 'not-an-id' }), 'BAD_REQUEST');
    expect(error.message).toBe('projectId: projectId must be a project id');
  });

  it("resources.forPlan: another project's allocations and staffing never show on this plan", async () => {
    const mine = await projectFor(deps, people, 'Mine');
    const theirs = await projectFor(deps, people, 'Theirs');
    const [mineBuild] = await addPlanItems(deps, mine, [{ kind: 'workstream', title: 'Build', start: monday(1), end: monday(1, 4) }]);
    const gus = await addPerson(theirs, { name: 'Gus' });
    // Their allocation names our workstream's id: it still belongs to their project.
    await allocate(theirs, { personId: gus.id, from: monday(1), to: monday(1, 4), workstreamId: mineBuild });
    await deps.db
      .insert(staffingNeed)
      .values({ workspaceId: theirs.project.workspaceId, projectId: theirs.project.id, skill: 'QA', count: 3, hoursPerWeek: 40, fromDate: monday(1), toDate: monday(1, 4) });
    const owner = await mine.as('owner');
    expect((await owner.resources.forPlan({ projectId: mine.project.id })).workstreams[0]!.people).toEqual([]);
    expect(await owner.resources.problems({ projectId: mine.project.id })).toEqual([]);
  });
});
