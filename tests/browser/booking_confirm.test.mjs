// A guest books on the booking page from start to finish, the booking
// arrives through the API and the confirmation in the test SMTP server, and
// the guest changes and cancels it through the manage link. Pinned clock:
// Wednesday 2026-12-02, 11:00 in Copenhagen.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { accessibilityViolations } from './support/axe.mjs';
import { ARTIFACTS, launchBrowser } from './support/browser.mjs';
import { startMaitred } from './support/maitred.mjs';
import { startSmtpReceiver } from './support/smtp.mjs';

let smtp;
let maitred;
let chromium;
let restaurant;

before(async () => {
  smtp = await startSmtpReceiver();
  maitred = await startMaitred({ args: ['--smtp-url', smtp.url, '--smtp-from', 'bookings@bistro.example'] });
  chromium = await launchBrowser();
  restaurant = await maitred.createRestaurant('Confirm Bistro');
  for (const [method, path, body] of [
    ['POST', '/v1/tables', { name: 'T1', seatsMin: 1, seatsMax: 4 }],
    ['POST', '/v1/tables', { name: 'T2', seatsMin: 1, seatsMax: 4 }],
    ['POST', '/v1/openingHours', { name: 'Dinner', day: 5, open: 1800, close: 2300 }],
    ['PUT', '/v1/restaurant', { contact: { phone: '+45 33 12 34 56' }, address: { street: 'Nyhavn 1', city: 'Copenhagen' } }],
  ]) {
    const made = await restaurant.api(method, path, body);
    assert.equal(made.status, 200, JSON.stringify(made.body));
  }
});
after(async () => {
  await chromium?.close();
  await maitred?.stop();
  smtp?.stop();
});

const expectAccessible = async (page, what) =>
  assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${what}`);

// Books Friday 4 December at `time` for two through the page; returns the page on the confirmation.
async function book(time, name, email) {
  const page = await chromium.newPage();
  await page.goto(`${maitred.origin}/book/${restaurant.slug}`);
  await page.getByRole('button', { name: '2 guests' }).click();
  await page.locator('.calendar[aria-busy="false"]').waitFor();
  await page.getByRole('button', { name: /December 4, 2026/ }).click();
  await page.getByRole('button', { name: time, exact: true }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Phone/).fill('+45 12 34 56 78');
  await page.getByLabel(/I agree/).check();
  // The guest took a while to type (the server refuses confirms faster than people type).
  maitred.advanceClock(10);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.getByRole('heading', { name: 'Your request was sent' }).waitFor();
  return page;
}

describe('booking end to end', () => {
  test('the booking reaches the restaurant and the guest gets the confirmation by e-mail', async () => {
    const page = await book('7:00 PM', 'Ada Lovelace', 'ada@example.com');
    assert.match(await page.locator('.summary').textContent(), /2 guests · Friday, December 4, 2026 at 7:00 PM/);
    await expectAccessible(page, 'the confirmation');
    await page.screenshot({ path: join(ARTIFACTS, 'booking-done.png'), fullPage: true });

    const list = await restaurant.api('GET', '/v1/bookings?fromDateTime=2026-12-04T00:00:00Z&toDateTime=2026-12-05T00:00:00Z');
    const made = list.body.find((b) => b.guest?.name === 'Ada Lovelace');
    assert.ok(made, JSON.stringify(list.body));
    assert.equal(made.source, 'online');
    assert.equal(made.status, 'request');
    assert.equal(made.people, 2);

    const messages = async () => JSON.stringify((await restaurant.api('GET', `/v1/bookings/${made._id}/messages`)).body);
    const mail = await smtp.waitFor((m) => m.includes('ada@example.com'), 'to ada@example.com').catch(async (e) => {
      throw new Error(`${e.message}; the booking's messages: ${await messages()}`);
    });
    assert.match(mail, /^To: .*ada@example\.com/m);
    assert.match(mail, /Content-Type: text\/calendar/);
  });

  test('the guest changes the time and then cancels through the manage link', async () => {
    const page = await book('8:00 PM', 'Grace Hopper', 'grace@example.com');
    await page.getByRole('link', { name: 'Change or cancel your booking' }).click();
    await page.getByRole('heading', { name: 'Your booking' }).waitFor();
    assert.match(await page.locator('.summary').textContent(), /8:00 PM/);
    await expectAccessible(page, 'the manage page');

    await page.getByRole('button', { name: 'Change date, time or guests' }).click();
    await page.getByRole('button', { name: '9:30 PM', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your booking was changed.' }).waitFor();
    assert.match(await page.locator('.summary').textContent(), /9:30 PM/);

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await expectAccessible(page, 'the cancel question');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('status').filter({ hasText: 'Your booking is canceled.' }).waitFor();
    const list = await restaurant.api('GET', '/v1/bookings?fromDateTime=2026-12-04T00:00:00Z&toDateTime=2026-12-05T00:00:00Z');
    const changed = list.body.find((b) => b.guest?.name === 'Grace Hopper');
    assert.equal(changed.status, 'canceled');
    assert.equal(changed.time ?? changed.dateTime, changed.time ? '21:30' : '2026-12-04T20:30:00Z');
  });

  test('after the cancellation deadline the page gives the phone number instead', async () => {
    const page = await book('6:00 PM', 'Alan Turing', 'alan@example.com');
    const manage = await page.getByRole('link', { name: 'Change or cancel your booking' }).getAttribute('href');
    // Friday 4 December, 16:30 in Copenhagen: 90 minutes before, inside the 120-minute deadline.
    maitred.setClock('2026-12-04T15:30:00Z');
    try {
      await page.goto(manage);
      await page.getByText('It is too late to change or cancel online. Please call +45 33 12 34 56.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Cancel booking' }).count(), 0);
      await expectAccessible(page, 'the manage page after the deadline');
    } finally {
      maitred.setClock('2026-12-02T10:00:00Z');
    }
  });

  test('a link that is not valid gets the same clear answer', async () => {
    const page = await chromium.newPage();
    await page.goto(`${maitred.origin}/manage/not-a-real-token`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /This booking link is not valid/);
  });
});
