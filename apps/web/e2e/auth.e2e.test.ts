import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { firstWard, registerResident, uniqueEmail } from './accounts';
import { expectNoAccessibilityViolations, expectPage, focused, navLinks, skipReason, useBrowser } from './browser';
import { DEMO_ADMIN_EMAIL } from './demo';

describe.skipIf(skipReason !== '')('accounts in the browser', () => {
  let page: Page;

  const browser = useBrowser();
  beforeEach(async () => {
    page = await browser.open();
  });

  it('lets a resident register, see their account, sign out and sign back in, with the menu following along', async () => {
    const ward = await firstWard();
    const email = uniqueEmail('newcomer');
    const password = 'a long and memorable passphrase';

    await page.goto('/');
    await expectPage(page, 'Decide together how council money is spent', 'Decide together how council money is spent – Allot');
    expect(await navLinks(page)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Sign in', 'Create an account']);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create an account' }).click();
    await expectPage(page, 'Create an account', 'Create an account – Allot');
    // Navigating inside the app moves focus to the new page's heading.
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Create an account' });

    await page.getByLabel('Your name').fill('Amina Okafor');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill(password);
    await page.getByLabel('Your home ward').selectOption({ label: ward.name });
    await page.getByLabel('Year you were born').fill('1990');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expectPage(page, 'My account', 'My account – Allot');
    const details = page.locator('dl');
    await expect.poll(() => details.textContent()).toContain(ward.name);
    const text = await details.textContent();
    expect(text).toContain('Amina Okafor');
    expect(text).toContain(email);
    expect(text).toContain('Resident');
    expect(text).not.toContain('Administrator');
    expect(await navLinks(page)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Notifications', 'My account']);

    // The access token lives only in memory: a reload restores the session from the refresh cookie.
    await page.reload();
    await expectPage(page, 'My account');
    expect(await navLinks(page)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Notifications', 'My account']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPage(page, 'Decide together how council money is spent');
    expect(await page.getByRole('status').textContent()).toBe('You have signed out.');
    expect(await navLinks(page)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Sign in', 'Create an account']);

    // Signed out means signed out on the server too: a reload does not bring the session back.
    await page.goto('/account');
    await expectPage(page, 'Sign in to continue');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(page, 'Sign in', 'Sign in – Allot');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page, 'My account');
    expect(await page.locator('dl').textContent()).toContain('Amina Okafor');
  });

  it('shows an error summary for a bad registration whose links move focus to the fields to fix', async () => {
    await page.goto('/register');
    await expectPage(page, 'Create an account');

    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByLabel('Create a password').fill('short');
    await page.getByLabel('Year you were born').fill('nineteen');
    await page.getByRole('button', { name: 'Create account' }).click();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await focused(page)).toMatchObject({ text: expect.stringContaining('There is a problem') });
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Enter your name',
      'Enter a valid email address',
      'Use at least 8 characters',
      'Choose your home ward',
      'Enter the year you were born as 4 digits, for example 1985',
    ]);
    await expectNoAccessibilityViolations(page);

    const fieldLabels = ['Your name', 'Email address', 'Create a password', 'Your home ward', 'Year you were born'];
    for (const [index, label] of fieldLabels.entries()) {
      await links.nth(index).click();
      const field = page.getByLabel(label);
      expect(await field.evaluate((element) => element === document.activeElement), `focus on ${label}`).toBe(true);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const errorText = await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`).textContent();
      expect(errorText).toContain(await links.nth(index).textContent());
    }

    // Fixing the form but using an address that already has an account: the server's answer is shown.
    const ward = await firstWard();
    await page.getByLabel('Your name').fill('Second Admin');
    await page.getByLabel('Email address').fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel('Create a password').fill('another long passphrase');
    await page.getByLabel('Your home ward').selectOption({ label: ward.name });
    await page.getByLabel('Year you were born').fill('1975');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(async () => (await focused(page)).text).toContain('There is a problem');
    expect(await page.getByRole('alert').textContent()).not.toContain('Enter your name');
    await expectPage(page, 'Create an account');
    expect(await navLinks(page)).toContain('Sign in');
  });

  it('lets a resident sign in with the keyboard alone', async () => {
    const resident = await registerResident('keyboard');
    await page.goto('/');
    await expectPage(page, 'Decide together how council money is spent');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' });
    for (let presses = 0; presses < 15 && (await focused(page)).text !== 'Sign in'; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Sign in' });
    await page.keyboard.press('Enter');

    await expectPage(page, 'Sign in');
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Sign in' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'sign-in-email' });
    await page.keyboard.type(resident.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'sign-in-password' });
    await page.keyboard.type(resident.password);
    await page.keyboard.press('Enter');

    await expectPage(page, 'My account');
    expect(await page.locator('dl').textContent()).toContain(resident.displayName);
  });

  it('tells a person whose password is wrong, without signing them in', async () => {
    const resident = await registerResident('wrong-password');
    await page.goto('/sign-in');
    await expectPage(page, 'Sign in');
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('There is a problem');
    await expectPage(page, 'Sign in');
    expect(await navLinks(page)).toContain('Sign in');
  });

  it('shows the public pages, including a page for unknown addresses, to everyone', async () => {
    const ward = await firstWard();
    await page.goto('/wards');
    await expectPage(page, 'Wards', 'Wards – Allot');
    const table = page.getByRole('table', { name: 'Wards and how many people live in each' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Ward', 'Code', 'Population']);
    expect(await table.getByRole('rowheader').allTextContents()).toContain(ward.name);

    // The skip link jumps past the menu: the next Tab lands on the page's content, not the navigation.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ id: 'main-content' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'div', text: expect.stringContaining(ward.name) });

    await page.goto('/no-such-page');
    await expectPage(page, 'Page not found', 'Page not found – Allot');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expectPage(page, 'Decide together how council money is spent');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.open({ width: 360, height: 740 });
    for (const [path, heading] of [
      ['/', 'Decide together how council money is spent'],
      ['/register', 'Create an account'],
      ['/wards', 'Wards'],
    ] as const) {
      await phone.goto(path);
      await expectPage(phone, heading);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});
