// A workspace's resources at the size the resources bench measures (200 people x 20 projects over
// 52 weeks, and smaller peers), written straight to the database before the server starts, the
// way the demo seed writes the demo's people: projects with their owner, a plan per project written
// through the live plan (so allocations can follow real workstreams), people with roles, skills,
// part-timers, placeholders and time off, allocations over the year and staffing needs. A seeded
// pseudo-random sequence makes every run the same workspace.
import { addDays, format, startOfISOWeek } from 'date-fns';
import type { Database } from '@/db';
import { allocation, person, personTimeOff, project, projectMember, staffingNeed } from '@/db/schema';
import { LiveDocuments } from '@/server/collab/liveDocuments';
import { silentLogger } from '@/server/collab/logger';
import type { PlanItemFields } from '@/server/domain/plan';
import { createWorkspace } from '@/server/data/workspaces';

export interface ResourcesSize {
  people: number;
  projects: number;
  /** Weeks from this week's Monday that allocations cover. */
  weeks: number;
}

export interface SeededResources {
  workspaceId: string;
  name: string;
  projectIds: string[];
  personIds: string[];
  allocations: number;
  /** One allocation in hours a week, for the bench's edits. */
  editable: { id: string; personId: string; projectId: string; from: string; to: string; hoursPerWeek: number };
}

export type PlanImportItem = { id: string; fields: Partial<PlanItemFields> };

/** Writes each project's plan items through the live plan (as the plan import does) and waits for their projection to plan_item. */
export async function importPlans(db: Database, ownerId: string, plans: readonly { projectId: string; items: PlanImportItem[] }[]): Promise<void> {
  const documents = new LiveDocuments({ db, compactEvery: 500, projectionDebounceMs: 0, unloadAfterMs: 0, logger: silentLogger });
  try {
    for (const { projectId, items } of plans) await documents.apply('plan', projectId, { type: 'plan.import', items }, ownerId);
    await documents.flushProjections();
  } finally {
    await documents.close();
  }
}

/** mulberry32: small, fast and the same on every machine. */
export function randomSequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!,
  };
}

