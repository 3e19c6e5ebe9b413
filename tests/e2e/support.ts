// Helpers for the end-to-end tests: unique people, signing up, projects and the risk board's
// controls found the way a person (or a screen reader) finds them.
import { expect, request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const password = 'correct-horse-battery';

export interface Person {
  name: string;
  email: string;
}

export function newPerson(role: string): Person {
  const id = randomUUID().slice(0, 8);
  const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${id}`;
  return { name, email: `${role}-${id}@e2e.waymark.test` };
}

/** A new browser context with a new account, signed up through the auth API. */
export async function signedUpContext(browser: Browser, baseURL: string, person: Person): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/sign-up/email', {
    data: { name: person.name, email: person.email, password },
    headers: { origin: baseURL },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return { context, page };
}

/** Creates a project from the projects page and returns its id (the page ends on its plan, the first tab). */
export async function createProject(page: Page, name: string): Promise<string> {
  await page.goto('/projects');
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/p\/[0-9a-f-]{36}\/plan$/);
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  return page.url().match(/\/p\/([0-9a-f-]{36})\//)![1]!;
}

/**
 * Puts someone who already has an account (password `password`) into the project the way people
 * join: the owner creates an invite on the Members page and they accept it with a session of their
 * own (through the API, which the invite page calls: tests/e2e/accounts.spec.ts covers the page).
 * An owner is invited as editor, then made owner.
 */
export async function addMember(page: Page, projectId: string, person: Person, role: 'Editor' | 'Viewer' | 'Owner') {
  const link = await createInviteLink(page, projectId, role === 'Owner' ? 'Editor' : role, person.email);
  const origin = new URL(page.url()).origin;
  const theirs = await request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  try {
    const signIn = await theirs.post('/api/auth/sign-in/email', { data: { email: person.email, password } });
    expect(signIn.ok(), await signIn.text()).toBe(true);
    const accepted = await theirs.post('/api/trpc/project.acceptInvite', { data: { json: { token: link.split('/').pop() } } });
    expect(accepted.ok(), await accepted.text()).toBe(true);
  } finally {
    await theirs.dispose();
  }
  await page.reload();
  await expect(page.getByRole('listitem', { name: person.name })).toBeVisible();
  if (role === 'Owner') {
    await page.getByLabel(`Role of ${person.name}`).selectOption({ label: 'Owner' });
    await expect(page.getByText(`${person.name} is now owner.`)).toBeVisible();
  }
}

/** Creates an invite on the project's Members page (as its owner) and returns the link shown to copy. */
export async function createInviteLink(page: Page, projectId: string, role: 'Editor' | 'Viewer', email?: string): Promise<string> {
  await page.goto(`/p/${projectId}/members`);
  if (email) await page.getByLabel('Email (optional)').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Create invite' }).click();
  const link = page.getByLabel('Invite link');
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

/** Opens a project's risk board and waits until it is live (connected and synced). */
export async function openBoard(page: Page, projectId: string) {
  await page.goto(`/p/${projectId}/risks`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
}

export const editor = (page: Page) => page.getByRole('dialog');
export const field = (page: Page, label: string) => editor(page).getByLabel(label, { exact: true });

export function heatCell(page: Page, likelihood: number, impact: number) {
  return page.getByRole('button', { name: new RegExp(`^Likelihood ${likelihood}, impact ${impact}: \\d+ items?$`) });
}

export async function expectHeatCount(page: Page, likelihood: number, impact: number, count: number) {
  await expect(heatCell(page, likelihood, impact)).toHaveAccessibleName(
    `Likelihood ${likelihood}, impact ${impact}: ${count} item${count === 1 ? '' : 's'}`,
  );
}

export function row(page: Page, title: string) {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

/** Adds an item through the editor: New item, a title, likelihood and impact, then closes the editor. */
export async function addItem(page: Page, title: string, likelihood: number, impact: number) {
  await page.getByRole('button', { name: 'New item' }).click();
  await expect(editor(page)).toBeVisible();
  await field(page, 'Title').fill(title);
  await field(page, 'Likelihood').selectOption(String(likelihood));
  await field(page, 'Impact').selectOption(String(impact));
  await expect(editor(page).getByTestId('editor-score')).toHaveText(String(likelihood * impact));
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(row(page, title)).toBeVisible();
}

/** The titles `raid.list` answers for the project (what lists, exports and reports are built from), sorted. */
export async function raidTitles(page: Page, projectId: string): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { projectId } }));
  const response = await page.request.get(`/api/trpc/raid.list?input=${input}`);
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { title: string }[] } } };
  return body.result.data.json.map((item) => item.title).sort();
}

/** Presses Tab until `target` has focus (it fails if `limit` presses never reach it). */
export async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached the control with Tab');
}
