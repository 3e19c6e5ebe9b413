// Fuzz (issue 13): seeded hostile text (NUL, lone surrogates, C0/C1 controls, bidi and zero-width
// marks, leading byte order marks, emoji, SQL/HTML lookalikes, 10 MB, the longest allowed) in every
// string field of every tRPC procedure, each time inside an otherwise valid input, so the text
// reaches the handler. Each call ends in a clear BAD_REQUEST or succeeds, and what succeeds reads
// back through the matching read procedure as the field's own schema left it once the byte order
// marks it started with were stripped (trimmed, lower-cased: docs/security.md, "Bad values"); never
// an internal error. The table of valid inputs is checked against the router's zod schemas, so a
// procedure (or a field) with text and no row fails this file.
// The seed is fixed, so CI is repeatable; FUZZ_SEED=random draws a new one (printed; CI runs one
// such pass on PGlite, .ci/run), FUZZ_SEED=<n> replays a run (of the whole file: cases draw from one
// sequence).
import Papa from 'papaparse';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@/server/routers/_app';
import { raidFieldsSchema, type RaidFields } from '@/server/domain/risk';
import { internalErrorMessage } from '@/server/trpc';
import { createPeople, projectFor, useRouterDeps, type People, type Team } from './harness';
import { hostileTextGenerator, shown, withoutLeadingBoms, type HostileText } from '../support/hostileText';
import { uniqueSuffix } from '../support/factories';
import { addPlanItems } from '../status/support';

