// Two people typing in the same field of a risk at the same moment: the text merges character by
// character, both people's words end up on both screens, and the history names both of them.
import { expect, test, type Page } from '@playwright/test';
import { isInterleaving } from '../support/interleaving';
import { addItem, addMember, createProject, editor, field, newPerson, openBoard, row, signedUpContext } from './support';

/** Puts the caret at the start or end of a field, then types like a person (one key at a time). */
async function typeAt(page: Page, label: string, where: 'start' | 'end', words: string) {
  const control = field(page, label);
  await control.focus();
  await control.press(where === 'start' ? 'ControlOrMeta+Home' : 'ControlOrMeta+End');
  await control.pressSequentially(words, { delay: 25 });
}

test('risk board: two people typing in the same title and description at once both keep their words, on both screens', async ({ browser, baseURL }) => {
  test.setTimeout(300_000); // two people sign up, a project, a member, then typing key by key (slow on a loaded machine)
  const owner = newPerson('owner');
  const teammate = newPerson('editor');
  const a = await signedUpContext(browser, baseURL!, owner);
  const b = await signedUpContext(browser, baseURL!, teammate);
  const projectId = await createProject(a.page, 'Shared text');
  await addMember(a.page, projectId, teammate, 'Editor');
  await openBoard(a.page, projectId);
  await openBoard(b.page, projectId);
  await addItem(a.page, 'Vendor API sunset', 3, 4);

  for (const page of [a.page, b.page]) {
    await row(page, 'Vendor API sunset').getByRole('button', { name: 'Vendor API sunset' }).click();
    await expect(field(page, 'Description')).toBeEnabled();
  }

  // One writes notes, the other sees them; then both type at once: one before them, one after them.
  await typeAt(a.page, 'Description', 'end', 'Shared notes.');
  await expect(field(b.page, 'Description')).toHaveValue('Shared notes.');
  await Promise.all([typeAt(a.page, 'Description', 'start', 'alpha beta gamma '), typeAt(b.page, 'Description', 'end', ' one two three')]);
  // Each caret stayed where its person was typing while the other's words came in.
  for (const page of [a.page, b.page]) await expect(field(page, 'Description')).toHaveValue('alpha beta gamma Shared notes. one two three');

  // Both type at the very same place, the end of the title: every character of both survives, each
  // person's in the order they typed them (where they interleave depends on who saw what first).
  await Promise.all([typeAt(a.page, 'Title', 'end', ' in Q3'), typeAt(b.page, 'Title', 'end', ' for billing')]);
  await expect(field(a.page, 'Title')).toHaveValue(/^Vendor API sunset.{18}$/);
  const title = await field(a.page, 'Title').inputValue();
  await expect(field(b.page, 'Title')).toHaveValue(title);
  expect(isInterleaving(title.slice('Vendor API sunset'.length), ' in Q3', ' for billing')).toBe(true);
  await expect(row(b.page, title)).toBeVisible();

  // The history credits both of them with the description (the projection writes it a moment later).
  const history = editor(a.page).getByRole('list', { name: 'Changes, newest first' });
  await expect(history).toContainText(`${owner.name} changed Description`);
  await expect(history).toContainText(`${teammate.name} changed Description`);

  await a.context.close();
  await b.context.close();
});
