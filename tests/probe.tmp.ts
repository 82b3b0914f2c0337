import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, serveStatic } from '/work/wt-design/tests/helpers/browser';
const site = await serveStatic('/work/wt-design/dist');
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
for (const p of process.argv.slice(2)) {
  const r = await lighthouse(site.at(p), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = r!.lhr;
  console.log(p, lhr.categories['performance']!.score, lhr.audits['total-blocking-time']!.displayValue, lhr.audits['cumulative-layout-shift']!.displayValue);
  console.log(JSON.stringify((lhr.audits['layout-shifts']?.details as any)?.items?.map((i: any) => [i.node?.selector, i.node?.snippet?.slice(0, 120), i.score]), null, 1));
  console.log(JSON.stringify((lhr.audits['long-tasks']?.details as any)?.items?.slice(0, 5).map((i: any) => [i.url, i.duration])));
  console.log(JSON.stringify((lhr.audits['mainthread-work-breakdown']?.details as any)?.items?.map((i: any) => [i.group, Math.round(i.duration)])));
  console.log(JSON.stringify((lhr.audits['bootup-time']?.details as any)?.items?.slice(0, 5).map((i: any) => [i.url, i.total, i.scripting])));
}
chrome.kill(); await site.close();