const deps = useRouterDeps();
const seed = process.env.FUZZ_SEED === 'random' ? Date.now() % 1_000_000 : Number(process.env.FUZZ_SEED ?? 2);
console.info(`router fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
const hostile = hostileTextGenerator(seed);

type Caller = Awaited<ReturnType<Team['as']>>;
type Input = Record<string, unknown>;

// ---- the string fields of every procedure, read from its zod input schemas ----------------------

interface StringField {
  /** Dot path into the input (`content.summary`). */
  path: string;
  /** The schema of the field as the procedure declares it (trim, lower-case and defaults included). */
  schema: z.ZodType;
  /** Its `.max()`, when it has one. */
  maxLength: number | undefined;
}

function stringFields(schema: z.ZodType, path: string, field: z.ZodType = schema): StringField[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'string': {
      const bag = (schema as unknown as { _zod: { bag: { maxLength?: number } } })._zod.bag;
      return [{ path, schema: field, maxLength: bag.maxLength }];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => stringFields(inner, path ? `${path}.${key}` : key));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return stringFields(def.innerType as z.ZodType, path, field);
    case 'pipe':
      return stringFields(def.in as z.ZodType, path, field);
    case 'array':
      return stringFields(def.element as z.ZodType, `${path}[]`, def.element as z.ZodType);
    default:
      return [];
  }
}

const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { inputs: z.ZodType[] } }> } })._def.procedures;
const fieldsOf = (path: string) => {
  const byPath = new Map<string, StringField>();
  for (const input of procedures[path]!._def.inputs) for (const field of stringFields(input, '')) byPath.set(field.path, field);
  return byPath;
};

// ---- the table: a valid input per procedure, and where each text field is read back ------------

interface Case {
  as: Caller;
  team: Team;
  input: Input;
  result: unknown;
}

interface Target {
  /** The input field (dot path) the hostile text goes into. */
  field: string;
  /** A name for messages when one field has several targets (a CSV's columns). */
  name?: string;
  /** How the hostile text is put into the field, when a bare value could never pass (inside a URL, a CSV cell). */
  place?: (text: string) => string;
  /** A limit of its own when the field's schema has none for this target (a CSV column). */
  maxLength?: number;
  /**
   * Reads the stored value back after a successful call. Absent: the field is an id, a filter or a
   * confirmation, never stored (a clear 400, a 404 or an answer are all fine).
   */
  readBack?: (c: Case) => Promise<unknown>;
  /** What a stored value must read back as (default: the field's own schema output). */
  expected?: (sent: string) => unknown;
  /**
   * The field's format refuses all hostile text (an e-mail address, an address slug), so no value
   * reaching the round trip is no sign of a broken test. Otherwise some hostile text must be stored.
   */
  formatRefusesAll?: true;
}

interface Row {
  /** A valid input for the owner of `team`, made fresh for each case. */
  input: (as: Caller, team: Team) => Promise<Input> | Input;
  targets: Target[];
  /** Told of each successful call (to keep what `input` reuses up to date). */
  settle?: (result: unknown) => void;
}

const content = () => ({ health: 'at_risk' as const, healthReason: 'Vendor is late', summary: 'All good', highlights: '', lowlights: '', asks: '', nextSteps: '' });
const contentFields = ['healthReason', 'summary', 'highlights', 'lowlights', 'asks', 'nextSteps'] as const;

async function storedUpdateField(c: Case, field: string) {
  const update = await c.as.status.get({ projectId: c.team.project.id, updateId: c.input.updateId as string });
  return update[field as keyof typeof update];
}

const updateTargets = contentFields.map((name) => ({ field: `content.${name}`, readBack: (c: Case) => storedUpdateField(c, name) }));

/**
 * A draft (or a published update) to write into, with its current revision: the same one while it
 * stays a draft (or published), a new one once a publish used it up. Drafts are slow to make.
 */
const reusable: Partial<Record<'draft' | 'published', { id: string; revision: number }>> = {};
async function reusableUpdate(as: Caller, team: Team, state: 'draft' | 'published') {
  if (!reusable[state]) {
    const draft = await as.status.createDraft({ projectId: team.project.id });
    const update = state === 'draft' ? draft : await as.status.publish({ projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision });
    reusable[state] = { id: update.id, revision: update.revision };
  }
  return reusable[state]!;
}
/** After a successful write into the reusable update: its new revision (or, published, it is used up). */
const settled = (state: 'draft' | 'published', usedUp = false) => (result: unknown) => {
  if (usedUp) reusable[state] = undefined;
  else reusable[state]!.revision = (result as { revision: number }).revision;
};

/** The CSV columns that hold text, each fuzzed in a cell of a one-row file whose id is `FZ<n>`. */
const csvTextColumns = ['title', 'description', 'category', 'mitigation', 'trigger'] as const satisfies readonly (keyof RaidFields)[];
let csvRow = 0;
const csvTargets: Target[] = csvTextColumns.map((column) => ({
  field: 'csv',
  name: `csv column ${column}`,
  maxLength: (raidFieldsSchema.shape[column] as unknown as { _zod: { bag: { maxLength?: number } } })._zod.bag.maxLength,
  place: (text) => Papa.unparse([{ id: `FZ${++csvRow}`, title: 'Fuzzed', [column]: text }], { newline: '\n' }),
  readBack: async (c) => {
    await deps.live.flushProjections();
    const id = Papa.parse<{ id: string }>(c.input.csv as string, { header: true }).data[0]!.id;
    const item = (await c.as.raid.list({ projectId: c.team.project.id })).find((i) => i.id === id);
    return item?.[column];
  },
  // A cell is trimmed, then the field's own schema applies.
  expected: (sent) => {
    const cell = Papa.parse<Record<string, string>>(sent, { header: true }).data[0]![column]!.trim();
    return raidFieldsSchema.shape[column].parse(cell);
  },
}));

/** A fresh e-mail address with the hostile text in its local part (a bare one could never be an address). */
const inEmail = (text: string) => `${text}.${uniqueSuffix()}@example.test`;

const table: Record<string, Row> = {
  'workspace.create': {
    input: () => ({ name: 'Shared' }),
    targets: [{ field: 'name', readBack: async (c) => (await c.as.workspace.list()).find((w) => w.id === (c.result as { id: string }).id)?.name }],
  },
  'project.create': {
    input: () => ({ name: 'Side project' }),
    targets: [
      { field: 'name', readBack: async (c) => (await c.as.project.get({ projectId: (c.result as { id: string }).id })).name },
      { field: 'workspaceId' },
    ],
  },
  'project.rename': {
    input: (_, team) => ({ projectId: team.project.id, name: 'Renamed' }),
    targets: [{ field: 'name', readBack: async (c) => (await c.as.project.get({ projectId: c.team.project.id })).name }],
  },
  'project.delete': { input: (_, team) => ({ projectId: team.project.id, confirmName: 'not the name' }), targets: [{ field: 'confirmName' }] },
  'project.createInvite': {
    input: (_, team) => ({ projectId: team.project.id, role: 'viewer' }),
    targets: [{ field: 'email', place: inEmail, formatRefusesAll: true, readBack: async (c) => (await c.as.project.listInvites({ projectId: c.team.project.id })).find((i) => i.id === (c.result as { id: string }).id)?.email }],
  },
  'project.addMember': {
    input: (_, team) => ({ projectId: team.project.id, role: 'viewer', email: inEmail('newcomer') }),
    targets: [{ field: 'email', place: inEmail, formatRefusesAll: true, readBack: async (c) => (await c.as.project.listInvites({ projectId: c.team.project.id })).find((i) => i.id === (c.result as { id: string }).id)?.email }],
  },
  'project.revokeInvite': { input: (_, team) => ({ projectId: team.project.id, inviteId: globalThis.crypto.randomUUID() }), targets: [{ field: 'inviteId' }] },
  'project.inviteDetails': { input: () => ({ token: 'a'.repeat(32) }), targets: [{ field: 'token' }] },
  'project.acceptInvite': { input: () => ({ token: 'a'.repeat(32) }), targets: [{ field: 'token' }] },
  'project.createPasswordResetLink': { input: (_, team) => ({ projectId: team.project.id, userId: team.users.viewer.id }), targets: [{ field: 'userId' }] },
  'project.setRole': { input: (_, team) => ({ projectId: team.project.id, userId: team.users.viewer.id, role: 'viewer' }), targets: [{ field: 'userId' }] },
  'project.removeMember': { input: (_, team) => ({ projectId: team.project.id, userId: team.users.stranger.id }), targets: [{ field: 'userId' }] },
  'raid.list': { input: (_, team) => ({ projectId: team.project.id }), targets: [{ field: 'ownerId' }] },
  'raid.history': { input: (_, team) => ({ projectId: team.project.id, itemId: 'R-1' }), targets: [{ field: 'itemId' }] },
  'raid.importCsv': { input: (_, team) => ({ projectId: team.project.id, csv: 'title\nVendor late\n' }), targets: csvTargets },
  'meetingSince.get': { input: () => ({ meetingId: globalThis.crypto.randomUUID() }), targets: [{ field: 'meetingId' }] },
  'meetingSince.statusDraft': { input: () => ({ meetingId: globalThis.crypto.randomUUID() }), targets: [{ field: 'meetingId' }] },
  'status.get': { input: (_, team) => ({ projectId: team.project.id, updateId: globalThis.crypto.randomUUID() }), targets: [{ field: 'updateId' }] },
  'status.versions': { input: (_, team) => ({ projectId: team.project.id, updateId: globalThis.crypto.randomUUID() }), targets: [{ field: 'updateId' }] },
  'status.discardDraft': { input: (_, team) => ({ projectId: team.project.id, updateId: globalThis.crypto.randomUUID() }), targets: [{ field: 'updateId' }] },
  'status.checkPrivateMentions': {
    input: (_, team) => ({ projectId: team.project.id, content: content() }),
    targets: contentFields.map((name) => ({ field: `content.${name}` })),
  },
  'status.saveDraft': {
    input: async (as, team) => {
      const draft = await reusableUpdate(as, team, 'draft');
      return { projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision };
    },
    settle: settled('draft'),
    targets: [...updateTargets, { field: 'updateId' }],
  },
  'status.publish': {
    input: async (as, team) => {
      const draft = await reusableUpdate(as, team, 'draft');
      return { projectId: team.project.id, updateId: draft.id, content: content(), baseRevision: draft.revision };
    },
    settle: settled('draft', true),
    targets: [...updateTargets, { field: 'updateId' }],
  },
  'status.correct': {
    input: async (as, team) => {
      const published = await reusableUpdate(as, team, 'published');
      return { projectId: team.project.id, updateId: published.id, content: content(), baseRevision: published.revision };
    },
    settle: settled('published'),
    targets: [...updateTargets, { field: 'updateId' }],
  },
  'status.setPublicPage': {
    input: (_, team) => ({ projectId: team.project.id, enabled: false, slug: `fuzz-${uniqueSuffix()}` }),
    targets: [{ field: 'slug', formatRefusesAll: true, readBack: async (c) => (await c.as.status.settings({ projectId: c.team.project.id })).publicSlug }],
  },
  'status.addWebhook': {
    input: (_, team) => ({ projectId: team.project.id, url: 'http://127.0.0.1:9/hook' }),
    targets: [
      {
        field: 'url',
        place: (text) => `http://127.0.0.1:9/${text}`,
        readBack: async (c) => (await c.as.status.webhooks({ projectId: c.team.project.id })).find((w) => w.id === (c.result as { id: string }).id)?.url,
      },
    ],
  },
  'status.removeWebhook': { input: (_, team) => ({ projectId: team.project.id, webhookId: globalThis.crypto.randomUUID() }), targets: [{ field: 'webhookId' }] },
  'status.deliveries': { input: (_, team) => ({ projectId: team.project.id }), targets: [{ field: 'webhookId' }] },
  'plan.dateHistory': { input: (_, team) => ({ projectId: team.project.id }), targets: [{ field: 'itemId' }] },
  'itemMeetings.forItem': { input: (_, team) => ({ projectId: team.project.id, kind: 'raid', itemId: 'R-1' }), targets: [{ field: 'itemId' }] },
  'plan.saveBaseline': {
    input: (_, team) => ({ projectId: team.project.id, name: 'Q1 agreed' }),
    targets: [
      {
        field: 'name',
        readBack: async (c) => {
          await deps.live.flushProjections();
          const { baselineId } = c.result as { baselineId: string };
          return (await c.as.plan.get({ projectId: c.team.project.id })).baselines.find((b) => b.id === baselineId)?.name;
        },
      },
    ],
  },
  'meeting.create': {
    input: (_, team) => ({ projectId: team.project.id, title: 'Weekly sync', startsAt: new Date('2027-03-01T09:00:00Z') }),
    targets: [{ field: 'title', readBack: async (c) => (await c.as.meeting.get({ meetingId: (c.result as { id: string }).id })).title }],
  },
  'meeting.get': { input: async (as, team) => ({ meetingId: await fuzzMeeting(as, team) }), targets: [{ field: 'meetingId' }] },
  'meeting.delete': { input: () => ({ meetingId: globalThis.crypto.randomUUID() }), targets: [{ field: 'meetingId' }] },
  'meeting.end': { input: () => ({ meetingId: globalThis.crypto.randomUUID() }), targets: [{ field: 'meetingId' }] },
  'meeting.reopen': { input: () => ({ meetingId: globalThis.crypto.randomUUID() }), targets: [{ field: 'meetingId' }] },
  'meeting.update': {
    input: async (as, team) => ({ meetingId: await fuzzMeeting(as, team), title: 'Renamed sync' }),
    targets: [{ field: 'meetingId' }, { field: 'title', readBack: async (c) => (await c.as.meeting.get({ meetingId: c.input.meetingId as string })).title }],
  },
  'meeting.addAction': {
    input: async (as, team) => ({ meetingId: await fuzzMeeting(as, team), title: 'Call the vendor', ownerEmail: team.users.editor.email, due: '2027-03-08', link: { kind: 'raid', id: 'R-1' } }),
    targets: [
      { field: 'meetingId' },
      { field: 'title', readBack: async (c) => (await projectedAction(c))?.title },
      { field: 'ownerEmail', place: inEmail, formatRefusesAll: true },
      { field: 'due' },
      { field: 'link.id', readBack: async (c) => (await projectedAction(c))?.link?.id },
    ],
  },
  'meeting.addDecision': {
    input: async (as, team) => ({ meetingId: await fuzzMeeting(as, team), text: 'Ship in March', decidedBy: 'Steering committee', decidedOn: '2027-03-01', links: [{ kind: 'raid', id: 'R-1' }] }),
    targets: [
      { field: 'meetingId' },
      { field: 'text', readBack: async (c) => (await projectedDecision(c))?.text },
      { field: 'decidedBy', readBack: async (c) => (await projectedDecision(c))?.decidedBy },
      { field: 'decidedOn' },
      { field: 'links[].id', readBack: async (c) => (await projectedDecision(c))?.links[0]?.id },
    ],
  },
  'action.setDone': { input: async (as, team) => ({ meetingId: await fuzzMeeting(as, team), actionId: 'A-1', done: true }), targets: [{ field: 'meetingId' }, { field: 'actionId' }] },
  'decision.list': { input: (_, team) => ({ projectId: team.project.id, query: 'ship', link: { kind: 'raid', id: 'R-1' } }), targets: [{ field: 'query' }, { field: 'link.id' }] },
  // Resources: names, roles, skills and reasons are stored; ids, dates and workstream ids are looked up or refused.
  'people.add': {
    input: (_, team) => ({ workspaceId: team.project.workspaceId, name: 'Ada', weeklyHours: 40 }),
    targets: [
      { field: 'workspaceId' },
      { field: 'name', readBack: async (c) => (await storedPerson(c, (c.result as { id: string }).id))?.name },
      { field: 'role', readBack: async (c) => (await storedPerson(c, (c.result as { id: string }).id))?.role },
      { field: 'skills[]', readBack: async (c) => (await storedPerson(c, (c.result as { id: string }).id))?.skills[0] },
      { field: 'userId' },
    ],
  },
  'people.list': workspaceIdOnly(),
  'people.update': {
    input: async (as, team) => {
      const person = await fuzzPerson(as, team);
      return { personId: person.id, version: person.version, name: 'Renamed' };
    },
    settle: (result) => {
      fuzzPersonRecord!.version = (result as { version: number }).version;
    },
    targets: [
      { field: 'personId' },
      { field: 'name', readBack: async (c) => (await storedPerson(c, c.input.personId as string))?.name },
      { field: 'role', readBack: async (c) => (await storedPerson(c, c.input.personId as string))?.role },
      { field: 'skills[]', readBack: async (c) => (await storedPerson(c, c.input.personId as string))?.skills[0] },
    ],
  },
  'people.remove': { input: () => ({ personId: globalThis.crypto.randomUUID() }), targets: [{ field: 'personId' }] },
  'people.addTimeOff': {
    input: async (as, team) => ({ personId: (await fuzzPerson(as, team)).id, from: '2027-02-01', to: '2027-02-05', reason: 'Holiday' }),
    targets: [
      { field: 'personId' },
      { field: 'from' },
      { field: 'to' },
      {
        field: 'reason',
        readBack: async (c) => (await storedPerson(c, c.input.personId as string))?.timeOff.find((range) => range.id === (c.result as { id: string }).id)?.reason,
      },
    ],
  },
  'people.removeTimeOff': { input: () => ({ timeOffId: globalThis.crypto.randomUUID() }), targets: [{ field: 'timeOffId' }] },
  'allocation.upsert': {
    input: async (as, team) => ({ personId: (await fuzzPerson(as, team)).id, projectId: team.project.id, from: '2027-02-01', to: '2027-02-28', hoursPerWeek: 10 }),
    targets: [{ field: 'id' }, { field: 'personId' }, { field: 'from' }, { field: 'to' }, { field: 'workstreamId' }],
  },
  'allocation.remove': { input: () => ({ allocationId: globalThis.crypto.randomUUID() }), targets: [{ field: 'allocationId' }] },
  'allocation.list': workspaceIdOnly(),
  'resources.utilisation': { input: (_, team) => ({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }), targets: [{ field: 'workspaceId' }, { field: 'from' }] },
  'resources.grid': { input: (_, team) => ({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }), targets: [{ field: 'workspaceId' }, { field: 'from' }] },
  'resources.settings': workspaceIdOnly(),
  'resources.updateSettings': workspaceIdOnly({ underMaxPercent: 80, healthyMaxPercent: 100 }),
  // Tech inventory: an item's text is stored and read back through tech.list (the ring's reason
  // through tech.history); names get a unique tail, as one name may be in the inventory once.
  'tech.upsert': {
    input: (_, team) => ({ projectId: team.project.id, name: `Fuzz tool ${uniqueSuffix()}`, kind: 'tool' }),
    targets: [
      { field: 'id' },
      { field: 'ownerId' },
      { field: 'eolDate' },
      { field: 'name', place: (text) => `${text} ${uniqueSuffix()}`, readBack: async (c) => (await storedTechItem(c))?.name },
      ...(['version', 'latestVersion', 'ownerName', 'licence', 'fitNotes', 'stakeholderNote'] as const).map((field) => ({
        field,
        readBack: async (c: Case) => (await storedTechItem(c))?.[field],
      })),
      {
        field: 'ringReason',
        readBack: async (c) => (await c.as.tech.history({ projectId: c.team.project.id, id: (c.result as { id: string }).id }))[0]?.reason,
      },
    ],
  },
  'tech.remove': { input: (_, team) => ({ projectId: team.project.id, id: globalThis.crypto.randomUUID() }), targets: [{ field: 'id' }] },
  'tech.history': { input: (_, team) => ({ projectId: team.project.id, id: globalThis.crypto.randomUUID() }), targets: [{ field: 'id' }] },
  // A manifest is read, not stored as text: hostile text is a clear 400 (or, read as a manifest, imported).
  'tech.importManifest': {
    input: (_, team) => ({ projectId: team.project.id, fileName: 'package.json', content: '{"dependencies":{"left-pad":"1.3.0"}}', lockContent: '{"lockfileVersion":3,"packages":{}}' }),
    targets: [{ field: 'fileName' }, { field: 'content' }, { field: 'lockContent' }],
  },
  'tech.radar': workspaceIdOnly(),
  'tech.denyList': workspaceIdOnly(),
  'tech.setDenyList': {
    input: (_, team) => ({ workspaceId: team.project.workspaceId, licences: ['AGPL-3.0'] }),
    targets: [{ field: 'workspaceId' }, { field: 'licences[]', readBack: async (c) => (await c.as.tech.denyList({ workspaceId: c.team.project.workspaceId })).licences[0] }],
  },
  // Delivery data: a work item's title and type are stored from a CSV cell and read back through
  // delivery.list; the mapping's column names and rules are read, not stored (a name the file does
  // not have is an error on line 1 of the answer).
  'delivery.preview': { input: (_, team) => ({ projectId: team.project.id, csv: 'key,created,resolved\nFZ-1,2026-11-02,\n' }), targets: [{ field: 'csv' }] },
  'delivery.importCsv': {
    input: async (_, team) => ({
      projectId: team.project.id,
      csv: deliveryCsv({ title: 'Fuzzed', type: 'Story' }),
      mapping: { ...deliveryMapping, planItemRules: [{ label: 'fuzz', type: 'Story', titleContains: 'z', planItem: await fuzzDeliveryMilestone(team) }] },
    }),
    targets: [
      ...(['title', 'type'] as const).map((column) => ({
        field: 'csv',
        name: `csv column ${column}`,
        maxLength: column === 'title' ? 500 : 100,
        place: (text: string) => deliveryCsv({ title: 'Fuzzed', type: 'Story', [column]: text }),
        readBack: async (c: Case) => {
          const key = Papa.parse<Record<string, string>>(c.input.csv as string, { header: true }).data[0]!.key!;
          return (await c.as.delivery.list({ projectId: c.team.project.id, limit: 1000 })).items.find((item) => item.key === key)?.[column];
        },
        // A cell is trimmed; one its limit refuses is reported by line and not stored.
        expected: (sent: string) => {
          const cell = Papa.parse<Record<string, string>>(sent, { header: true }).data[0]![column]!.trim();
          return cell.length <= (column === 'title' ? 500 : 100) ? cell : undefined;
        },
      })),
      { field: 'csv', name: 'csv column key', place: (text) => Papa.unparse([{ key: text, created: '2026-11-02', resolved: '' }], { newline: '\n' }) },
      ...(['key', 'created', 'resolved', 'started', 'type', 'estimate', 'labels', 'title', 'planItem'] as const).map((field) => ({ field: `mapping.${field}` })),
      ...(['label', 'type', 'titleContains', 'planItem'] as const).map((field) => ({ field: `mapping.planItemRules[].${field}` })),
    ],
  },
  'delivery.list': { input: (_, team) => ({ projectId: team.project.id }), targets: [{ field: 'after' }, { field: 'planItemId' }] },
  'forecast.howMany': { input: (_, team) => ({ projectId: team.project.id, by: '2027-06-01' }), targets: [{ field: 'by' }] },
  'comment.add': {
    input: async (_, team) => ({ projectId: team.project.id, target: await fuzzRiskTarget(team), body: 'Looks late' }),
    targets: [{ field: 'target.id' }, { field: 'body', readBack: (c) => storedComment(c, (c.result as { id: string }).id) }],
  },
  'comment.list': { input: async (_, team) => ({ projectId: team.project.id, target: await fuzzRiskTarget(team) }), targets: [{ field: 'target.id' }] },
  'comment.edit': {
    input: async (as, team) => ({ projectId: team.project.id, commentId: await fuzzComment(as, team), body: 'Looks later' }),
    targets: [{ field: 'commentId' }, { field: 'body', readBack: (c) => storedComment(c, c.input.commentId as string) }],
  },
  'comment.remove': { input: (_, team) => ({ projectId: team.project.id, commentId: globalThis.crypto.randomUUID() }), targets: [{ field: 'commentId' }] },
  'inbox.markRead': { input: () => ({ ids: [globalThis.crypto.randomUUID()] }), targets: [{ field: 'ids[]' }] },
  'search.query': { input: () => ({ q: 'vendor' }), targets: [{ field: 'q' }] },
  'staffing.addNeed': {
    input: (_, team) => ({ projectId: team.project.id, skill: 'Backend', count: 1, hoursPerWeek: 20, from: '2027-02-01', to: '2027-02-28' }),
    targets: [
      {
        field: 'skill',
        readBack: async (c) => (await c.as.staffing.forProject({ projectId: c.team.project.id })).needs.find((need) => need.id === (c.result as { id: string }).id)?.skill,
      },
      { field: 'from' },
      { field: 'to' },
    ],
  },
  'staffing.removeNeed': { input: () => ({ needId: globalThis.crypto.randomUUID() }), targets: [{ field: 'needId' }] },
  'staffing.forProject': { input: (_, team) => ({ projectId: team.project.id, from: '2027-02-01' }), targets: [{ field: 'from' }] },
  'staffing.forWorkspace': { input: (_, team) => ({ workspaceId: team.project.workspaceId, from: '2027-02-01', weeks: 4 }), targets: [{ field: 'workspaceId' }, { field: 'from' }] },
  'scenario.create': {
    input: (_, team) => ({ workspaceId: team.project.workspaceId, name: 'What if' }),
    targets: [
      { field: 'workspaceId' },
      { field: 'name', readBack: async (c) => (await c.as.scenario.list({ workspaceId: c.team.project.workspaceId })).find((row) => row.id === (c.result as { id: string }).id)?.name },
    ],
  },
  'scenario.list': workspaceIdOnly(),
  'scenario.discard': { input: () => ({ scenarioId: globalThis.crypto.randomUUID() }), targets: [{ field: 'scenarioId' }] },
  // The change itself is a union of objects (kind, ids, dates), not free text: its ids are checked in scenario.test.ts.
  'scenario.addChange': {
    input: async (as, team) => ({ scenarioId: await fuzzScenario(as, team), change: { kind: 'remove', allocationId: globalThis.crypto.randomUUID() } }),
    targets: [{ field: 'scenarioId' }],
  },
  'scenario.removeChange': { input: () => ({ scenarioId: globalThis.crypto.randomUUID(), index: 0 }), targets: [{ field: 'scenarioId' }] },
  'scenario.compare': {
    input: async (as, team) => ({ scenarioId: await fuzzScenario(as, team), from: '2027-02-01', weeks: 4 }),
    targets: [{ field: 'scenarioId' }, { field: 'from' }],
  },
  'scenario.applyChanges': { input: () => ({ scenarioId: globalThis.crypto.randomUUID() }), targets: [{ field: 'scenarioId' }] },
  // Portfolio: the workspace id is looked up, nothing is stored.
  'portfolio.get': workspaceIdOnly(),
  // Standards: checklist names and checks, waiver reasons, evidence links and owner names are stored; ids are looked up.
  'standards.listChecklists': workspaceIdOnly(),
  'standards.addStandardSet': workspaceIdOnly(),
  'standards.saveChecklist': {
    input: async (as, team) => {
      const list = await fuzzChecklist(as, team);
      return { workspaceId: team.project.workspaceId, id: list.id, version: list.version, name: 'Fuzz checklist', description: '', checks: [{ title: 'Fuzz check', description: '', appliesTo: '' }] };
    },
    settle: (result) => {
      fuzzChecklistRecord!.version = (result as { version: number }).version;
    },
    targets: [
      { field: 'workspaceId' },
      { field: 'id' },
      { field: 'checks[].id' },
      { field: 'name', readBack: async (c) => (await storedChecklist(c))?.name },
      { field: 'description', readBack: async (c) => (await storedChecklist(c))?.description },
      { field: 'checks[].title', readBack: async (c) => (await storedChecklist(c))?.checks[0]?.title },
      { field: 'checks[].description', readBack: async (c) => (await storedChecklist(c))?.checks[0]?.description },
      { field: 'checks[].appliesTo', readBack: async (c) => (await storedChecklist(c))?.checks[0]?.appliesTo },
    ],
  },
  'standards.removeChecklist': {
    input: (_, team) => ({ workspaceId: team.project.workspaceId, checklistId: globalThis.crypto.randomUUID() }),
    targets: [{ field: 'workspaceId' }, { field: 'checklistId' }],
  },
  'standards.applyToMilestone': {
    input: (_, team) => ({ projectId: team.project.id, milestoneId: 'M-1', checklistId: globalThis.crypto.randomUUID() }),
    targets: [{ field: 'milestoneId' }, { field: 'checklistId' }],
  },
  'standards.unapply': {
    input: (_, team) => ({ projectId: team.project.id, milestoneId: 'M-1', checklistId: globalThis.crypto.randomUUID() }),
    targets: [{ field: 'milestoneId' }, { field: 'checklistId' }],
  },
  'standards.updateCheck': {
    input: async (as, team) => {
      const check = await fuzzMilestoneCheck(as, team);
      return { projectId: team.project.id, checkId: check.id, version: check.version, state: 'waived', reason: 'Accepted by the CTO', evidenceUrl: 'https://example.test/evidence', ownerUserId: null, ownerName: '' };
    },
    settle: (result) => {
      fuzzCheckRecord!.version = (result as { version: number }).version;
    },
    targets: [
      { field: 'checkId' },
      { field: 'ownerUserId' },
      { field: 'reason', readBack: async (c) => (await storedCheck(c))?.waiveReason },
      { field: 'evidenceUrl', place: (text) => `https://example.test/evidence/${text}`, readBack: async (c) => (await storedCheck(c))?.evidenceUrl },
      { field: 'ownerName', readBack: async (c) => (await storedCheck(c))?.owner?.name ?? '' },
    ],
  },
};

