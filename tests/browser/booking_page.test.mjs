// The booking page and the widget in Debian's Chromium against the real
// server (tests/browser/support). Run by ctest (label `browser`).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { accessibilityViolations } from './support/axe.mjs';
import { ARTIFACTS, launchBrowser } from './support/browser.mjs';
import { startMaitred } from './support/maitred.mjs';

let maitred;
let chromium;
let slug;

before(async () => {
  maitred = await startMaitred();
  chromium = await launchBrowser();
  slug = (await maitred.api('GET', '/v1/restaurant')).body.slug;
});
after(async () => {
  await chromium?.close();
  await maitred?.stop();
});

describe('the booking page', () => {
  test('shows the restaurant and has no accessibility violations', async () => {
    const page = await chromium.newPage();
    await page.goto(`${maitred.origin}/book/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Bistro Maitred (demo)' }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.screenshot({ path: join(ARTIFACTS, 'booking-page.png') });
  });

  test('tells the guest clearly when the link names no restaurant', async () => {
    const page = await chromium.newPage();
    await page.goto(`${maitred.origin}/book/no-such-restaurant`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'There is no restaurant at this address: check the link.');
  });
});

describe('the widget', () => {
  let host;
  let hostOrigin;
  before(async () => {
    // A restaurant's own website: another origin that loads widget.js.
    host = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="da"><head><title>Vores restaurant</title></head><body>
<main><h1>Vores restaurant</h1>
<script src="${maitred.origin}/widget.js" data-restaurant="${slug}" data-lang="da" data-accent="#8b1f3f" async></script>
</main></body></html>`);
    });
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${host.address().port}`;
  });
  after(() => host?.close());

  test('the host page may call the public API only once the restaurant lists its origin', async () => {
    const page = await chromium.newPage();
    await page.goto(hostOrigin);
    const read = () =>
      page.evaluate(async (url) => {
        try {
          const response = await fetch(url);
          return (await response.json()).name;
        } catch (e) {
          return 'blocked';
        }
      }, `${maitred.origin}/public/${slug}/restaurant`);
    assert.equal(await read(), 'blocked');
    assert.equal((await maitred.api('PUT', '/v1/restaurant', { allowedOrigins: [hostOrigin] })).status, 200);
    assert.equal(await read(), 'Bistro Maitred (demo)');
  });

  test('opens the booking page in a dialog on the host page and closes with Escape', async () => {
    const page = await chromium.newPage();
    await page.goto(hostOrigin);
    const button = page.getByRole('button', { name: 'Book et bord' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Book et bord' });
    await dialog.waitFor();
    const frame = page.frameLocator('iframe[title="Book et bord"]');
    await frame.getByRole('heading', { level: 1, name: 'Bistro Maitred (demo)' }).waitFor();
    // In the language the host page asked for.
    await frame.getByRole('heading', { name: 'Hvor mange gæster?' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'widget-open.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Book et bord');
  });
});
