import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { WardList, type Ward } from '@allot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAccessibilityViolations, expectPage, mainNav, signIn, skipReason, useBrowser } from './browser';
import { api } from './api';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo';
import { movePhase, tokenFor } from './voting-helpers';
import { castBallotsIn, COUNCILLOR_EMAIL, createWardVotingCycle, demoWard, type WardCycle } from './ward-figures-helpers';

const numberFormat = new Intl.NumberFormat('en-GB');

/** The cells of the row whose header is `rowHeader`, in the table captioned `caption` of a ward. */
async function rowCells(section: ReturnType<Page['locator']>, caption: string, rowHeader: string): Promise<string[]> {
  const table = section.getByRole('table', { name: caption });
  const row = table.getByRole('row').filter({ has: section.page().getByRole('rowheader', { name: rowHeader, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

describe.skipIf(skipReason !== '')('the councillor view in the browser', () => {
  const browser = useBrowser();
  let page: Page;
  let oldHarbour: Ward;
  let northgate: Ward;
  let cycle: WardCycle;

  beforeAll(async () => {
    [oldHarbour, northgate] = await Promise.all([demoWard('OH'), demoWard('NG')]);
    // Old Harbour (the demo councillor's ward) and Northgate each get a pot. Twelve Old Harbour
    // residents vote: eleven aged 35 to 44 and one aged 25 to 34, so the age breakdown has one
    // band under 10 (hidden) and the other must be hidden too, or the first could be worked out.
    cycle = await createWardVotingCycle([oldHarbour.id, northgate.id], [{ title: 'Harbour benches', cost: 6_000 }]);
    const votingYear = new Date().getUTCFullYear();
    await castBallotsIn(cycle.id, oldHarbour.id, [...Array.from({ length: 11 }, () => votingYear - 40), votingYear - 27]);
  });
  beforeEach(async () => {
    page = await browser.open({ width: 1280, height: 900 });
  });

  it('shows a councillor their ward’s figures with small counts hidden, and downloads the ward’s CSV', async () => {
    await signIn(page, COUNCILLOR_EMAIL, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Ward figures' }).click();
    await expectPage(page, 'Ward figures', 'Ward figures – Allot');
    await page.getByRole('link', { name: cycle.name }).click();
    await expectPage(page, `Ward figures: ${cycle.name}`);
    // The menu still marks "Ward figures" as where they are, though the address is under the cycle.
    expect(await mainNav(page).locator('[aria-current="page"]').textContent()).toBe('Ward figures');

    // Only the ward the councillor holds, so no ward picker.
    const wards = page.locator('section.ward-stats');
    expect(await wards.count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Ward' }).count()).toBe(0);
    const section = page.getByRole('region', { name: 'Old Harbour (OH)' });
    expect((await section.locator('.stats-headline').textContent())?.trim()).toBe(
      `12 of ${numberFormat.format(oldHarbour.population)} residents voted (${new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(Math.round((12 / oldHarbour.population) * 10_000) / 10_000)}).`,
    );
    expect(await section.getByRole('meter').count()).toBe(1);
    expect(await rowCells(section, 'Ballots by how they were cast', 'Online')).toEqual(['12']);
    expect(await rowCells(section, 'Ballots by how they were cast', 'On paper')).toEqual(['0']);

    // The age bands: both non-zero bands hidden, population by band from the census figures.
    const youngBand = await rowCells(section, 'Participation by age band', '25 to 34');
    const olderBand = await rowCells(section, 'Participation by age band', '35 to 44');
    expect(youngBand[0]).toBe('fewer than 10');
    expect(olderBand[0]).toBe('fewer than 10');
    expect(youngBand[2]).toBe('not available');
    expect(await section.getByRole('heading', { name: 'Why some figures say “fewer than 10”' }).isVisible()).toBe(true);
    expect(await section.getByText('any count of people from 1 to 9 is shown as “fewer than 10”').isVisible()).toBe(true);

    // The chart of days is an image named by its caption, with its figures in a table.
    expect(await section.getByRole('img', { name: /Ballots by the day they were cast/ }).count()).toBe(1);
    const today = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    expect(await rowCells(section, 'Ballots by the day they were cast', today)).toEqual(['12']);
    expect(await section.getByText('The votes for this ward have not been counted yet.').isVisible()).toBe(true);
    await expectNoAccessibilityViolations(page);

    // The CSV comes through the signed-in session and holds the same, suppressed, figures.
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /^Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^allot-stats-ward-cycle-[0-9a-f]{6}-oh\.csv$/);
    const path = await download.path();
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe('Ward,Ward code,Measure,Breakdown,Value');
    expect(lines).toContain('Old Harbour,OH,Ballots,All,12');
    expect(lines).toContain('Old Harbour,OH,Ballots by channel,Online,12');
    expect(lines).toContain('Old Harbour,OH,Ballots by age band,25 to 34,fewer than 10');
    expect(lines).toContain('Old Harbour,OH,Ballots by age band,35 to 44,fewer than 10');
    expect(csv).not.toContain('Northgate');

    // Printing: no menus or buttons, just the figures.
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await section.getByRole('link', { name: /^Download CSV/ }).isVisible()).toBe(false);
    expect(await section.getByRole('heading', { name: 'Turnout' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('lets an admin see every ward of the cycle and pick one', async () => {
    await signIn(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await page.goto(`/cycles/${cycle.id}`);
    await expectPage(page, cycle.name);
    await page.getByRole('main').getByRole('link', { name: 'Ward figures', exact: true }).click();
    await expectPage(page, `Ward figures: ${cycle.name}`);
    expect((await page.locator('section.ward-stats h2').allTextContents()).sort()).toEqual(['Northgate (NG)', 'Old Harbour (OH)']);
    const northgateSection = page.getByRole('region', { name: 'Northgate (NG)' });
    expect((await northgateSection.locator('.stats-headline').textContent())?.trim()).toBe(
      `No one of ${numberFormat.format(northgate.population)} residents has voted yet.`,
    );
    // No count is hidden in Northgate, so there is no note about hidden counts there.
    expect(await northgateSection.getByRole('heading', { name: /fewer than 10/ }).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Ward' }).selectOption({ label: 'Northgate' });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect.poll(() => page.locator('section.ward-stats h2').allTextContents()).toEqual(['Northgate (NG)']);
    expect(new URL(page.url()).searchParams.get('ward')).toBe(northgate.id);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Northgate (NG)');
    await expectNoAccessibilityViolations(page);

    // Once counted, the ward's result: first for councillors and admins only, then published.
    const adminToken = await tokenFor(DEMO_ADMIN_EMAIL);
    await movePhase(cycle.id, 'counting', adminToken);
    await api(`/api/cycles/${cycle.id}/tally`, { method: 'POST', token: adminToken }, (json) => json);
    await page.goto(`/cycles/${cycle.id}/stats?ward=${oldHarbour.id}`);
    await expectPage(page, `Ward figures: ${cycle.name}`);
    const results = page.getByRole('region', { name: 'Old Harbour (OH)' });
    await expect.poll(() => results.getByText('Counted but not yet published.').isVisible()).toBe(true);
    expect(await results.getByText('£6,000 spent of the £30,000 budget (20%), on 1 project.').isVisible()).toBe(true);
    expect(await rowCells(results, 'Funded projects', 'Harbour benches')).toEqual(['£6,000', '12']);
    await expectNoAccessibilityViolations(page);
    await api(`/api/cycles/${cycle.id}/publish`, { method: 'POST', token: adminToken }, (json) => json);
    await page.reload();
    await expectPage(page, `Ward figures: ${cycle.name}`);
    await expect.poll(() => results.getByText('Published.').isVisible()).toBe(true);
  });

  it('lets an admin enter a ward’s population by age band, checked against its population', async () => {
    await signIn(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await page.goto('/admin/wards/new');
    await expectPage(page, 'Add a ward');
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const name = `Age Ward ${suffix}`;
    await page.getByLabel('Ward name').fill(name);
    await page.getByLabel('Ward code').fill(`AG-${suffix}`);
    await page.getByLabel('Population', { exact: true }).fill('5,000');
    const ages = page.getByRole('group', { name: 'Population by age band (optional)' });
    await ages.getByLabel('18 to 24').fill('lots');
    await ages.getByLabel('25 to 34').fill('3,000');
    await ages.getByLabel('75 and over').fill('2,500');
    await page.getByRole('button', { name: 'Add ward' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter the number of people aged 18 to 24 as a whole number, for example 1200',
      'The age bands add up to 5,500, more than the ward’s population of 5,000: check the figures',
    ]);
    await expectNoAccessibilityViolations(page);
    await summary.getByRole('link', { name: /^Enter the number of people aged 18 to 24/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ward-age-18-24');

    await ages.getByLabel('18 to 24').fill('');
    await ages.getByLabel('75 and over').fill('1,500');
    await page.getByRole('button', { name: 'Add ward' }).click();
    await expectPage(page, 'Manage wards');
    const { wards } = await api('/api/wards', {}, (json) => WardList.parse(json));
    expect(wards.find((ward) => ward.name === name)?.populationByAge).toEqual({ '25-34': 3000, '75-plus': 1500 });

    // The edit form shows the figures; emptying every band removes them.
    await page.getByRole('link', { name: `Edit ${name}` }).click();
    await expectPage(page, `Edit ${name}`);
    expect(await ages.getByLabel('25 to 34').inputValue()).toBe('3000');
    expect(await ages.getByLabel('Under 18').inputValue()).toBe('');
    await ages.getByLabel('25 to 34').fill('');
    await ages.getByLabel('75 and over').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectPage(page, 'Manage wards');
    const after = await api('/api/wards', {}, (json) => WardList.parse(json));
    expect(after.wards.find((ward) => ward.name === name)?.populationByAge).toBeNull();
  });

  it('keeps signed-out visitors out of the ward figures', async () => {
    const response = await page.request.get(`/api/cycles/${cycle.id}/stats`);
    expect(response.status()).toBe(401);
    await page.goto(`/cycles/${cycle.id}/stats`);
    await expectPage(page, 'Sign in to continue');
  });
});
