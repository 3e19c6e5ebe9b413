// A meeting's own record on its board (issue 14): attendees chosen from the project's members and
// the plan's stakeholders (on the new meeting form and on the board), read-only for a viewer;
// renaming, re-timing and deleting a meeting; and a link added to the notes from the keyboard.
import { expect, test, type Page } from '@playwright/test';
import { addMember, createProject, newPerson, signedUpContext } from './support';

const boardLive = (page: Page) => expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 20_000 });
const notes = (page: Page) => page.getByRole('textbox', { name: 'Meeting notes' });
const attendees = (page: Page) => page.getByRole('list', { name: 'Attendees' });

/** Creates an ad hoc meeting from the list page's form and waits for its board. */
async function createMeeting(page: Page, projectId: string, title: string, choose: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
  await page.goto(`/p/${projectId}/meetings`);
  const form = page.getByRole('form', { name: 'New meeting' });
  await form.getByLabel('Series').selectOption({ label: 'Ad hoc' });
  await form.getByLabel('Title').fill(title);
  await choose(form);
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await boardLive(page);
  return page.url();
}

test('meeting details: attendees are members and plan stakeholders, kept after a reload, and a viewer only reads them', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ownerPerson = newPerson('owner');
  const viewerPerson = newPerson('viewer');
  const owner = await signedUpContext(browser, baseURL!, ownerPerson);
  const viewer = await signedUpContext(browser, baseURL!, viewerPerson);
  const projectId = await createProject(owner.page, 'Vendor meetings');
  await addMember(owner.page, projectId, viewerPerson, 'Viewer');

  // A stakeholder in the plan.
  await owner.page.goto(`/p/${projectId}/plan`);
  await boardLive(owner.page);
  await owner.page.getByRole('button', { name: 'Add stakeholder' }).click();
  await owner.page.getByLabel('Name of stakeholder New stakeholder').fill('Priya Raman');
  await expect(owner.page.getByLabel('Organisation of Priya Raman')).toBeVisible();
  await boardLive(owner.page);

  // The new meeting form offers members and stakeholders; the owner picks themself.
  await owner.page.goto(`/p/${projectId}/meetings`);
  const form = owner.page.getByRole('form', { name: 'New meeting' });
  await expect(async () => {
    await owner.page.reload();
    await form.getByRole('button', { name: 'Attendees (0)' }).click({ timeout: 1000 });
    await expect(form.getByRole('group', { name: 'Stakeholders' }).getByLabel('Priya Raman')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const boardUrl = await createMeeting(owner.page, projectId, 'Vendor sync', async (f) => {
    await f.getByRole('button', { name: 'Attendees (0)' }).click();
    await f.getByRole('group', { name: 'Members' }).getByLabel(viewerPerson.name).check();
    await expect(f.getByRole('button', { name: 'Attendees (1)' })).toBeVisible();
  });
  await expect(attendees(owner.page).getByRole('listitem')).toHaveCount(1);
  await expect(attendees(owner.page).getByRole('listitem')).toContainText([`${viewerPerson.name}(member)`]);

  // On the board, from the keyboard: the stakeholder is added, the member stays.
  await owner.page.getByRole('button', { name: 'Edit attendees (1)' }).click();
  const picker = owner.page.getByRole('group', { name: 'Choose attendees' });
  await expect(picker.getByRole('group', { name: 'Members' }).getByLabel(viewerPerson.name)).toBeChecked();
  await picker.getByRole('group', { name: 'Stakeholders' }).getByLabel('Priya Raman').focus();
  await owner.page.keyboard.press('Space');
  await picker.getByRole('button', { name: 'Save attendees' }).click();
  await expect(picker).toHaveCount(0);
  await owner.page.reload();
  await expect(attendees(owner.page).getByRole('listitem')).toHaveCount(2);
  await expect(attendees(owner.page).getByRole('listitem')).toContainText([`${viewerPerson.name}(member)`, 'Priya Raman(stakeholder)']);

  // The viewer sees who attends and has nothing to change them with.
  await viewer.page.goto(boardUrl);
  await boardLive(viewer.page);
  await expect(attendees(viewer.page).getByRole('listitem')).toHaveCount(2);
  await expect(attendees(viewer.page).getByRole('listitem')).toContainText([`${viewerPerson.name}(member)`, 'Priya Raman(stakeholder)']);
  for (const name of [/^Edit attendees/, 'Edit details', 'Delete meeting']) await expect(viewer.page.getByRole('button', { name })).toHaveCount(0);

  for (const { context } of [owner, viewer]) await context.close();
});

test('meeting details: a meeting is renamed and re-timed on its board, and its owner deletes it', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(owner.page, 'Renamed meetings');
  await createMeeting(owner.page, projectId, 'Draft title');

  await owner.page.getByRole('button', { name: 'Edit details' }).click();
  const details = owner.page.getByRole('form', { name: 'Edit meeting details' });
  await expect(details.getByLabel('Title')).toBeFocused();
  await details.getByLabel('Title').fill('Cut-over go/no-go');
  await details.getByLabel('Time').fill('14:30');
  await details.getByLabel('Duration (minutes)').fill('50');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toHaveCount(0);
  await owner.page.reload();
  await expect(owner.page.getByRole('heading', { name: 'Cut-over go/no-go' })).toBeVisible();
  await expect(owner.page.getByText(/, 14:30 · 50 min$/)).toBeVisible();

  await owner.page.getByRole('button', { name: 'Delete meeting' }).click();
  await owner.page.getByRole('group', { name: /^Delete this meeting/ }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(owner.page).toHaveURL(new RegExp(`/p/${projectId}/meetings$`));
  await expect(owner.page.getByRole('link', { name: /Cut-over go\/no-go/ })).toHaveCount(0);
  await expect(owner.page.getByRole('form', { name: 'New meeting' })).toBeVisible();

  await owner.context.close();
});

test('meeting notes: a link is added from the keyboard in the link dialog, which refuses a script address', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = await signedUpContext(browser, baseURL!, newPerson('owner'));
  const projectId = await createProject(owner.page, 'Linked notes');
  await createMeeting(owner.page, projectId, 'Vendor call');
  const page = owner.page;

  await notes(page).click();
  await page.keyboard.type('Vendor portal');
  await page.keyboard.press('Shift+Home');
  // Shift+Tab reaches the toolbar; the link button is the last one (ArrowLeft wraps round to it).
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: 'Link' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await expect(dialog.getByLabel('Link address')).toBeFocused();
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('A link must start with https://, http:// or mailto:');
  await dialog.getByLabel('Link address').fill('https://vendor.example.com/portal');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(notes(page)).toBeFocused();
  await expect(notes(page).getByRole('link', { name: 'Vendor portal' })).toHaveAttribute('href', 'https://vendor.example.com/portal');

  // Escape closes the dialog without a change and puts the caret back in the notes.
  await page.getByRole('button', { name: 'Link' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(notes(page)).toBeFocused();
  await expect(notes(page).getByRole('link')).toHaveCount(1);

  await owner.context.close();
});
