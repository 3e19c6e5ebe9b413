// Accounts end to end: an owner invites by link and someone new signs up through it on a phone-sized
// screen, landing in the project with the invite's role; an owner archives a project, then deletes
// it after typing its name.
import { expect, test } from '@playwright/test';
import { createInviteLink, createProject, newPerson, password, signedUpContext } from './support';

test('invite link: a newcomer signs up through the link and lands in the project as a viewer', async ({ browser, baseURL }) => {
  // Three people, four pages and a sign-up: more than the default minute on a loaded machine.
  test.slow();
  const owner = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const name = `Invited ${Date.now()}`;
  const projectId = await createProject(owner.page, name);
  const link = await createInviteLink(owner.page, projectId, 'Viewer');
  await expect(owner.page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(owner.page.getByRole('listitem', { name: 'Invite: Link for anyone' })).toContainText('Viewer');

  const newcomer = newPerson('newcomer');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Join ${name}` })).toBeVisible();
  // The invite page fits a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // From the keyboard: fill each labelled field and submit with Enter.
  await page.getByLabel('Name').fill(newcomer.name);
  await page.getByLabel('Email').fill(newcomer.email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}(/|$)`));
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByText('Viewer', { exact: true }).first()).toBeVisible();

  // The link worked once: opened again it says so.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(link);
  await expect(second.getByRole('alert').filter({ hasText: 'This invite' })).toHaveText('This invite has already been used. Ask a project owner for a new one.');

  await owner.page.reload();
  await expect(owner.page.getByLabel(`Role of ${newcomer.name}`)).toHaveValue('viewer');
  await expect(owner.page.getByRole('listitem', { name: 'Invite: Link for anyone' })).toHaveCount(0);
  await Promise.all([owner.context.close(), phone.close(), again.close()]);
});

test('archive and delete: an archived project is read-only and listed apart; deleting asks for its exact name', async ({ browser, baseURL }) => {
  const owner = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const page = owner.page;
  const name = `Doomed ${Date.now()}`;
  const projectId = await createProject(page, name);

  await page.goto(`/p/${projectId}/settings`);
  await page.getByRole('button', { name: 'Archive project' }).click();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByText('This project is archived: everything is read-only.')).toBeVisible();
  await page.goto('/projects');
  await expect(page.getByRole('region', { name: 'Archived' }).getByRole('link', { name: new RegExp(name) })).toBeVisible();

  await page.goto(`/p/${projectId}/settings`);
  const confirmName = page.getByLabel(`Type the project's name, “${name}”, to delete it`);
  const remove = page.getByRole('button', { name: 'Delete project forever' });
  await expect(remove).toBeDisabled();
  await confirmName.fill(name.toUpperCase());
  await expect(remove).toBeDisabled();
  await confirmName.fill(name);
  await remove.click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveCount(0);
  const gone = await page.goto(`/p/${projectId}`);
  expect(gone?.status()).toBe(404);
  await owner.context.close();
});
