import { randomBytes } from 'node:crypto';
import type { Cycle, Proposal } from '@allot/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerResident, type TestResident } from './accounts';
import { apiToken } from './api';
import { expectNoAccessibilityViolations, expectPage, mainNav, navLinks, signIn, skipReason, useBrowser } from './browser';
import { createCycle, movePhaseTo, submitProposal, wardsOfDemo } from './cycles-helpers';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo';

const XSS_DESCRIPTION = [
  '<script>window.__xss = "block"; alert("block script")</script>',
  '',
  'A **community garden** with raised beds. <img src="x" onerror="window.__xss = \'img\'; alert(\'img\')"> Inline <script>window.__xss = "inline"</script> too.',
  '',
  '[a link](javascript:alert("link"))',
].join('\n');

describe.skipIf(skipReason !== '')('PB cycle pages in the browser', () => {
  const { open } = useBrowser();
  let adminToken: string;
  let cycle: Cycle;
  let author: TestResident;
  let neighbour: TestResident;
  let xssProposal: Proposal;
  let homePotName: string;
  const suffix = randomBytes(3).toString('hex');

  beforeAll(async () => {
    adminToken = await apiToken(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    cycle = await createCycle(adminToken, `Test cycle ${suffix}`);
    cycle = await movePhaseTo(adminToken, cycle.id, 'proposals');
    [author, neighbour] = await Promise.all([registerResident('author'), registerResident('neighbour')]);
    const [ward] = await wardsOfDemo();
    const pot = cycle.pots.find((candidate) => candidate.wardId === ward?.id);
    if (!pot) throw new Error('The test cycle has no pot for the first ward');
    homePotName = pot.name;
    xssProposal = await submitProposal(await apiToken(author.email, author.password), cycle.id, {
      title: `Garden with markup ${suffix}`,
      description: XSS_DESCRIPTION,
      potId: pot.id,
      category: 'parks-and-green-spaces',
      estimatedCost: 4000,
    });
  });

  it('takes an idea from submission through discussion and the council check to a public verdict', async () => {
    const title = `Benches by the river ${suffix}`;

    // A resident finds the cycle and submits an idea.
    const authorPage = await open();
    await signIn(authorPage, author.email, author.password);
    expect(await navLinks(authorPage)).toContain('Budget cycles');
    await mainNav(authorPage).getByRole('link', { name: 'Budget cycles' }).click();
    await expectPage(authorPage, 'Budget cycles', 'Budget cycles – Allot');
    await authorPage.getByRole('link', { name: cycle.name }).click();
    await expectPage(authorPage, cycle.name, `${cycle.name} – Allot`);
    const now = authorPage.getByRole('region', { name: 'What you can do now' });
    expect(await now.textContent()).toContain('Residents can submit ideas');
    expect(await authorPage.locator('[aria-current="step"]').textContent()).toContain('Ideas (now)');
    await now.getByRole('link', { name: 'Submit an idea' }).click();
    await expectPage(authorPage, 'Submit an idea', 'Submit an idea – Allot');

    // The shared schema is checked first and the summary links to each field.
    await authorPage.getByRole('button', { name: 'Submit idea' }).click();
    const summary = authorPage.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Use at least 3 characters',
      'Use at least 10 characters',
      'Choose the area the idea is for',
      'Choose a category',
      'Enter the estimated cost as a whole number, for example 12000',
    ]);
    await expectNoAccessibilityViolations(authorPage);
    await summary.getByRole('link', { name: 'Choose a category' }).click();
    expect(await authorPage.evaluate(() => document.activeElement?.id)).toBe('proposal-category-field');

    await authorPage.getByLabel('Title').fill(title);
    await authorPage.getByLabel('Description').fill('Three benches along the river path, so older neighbours can rest.\n\n- oak\n- made locally');
    await authorPage.getByLabel('Area').selectOption({ label: homePotName });
    await authorPage.getByLabel('Category').selectOption('streets-and-transport');
    await authorPage.getByLabel('Estimated cost').fill('7,500');
    await authorPage.getByLabel('Volunteer hours').fill('40');
    await authorPage.getByRole('button', { name: 'Submit idea' }).click();
    await expectPage(authorPage, title, `${title} – Allot`);
    expect(await authorPage.getByRole('status').filter({ hasText: 'submitted' }).textContent()).toContain('Your idea has been submitted');
    expect(await authorPage.locator('.markdown li').allTextContents()).toEqual(['oak', 'made locally']);
    const proposalUrl = new URL(authorPage.url()).pathname;

    // The admin moves the cycle on to discussion, confirming first.
    const adminPage = await open();
    await signIn(adminPage, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await mainNav(adminPage).getByRole('link', { name: 'Manage cycles' }).click();
    await expectPage(adminPage, 'Manage cycles');
    await adminPage.getByRole('link', { name: cycle.name }).click();
    await expectPage(adminPage, `Manage ${cycle.name}`);
    await adminPage.getByRole('button', { name: 'Move to the next phase: Discussion and support' }).click();
    const confirm = adminPage.getByRole('button', { name: 'Yes, move to Discussion and support' });
    await confirm.waitFor();
    expect(await adminPage.evaluate(() => document.activeElement?.textContent)).toBe('Yes, move to Discussion and support');
    await expectNoAccessibilityViolations(adminPage);
    await confirm.click();
    await adminPage.getByText('The cycle has moved to the Discussion and support phase.').waitFor();
    await expectNoAccessibilityViolations(adminPage);

    // Another resident filters the ideas, supports this one and comments.
    const neighbourPage = await open({ width: 390, height: 844 });
    await signIn(neighbourPage, neighbour.email, neighbour.password);
    await neighbourPage.goto(`/cycles/${cycle.id}/proposals`);
    await expectPage(neighbourPage, `Ideas in ${cycle.name}`);
    await neighbourPage.getByLabel('Words in the title or description').fill('benches');
    await neighbourPage.getByRole('button', { name: 'Show ideas' }).click();
    const count = neighbourPage.locator('.results-count');
    await expect.poll(() => count.textContent()).toBe('Showing 1 to 1 of 1 idea.');
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await expectNoAccessibilityViolations(neighbourPage);
    await neighbourPage.getByRole('link', { name: title }).click();
    await expectPage(neighbourPage, title);

    const support = neighbourPage.getByRole('button', { name: /^Support this idea/ });
    expect(await support.getAttribute('aria-pressed')).toBe('false');
    await support.click();
    await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true');
    expect(await neighbourPage.locator('.support__count').textContent()).toBe('1 person supports this idea. You support it.');

    await neighbourPage.getByLabel('Your comment').fill('Yes please, with arm rests.');
    await neighbourPage.getByRole('button', { name: 'Post comment' }).click();
    const comment = neighbourPage.getByRole('article', { name: `Comment by ${neighbour.displayName}` });
    await comment.getByText('Yes please, with arm rests.').waitFor();
    await comment.getByRole('button', { name: `Reply to ${neighbour.displayName}` }).click();
    await neighbourPage.getByLabel(`Your reply to ${neighbour.displayName}`).fill('And one near the bridge.');
    await neighbourPage.getByRole('button', { name: 'Post reply' }).click();
    await neighbourPage.getByRole('list', { name: `Replies to ${neighbour.displayName}` }).getByText('And one near the bridge.').waitFor();
    await expectNoAccessibilityViolations(neighbourPage);

    // The author reports the first comment to the moderators.
    await authorPage.goto(proposalUrl);
    await expectPage(authorPage, title);
    await authorPage.getByRole('button', { name: new RegExp(`^Report to moderators.*comment by ${neighbour.displayName}$`) }).first().click();
    await authorPage.getByText('You reported this comment').waitFor();

    // Staff check it once the cycle reaches the council checks.
    await movePhaseTo(adminToken, cycle.id, 'feasibility');
    const staffPage = await open();
    await signIn(staffPage, 'staff@demo.test', DEMO_PASSWORD);
    await mainNav(staffPage).getByRole('link', { name: 'Feasibility reviews' }).click();
    await expectPage(staffPage, 'Feasibility reviews');
    await staffPage.getByRole('link', { name: cycle.name }).click();
    await expectPage(staffPage, `Review queue: ${cycle.name}`);
    await staffPage.getByLabel('Verdict').selectOption('false');
    await staffPage.getByRole('button', { name: 'Show proposals' }).click();
    await expect.poll(() => staffPage.locator('.results-count').textContent()).toMatch(/^2 proposals match\. 2 shortlisted/);
    await staffPage.getByRole('link', { name: `Record verdict on ${title}` }).click();
    await expectPage(staffPage, `Verdict on ${title}`);

    await staffPage.getByLabel('Can be done as proposed').check();
    await staffPage.getByLabel('Council cost estimate').fill('9000');
    await staffPage.getByLabel('Cost line 1: what it is for').fill('Three oak benches');
    await staffPage.getByLabel('Cost line 1: amount').fill('6000');
    await staffPage.getByRole('button', { name: 'Add a cost line' }).click();
    await staffPage.getByLabel('Cost line 2: what it is for').fill('Fitting');
    await staffPage.getByLabel('Cost line 2: amount').fill('2000');
    expect(await staffPage.locator('.pot-balance').textContent()).toBe(
      'The cost lines add up to £8,000, which differs from the estimate by £1,000.',
    );
    await staffPage.getByRole('button', { name: 'Record verdict' }).click();
    await staffPage.getByRole('alert').getByText('The cost lines add up to 8000, not the estimate of 9000').waitFor();
    expect(await staffPage.getByText('Internal notes (staff only, never published)').count()).toBe(1);
    await expectNoAccessibilityViolations(staffPage);
    await staffPage.getByLabel('Cost line 2: amount').fill('3000');
    await staffPage.getByLabel('Internal notes (staff only, never published)').fill('Supplier quote ref Q-77, not for residents.');
    await staffPage.getByRole('button', { name: 'Record verdict' }).click();
    await expectPage(staffPage, `Review queue: ${cycle.name}`);
    expect(await staffPage.getByRole('status').filter({ hasText: 'has been saved' }).textContent()).toContain(title);

    // Staff hide the reply with a reason everyone will see in its place.
    await staffPage.getByRole('link', { name: title, exact: true }).click();
    await expectPage(staffPage, title);
    expect(await staffPage.getByRole('article', { name: `Comment by ${neighbour.displayName}` }).first().textContent()).toContain('Reported 1 time');
    await staffPage.getByRole('button', { name: `Hide the comment by ${neighbour.displayName}` }).first().click();
    await staffPage.getByLabel('Reason for hiding (everyone will see it)').fill('Duplicate of the comment above');
    await staffPage.getByRole('button', { name: 'Hide comment' }).click();
    await staffPage.getByText('Hidden by a moderator. Reason: Duplicate of the comment above').waitFor();
    // Staff can still read what was hidden, and are told so.
    expect(await staffPage.getByText('Only the author and council staff can still see the text:').count()).toBe(1);
    await expectNoAccessibilityViolations(staffPage);

    // Anyone, signed out, sees the verdict and the council's cost, and never the internal notes.
    const publicPage = await open();
    await publicPage.goto(proposalUrl);
    await expectPage(publicPage, title);
    const verdict = publicPage.getByRole('region', { name: 'Council check' });
    expect(await verdict.locator('dd').first().textContent()).toBe('Can be done as proposed');
    expect(await verdict.textContent()).toContain('£9,000');
    expect(await verdict.getByRole('row').allTextContents()).toEqual(['ItemCost', 'Three oak benches£6,000', 'Fitting£3,000']);
    expect(await publicPage.locator('main').textContent()).not.toContain('Q-77');
    expect(await publicPage.getByRole('button', { name: /^Support this idea/ }).count()).toBe(0);
    const hiddenCount = await publicPage.getByText('Hidden by a moderator. Reason: Duplicate of the comment above').count();
    const visibleTexts = [await publicPage.getByText('Yes please, with arm rests.').count(), await publicPage.getByText('And one near the bridge.').count()];
    expect(hiddenCount).toBe(1);
    expect(visibleTexts.sort()).toEqual([0, 1]);

    // The author hears about the verdict: the menu shows an unread count, the list shows the message.
    await authorPage.reload();
    await expect.poll(() => mainNav(authorPage).getByRole('link', { name: /^Notifications/ }).textContent()).toBe('Notifications 1 unread');
    await mainNav(authorPage).getByRole('link', { name: /^Notifications/ }).click();
    await expectPage(authorPage, 'Notifications', 'Notifications – Allot');
    expect(await authorPage.locator('.results-count').textContent()).toBe('1 notification, 1 unread.');
    await authorPage.getByRole('button', { name: /^Mark as read/ }).click();
    await expect.poll(() => authorPage.locator('.results-count').textContent()).toBe('1 notification, 0 unread.');
    await expect.poll(() => mainNav(authorPage).getByRole('link', { name: /^Notifications/ }).textContent()).toBe('Notifications');

    // The admin finds the phase moves in the audit log.
    await mainNav(adminPage).getByRole('link', { name: 'Audit log' }).click();
    await expectPage(adminPage, 'Audit log', 'Audit log – Allot');
    await adminPage.getByLabel('Action').fill('cycle.phase.move');
    await adminPage.getByLabel('Record id').fill(cycle.id);
    await adminPage.getByRole('button', { name: 'Show entries' }).click();
    await expect.poll(() => adminPage.locator('.results-count').textContent()).toBe('Showing 3 entries.');
    expect(await adminPage.locator('tbody tr').count()).toBe(3);
    await expectNoAccessibilityViolations(adminPage);
    // Five people and a dozen pages in one story: longer than the default minute on a busy two-core machine.
  }, 150_000);

  it('shows HTML and scripts in a description as inert text', async () => {
    const page = await open();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/proposals/${xssProposal.id}`);
    await expectPage(page, xssProposal.title);
    const description = page.locator('.markdown');
    const text = (await description.textContent()) ?? '';
    expect(text).toContain('<script>window.__xss = "block"; alert("block script")</script>');
    expect(text).toContain('<img src="x" onerror="window.__xss = \'img\'; alert(\'img\')">');
    expect(text).toContain('<script>window.__xss = "inline"</script>');
    expect(await description.locator('strong').textContent()).toBe('community garden');
    expect(await description.locator('script, img, [onerror]').count()).toBe(0);
    // The javascript: address is dropped: the words stay, as plain text rather than a link.
    expect(await description.getByRole('link').count()).toBe(0);
    await description.getByText('a link').click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  it('lets the author change their idea and then withdraw it', async () => {
    let ownCycle = await createCycle(adminToken, `Edit cycle ${suffix}`);
    ownCycle = await movePhaseTo(adminToken, ownCycle.id, 'proposals');
    const [homePot, otherPot] = ownCycle.pots;
    if (!homePot || !otherPot) throw new Error('The test cycle needs two pots');
    const proposal = await submitProposal(await apiToken(author.email, author.password), ownCycle.id, {
      title: `Bike racks ${suffix}`,
      description: 'Covered bike racks outside the library.',
      potId: homePot.id,
      category: 'streets-and-transport',
      estimatedCost: 3000,
    });

    const page = await open();
    await signIn(page, author.email, author.password);
    await page.goto(`/proposals/${proposal.id}`);
    await expectPage(page, proposal.title);
    await page.getByRole('link', { name: 'Change your idea' }).click();
    await expectPage(page, `Change ${proposal.title}`);
    expect(await page.getByLabel('Estimated cost').inputValue()).toBe('3000');
    const newTitle = `Covered bike racks ${suffix}`;
    await page.getByLabel('Title').fill(newTitle);
    await page.getByLabel('Area').selectOption({ label: otherPot.name });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectPage(page, newTitle);
    expect(await page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toContain('Your changes have been saved');
    const area = page.locator('.summary-list__row').filter({ hasText: 'Area' }).locator('dd');
    expect(await area.textContent()).toBe(otherPot.name);

    await page.getByRole('button', { name: 'Withdraw your idea' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    const status = page.locator('.summary-list__row').filter({ hasText: 'Status' }).locator('dd');
    await expect.poll(() => status.textContent()).toBe('Withdrawn by its authors');
    expect(await page.getByRole('link', { name: 'Change your idea' }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });

  it('lets an admin set up a cycle with a live check that the pots add up', async () => {
    const page = await open();
    await signIn(page, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    await page.goto('/admin/cycles');
    await expectPage(page, 'Manage cycles');
    await page.getByRole('link', { name: 'Set up a new cycle' }).click();
    await expectPage(page, 'Set up a cycle', 'Set up a cycle – Allot');

    const [first] = await wardsOfDemo();
    if (!first) throw new Error('The demo council has no wards');
    const balance = page.locator('.pot-balance');
    await page.getByLabel('Total budget').fill('50,000');
    await page.getByLabel(`Budget for ${first.name}`, { exact: true }).fill('30000');
    expect(await balance.getAttribute('aria-live')).toBe('polite');
    expect(await balance.textContent()).toBe('The pots differ from the total budget by £20,000: they add up to less than the total.');
    await page.getByRole('button', { name: 'Create cycle' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter a name of 2 to 120 characters',
      'Enter the round 1 start date, for example 2027-03-31',
      'Enter the round 1 end date, for example 2027-03-31',
    ]);
    await expectNoAccessibilityViolations(page);

    // The server checks the pots against the total and its message lands on the pots.
    const name = `Admin-made cycle ${suffix}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Round 1 start').fill('2027-03-01');
    await page.getByLabel('Round 1 end').fill('2027-03-31');
    await page.getByRole('button', { name: 'Create cycle' }).click();
    await summary.getByText('The pot budgets must add up to the total budget').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['The pots add up to 30000, but the total budget is 50000']);

    await page.getByLabel('Budget for a city-wide pot (optional)').fill('20000');
    expect(await balance.textContent()).toBe('The pots add up to the total budget.');
    await page.getByLabel('How residents vote').selectOption('cumulative');
    await page.getByLabel('Points each voter spreads').fill('10');
    expect(await page.getByLabel('Counting rule').locator('option').allTextContents()).not.toContain('Sequential Phragmén');
    await page.getByRole('button', { name: 'Create cycle' }).click();
    await expectPage(page, `Manage ${name}`);
    expect(await page.getByRole('status').filter({ hasText: 'saved' }).textContent()).toContain(`${name} has been saved`);
    expect(await page.getByRole('region', { name: 'Phase' }).textContent()).toContain('This cycle is in the Being prepared phase.');
  });
});
