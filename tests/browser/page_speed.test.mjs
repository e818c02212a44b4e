// How the booking page does on a slow phone network: Chrome DevTools'
// "Fast 3G" profile (562.5 ms added to each request, 1.6 Mbit/s down,
// 750 kbit/s up, each at 90 %), applied through the DevTools protocol. The
// time until the first step can be used is measured and printed for
// docs/BENCHMARKS.md, never asserted (a timing assertion would fail on a
// busy machine and say nothing about the code); what the test holds the page
// to is what it downloads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
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

test('the first step on Fast 3G: measured, and at most 60 KB of the page own compressed assets', async () => {
  const page = await chromium.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  let encoded = 0;
  cdp.on('Network.loadingFinished', (event) => {
    encoded += event.encodedDataLength;
  });
  await page.goto(`${maitred.origin}/book/${slug}`);
  await page.getByRole('button', { name: '2 guests' }).waitFor();
  const usableAfter = await page.evaluate(() => Math.round(performance.now()));
  console.log(`booking page on Fast 3G: first step usable after ${usableAfter} ms; ${encoded} bytes on the wire`);
  // Everything the first step needed (page, script, style, restaurant), headers included.
  assert.ok(encoded <= 60 * 1024, `${encoded} bytes`);
});
