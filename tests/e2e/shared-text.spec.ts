// Two people typing in the same field of a risk at the same moment: the text merges character by
// character, both people's words end up on both screens, and the history names both of them.
import { expect, test, type Page } from '@playwright/test';
import { addItem, addMember, createProject, editor, field, newPerson, openBoard, row, signedUpContext } from './support';

/** Puts the caret at the end of a field, then types like a person (one key at a time). */
async function typeAtEnd(page: Page, label: string, words: string) {
  const control = field(page, label);
  await control.focus();
  await control.press('ControlOrMeta+End');
  await control.pressSequentially(words, { delay: 40 });
}

test('risk board: two people typing in the same title and description at once both keep their words, on both screens', async ({ browser, baseURL }) => {
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

  await Promise.all([typeAtEnd(a.page, 'Description', 'alpha beta gamma'), typeAtEnd(b.page, 'Description', 'one two three')]);
  await Promise.all([typeAtEnd(a.page, 'Title', ' in Q3'), typeAtEnd(b.page, 'Title', ' for billing')]);

  for (const page of [a.page, b.page]) {
    await expect(field(page, 'Description')).toHaveValue(/^(alpha beta gammaone two three|one two threealpha beta gamma)$/);
    await expect(field(page, 'Title')).toHaveValue(/^Vendor API sunset( in Q3 for billing| for billing in Q3)$/);
  }
  const description = await field(a.page, 'Description').inputValue();
  const title = await field(a.page, 'Title').inputValue();
  await expect(field(b.page, 'Description')).toHaveValue(description);
  await expect(field(b.page, 'Title')).toHaveValue(title);
  await expect(row(b.page, title)).toBeVisible();

  // The history credits both of them with the description (the projection writes it a moment later).
  const history = editor(a.page).getByRole('list', { name: 'Changes, newest first' });
  await expect(history).toContainText(`${owner.name} changed Description`);
  await expect(history).toContainText(`${teammate.name} changed Description`);

  await a.context.close();
  await b.context.close();
});
