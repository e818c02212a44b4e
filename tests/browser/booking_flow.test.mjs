// A guest books through the booking page in Debian's Chromium, against the
// real server on its pinned clock (Wednesday 2026-12-02, 11:00 in
// Copenhagen). The restaurant has one table and dinner on Fridays.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { accessibilityViolations } from './support/axe.mjs';
import { ARTIFACTS, launchBrowser } from './support/browser.mjs';
import { startMaitred } from './support/maitred.mjs';

let maitred;
let chromium;
let restaurant;

before(async () => {
  maitred = await startMaitred();
  chromium = await launchBrowser();
  restaurant = await maitred.createRestaurant('One Table Bistro');
  for (const [path, body] of [
    ['/v1/tables', { name: 'T1', seatsMin: 1, seatsMax: 4 }],
    ['/v1/openingHours', { name: 'Dinner', day: 5, open: 1800, close: 2300 }],
  ]) {
    const made = await restaurant.api('POST', path, body);
    assert.equal(made.status, 200, JSON.stringify(made.body));
  }
});
after(async () => {
  await chromium?.close();
  await maitred?.stop();
});

async function expectAccessible(page, step) {
  assert.deepEqual(await accessibilityViolations(page), [], `axe violations on the ${step} step`);
}

// Party of two on Friday 4 December: the page at the time step.
async function openTimes(page) {
  await page.goto(`${maitred.origin}/book/${restaurant.slug}`);
  await page.getByRole('button', { name: '2 guests' }).click();
  await page.getByRole('button', { name: /Friday, December 4, 2026|Friday 4 December 2026/ }).click();
  await page.getByRole('heading', { name: 'What time?' }).waitFor();
}

describe('booking page', () => {
  test('party, date and time: the table is held while the guest types; every step is accessible', async () => {
    const page = await chromium.newPage();
    await page.goto(`${maitred.origin}/book/${restaurant.slug}`);
    await page.getByRole('heading', { name: 'How many guests?' }).waitFor();
    await expectAccessible(page, 'party');
    await page.getByRole('button', { name: '2 guests' }).click();

    await page.getByRole('heading', { name: 'Which day?' }).waitFor();
    await page.locator('.calendar[aria-busy="false"]').waitFor();
    // Thursday is closed; Friday bookable.
    const thursday = page.getByRole('button', { name: /December 3, 2026|3 December 2026/ });
    assert.match(await thursday.getAttribute('aria-label'), /closed/);
    assert.equal(await thursday.isDisabled(), true);
    await expectAccessible(page, 'date');
    await page.getByRole('button', { name: /December 4, 2026|4 December 2026/ }).click();

    await page.getByRole('heading', { name: 'What time?' }).waitFor();
    await page.getByRole('heading', { name: 'Dinner' }).waitFor();
    await expectAccessible(page, 'time');
    await page.getByRole('button', { name: '7:00 PM', exact: true }).click();

    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    assert.match(await page.locator('.countdown').textContent(), /holding your table for (10:00|9:5\d)/);
    await expectAccessible(page, 'details');
    await page.screenshot({ path: join(ARTIFACTS, 'booking-details.png'), fullPage: true });

    // The hold is real: staff see 19:00 taken.
    const times = await restaurant.api('GET', '/v1/bookingFlow/times?date=2026-12-04&people=2');
    assert.ok(times.body[0].unavailableTimes.includes('19:00'), JSON.stringify(times.body));

    // Going back lets the table go.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: '7:00 PM', exact: true }).waitFor();
    const freed = await restaurant.api('GET', '/v1/bookingFlow/times?date=2026-12-04&people=2');
    assert.ok(freed.body[0].availableTimes.includes('19:00'), JSON.stringify(freed.body));
  });

  test('two guests race for the last table: one holds it, the other is told and sees why', async () => {
    const first = await chromium.newPage();
    const second = await chromium.newPage();
    await openTimes(first);
    await openTimes(second);
    await first.getByRole('button', { name: '8:00 PM', exact: true }).click();
    await first.getByRole('heading', { name: 'Your details' }).waitFor();

    await second.getByRole('button', { name: '8:00 PM', exact: true }).click();
    const alert = second.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'Someone just took that time. Please choose another.');
    // Reloaded, the time is there but disabled, with its reason.
    const taken = second.getByRole('button', { name: /8:00 PM – fully booked/ });
    await taken.waitFor();
    assert.equal(await taken.isDisabled(), true);
    await expectAccessible(second, 'time (taken)');
    await first.getByRole('button', { name: 'Back' }).click();
  });

  test('a hold that runs out while the guest types says so and leads back to the times', async () => {
    const page = await chromium.newPage();
    await page.clock.install();
    await openTimes(page);
    await page.getByRole('button', { name: '9:00 PM', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.getByLabel('Name').fill('Ada Lovelace');
    // Eleven minutes pass, for the server and the page alike.
    maitred.setClock('2026-12-02T10:11:00Z');
    await page.clock.runFor(11 * 60 * 1000);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(
      await alert.textContent(),
      'Your table was released because time ran out. Please choose a time again.',
    );
    await page.getByRole('heading', { name: 'What time?' }).waitFor();
    await page.getByRole('button', { name: '9:00 PM', exact: true }).waitFor();
    maitred.setClock('2026-12-02T10:00:00Z');
  });

  test('works by keyboard alone', async () => {
    const page = await chromium.newPage();
    // Each step's heading takes the focus once the step is shown.
    // (Polled from here: waitForFunction evaluates a string, which the
    // page's CSP rightly refuses.)
    const headingFocused = async (name) => {
      for (let i = 0; i < 400; i += 1) {
        if ((await page.evaluate(() => document.activeElement?.textContent)) === name) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.fail(`the heading "${name}" never took the focus`);
    };
    await page.goto(`${maitred.origin}/book/${restaurant.slug}`);
    await headingFocused('How many guests?');
    // The step heading has the focus; the first choice is one Tab away.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '2 guests');
    await page.keyboard.press('Enter');
    await headingFocused('Which day?');
    await page.locator('.calendar[aria-busy="false"]').waitFor();
    // Tab through the enabled controls until Friday the 4th has the focus.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || '');
      if (/December 4, 2026|4 December 2026/.test(label)) break;
    }
    await page.keyboard.press('Enter');
    await headingFocused('What time?');
    await page.getByRole('button', { name: '6:30 PM', exact: true }).waitFor();
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement.textContent)) === '6:30 PM') break;
    }
    await page.keyboard.press('Enter');
    await headingFocused('Your details');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'name');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ada@example.com');
    // Submitting with fields missing moves the focus to the first of them
    // and the errors are announced.
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'phone');
    await expectAccessible(page, 'details with errors');
    await page.keyboard.type('+45 12 34 56 78');
    // On through the comment to the consent box, ticked with Space.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== 'consent'; i += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    maitred.advanceClock(10);
    await page.keyboard.press('Enter');
    // The confirmation's heading takes the focus, for screen readers.
    await headingFocused('Your request was sent');
  });

  test('fits a phone screen', async () => {
    const page = await chromium.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await openTimes(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await expectAccessible(page, 'time (phone)');
    await page.screenshot({ path: join(ARTIFACTS, 'booking-phone.png'), fullPage: true });
  });
});
