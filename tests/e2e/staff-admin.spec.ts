import { expect, test } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { mailedLink } from './support/mailed-link';
import { newStaffPage } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

const NEW_PASSWORD = 'a fresh desk passphrase';

test('an admin invites an author, who sets a password from the emailed link and signs in; disabling them ends their session', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  // A new address per run, so a retry does not meet the first run's account.
  const email = `new-author-${testInfo.retry}-${Date.now()}@demo.masthead`;
  const name = `Noor Haddad ${testInfo.retry}`;

  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/staff');
  const inviteForm = admin.getByRole('form', { name: 'Invite someone' });
  await inviteForm.getByLabel('Name').fill(name);
  await inviteForm.getByLabel('Email').fill(email);
  await chooseOption(inviteForm, /^Role/, 'author');
  await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
  await expect(inviteForm.getByRole('status')).toContainText(`Invited ${name}`);
  const invitedRow = admin.getByRole('row').filter({ hasText: email });
  await expect(invitedRow).toContainText('Invited; the link works until');

  // Without SMTP_URL the outbox is where mail goes; the desk shows the message with its link hidden.
  await admin.goto('/desk/outbox');
  const messageRow = admin.getByRole('row').filter({ hasText: email });
  await messageRow.getByText('You are invited to the Masthead desk').click();
  await expect(messageRow.locator('pre').last()).toContainText('[set-password link hidden]');
  const link = await mailedLink({ to: email, subject: 'You are invited to the Masthead desk', path: '/login/set-password?token=' });

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await invitee.getByLabel('New password').fill(NEW_PASSWORD);
  await invitee.getByLabel('Type it again').fill(NEW_PASSWORD);
  await invitee.getByRole('button', { name: 'Set password' }).click();
  await expect(invitee.getByRole('status')).toContainText('Your password is set');
  await invitee.getByRole('link', { name: 'Sign in' }).click();
  const login = new LoginPage(invitee);
  await expect(invitee.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await login.signIn(email, NEW_PASSWORD);
  await expect(invitee).toHaveURL(/\/desk$/);
  await expect(invitee.getByText(`Signed in as ${name}`)).toBeVisible();

  // The same link does not work twice.
  const reuse = await (await browser.newContext()).newPage();
  await reuse.goto(link);
  await expect(reuse.getByRole('main').getByRole('alert')).toContainText('This link does not work any more');
  await expect(reuse.getByLabel('New password')).toHaveCount(0);

  await admin.goto('/desk/staff');
  const memberRow = admin.getByRole('row').filter({ hasText: email });
  await expect(memberRow).toContainText('Active');
  await memberRow.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(memberRow.getByRole('status')).toContainText(`Disabled ${name}`);

  await invitee.goto('/desk');
  await expect(invitee).toHaveURL(/\/login/);
  await expect(invitee.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
});