/** A procedure whose only text is the workspace's id (plus any other fields it needs). */
function workspaceIdOnly(rest: Input = {}): Row {
  return { input: (_, team) => ({ workspaceId: team.project.workspaceId, ...rest }), targets: [{ field: 'workspaceId' }] };
}

/** One person of the fuzzed workspace, made once, that the people rows write into (with the version to send). */
let fuzzPersonRecord: { id: string; version: number } | undefined;
async function fuzzPerson(as: Caller, team: Team) {
  fuzzPersonRecord ??= { id: (await as.people.add({ workspaceId: team.project.workspaceId, name: 'Fuzz person', weeklyHours: 40 })).id, version: 1 };
  return fuzzPersonRecord;
}

async function storedPerson(c: Case, personId: string) {
  return (await c.as.people.list({ workspaceId: c.team.project.workspaceId })).find((row) => row.id === personId);
}

async function storedTechItem(c: Case) {
  return (await c.as.tech.list({ projectId: c.team.project.id })).find((item) => item.id === (c.result as { id: string }).id);
}

/** One scenario of the fuzzed workspace, made once. */
let fuzzScenarioId: string | undefined;
async function fuzzScenario(as: Caller, team: Team): Promise<string> {
  fuzzScenarioId ??= (await as.scenario.create({ workspaceId: team.project.workspaceId, name: 'Fuzz what-if' })).id;
  return fuzzScenarioId;
}

