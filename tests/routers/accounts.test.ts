// Accounts and projects: invites (links with a role, one use, expiry; e-mailed when SMTP is set),
// password resets (better-auth's e-mail flow, or an owner's link on servers without mail), and a
// project's life: rename, archive (read-only, hidden, public page kept), unarchive, delete.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq, like, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardUpdate, project, projectInvite, raidItem, verification } from '@/db/schema';
import { createAuth } from '@/server/auth';
import { sessionAccess } from '@/server/collab/authenticate';
import { createMailer, type Mailer } from '@/server/mail';
import { StatusSite } from '@/server/status/publicSite';
import { eventually } from '../support/eventually';
import { addToProject, callerFor, createUser, inviteTokenOf, testAppUrl, testAuthSecret, testOrigins, uniqueSuffix, type TestUser } from '../support/factories';
import { createPeople, projectFor, rejection, useRouterDeps, type People } from './harness';

const deps = useRouterDeps();
let people: People;
beforeAll(async () => {
  people = await createPeople(deps);
});

const day = 24 * 60 * 60 * 1000;

async function ownerOfNewProject(name = 'Invites') {
  const team = await projectFor(deps, people, name);
  return { team, owner: await team.as('owner'), projectId: team.project.id };
}

/** A local SMTP server that keeps what it receives (smtp-server, no TLS, no auth). */
function startMailbox() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  const ready = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`)));
  return { received, ready, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The message's body with quoted-printable soft line breaks undone, so links read whole. */
function bodyOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

async function signIn(auth: typeof deps.auth, email: string, password: string): Promise<boolean> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  return response.ok;
}

async function resetWith(auth: typeof deps.auth, token: string, newPassword: string): Promise<boolean> {
  const response = await auth.api.resetPassword({ body: { token, newPassword }, asResponse: true });
  return response.ok;
}

describe('project invites', () => {
  it('project.createInvite: owners only, as editor or viewer, with an expiry of 1 to 30 days (7 by default)', async () => {
    const { team, owner, projectId } = await ownerOfNewProject();
    await rejection((await team.as('editor')).project.createInvite({ projectId, role: 'viewer' }), 'FORBIDDEN');
    // @ts-expect-error: owners are made after joining, not by invite
    await rejection(owner.project.createInvite({ projectId, role: 'owner' }), 'BAD_REQUEST');
    await rejection(owner.project.createInvite({ projectId, role: 'viewer', expiresInDays: 31 }), 'BAD_REQUEST');
    const before = Date.now();
    const standard = await owner.project.createInvite({ projectId, role: 'editor' });
    expect(standard.expiresAt.getTime() - before).toBeGreaterThan(7 * day - 60_000);
    expect(standard.expiresAt.getTime() - before).toBeLessThan(7 * day + 60_000);
    const short = await owner.project.createInvite({ projectId, role: 'viewer', expiresInDays: 1 });
    expect(short.expiresAt.getTime() - before).toBeLessThan(day + 60_000);
    expect(standard.link).toMatch(new RegExp(`^${testAppUrl}/invite/[A-Za-z0-9_-]{43}$`));
    expect(standard).toMatchObject({ emailed: false, role: 'editor', email: null });
  });

  it('project.createInvite: only the SHA-256 of the token is stored, never the token', async () => {
    const { owner, projectId } = await ownerOfNewProject();
    const invite = await owner.project.createInvite({ projectId, role: 'viewer' });
    const token = inviteTokenOf(invite.link!);
    const [row] = await deps.db.select().from(projectInvite).where(eq(projectInvite.id, invite.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('project.listInvites and revokeInvite: open invites are listed; a revoked one leaves the list and its link is refused', async () => {
    const { owner, projectId } = await ownerOfNewProject();
    const kept = await owner.project.createInvite({ projectId, role: 'viewer', email: 'kept@example.test' });
    const revoked = await owner.project.createInvite({ projectId, role: 'editor' });
    expect((await owner.project.listInvites({ projectId })).map((i) => i.id).sort()).toEqual([kept.id, revoked.id].sort());
    const lapsed = await owner.project.createInvite({ projectId, role: 'viewer' });
    await deps.db.update(projectInvite).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(projectInvite.id, lapsed.id));
    const listed = await owner.project.listInvites({ projectId });
    expect(Object.fromEntries(listed.map((i) => [i.id, i.expired]))).toEqual({ [kept.id]: false, [revoked.id]: false, [lapsed.id]: true });
    await owner.project.revokeInvite({ projectId, inviteId: lapsed.id });
    expect(await owner.project.revokeInvite({ projectId, inviteId: revoked.id })).toEqual({ id: revoked.id, revoked: true });
    expect((await owner.project.listInvites({ projectId })).map((i) => i.id)).toEqual([kept.id]);
    await rejection(owner.project.revokeInvite({ projectId, inviteId: revoked.id }), 'NOT_FOUND');
    const newcomer = await createUser(deps.auth, 'Newcomer');
    const error = await rejection((await callerFor(deps, newcomer)).project.acceptInvite({ token: inviteTokenOf(revoked.link!) }), 'FORBIDDEN');
    expect(error.message).toBe('This invite was revoked by a project owner. Ask them for a new one.');
  });

  it('project.acceptInvite: someone new signs up through the link and joins with the invite role', async () => {
    const { owner, projectId, team } = await ownerOfNewProject();
    const invite = await owner.project.createInvite({ projectId, role: 'editor' });
    const token = inviteTokenOf(invite.link!);
    const details = await (await callerFor(deps, null)).project.inviteDetails({ token });
    expect(details).toMatchObject({ projectName: team.project.name, role: 'editor', invitedBy: people.owner.name, refusal: null });
    const newcomer = await createUser(deps.auth, 'Newcomer'); // the sign-up on the invite page
    const joined = await (await callerFor(deps, newcomer)).project.acceptInvite({ token });
    expect(joined).toEqual({ projectId, projectName: team.project.name, role: 'editor', joined: true });
    expect((await (await callerFor(deps, newcomer)).project.get({ projectId })).role).toBe('editor');
    expect(await owner.project.listInvites({ projectId })).toEqual([]);
  });

  it('project.acceptInvite: someone with an account (and projects of their own) joins with the invite role', async () => {
    const { owner, projectId } = await ownerOfNewProject();
    const existing = await createUser(deps.auth, 'Existing');
    const theirs = await callerFor(deps, existing);
    await theirs.project.create({ name: `Own ${uniqueSuffix()}` });
    const invite = await owner.project.createInvite({ projectId, role: 'viewer', email: existing.email.toUpperCase() });
    expect(invite.email).toBe(existing.email);
    await theirs.project.acceptInvite({ token: inviteTokenOf(invite.link!) });
    expect((await theirs.project.list()).find((p) => p.id === projectId)?.role).toBe('viewer');
  });

  it('project.acceptInvite: expired, used and unknown invites are refused with a clear message', async () => {
    const { owner, projectId } = await ownerOfNewProject();
    const [first, second, late] = await Promise.all(['First', 'Second', 'Late'].map((n) => createUser(deps.auth, n)));
    const once = await owner.project.createInvite({ projectId, role: 'viewer' });
    await (await callerFor(deps, first!)).project.acceptInvite({ token: inviteTokenOf(once.link!) });
    const used = await rejection((await callerFor(deps, second!)).project.acceptInvite({ token: inviteTokenOf(once.link!) }), 'FORBIDDEN');
    expect(used.message).toBe('This invite has already been used. Ask a project owner for a new one.');

    const expiring = await owner.project.createInvite({ projectId, role: 'editor' });
    await deps.db.update(projectInvite).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(projectInvite.id, expiring.id));
    const expired = await rejection((await callerFor(deps, late!)).project.acceptInvite({ token: inviteTokenOf(expiring.link!) }), 'FORBIDDEN');
    expect(expired.message).toMatch(/^This invite expired on \d{4}-\d{2}-\d{2}\. Ask a project owner for a new one\.$/);
    expect((await (await callerFor(deps, null)).project.inviteDetails({ token: inviteTokenOf(expiring.link!) })).refusal).toBe(expired.message);
    await rejection((await callerFor(deps, late!)).project.get({ projectId }), 'NOT_FOUND');

    const unknown = await rejection((await callerFor(deps, late!)).project.acceptInvite({ token: 'x'.repeat(43) }), 'NOT_FOUND');
    expect(unknown.message).toMatch(/not valid/);
    await rejection((await callerFor(deps, null)).project.inviteDetails({ token: 'x'.repeat(43) }), 'NOT_FOUND');
  });

  it('project.acceptInvite: a member following an invite keeps their role, and the invite stays open for someone else', async () => {
    const { owner, projectId, team } = await ownerOfNewProject();
    const invite = await owner.project.createInvite({ projectId, role: 'viewer' });
    const editor = await team.as('editor');
    expect(await editor.project.acceptInvite({ token: inviteTokenOf(invite.link!) })).toEqual({
      projectId,
      projectName: team.project.name,
      role: 'editor',
      joined: false,
    });
    expect((await editor.project.get({ projectId })).role).toBe('editor');
    expect((await owner.project.listInvites({ projectId })).map((i) => i.id)).toEqual([invite.id]);
  });

  it('project.acceptInvite: an invite addressed to an e-mail is refused to anyone signed in with another', async () => {
    const { owner, projectId } = await ownerOfNewProject();
    const invite = await owner.project.createInvite({ projectId, role: 'viewer', email: 'someone-else@example.test' });
    const other = await createUser(deps.auth, 'Other');
    const error = await rejection((await callerFor(deps, other)).project.acceptInvite({ token: inviteTokenOf(invite.link!) }), 'FORBIDDEN');
    expect(error.message).toContain('This invite is for someone-else@example.test');
  });

  describe('with SMTP_URL set', () => {
    const mailbox = startMailbox();
    let mailer: Mailer;
    beforeAll(async () => {
      mailer = createMailer({ smtpUrl: await mailbox.ready, from: 'Waymark <waymark@example.test>' });
    });
    afterAll(() => mailbox.close());

    it('project.createInvite: an addressed invite is e-mailed with its link, which is not returned to the owner', async () => {
      const team = await projectFor(deps, people, 'Mailed');
      const owner = await callerFor({ ...deps, mailer }, people.owner);
      const invitee = await createUser(deps.auth, 'Invitee');
      const invite = await owner.project.createInvite({ projectId: team.project.id, role: 'editor', email: invitee.email });
      expect(invite).toMatchObject({ emailed: true, link: null, email: invitee.email });
      await eventually(() => expect(mailbox.received.filter((m) => m.to.includes(invitee.email))).toHaveLength(1));
      const mail = bodyOf(mailbox.received.find((m) => m.to.includes(invitee.email))!.raw);
      expect(mail).toContain(team.project.name);
      const link = mail.match(new RegExp(`${testAppUrl}/invite/[A-Za-z0-9_-]+`))![0];
      await (await callerFor(deps, invitee)).project.acceptInvite({ token: inviteTokenOf(link) });
      expect((await (await callerFor(deps, invitee)).project.get({ projectId: team.project.id })).role).toBe('editor');
    });

    it('project.createInvite: when the e-mail cannot be sent, the owner is told so and gets the link to send themselves', async () => {
      const closed = startMailbox();
      const smtpUrl = await closed.ready;
      await closed.close(); // nothing listens there any more: the connection is refused
      const failing = createMailer({ smtpUrl, from: 'Waymark <waymark@example.test>' });
      const team = await projectFor(deps, people, 'Unmailed');
      const owner = await callerFor({ ...deps, mailer: failing }, people.owner);
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const invite = await owner.project.createInvite({ projectId: team.project.id, role: 'viewer', email: 'unreached@example.test' });
        expect(invite).toMatchObject({ emailed: false, emailError: 'The invite e-mail could not be sent; copy the link and send it yourself.' });
        expect(invite.link).toMatch(new RegExp(`^${testAppUrl}/invite/`));
        expect(quiet).toHaveBeenCalledWith('Invite e-mail failed:', expect.any(String));
      } finally {
        quiet.mockRestore();
      }
    });

    it("password reset: better-auth's reset e-mail carries a link that works once", async () => {
      const auth = createAuth(deps.db, {
        appUrl: testAppUrl,
        origins: testOrigins,
        authSecret: testAuthSecret,
        signInLimitPerMinute: 10_000,
        mail: { smtpUrl: await mailbox.ready, from: 'Waymark <waymark@example.test>' },
      });
      const forgetful = await createUser(auth, 'Forgetful');
      await auth.api.requestPasswordReset({ body: { email: forgetful.email, redirectTo: '/reset-password' } });
      await eventually(() => expect(mailbox.received.filter((m) => m.to.includes(forgetful.email))).toHaveLength(1));
      const mail = bodyOf(mailbox.received.find((m) => m.to.includes(forgetful.email))!.raw);
      const token = mail.match(/\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\?callbackURL=/)![1]!;
      expect(await resetWith(auth, token, 'a-brand-new-password')).toBe(true);
      expect(await signIn(auth, forgetful.email, 'a-brand-new-password')).toBe(true);
      expect(await signIn(auth, forgetful.email, forgetful.password)).toBe(false);
      expect(await resetWith(auth, token, 'yet-another-password')).toBe(false);
    });

    it('project.createPasswordResetLink: refused when the server sends e-mail (people reset their own)', async () => {
      const team = await projectFor(deps, people, 'Mailed reset');
      const owner = await callerFor({ ...deps, mailer }, people.owner);
      await rejection(owner.project.createPasswordResetLink({ projectId: team.project.id, userId: people.viewer.id }), 'PRECONDITION_FAILED');
    });
  });
});

describe('owner-made password reset links (no SMTP)', () => {
  async function memberOnlyHere(): Promise<{ member: TestUser; projectId: string; owner: Awaited<ReturnType<typeof callerFor>> }> {
    const { owner, projectId } = await ownerOfNewProject('Resets');
    const member = await createUser(deps.auth, 'Member');
    await addToProject(deps, people.owner, projectId, member, 'editor');
    return { member, projectId, owner };
  }

  it('project.createPasswordResetLink: the link sets a new password once', async () => {
    const { member, projectId, owner } = await memberOnlyHere();
    const { link, name } = await owner.project.createPasswordResetLink({ projectId, userId: member.id });
    expect(name).toBe(member.name);
    expect(link).toMatch(new RegExp(`^${testAppUrl}/reset-password\\?token=`));
    const token = new URL(link).searchParams.get('token')!;
    expect(await resetWith(deps.auth, token, 'chosen-by-the-member')).toBe(true);
    expect(await signIn(deps.auth, member.email, 'chosen-by-the-member')).toBe(true);
    expect(await resetWith(deps.auth, token, 'chosen-by-someone-else')).toBe(false);
    expect(await signIn(deps.auth, member.email, 'chosen-by-someone-else')).toBe(false);
  });

  it('project.createPasswordResetLink: an expired link does not work', async () => {
    const { member, projectId, owner } = await memberOnlyHere();
    const { link } = await owner.project.createPasswordResetLink({ projectId, userId: member.id });
    await deps.db.update(verification).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(verification.value, member.id));
    expect(await resetWith(deps.auth, new URL(link).searchParams.get('token')!, 'too-late-for-this')).toBe(false);
    expect(await signIn(deps.auth, member.email, member.password)).toBe(true);
  });

  it('project.createPasswordResetLink: refused for members with projects or workspaces the owner does not own, non-members, themselves and non-owners', async () => {
    const { member, projectId, owner } = await memberOnlyHere();
    const elsewhere = await createUser(deps.auth, 'Elsewhere');
    await addToProject(deps, people.owner, projectId, elsewhere, 'viewer');
    await (await callerFor(deps, elsewhere)).project.create({ name: `Their own ${uniqueSuffix()}` });
    const projects = await rejection(owner.project.createPasswordResetLink({ projectId, userId: elsewhere.id }), 'FORBIDDEN');
    expect(projects.message).toBe(`${elsewhere.name}: They also belong to projects you do not own, so only they can reset their password.`);

    const sharer = await createUser(deps.auth, 'Sharer');
    await addToProject(deps, people.owner, projectId, sharer, 'viewer');
    await (await callerFor(deps, sharer)).workspace.create({ name: 'Their team' });
    expect((await rejection(owner.project.createPasswordResetLink({ projectId, userId: sharer.id }), 'FORBIDDEN')).message).toContain('shared workspace');

    await rejection(owner.project.createPasswordResetLink({ projectId, userId: people.stranger.id }), 'NOT_FOUND');
    await rejection(owner.project.createPasswordResetLink({ projectId, userId: people.owner.id }), 'BAD_REQUEST');
    await rejection((await callerFor(deps, member)).project.createPasswordResetLink({ projectId, userId: people.viewer.id }), 'FORBIDDEN');
  });
});

describe("a project's life", () => {
  it('project.rename: trimmed, 1 to 120 characters, owners only', async () => {
    const { team, owner, projectId } = await ownerOfNewProject('Renamed');
    expect((await owner.project.rename({ projectId, name: '  Apollo 2  ' })).name).toBe('Apollo 2');
    await rejection(owner.project.rename({ projectId, name: '   ' }), 'BAD_REQUEST');
    await rejection(owner.project.rename({ projectId, name: 'x'.repeat(121) }), 'BAD_REQUEST');
    await rejection((await team.as('editor')).project.rename({ projectId, name: 'Mine now' }), 'FORBIDDEN');
    expect((await owner.project.get({ projectId })).name).toBe('Apollo 2');
  });

  it('project.archive: hidden from project lists, every write FORBIDDEN, boards read-only, public page still served; unarchive restores', async () => {
    const { team, owner, projectId } = await ownerOfNewProject('Archived');
    const slug = `archived-${uniqueSuffix()}`;
    await owner.status.setPublicPage({ projectId, enabled: true, slug });
    const editor = await team.as('editor');
    await owner.project.archive({ projectId });

    expect((await owner.project.list()).map((p) => p.id)).not.toContain(projectId);
    expect((await editor.project.list()).map((p) => p.id)).not.toContain(projectId);
    expect((await owner.project.list({ archived: true })).map((p) => p.id)).toContain(projectId);
    expect((await editor.project.get({ projectId })).archivedAt).toBeInstanceOf(Date);

    const writes = [
      () => owner.project.rename({ projectId, name: 'Sneaky' }),
      () => owner.project.createInvite({ projectId, role: 'viewer' }),
      () => owner.status.setCadence({ projectId, cadence: { everyDays: 7, weekday: 5 } }),
      () => editor.raid.importCsv({ projectId, csv: 'id,title\nR-1,Should not land\n' }),
      () => editor.plan.saveBaseline({ projectId, name: 'Late baseline' }),
    ];
    for (const write of writes) {
      const error = await rejection(write(), 'FORBIDDEN');
      expect(error.message).toBe(`“${team.project.name}” is archived, so it is read-only. An owner can unarchive it in the project's settings.`);
    }
    const access = sessionAccess(deps.db, deps.auth);
    expect(await access.authorize({ id: people.editor.id, name: people.editor.name, sessionId: 'test-session' }, 'risks', projectId)).toEqual({ readOnly: true });
    expect(await access.authorize({ id: people.owner.id, name: people.owner.name, sessionId: 'test-session' }, 'plan', projectId)).toEqual({ readOnly: true });
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    expect((await site.respond(`/status/${slug}`, undefined)).status).toBe(200);
    site.close();

    await owner.project.unarchive({ projectId });
    expect((await owner.project.list()).map((p) => p.id)).toContain(projectId);
    expect(await access.authorize({ id: people.editor.id, name: people.editor.name, sessionId: 'test-session' }, 'risks', projectId)).toEqual({ readOnly: false });
    await editor.raid.importCsv({ projectId, csv: 'id,title\nR-1,Lands now\n' });
  });

  // Needs two connections, so real Postgres: PGlite runs one transaction at a time.
  it.skipIf(!process.env.DATABASE_URL)('project.acceptInvite: two people following a one-use link at the same moment: one joins, the other is refused', async () => {
    const { owner, projectId } = await ownerOfNewProject('Contested');
    const invite = await owner.project.createInvite({ projectId, role: 'editor' });
    const token = inviteTokenOf(invite.link!);
    const newcomers = await Promise.all(['First', 'Second'].map((name) => createUser(deps.auth, name)));
    const callers = await Promise.all(newcomers.map((person) => callerFor(deps, person)));
    let outcomes: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await deps.db.transaction(async (tx) => {
      await tx.select({ id: projectInvite.id }).from(projectInvite).where(eq(projectInvite.id, invite.id)).for('update');
      // Both find the invite open, then both wait to claim it.
      outcomes = Promise.allSettled(callers.map((as) => as.project.acceptInvite({ token })));
      await vi.waitFor(async () => {
        // The first waits for this transaction, the second for the first.
        // On postgres.js (this test runs only there) a raw query's result is its array of rows.
        const waiting = (await tx.execute(sql`
          with first as (select pid from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid)))
          select pid from first union select pid from pg_stat_activity where pg_blocking_pids(pid) && array(select pid from first)`)) as unknown as unknown[];
        expect(waiting.length).toBe(2);
      }, { timeout: 10_000, interval: 20 });
    });
    const settled = await outcomes!;
    expect(settled.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(settled.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'FORBIDDEN' } });
    const joined = (await owner.project.get({ projectId })).members.filter((m) => newcomers.some((person) => person.id === m.userId));
    expect(joined).toHaveLength(1);
  });

  it('project.acceptInvite: an invite to an archived project is refused until it is unarchived', async () => {
    const { owner, projectId, team } = await ownerOfNewProject('Shelved');
    const invite = await owner.project.createInvite({ projectId, role: 'editor' });
    await owner.project.archive({ projectId });
    const token = inviteTokenOf(invite.link!);
    expect((await (await callerFor(deps, null)).project.inviteDetails({ token })).refusal).toContain('is archived');
    const newcomer = await callerFor(deps, await createUser(deps.auth, 'Late joiner'));
    expect((await rejection(newcomer.project.acceptInvite({ token }), 'FORBIDDEN')).message).toContain(`“${team.project.name}” is archived`);
    await owner.project.unarchive({ projectId });
    expect(await newcomer.project.acceptInvite({ token })).toMatchObject({ projectId, role: 'editor', joined: true });
  });

  it('project.unarchive and delete: owners only', async () => {
    const { team, owner, projectId } = await ownerOfNewProject('Guarded');
    await owner.project.archive({ projectId });
    await rejection((await team.as('editor')).project.unarchive({ projectId }), 'FORBIDDEN');
    await rejection((await team.as('editor')).project.delete({ projectId, confirmName: team.project.name }), 'FORBIDDEN');
    await rejection((await team.as('stranger')).project.delete({ projectId, confirmName: team.project.name }), 'NOT_FOUND');
  });

  it("project.delete: needs the exact name; removes the project and its data, and its public page then 404s", async () => {
    const { team, owner, projectId } = await ownerOfNewProject('Deleted');
    const slug = `deleted-${uniqueSuffix()}`;
    await owner.status.setPublicPage({ projectId, enabled: true, slug });
    await (await team.as('editor')).raid.importCsv({ projectId, csv: 'id,title\nR-1,Goes with it\n' });
    await deps.live.flushProjections();
    const boardRows = await deps.db.select({ n: sql<number>`count(*)::int` }).from(boardUpdate).where(eq(boardUpdate.board, `risks:${projectId}`));
    expect(boardRows[0]!.n).toBeGreaterThan(0);
    await owner.project.createInvite({ projectId, role: 'viewer' });
    const site = new StatusSite({ db: deps.db, appUrl: 'http://status.test' });
    expect((await site.respond(`/status/${slug}`, undefined)).status).toBe(200);

    const wrong = await rejection(owner.project.delete({ projectId, confirmName: team.project.name.toUpperCase() }), 'BAD_REQUEST');
    expect(wrong.message).toBe(`To delete this project, type its name exactly: “${team.project.name}”.`);
    expect((await owner.project.get({ projectId })).id).toBe(projectId);

    expect(await owner.project.delete({ projectId, confirmName: team.project.name })).toEqual({ projectId, deleted: true });
    await rejection(owner.project.get({ projectId }), 'NOT_FOUND');
    expect((await owner.project.list()).map((p) => p.id)).not.toContain(projectId);
    const count = sql<number>`count(*)::int`;
    expect((await deps.db.select({ n: count }).from(project).where(eq(project.id, projectId)))[0]!.n).toBe(0);
    expect((await deps.db.select({ n: count }).from(raidItem).where(eq(raidItem.projectId, projectId)))[0]!.n).toBe(0);
    expect((await deps.db.select({ n: count }).from(projectInvite).where(eq(projectInvite.projectId, projectId)))[0]!.n).toBe(0);
    // The live boards' history is keyed by board name, not by a foreign key: it goes too.
    expect((await deps.db.select({ n: count }).from(boardUpdate).where(like(boardUpdate.board, `%:${projectId}`)))[0]!.n).toBe(0);
    expect((await site.respond(`/status/${slug}`, undefined)).status).toBe(404);
    site.close();
  });
});
