// Status updates through tRPC: a draft written from the risk history, autosave, publishing, a
// correction kept as a version, the project's health everywhere, the cadence's overdue flag and
// the public page's slug.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPeople, projectFor, rejection, useRouterDeps, type People } from './harness';
import { StatusSite } from '@/server/status/publicSite';
import { uniqueSuffix } from '../support/factories';
import { addPlanItems, addRisks, movePlanItems, publishUpdate, updateContent } from '../status/support';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

describe('status updates', () => {
  it('status writes: an update of another project is NOT_FOUND to an editor of this one, and stays as it was', async () => {
    const mine = await projectFor(deps, people, 'Mine');
    const theirs = await projectFor(deps, people, 'Theirs');
    const theirEditor = await theirs.as('editor');
    const draft = await theirEditor.status.createDraft({ projectId: theirs.project.id });
    const published = await publishUpdate(theirs, 'editor', updateContent());
    // The same people are editors of both projects: only the project id in the call differs.
    const editor = await mine.as('editor');
    const projectId = mine.project.id;
    const content = updateContent({ summary: 'Written from the wrong project' });
    await rejection(editor.status.saveDraft({ projectId, updateId: draft.id, content, baseRevision: draft.revision }), 'NOT_FOUND');
    await rejection(editor.status.publish({ projectId, updateId: draft.id, content, baseRevision: draft.revision }), 'NOT_FOUND');
    await rejection(editor.status.discardDraft({ projectId, updateId: draft.id }), 'NOT_FOUND');
    await rejection(editor.status.correct({ projectId, updateId: published.id, content, baseRevision: published.revision }), 'NOT_FOUND');
    await rejection(editor.status.get({ projectId, updateId: published.id }), 'NOT_FOUND');
    await rejection(editor.status.versions({ projectId, updateId: published.id }), 'NOT_FOUND');
    expect(await theirEditor.status.get({ projectId: theirs.project.id, updateId: draft.id })).toMatchObject({ revision: draft.revision, publishedAt: null });
    expect(await theirEditor.status.get({ projectId: theirs.project.id, updateId: published.id })).toMatchObject({ revision: published.revision, summary: published.summary });
  });

  it('status.createDraft: the draft lists risks added, escalated and closed since the last update, and the top open risks', async () => {
    const team = await projectFor(deps, people, 'Draft');
    const projectId = team.project.id;
    await addRisks(deps, team, [
      { id: 'R-old', fields: { title: 'Old risk', likelihood: 2, impact: 3 } },
      { id: 'R-closing', fields: { title: 'Closing risk', likelihood: 3, impact: 3 } },
    ]);
    await publishUpdate(team, 'owner', updateContent());
    await addRisks(deps, team, [
      { id: 'R-new', fields: { title: 'Vendor *sunset*', likelihood: 5, impact: 4 } },
      { id: 'R-old', fields: { likelihood: 4, impact: 4 } },
      { id: 'R-closing', fields: { status: 'closed' } },
    ]);
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId });
    expect(draft.publishedAt).toBeNull();
    expect(draft.health).toBe('off_track');
    expect(draft.healthReason).toBe('1 critical risk open');
    expect(draft.summary).toMatch(/^Since the last update \(\d{4}-\d\d-\d\d\): 1 risk added, 1 escalated, 1 closed\./);
    expect(draft.summary).toContain('**Top open risks by score**\n- **Vendor \\*sunset\\*** (Critical, score 20)\n- **Old risk** (High, score 16)');
    expect(draft.lowlights).toContain('New risks:\n- **Vendor \\*sunset\\*** (Critical, score 20)');
    expect(draft.lowlights).toContain('Escalated:\n- **Old risk** (High, score 16), was Medium');
    expect(draft.highlights).toBe('Closed:\n- **Closing risk** (Medium, score 9)');
  });

  it('status: drafts autosave, publish explicitly, and become the health on the project list and page', async () => {
    const team = await projectFor(deps, people, 'Publish');
    const projectId = team.project.id;
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId });
    const content = updateContent({ health: 'at_risk', healthReason: 'Staging is full', summary: 'Load tests are blocked.' });
    const saved = await editor.status.saveDraft({ projectId, updateId: draft.id, content, baseRevision: draft.revision });
    expect(await editor.status.get({ projectId, updateId: draft.id })).toMatchObject({ ...content, publishedAt: null, revision: saved.revision });

    const viewer = await team.as('viewer');
    expect((await viewer.project.get({ projectId })).communication.health).toBeNull();
    const published = await editor.status.publish({ projectId, updateId: draft.id, content, baseRevision: saved.revision });
    expect(published).toMatchObject({ version: 1, publishedAt: expect.any(Date), editedAt: null });
    expect((await viewer.project.get({ projectId })).communication.health).toMatchObject({ health: 'at_risk', healthReason: 'Staging is full' });
    const listed = (await viewer.project.list()).find((p) => p.id === projectId)!;
    expect(listed.communication.health?.health).toBe('at_risk');
    const list = await viewer.status.list({ projectId });
    expect(list.published.map((u) => u.id)).toEqual([draft.id]);
    expect(list.published[0]!.authorName).toBe(team.users.editor.name);

    await rejection(editor.status.saveDraft({ projectId, updateId: draft.id, content, baseRevision: published.revision }), 'PRECONDITION_FAILED');
    await rejection(editor.status.publish({ projectId, updateId: draft.id, content, baseRevision: published.revision }), 'PRECONDITION_FAILED');
  });

  it('status.publish: needs a health reason and a summary', async () => {
    const team = await projectFor(deps, people, 'Reason');
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId: team.project.id });
    const baseRevision = draft.revision;
    await rejection(editor.status.publish({ projectId: team.project.id, updateId: draft.id, content: updateContent({ healthReason: '' }), baseRevision }), 'BAD_REQUEST');
    await rejection(editor.status.publish({ projectId: team.project.id, updateId: draft.id, content: updateContent({ summary: '  ' }), baseRevision }), 'BAD_REQUEST');
    await rejection(editor.status.saveDraft({ projectId: team.project.id, updateId: draft.id, content: updateContent({ healthReason: 'two\nlines' }), baseRevision }), 'BAD_REQUEST');
  });

  it('status.correct: a correction keeps the earlier text as a version and marks the update edited', async () => {
    const team = await projectFor(deps, people, 'Correct');
    const projectId = team.project.id;
    const original = updateContent({ summary: 'Cut-over on 3 March.' });
    const published = await publishUpdate(team, 'owner', original);
    const editor = await team.as('editor');
    const corrected = await editor.status.correct({ projectId, updateId: published.id, content: { ...original, summary: 'Cut-over on 10 March.' }, baseRevision: published.revision });
    expect(corrected).toMatchObject({ version: 2, editedAt: expect.any(Date), summary: 'Cut-over on 10 March.' });
    expect(corrected.publishedAt).toEqual(published.publishedAt);
    const viewer = await team.as('viewer');
    const versions = await viewer.status.versions({ projectId, updateId: published.id });
    expect(versions).toMatchObject([{ version: 1, content: original, editedBy: team.users.editor.name }]);
    // The same text again is not a new version.
    await editor.status.correct({ projectId, updateId: published.id, content: { ...original, summary: 'Cut-over on 10 March.' }, baseRevision: corrected.revision });
    expect(await viewer.status.versions({ projectId, updateId: published.id })).toHaveLength(1);
  });

  it('status.correct: changing only the audience is no new version and no new author; the same text and audience again changes nothing', async () => {
    const team = await projectFor(deps, people, 'Audience only');
    const projectId = team.project.id;
    const content = updateContent();
    const published = await publishUpdate(team, 'owner', content, 'internal');
    const editor = await team.as('editor');
    const madePublic = await editor.status.correct({ projectId, updateId: published.id, content, baseRevision: published.revision, audience: 'public' });
    expect(madePublic).toMatchObject({ audience: 'public', version: 1, editedAt: null, revision: published.revision + 1 });
    expect(await editor.status.versions({ projectId, updateId: published.id })).toEqual([]);
    expect(await editor.status.get({ projectId, updateId: published.id })).toMatchObject({ authors: [{ name: team.users.owner.name }], updatedByName: team.users.editor.name });
    const unchanged = await editor.status.correct({ projectId, updateId: published.id, content, baseRevision: madePublic.revision });
    expect(unchanged).toMatchObject({ audience: 'public', revision: madePublic.revision, updatedAt: madePublic.updatedAt });
  });

  it('status.discardDraft: removes a draft, never a published update', async () => {
    const team = await projectFor(deps, people, 'Discard');
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId: team.project.id });
    await editor.status.discardDraft({ projectId: team.project.id, updateId: draft.id });
    expect((await editor.status.list({ projectId: team.project.id })).drafts).toEqual([]);
    const published = await publishUpdate(team, 'owner', updateContent());
    await rejection(editor.status.discardDraft({ projectId: team.project.id, updateId: published.id }), 'PRECONDITION_FAILED');
  });

  it('status.setCadence: with no update yet, a cadence makes the project overdue; a publish clears it', async () => {
    const team = await projectFor(deps, people, 'Cadence');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    await owner.status.setCadence({ projectId, cadence: { everyDays: 1, weekday: null } });
    expect(await owner.status.settings({ projectId })).toMatchObject({ cadence: { everyDays: 1, weekday: null } });
    // Due today: not overdue until the day has passed.
    expect((await owner.project.get({ projectId })).communication).toMatchObject({ overdue: false, dueOn: expect.any(String) });
    await publishUpdate(team, 'owner', updateContent());
    const after = (await owner.project.list()).find((p) => p.id === projectId)!.communication;
    expect(after.overdue).toBe(false);
    await owner.status.setCadence({ projectId, cadence: null });
    expect((await owner.project.get({ projectId })).communication).toMatchObject({ cadence: null, overdue: false, dueOn: null });
  });

  it('status.setPublicPage: needs a free slug; off keeps the slug', async () => {
    const a = await projectFor(deps, people, 'SlugA');
    const b = await projectFor(deps, people, 'SlugB');
    const slug = `slug-${a.project.id.slice(0, 8)}`;
    const ownerA = await a.as('owner');
    const ownerB = await b.as('owner');
    await rejection(ownerA.status.setPublicPage({ projectId: a.project.id, enabled: true }), 'BAD_REQUEST');
    await rejection(ownerA.status.setPublicPage({ projectId: a.project.id, enabled: true, slug: 'Not OK!' }), 'BAD_REQUEST');
    expect(await ownerA.status.setPublicPage({ projectId: a.project.id, enabled: true, slug: slug.toUpperCase() })).toEqual({ publicEnabled: true, publicSlug: slug });
    await rejection(ownerB.status.setPublicPage({ projectId: b.project.id, enabled: true, slug }), 'CONFLICT');
    expect(await ownerA.status.setPublicPage({ projectId: a.project.id, enabled: false })).toEqual({ publicEnabled: false, publicSlug: slug });
  });
});