/** One checklist of the fuzzed workspace, made once, that saveChecklist rewrites (with the version to send). */
let fuzzChecklistRecord: { id: string; version: number } | undefined;
async function fuzzChecklist(as: Caller, team: Team) {
  fuzzChecklistRecord ??= await as.standards.saveChecklist({ workspaceId: team.project.workspaceId, name: 'Fuzz checklist', checks: [{ title: 'Fuzz check' }] });
  return fuzzChecklistRecord;
}

async function storedChecklist(c: Case) {
  return (await c.as.standards.listChecklists({ workspaceId: c.team.project.workspaceId })).checklists.find((row) => row.id === c.input.id);
}

/** One check at a milestone of the fuzzed plan, made once, that updateCheck writes into. */
let fuzzCheckRecord: { id: string; version: number } | undefined;
async function fuzzMilestoneCheck(as: Caller, team: Team) {
  if (!fuzzCheckRecord) {
    const [milestoneId] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Fuzz launch', start: '2027-03-01', end: '2027-03-01' }]);
    const list = await as.standards.saveChecklist({ workspaceId: team.project.workspaceId, name: 'Fuzz milestone checks', checks: [{ title: 'Fuzz load test' }] });
    await as.standards.applyToMilestone({ projectId: team.project.id, milestoneId: milestoneId!, checklistId: list.id });
    const check = (await storedChecks(as, team)).find((row) => row.title === 'Fuzz load test')!;
    fuzzCheckRecord = { id: check.id, version: check.version };
  }
  return fuzzCheckRecord;
}

