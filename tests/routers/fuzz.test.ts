// Fuzz (issue 13): random hostile strings (NUL, lone surrogates, C0/C1 controls, RTL marks, emoji,
// 10 MB) in every string input of every tRPC procedure, and in every text field of the live boards.
// Each call ends in a clear 4xx or a stored value that reads back (modulo the documented cleaning:
// docs/security.md, "Bad values"), never a 500, and the boards still project a fresh good item.
// The seed is printed; set FUZZ_SEED to replay a run.
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/routers/_app';
import { normalizeRaidFields, raidTextFieldNames } from '@/server/domain/risk';
import { storableText, unstorableReason } from '@/server/domain/storableText';
import { createPeople, projectFor, useRouterDeps, type People, type Team } from './harness';
import { prng } from '../support/prng';

const deps = useRouterDeps();
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
console.info(`fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);

const random = prng(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);
const pieces = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uD83D\uDE00',
  '🧨',
  '\u202E',
  '\u200F',
  '\u061C',
  'مرحبا',
  'é',
  ' ',
  '"',
  ',',
  '\n',
  'Risk',
  '0000-01-01',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
];

/** A short random string of hostile pieces (always holding at least one plain letter). */
function hostileString(): string {
  const length = 1 + Math.floor(random() * 8);
  return `a${Array.from({ length }, () => pick(pieces)).join('')}`;
}

/** The strings one field is tried with: random ones, a guaranteed NUL and lone surrogate, and `huge` ones. */
function hostileStrings(count: number, huge: string | null): string[] {
  const strings = [`a\u0000b`, `a\uD800b`, ...Array.from({ length: count }, hostileString)];
  return huge ? [...strings, huge, `${huge}\u0000`] : strings;
}

/** On the board, over every field's limit is enough (10 MB per field would only test the machine). */
const overEveryLimit = 'x'.repeat(100_000);

/** Clear refusals a caller can act on. */
const clearRefusals = ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PRECONDITION_FAILED', 'UNAUTHORIZED'];

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };
async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

let people: People;
let team: Team;
let owner: Awaited<ReturnType<Team['as']>>;
beforeAll(async () => {
  people = await createPeople(deps);
  team = await projectFor(deps, people, 'Fuzz');
  owner = await team.as('owner');
});

async function freshItemStillProjects(label: string) {
  const title = `Fresh after ${label} ${random().toString(36).slice(2)}`;
  await owner.raid.importCsv({ projectId: team.project.id, csv: `title\n${title}\n` });
  await deps.live.flushProjections();
  expect((await owner.raid.list({ projectId: team.project.id })).map((i) => i.title)).toContain(title);
}

describe('fuzz: every string input of every procedure', () => {
  it('hostile strings get a clear 4xx or are stored, never a 500; the projection keeps going', { timeout: 60_000 }, async () => {
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: { shape?: Record<string, unknown> }[] } }> } })._def
      .procedures;
    const caller = owner as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const paths = Object.keys(procedures);
    expect(paths.length).toBeGreaterThan(40);
    const internal: string[] = [];
    for (const path of paths) {
      const keys = [...new Set(procedures[path]!._def.inputs.flatMap((schema) => Object.keys(schema.shape ?? {})))];
      const [space, name] = path.split('.') as [string, string];
      for (const key of keys) {
        for (const value of hostileStrings(3, key !== 'projectId' ? tenMegabytes : null)) {
          const input = { projectId: team.project.id, [key]: value };
          const result = await outcome(() => caller[space]![name]!(input));
          if (!result.ok && !clearRefusals.includes(result.code)) internal.push(`${path}.${key} (${JSON.stringify(value.slice(0, 40))}): ${result.code} ${result.message}`);
          if (!result.ok && result.code === 'BAD_REQUEST') expect(result.message.length).toBeLessThan(2_000);
          // A value Postgres cannot store is never accepted.
          if (result.ok && unstorableReason(value)) internal.push(`${path}.${key} accepted ${JSON.stringify(value.slice(0, 40))}`);
        }
      }
    }
    expect(internal).toEqual([]);
    await freshItemStillProjects('every procedure');
  });

  it('hostile names that are accepted read back exactly as sent (project.rename, plan.saveBaseline)', { timeout: 60_000 }, async () => {
    for (const value of hostileStrings(6, tenMegabytes)) {
      const renamed = await outcome(() => owner.project.rename({ projectId: team.project.id, name: value }));
      if (renamed.ok) expect((await owner.project.get({ projectId: team.project.id })).name).toBe(value.trim());
      else expect(clearRefusals).toContain(renamed.code);

      const saved = await outcome(() => owner.plan.saveBaseline({ projectId: team.project.id, name: value }));
      if (saved.ok) {
        await deps.live.flushProjections();
        expect((await owner.plan.get({ projectId: team.project.id })).baselines.map((b) => b.name)).toContain(value.trim());
      } else expect(clearRefusals).toContain(saved.code);
    }
    await freshItemStillProjects('names');
  });
});

describe('fuzz: every text field of the live boards', () => {
  it('hostile text written into the risk board is stored cleaned, and a fresh item still projects', { timeout: 60_000 }, async () => {
    for (const value of hostileStrings(5, overEveryLimit)) {
      const fields = Object.fromEntries(raidTextFieldNames.map((field) => [field, value]));
      const id = `FZ-${random().toString(36).slice(2, 10)}`;
      // Straight into the board, as any client could write it (no tRPC validation on the way).
      await deps.live.apply('risks', team.project.id, { type: 'raid.import', rows: [{ id, fields }] }, people.owner.id);
      await deps.live.flushProjections();
      const stored = (await owner.raid.list({ projectId: team.project.id })).find((i) => i.id === id);
      const expected = normalizeRaidFields(Object.fromEntries(raidTextFieldNames.map((field) => [field, storableText(value)])));
      expect(stored, `item ${id} is listed`).toBeDefined();
      for (const field of raidTextFieldNames) expect(stored![field]).toBe(storableText(expected[field]));
    }
    expect(await owner.raid.projectionIssues({ projectId: team.project.id })).toEqual([]);
    await freshItemStillProjects('board text');
  });

  it('a hostile baseline name written into the plan board is stored cleaned, and the plan still projects', { timeout: 60_000 }, async () => {
    for (const value of hostileStrings(5, null)) {
      const { baselineId } = await deps.live.apply('plan', team.project.id, { type: 'plan.saveBaseline', name: value }, people.owner.id);
      await deps.live.flushProjections();
      const baseline = (await owner.plan.get({ projectId: team.project.id })).baselines.find((b) => b.id === baselineId);
      expect(baseline?.name).toBe(storableText(value));
    }
    expect(await owner.plan.projectionIssues({ projectId: team.project.id })).toEqual([]);
  });
});