const roles = [
  { role: 'Backend engineer', skills: ['backend', 'go', 'postgres'] },
  { role: 'Backend engineer', skills: ['backend', 'java', 'payments'] },
  { role: 'Frontend engineer', skills: ['frontend', 'react', 'accessibility'] },
  { role: 'Mobile engineer', skills: ['mobile', 'ios', 'android'] },
  { role: 'Site reliability engineer', skills: ['infrastructure', 'kubernetes', 'postgres'] },
  { role: 'Data engineer', skills: ['data', 'python', 'spark'] },
  { role: 'QA engineer', skills: ['qa', 'test-automation'] },
  { role: 'Product designer', skills: ['design', 'research'] },
  { role: 'Technical writer', skills: ['documentation', 'training'] },
] as const;
const firstNames = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priti', 'Quinn', 'Rosa', 'Sven', 'Tariq'];
const lastNames = ['Abara', 'Berg', 'Chen', 'Duarte', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kaur', 'Lopez', 'Mensah', 'Novak', 'Okoro', 'Park'];

/**
 * Seeds a new workspace owned by `ownerId` with `size` people and projects. Allocations: each
 * person works on up to two projects at a time, in spells of 6 to 20 weeks with short breaks, a
 * quarter of them tied to a workstream of the project's plan.
 */
export async function seedResourcesWorkspace(db: Database, ownerId: string, name: string, size: ResourcesSize, seed = 1): Promise<SeededResources> {
  const random = randomSequence(seed);
  const monday = startOfISOWeek(new Date());
  const day = (offset: number) => format(addDays(monday, offset), 'yyyy-MM-dd');
  const workspace = await createWorkspace(db, ownerId, name);

  const projects = await db
    .insert(project)
    .values(Array.from({ length: size.projects }, (_, i) => ({ workspaceId: workspace.id, name: `${name} project ${i + 1}`, slug: `project-${i + 1}`, createdBy: ownerId })))
    .returning({ id: project.id });
  const projectIds = projects.map((p) => p.id);
  await db.insert(projectMember).values(projectIds.map((projectId) => ({ projectId, userId: ownerId, role: 'owner' as const })));

  // Each project's plan: six workstreams over the year, written through the live plan.
  const workstreams = new Map<string, { id: string; start: string; end: string }[]>();
  const plans = projectIds.map((projectId) => {
    const items: PlanImportItem[] = [];
    const own: { id: string; start: string; end: string }[] = [];
    for (let w = 0; w < 6; w++) {
      const start = random.int(-28, 7 * (size.weeks - 8));
      const end = start + random.int(28, 140);
      const id = globalThis.crypto.randomUUID();
      items.push({ id, fields: { kind: 'workstream', title: `Workstream ${w + 1}`, start: day(start), end: day(end) } });
      own.push({ id, start: day(start), end: day(end) });
    }
    workstreams.set(projectId, own);
    return { projectId, items };
  });
  await importPlans(db, ownerId, plans);

  const people = await db
    .insert(person)
    .values(
      Array.from({ length: size.people }, (_, i) => {
        const { role, skills } = roles[i % roles.length]!;
        const placeholder = i % 20 === 19;
        const partTime = i % 10 === 3;
        return {
          workspaceId: workspace.id,
          name: placeholder ? `${role} #${i + 1}` : `${random.pick(firstNames)} ${random.pick(lastNames)} ${i + 1}`,
          role,
          skills: [...skills],
          weeklyHours: partTime ? 32 : 40,
          workingDays: partTime ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
          placeholder,
        };
      }),
    )
    .returning({ id: person.id });
  const personIds = people.map((p) => p.id);

  const timeOff = personIds.flatMap((personId) =>
    random.next() < 0.4
      ? Array.from({ length: random.int(1, 2) }, () => {
          const from = random.int(0, 7 * size.weeks - 14);
          return { personId, fromDate: day(from), toDate: day(from + random.int(2, 11)), reason: random.pick(['Holiday', 'Conference', 'Training', 'Parental leave']) };
        })
      : [],
  );
  if (timeOff.length) await db.insert(personTimeOff).values(timeOff);

  type Row = typeof allocation.$inferInsert;
  const rows: Row[] = [];
  for (const personId of personIds) {
    // Everyone has one project at a time; every other person a second one alongside.
    for (let track = 0; track < (personIds.indexOf(personId) % 2 === 0 ? 2 : 1); track++) {
      for (let week = random.int(-6, 2); week < size.weeks; ) {
        const length = random.int(6, 20);
        const projectId = random.pick(projectIds);
        const amount = random.next() < 0.2 ? { percent: random.pick([25, 50]), hoursPerWeek: null } : { hoursPerWeek: random.pick([8, 12, 16, 20, 24]), percent: null };
        const tied = random.next() < 0.25 ? random.pick(workstreams.get(projectId)!) : undefined;
        rows.push({
          workspaceId: workspace.id,
          personId,
          projectId,
          fromDate: tied?.start ?? day(7 * week),
          toDate: tied?.end ?? day(7 * (week + length) - 1),
          workstreamId: tied?.id ?? null,
          updatedBy: ownerId,
          ...amount,
        });
        week += length + random.int(0, 3);
      }
    }
  }
  const inserted: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) inserted.push(...(await db.insert(allocation).values(rows.slice(i, i + 500)).returning({ id: allocation.id })));

  await db.insert(staffingNeed).values(
    projectIds.flatMap((projectId) =>
      [0, 1].map(() => {
        const from = random.int(0, 7 * (size.weeks - 12));
        return { workspaceId: workspace.id, projectId, skill: random.pick(roles).skills[0], count: random.int(1, 3), hoursPerWeek: random.pick([16, 24, 32]), fromDate: day(from), toDate: day(from + random.int(28, 84)) };
      }),
    ),
  );

  const index = rows.findIndex((r) => r.hoursPerWeek !== null && r.workstreamId === null);
  const editable = rows[index]!;
  return {
    workspaceId: workspace.id,
    name,
    projectIds,
    personIds,
    allocations: rows.length,
    editable: { id: inserted[index]!.id, personId: editable.personId, projectId: editable.projectId, from: editable.fromDate, to: editable.toDate, hoursPerWeek: editable.hoursPerWeek! },
  };
}