async function storedChecks(as: Caller, team: Team) {
  return (await as.standards.forProject({ projectId: team.project.id })).milestones.flatMap((m) => m.checklists.flatMap((l) => l.checks));
}

async function storedCheck(c: Case) {
  return (await storedChecks(c.as, c.team)).find((row) => row.id === c.input.checkId);
}

/** One meeting of the fuzzed project, made once, that the meeting rows write into. */
let fuzzMeetingId: string | undefined;
async function fuzzMeeting(as: Caller, team: Team): Promise<string> {
  fuzzMeetingId ??= (await as.meeting.create({ projectId: team.project.id, title: 'Fuzz sync', startsAt: new Date('2027-03-01T09:00:00Z') })).id;
  return fuzzMeetingId;
}

async function projectedAction(c: Case) {
  await deps.live.flushProjections();
  const { id } = c.result as { id: string };
  return (await c.as.action.list({ projectId: c.team.project.id })).find((a) => a.id === id);
}

async function projectedDecision(c: Case) {
  await deps.live.flushProjections();
  const { id } = c.result as { id: string };
  return (await c.as.decision.list({ projectId: c.team.project.id })).find((d) => d.id === id);
}

const deliveryMapping = { key: 'key', created: 'created', resolved: 'resolved', started: 'started', type: 'type', estimate: 'points', labels: 'labels', title: 'title', planItem: 'milestone' };
let deliveryRow = 0;
/** A one-row delivery CSV with a fresh key, the given cells in its columns. */
const deliveryCsv = (cells: { title: string; type: string }) =>
  Papa.unparse([{ key: `FZ-${++deliveryRow}`, created: '2026-11-02', resolved: '', started: '', points: '3', labels: 'fuzz', milestone: '', ...cells }], { newline: '\n' });

