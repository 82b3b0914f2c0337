import { launchBrowser, serveStatic, recordFetches } from './tests/helpers/browser';
const site = await serveStatic('dist');
const browser = await launchBrowser();
for (const q of ['beranda', 'sanction', 'elections', 'senjata', 'persenjataan', 'jakarta&sort=date']) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e));
  page.on('console', (m) => { if (m.type() !== 'debug') console.log('console:', m.type(), m.text()); });
  const fetched = await recordFetches(page, /\/pagefind\//, async () => {
    await page.goto(site.at('/search/?q=' + q));
    await page.waitForFunction(() => !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy') && document.querySelector('#search-status')?.textContent);
  });
  console.log(q, '|', await page.locator('#search-status').textContent(), '|', (await page.locator('.search-result h3').allInnerTexts()).join(' ; ').slice(0, 200));
  if (q.startsWith('jakarta')) for (const f of fetched) console.log('  ', f.bodyBytes, f.url.replace(/^.*pagefind\//, ''));
  console.log('  bytes', fetched.reduce((s, f) => s + f.bodyBytes, 0), 'requests', fetched.length);
  await page.close();
}
await browser.close(); await site.close();
