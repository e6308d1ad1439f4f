// The story page of the example corpus in headless Chromium: the contradicted passenger
// count is a marked row, the quotations show each outlet's wording against the fullest,
// and the evidence links lead to the sentence in its article. Screenshots, desktop and
// phone, go where SCREENSHOTS says.
//
// PARALLAX_URL=http://127.0.0.1:PORT SCREENSHOTS=DIR node story.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.PARALLAX_URL;
const shots = process.env.SCREENSHOTS ?? '.';
mkdirSync(shots, { recursive: true });

function check(ok, what) {
  if (!ok) {
    throw new Error(`failed: ${what}`);
  }
  console.log(`ok: ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: /Ferry with 26 passengers/ }).click();
  await page.waitForSelector('table.facts');
  const rows = page.locator('tr.contradicted');
  check(await rows.count() >= 1, 'the story has a contradicted row');
  const row = await rows.first().innerText();
  check(row.includes('26') && row.includes('62'), 'the row gives both passenger counts');
  const background = await rows.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  check(background !== 'rgba(0, 0, 0, 0)', `the row is highlighted (${background})`);
  const struck = page.locator('ul.quotes del');
  check(await struck.count() >= 1, 'a quotation shows the words an outlet left out');
  check(await page.locator('ul.quotes .kind', { hasText: 'trimmed' }).count() >= 1,
    'a quotation is graded trimmed');
  await page.screenshot({ path: `${shots}/story.png`, fullPage: true });

  // The courier's evidence link opens its article with the sentence marked.
  await rows.first().locator('a[href*="/articles/ferry-courier"]').click();
  const marked = page.locator('mark#hl');
  await marked.waitFor();
  check((await marked.innerText()).includes('62 passengers'), 'the evidence is marked in the article');
  check(await page.locator('s').count() >= 1, 'removed boilerplate is struck through');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto(page.url().replace(/\/articles\/.*/, '/'));
  await phone.getByRole('link', { name: /Ferry with 26 passengers/ }).click();
  await phone.waitForSelector('table.facts');
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 400, `the story page fits a phone (${wide} px wide)`);
  await phone.screenshot({ path: `${shots}/story-phone.png`, fullPage: true });
} finally {
  await browser.close();
}
