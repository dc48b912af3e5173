import { randomBytes } from 'node:crypto';
import { Session } from '@allot/shared';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerResident } from './accounts';
import {
  baseUrl,
  expectNoAccessibilityViolations,
  expectPage,
  focused,
  mainNav,
  navLinks,
  signIn,
  skipReason,
  useBrowser,
} from './browser';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo';

describe.skipIf(skipReason !== '')('admin pages in the browser', () => {
  let page: Page;

  const browser = useBrowser();
  beforeEach(async () => {
    page = await browser.open();
  });

  it('lets an admin add and edit a ward from the admin pages', async () => {
    await signIn(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    expect(await navLinks(page)).toEqual([
      'Home',
      'Budget cycles',
      'Wards',
      'Check a receipt',
      'Feasibility reviews',
      'Ward figures',
      'Manage cycles',
      'Manage wards',
      'Users and roles',
      'Audit log',
      'Notifications',
      'My account',
    ]);
    expect(await page.locator('dl').textContent()).toContain('Administrator');

    await mainNav(page).getByRole('link', { name: 'Manage wards' }).click();
    await expectPage(page, 'Manage wards', 'Manage wards – Allot');
    await page.getByRole('link', { name: 'Add a ward' }).click();
    await expectPage(page, 'Add a ward', 'Add a ward – Allot');

    // The shared schema is checked before anything is sent.
    await page.getByLabel('Ward code').fill('lower case');
    await page.getByRole('button', { name: 'Add ward' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter a ward name of 2 to 120 characters',
      'Use 1 to 16 capital letters, digits or dashes',
      'Enter the population as a whole number, for example 12500',
    ]);
    await expectNoAccessibilityViolations(page);

    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const name = `Test Ward ${suffix}`;
    await page.getByLabel('Ward name').fill(name);
    await page.getByLabel('Ward code').fill(`T-${suffix}`);
    await page.getByLabel('Population').fill('4,321');
    await page.getByRole('button', { name: 'Add ward' }).click();

    await expectPage(page, 'Manage wards');
    expect(await page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toContain(`${name} has been saved`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([`T-${suffix}`, '4,321', `Edit ${name}`]);

    await row.getByRole('link', { name: `Edit ${name}` }).click();
    await expectPage(page, `Edit ${name}`, `Edit ${name} – Allot`);
    expect(await page.getByLabel('Population').inputValue()).toBe('4321');
    await page.getByLabel('Population').fill('5000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectPage(page, 'Manage wards');
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('5,000');

    // The public page shows the change to everyone.
    await mainNav(page).getByRole('link', { name: 'Wards', exact: true }).click();
    await expectPage(page, 'Wards');
    const publicRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await publicRow.getByRole('cell').allTextContents()).toEqual([`T-${suffix}`, '5,000']);
  });

  it('lets an admin find a resident and give them a staff role', async () => {
    const resident = await registerResident('promoted');
    await signIn(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Users and roles' }).click();
    await expectPage(page, 'Users and roles', 'Users and roles – Allot');

    await page.getByLabel('Name or email address').fill(resident.email);
    await page.getByRole('button', { name: 'Search' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: resident.displayName }) });
    await card.waitFor();
    // A search changes only the query string: focus stays with the search button instead of jumping to the heading.
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Search' });
    expect(await page.getByRole('status').textContent()).toMatch(/^Showing 1 to \d+ of \d+ accounts?\.$/);
    expect(await page.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await card.textContent()).toContain('Current roles: Resident');
    await expectNoAccessibilityViolations(page);

    await card.getByRole('checkbox', { name: 'Council staff' }).check();
    await card.getByRole('button', { name: `Save roles for ${resident.displayName}` }).click();
    await card.getByText(`Roles saved for ${resident.displayName}`).waitFor();
    await expectNoAccessibilityViolations(page);

    // The server now holds the new role.
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: resident.email, password: resident.password }),
    });
    expect(response.status).toBe(200);
    expect(Session.parse(await response.json()).user.roles).toEqual(expect.arrayContaining(['resident', 'staff']));
  });

  it('hides the admin pages from a resident and refuses them if the address is typed in', async () => {
    const resident = await registerResident('curious');
    await signIn(page, resident.email, resident.password);
    const links = await navLinks(page);
    expect(links).not.toContain('Manage wards');
    expect(links).not.toContain('Users and roles');

    for (const path of ['/admin/wards', '/admin/users', '/admin/wards/new']) {
      await page.goto(path);
      await expectPage(page, 'You cannot use this page');
    }
    // The server is the one that decides: the API refuses the resident too.
    const login = Session.parse(
      await (
        await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: resident.email, password: resident.password }),
        })
      ).json(),
    );
    const users = await fetch(`${baseUrl}/api/users`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    expect(users.status).toBe(403);
  });

  it('shows a councillor the wards they represent and no admin pages', async () => {
    await signIn(page, 'councillor@demo.test', DEMO_PASSWORD);
    expect(await navLinks(page)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Ward figures', 'Notifications', 'My account']);
    const represented = page.locator('.summary-list__row').filter({ hasText: 'Wards you represent' }).locator('dd');
    await expect.poll(() => represented.textContent()).not.toMatch(/Loading|Unknown|None/);
    expect((await represented.textContent())?.trim()).not.toBe('');
    await expectNoAccessibilityViolations(page);
  });

  it('asks a signed-out visitor to sign in before showing an admin page, then takes them there', async () => {
    await page.goto('/admin/wards');
    await expectPage(page, 'Sign in to continue');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(page, 'Sign in');
    await page.getByLabel('Email address').fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page, 'Manage wards');
  });
});