describe('status.createDraft with a plan', () => {
  it('status.createDraft: milestones completed and slipped since the last update are in the draft', async () => {
    const team = await projectFor(deps, people, 'Draft with plan');
    const [launch, pilot] = await addPlanItems(deps, team, [
      { kind: 'milestone', title: 'Public launch', start: '2027-03-01', end: '2027-03-01', status: 'planned' },
      { kind: 'milestone', title: 'Pilot with two partners', start: '2027-01-15', end: '2027-01-15', status: 'planned' },
    ]);
    await publishUpdate(team, 'owner', updateContent({ health: 'on_track' }));
    await movePlanItems(deps, team, { [launch!]: { start: '2027-03-11', end: '2027-03-11' } });
    await movePlanItems(deps, team, { [pilot!]: { status: 'done' } });
    const owner = await team.as('owner');
    const draft = await owner.status.createDraft({ projectId: team.project.id });
    expect(draft.highlights).toContain('- **Pilot with two partners**');
    expect(draft.lowlights).toContain('- **Public launch**: 10 days later since the last update (2027-03-01 → 2027-03-11); 10 days behind its first planned date (2027-03-01)');
  });

  it('status: the public milestones table and the drafted update agree on how far a milestone slipped, and against what', async () => {
    const team = await projectFor(deps, people, 'Agree');
    const projectId = team.project.id;
    const slug = `agree-${uniqueSuffix()}`;
    const owner = await team.as('owner');
    await owner.status.setPublicPage({ projectId, enabled: true, slug });
    const [launch] = await addPlanItems(deps, team, [{ kind: 'milestone', title: 'Cut-over', start: '2027-03-01', end: '2027-03-01', status: 'planned' }]);
    await publishUpdate(team, 'owner', updateContent());
    await movePlanItems(deps, team, { [launch!]: { start: '2027-03-08', end: '2027-03-08' } });

    // Re-checking the page's key on every request: a saved baseline must change it.
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test', revalidateAfterMs: 0 });
    const tableRow = async () => {
      const page = (await site.respond(`/status/${slug}`, undefined)).body;
      return new RegExp(`<tr data-milestone="${launch}">(.*?)</tr>`).exec(page)![1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    };
    try {
      // No baseline: both count from the date the milestone was first planned for.
      let draft = await owner.status.createDraft({ projectId });
      expect(draft.lowlights).toContain('- **Cut-over**: 7 days later since the last update (2027-03-01 → 2027-03-08); 7 days behind its first planned date (2027-03-01)');
      expect(await tableRow()).toContain('Slipped 7 days against its first planned date (2027-03-01)');

      // A baseline saved after the move: the table and the draft both say it is on that baseline.
      await deps.live.apply('plan', projectId, { type: 'plan.saveBaseline', name: 'Re-plan' }, team.users.owner.id);
      await deps.live.flushProjections();
      draft = await owner.status.createDraft({ projectId });
      expect(draft.lowlights).toContain('- **Cut-over**: 7 days later since the last update (2027-03-01 → 2027-03-08); on schedule against its baseline “Re-plan”');
      expect(await tableRow()).toContain('On schedule against its baseline “Re-plan”');
    } finally {
      site.close();
    }
  });
});

describe('status: two people editing one update', () => {
  it('status.saveDraft: a save based on an older revision is refused with CONFLICT naming who saved the newer one, and their text stays', async () => {
    const team = await projectFor(deps, people, 'Stale tab');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    const editor = await team.as('editor');
    const draft = await owner.status.createDraft({ projectId });
    // Both open the draft at the same revision; the editor saves first.
    const theirs = updateContent({ summary: 'Editor: the vendor confirmed 1 March.' });
    const saved = await editor.status.saveDraft({ projectId, updateId: draft.id, content: theirs, baseRevision: draft.revision });
    expect(saved.revision).toBeGreaterThan(draft.revision);

    const stale = updateContent({ summary: 'Owner: older text from a forgotten tab.' });
    const error = await rejection(owner.status.saveDraft({ projectId, updateId: draft.id, content: stale, baseRevision: draft.revision }), 'CONFLICT');
    expect(error.message).toContain(`${team.users.editor.name} saved a newer version of this update`);
    expect(error.message).toContain('Your text was not saved');
    // Publishing from the stale tab is refused the same way, so it cannot publish over their work.
    await rejection(owner.status.publish({ projectId, updateId: draft.id, content: stale, baseRevision: draft.revision }), 'CONFLICT');
    expect(await owner.status.get({ projectId, updateId: draft.id })).toMatchObject({ summary: theirs.summary, revision: saved.revision, publishedAt: null });

    // Having seen the newer version, the owner may save over it on purpose.
    const merged = await owner.status.saveDraft({ projectId, updateId: draft.id, content: { ...theirs, asks: '- Owner: sign-off' }, baseRevision: saved.revision });
    expect(merged.revision).toBe(saved.revision + 1);
  });

  it('status.correct: a correction based on an older revision is refused with CONFLICT', async () => {
    const team = await projectFor(deps, people, 'Stale correction');
    const projectId = team.project.id;
    const published = await publishUpdate(team, 'owner', updateContent());
    const editor = await team.as('editor');
    const first = await editor.status.correct({ projectId, updateId: published.id, content: updateContent({ summary: 'First correction' }), baseRevision: published.revision });
    await rejection(
      editor.status.correct({ projectId, updateId: published.id, content: updateContent({ summary: 'Second, from an old tab' }), baseRevision: published.revision }),
      'CONFLICT',
    );
    expect((await editor.status.get({ projectId, updateId: published.id })).summary).toBe(first.summary);
  });

  it('status: the byline names every author of an update and who published it', async () => {
    const team = await projectFor(deps, people, 'Byline');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    const editor = await team.as('editor');
    const draft = await editor.status.createDraft({ projectId });
    const saved = await owner.status.saveDraft({ projectId, updateId: draft.id, content: updateContent({ summary: 'Written together' }), baseRevision: draft.revision });
    // The editor publishes the text as saved: they started it and they publish it.
    await editor.status.publish({ projectId, updateId: draft.id, content: updateContent({ summary: 'Written together' }), baseRevision: saved.revision });
    const [update] = (await (await team.as('viewer')).status.list({ projectId })).published;
    expect(update!.authors.map((a) => a.name)).toEqual([team.users.editor.name, team.users.owner.name]);
    expect(update!.publishedByName).toBe(team.users.editor.name);
  });

  it('status.pageRevision: changes when an update is published, so open pages know to refresh', async () => {
    const team = await projectFor(deps, people, 'Revision');
    const viewer = await team.as('viewer');
    const before = await viewer.status.pageRevision({ projectId: team.project.id });
    await publishUpdate(team, 'editor', updateContent(), 'internal');
    expect(await viewer.status.pageRevision({ projectId: team.project.id })).not.toEqual(before);
  });

  it('status.pageRevision: a draft written, saved or thrown away changes it for editors, never for viewers, who are not told someone is writing', async () => {
    const team = await projectFor(deps, people, 'Quiet drafts');
    const projectId = team.project.id;
    const viewer = await team.as('viewer');
    const editor = await team.as('editor');
    const seenBy = async () => ({ viewer: (await viewer.status.pageRevision({ projectId })).revision, editor: (await editor.status.pageRevision({ projectId })).revision });
    const start = await seenBy();
    const draft = await editor.status.createDraft({ projectId });
    const created = await seenBy();
    await editor.status.saveDraft({ projectId, updateId: draft.id, content: updateContent(), baseRevision: draft.revision });
    const saved = await seenBy();
    await editor.status.discardDraft({ projectId, updateId: draft.id });
    const discarded = await seenBy();
    expect([created.viewer, saved.viewer, discarded.viewer]).toEqual([start.viewer, start.viewer, start.viewer]);
    expect(new Set([start.editor, created.editor, saved.editor]).size).toBe(3);
    expect(discarded.editor).toBe(start.editor);
  });

  it('status: publishing a draft as saved does not make the publisher an author; changing its text does; the byline names who saved it last', async () => {
    const team = await projectFor(deps, people, 'Authors');
    const projectId = team.project.id;
    const owner = await team.as('owner');
    const editor = await team.as('editor');
    const content = updateContent({ summary: 'Written by the editor' });
    const asSaved = await editor.status.createDraft({ projectId });
    const saved = await editor.status.saveDraft({ projectId, updateId: asSaved.id, content, baseRevision: asSaved.revision });
    await owner.status.publish({ projectId, updateId: asSaved.id, content, baseRevision: saved.revision });
    const changed = await editor.status.createDraft({ projectId });
    await owner.status.publish({ projectId, updateId: changed.id, content: updateContent({ summary: 'The owner rewrote it' }), baseRevision: changed.revision });
    const { published } = await (await team.as('viewer')).status.list({ projectId });
    const byline = (id: string) => {
      const update = published.find((row) => row.id === id)!;
      return { authors: update.authors.map((a) => a.name), publishedBy: update.publishedByName, savedBy: update.updatedByName };
    };
    expect(byline(asSaved.id)).toEqual({ authors: [team.users.editor.name], publishedBy: team.users.owner.name, savedBy: team.users.owner.name });
    expect(byline(changed.id)).toEqual({ authors: [team.users.editor.name, team.users.owner.name], publishedBy: team.users.owner.name, savedBy: team.users.owner.name });
    expect(await editor.status.get({ projectId, updateId: changed.id })).toMatchObject({ authors: [{ name: team.users.editor.name }, { name: team.users.owner.name }], updatedByName: team.users.owner.name });
  });
});