/** One milestone of the fuzzed plan, made once, that the delivery rules name. */
let fuzzDeliveryMilestoneTitle: string | undefined;
async function fuzzDeliveryMilestone(team: Team): Promise<string> {
  if (!fuzzDeliveryMilestoneTitle) {
    await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Fuzz delivery', start: '2027-04-01', end: '2027-04-01' }]);
    fuzzDeliveryMilestoneTitle = 'Fuzz delivery';
  }
  return fuzzDeliveryMilestoneTitle;
}

/** A risk of the fuzzed project, made once, that the comment rows write on; and one comment on it to edit. */
let fuzzRiskAdded = false;
async function fuzzRiskTarget(team: Team) {
  if (!fuzzRiskAdded) {
    await deps.live.apply('risks', team.project.id, { type: 'raid.import', rows: [{ id: 'R-fuzz-comments', fields: { title: 'Fuzz comments' } }] }, team.users.owner.id);
    await deps.live.flushProjections();
    fuzzRiskAdded = true;
  }
  return { kind: 'risk' as const, id: 'R-fuzz-comments' };
}

let fuzzCommentId: string | undefined;
async function fuzzComment(as: Caller, team: Team): Promise<string> {
  fuzzCommentId ??= (await as.comment.add({ projectId: team.project.id, target: await fuzzRiskTarget(team), body: 'To be edited' })).id;
  return fuzzCommentId;
}

async function storedComment(c: Case, id: string) {
  return (await c.as.comment.list({ projectId: c.team.project.id, target: await fuzzRiskTarget(c.team) })).find((comment) => comment.id === id)?.body;
}

/** Procedures whose only text is `projectId` need no row: their input is `{ projectId }`. */
const projectIdOnly: Row = { input: (_, team) => ({ projectId: team.project.id }), targets: [] };

const textProcedures = Object.keys(procedures).filter((path) => fieldsOf(path).size > 0);
const rowOf = (path: string): Row | undefined => table[path] ?? ([...fieldsOf(path).keys()].every((f) => f === 'projectId') ? projectIdOnly : undefined);

// ---- running one case ---------------------------------------------------------------------------

function withField(input: Input, path: string, value: string): Input {
  const copy = structuredClone(input);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  // `links[].id`: the field of the array's first element.
  for (const key of keys.slice(0, -1)) at = (key.endsWith('[]') ? (at[key.slice(0, -2)] as unknown[])[0] : at[key]) as Record<string, unknown>;
  const last = keys.at(-1)!;
  // `skills[]`: an array of text, sent with the value as its only element.
  if (last.endsWith('[]')) at[last.slice(0, -2)] = [value];
  else at[last] = value;
  return copy;
}

function call(as: Caller, path: string, input: Input): Promise<unknown> {
  const [space, name] = path.split('.') as [string, string];
  return (as as unknown as Record<string, Record<string, (input: Input) => Promise<unknown>>>)[space]![name]!(input);
}

/** Refusals that say something a caller can act on about a lookup (an id that is not there). */
const lookupRefusals = ['BAD_REQUEST', 'NOT_FOUND'];

/** Fuzzes one procedure; returns every broken promise found (empty when all is well). */
async function fuzzProcedure(path: string, row: Row, as: Caller, team: Team): Promise<string[]> {
  const problems: string[] = [];
  const stored = new Set<string>();
  const fields = fieldsOf(path);
  const targets: Target[] = [...row.targets, ...(row.targets.some((t) => t.field === 'projectId') ? [] : [{ field: 'projectId' }])].filter((t) => fields.has(t.field));
  for (const target of targets) {
    const field = fields.get(target.field)!;
    const texts: HostileText[] = hostile.values(target.maxLength ?? field.maxLength, target.readBack ? 2 : 0);
    for (const text of texts) {
      const sent = target.place ? target.place(text.value) : text.value;
      const where = `${path} ${target.name ?? target.field} with ${text.kind} ${shown(text.value)}`;
      const input = withField(await row.input(as, team), target.field, sent);
      let result: unknown;
      try {
        result = await call(as, path, input);
        row.settle?.(result);
      } catch (error) {
        if (!(error instanceof TRPCError)) {
          problems.push(`${where}: threw ${String(error).slice(0, 200)}`);
          continue;
        }
        const allowed = target.readBack ? ['BAD_REQUEST'] : lookupRefusals;
        if (!allowed.includes(error.code)) problems.push(`${where}: ${error.code} ${error.message.slice(0, 200)}`);
        else if (error.message.includes(internalErrorMessage) || error.message.length > 2_000 || /insert into|select .* from|Failed query/i.test(error.message)) {
          problems.push(`${where}: unclear message ${shown(error.message)}`);
        }
        continue;
      }
      if (!target.readBack) continue;
      stored.add(target.name ?? target.field);
      const expected = target.expected ? target.expected(sent) : field.schema.parse(withoutLeadingBoms(sent));
      const readBack = await target.readBack({ as, team, input, result });
      if (readBack !== expected) problems.push(`${where}: stored ${shown(String(readBack))}, expected ${shown(String(expected))}`);
    }
    if (target.readBack && !target.formatRefusesAll && !stored.has(target.name ?? target.field)) {
      problems.push(`${path} ${target.name ?? target.field}: no hostile text was stored, so nothing was read back (is the valid input still valid?)`);
    }
  }
  return problems;
}

// ---- the tests ----------------------------------------------------------------------------------

let people: People;
let team: Team;
let owner: Caller;
beforeAll(async () => {
  people = await createPeople(deps);
  team = await projectFor(deps, people, 'Fuzz');
  owner = await team.as('owner');
});

describe('fuzz: every string input of every procedure', () => {
  it('has a row (a valid input) for every procedure with text, covering each of its text fields, and none for others', () => {
    expect(textProcedures.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const path of textProcedures) {
      const row = rowOf(path);
      if (!row) {
        missing.push(`${path}: add a row to the table in tests/routers/fuzz.test.ts`);
        continue;
      }
      for (const field of fieldsOf(path).keys()) {
        if (field !== 'projectId' && !row.targets.some((t) => t.field === field)) missing.push(`${path}: add a target for its text field ${field}`);
      }
      for (const target of row.targets) if (!fieldsOf(path).has(target.field)) missing.push(`${path}: has no text field ${target.field}`);
    }
    for (const path of Object.keys(table)) if (!textProcedures.includes(path)) missing.push(`${path}: not a procedure with text; remove its row`);
    expect(missing).toEqual([]);
  });

  for (const path of textProcedures) {
    it(`${path}: hostile text gets a clear 400, or is stored and reads back as sent (never a 500)`, { timeout: 60_000 }, async () => {
      const row = rowOf(path);
      if (!row) return; // reported by the completeness check above
      const problems = await fuzzProcedure(path, row, owner, team);
      expect(problems, `seed ${seed} (replay with FUZZ_SEED=${seed})`).toEqual([]);
    });
  }

  it('after all of it, a fresh item still reaches the RAID log and a fresh baseline the plan', async () => {
    const title = `Fresh after fuzz ${uniqueSuffix()}`;
    await owner.raid.importCsv({ projectId: team.project.id, csv: `title\n${title}\n` });
    const { baselineId } = await owner.plan.saveBaseline({ projectId: team.project.id, name: title });
    await deps.live.flushProjections();
    expect((await owner.raid.list({ projectId: team.project.id })).map((i) => i.title)).toContain(title);
    expect((await owner.plan.get({ projectId: team.project.id })).baselines.map((b) => b.id)).toContain(baselineId);
    expect(await owner.raid.projectionIssues({ projectId: team.project.id })).toEqual([]);
    expect(await owner.plan.projectionIssues({ projectId: team.project.id })).toEqual([]);
  });
});
