// The web viewer in a real browser (Debian's Chromium, driven by
// playwright-core): sign in on the node's page, list the studies, open the
// CT in OHIF, see its image on the viewport canvas and scroll it, with no
// DICOMweb request failing; then a share link shows its study and nothing
// of the other one, and revoked or expired links open nothing.
// Started by run_browser_test.py, which starts the node and passes:
// CHROMIUM, KILIMA_BASE, KILIMA_PASSWORD, CT_UID, OTHER_UID, CT_PATIENT,
// SHARE_URL, REVOKED_URL, EXPIRED_URL.
import { chromium } from 'playwright-core';

const env = process.env;
const base = env.KILIMA_BASE;
const long = 240000;   // OHIF's 15 MB bundle on two cores and a software GPU

function check(ok, message) {
  if (!ok)
    throw new Error(message);
  console.log('ok: ' + message);
}

// Every answer the page gets, and every request that failed outright.
function watch(page) {
  const log = [];
  page.on('response', (r) => log.push({ url: r.url(), status: r.status(), response: r }));
  page.on('requestfailed', (r) => log.push({ url: r.url(), status: 0, failure: (r.failure() || {}).errorText }));
  return log;
}

function dicomwebFailures(log) {
  // Cornerstone cancels prefetches it no longer needs while scrolling
  // (net::ERR_ABORTED): a cancel, not a failure of the server.
  return log.filter((e) => e.url.includes('/dicom-web/') &&
                           (e.status >= 400 || (e.status === 0 && e.failure !== 'net::ERR_ABORTED')));
}

// Statistics of the largest viewport canvas: how much of it is lit, how
// many grey levels it shows, and a hash to tell two images apart.
async function canvasStats(page) {
  return page.evaluate(() => {
    let best = null;
    for (const c of document.querySelectorAll('canvas.cornerstone-canvas')) {
      if (c.width < 64 || c.height < 64)
        continue;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx)
        continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const levels = new Set();
      let lit = 0, n = 0, hash = 0;
      for (let i = 0; i < d.length; i += 16) {
        const y = (d[i] * 3 + d[i + 1] * 6 + d[i + 2]) / 10;
        levels.add(Math.round(y));
        if (y > 20)
          ++lit;
        ++n;
        hash = (hash * 31 + Math.round(y)) % 1000000007;
      }
      const s = { width: c.width, height: c.height, litFraction: lit / n, levels: levels.size, hash };
      if (!best || c.width * c.height > best.width * best.height)
        best = s;
    }
    return best;
  });
}

async function waitForImage(page, what) {
  const deadline = Date.now() + long;
  let s = null;
  while (Date.now() < deadline) {
    s = await canvasStats(page);
    if (s && s.litFraction > 0.05 && s.levels > 16)
      break;
    await page.waitForTimeout(500);
  }
  check(s && s.litFraction > 0.05 && s.levels > 16,
        `${what}: the viewport shows an image (${JSON.stringify(s)})`);
  return s;
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
try {
  // 1. A radiologist signs in and reads the CT.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(long);
    const log = watch(page);
    await page.goto(base + '/viewer/');
    check(page.url().startsWith(base + '/login'), 'the viewer without a session sends the browser to the sign-in page');
    await page.fill('#username', 'admin');
    await page.fill('#password', env.KILIMA_PASSWORD);
    await Promise.all([page.waitForURL(base + '/viewer/**'), page.click('#signin')]);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'kilima_session');
    check(session && session.httpOnly && session.sameSite === 'Strict', 'signed in: an HttpOnly, SameSite=Strict session cookie');
    await page.getByText(env.CT_PATIENT).first().waitFor();
    const listed = log.find((e) => /\/dicom-web\/studies(\?|$)/.test(e.url) && e.status === 200);
    check(listed, 'the study list came from the node\'s QIDO-RS');
    const studies = await listed.response.json();
    check(studies.length === 2, `the study list holds both studies (${studies.length})`);

    // Open the CT from the list (its row, then the mode button), or by
    // its address when this OHIF version lays the list out differently.
    let opened = false;
    try {
      await page.getByText(env.CT_PATIENT).first().click();
      await page.getByRole('button', { name: /basic viewer/i }).first().click({ timeout: 20000 });
      await page.waitForURL(/\/viewer\/viewer/, { timeout: 60000 });
      opened = true;
    } catch (e) {
      console.log('note: opening from the list failed (' + e.message.split('\n')[0] + '); opening by address');
    }
    if (!opened)
      await page.goto(base + '/viewer/viewer?StudyInstanceUIDs=' + env.CT_UID);
    check(page.url().includes(env.CT_UID), 'the viewer opened the CT');
    const first = await waitForImage(page, 'CT');

    const box = await page.locator('canvas.cornerstone-canvas').first().boundingBox();
    // A click makes the viewport the active one (the default tool,
    // window/level, changes nothing without a drag); then the wheel, and
    // the arrow key OHIF binds to the next image, until the slice changes.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    let after = first;
    const deadline = Date.now() + long;
    for (let i = 0; after.hash === first.hash && Date.now() < deadline; ++i) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      if (i % 2 === 0)
        await page.mouse.wheel(0, 120);
      else
        await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(400);
      after = await canvasStats(page);
    }
    if (after.hash === first.hash && env.KILIMA_ARTIFACTS)
      await page.screenshot({ path: env.KILIMA_ARTIFACTS + '/scroll.png' });
    check(after.hash !== first.hash, 'scrolling shows another slice');
    await waitForImage(page, 'CT after scrolling');
    const failed = dicomwebFailures(log);
    check(failed.length === 0, 'no DICOMweb request failed ' + JSON.stringify(failed.map((e) => [e.status, e.failure, e.url]).slice(0, 5)));
    check(log.some((e) => e.url.includes('/dicom-web/studies/' + env.CT_UID)), 'the CT was read over WADO-RS');
    check(log.every((e) => e.url.startsWith(base)), 'the viewer talked to no other server');
    await context.close();
  }

  // 2. A referrer opens a share link: the CT, and nothing of the other study.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(long);
    const log = watch(page);
    const leaks = [];
    page.on('response', async (r) => {
      if (r.url().includes(env.OTHER_UID))
        leaks.push(r.url());
      const type = r.headers()['content-type'] || '';
      if (type.includes('json')) {
        try {
          if ((await r.text()).includes(env.OTHER_UID))
            leaks.push('body of ' + r.url());
        } catch (e) { /* a body the page discarded */ }
      }
    });
    await page.goto(env.SHARE_URL);
    await page.waitForURL(/\/viewer\/viewer/);
    check(page.url().includes(env.CT_UID), 'the share link opened its study');
    await waitForImage(page, 'shared CT');
    check(leaks.length === 0, 'nothing of the other study reached the browser ' + JSON.stringify(leaks));
    const failed = dicomwebFailures(log);
    check(failed.length === 0, 'no DICOMweb request of the shared viewer failed ' + JSON.stringify(failed.map((e) => [e.status, e.url]).slice(0, 5)));
    const probe = await page.evaluate(async (other) => {
      const status = async (path) => (await fetch(path)).status;
      const all = await (await fetch('/dicom-web/studies')).json();
      return {
        metadata: await status('/dicom-web/studies/' + other + '/metadata'),
        search: await status('/dicom-web/studies?StudyInstanceUID=' + other),
        series: await status('/dicom-web/studies/' + other + '/series'),
        wadoUri: await status('/wado?requestType=WADO&studyUID=' + other + '&seriesUID=1.2&objectUID=1.3'),
        listed: all.map((s) => s['0020000D'].Value[0]),
      };
    }, env.OTHER_UID);
    check(probe.metadata === 403 && probe.search === 403 && probe.series === 403 && probe.wadoUri === 403,
          'the page\'s own requests for the other study are refused ' + JSON.stringify(probe));
    check(probe.listed.length === 1 && probe.listed[0] === env.CT_UID, 'QIDO answers the shared study only');
    await context.close();
  }

  // 3. Revoked and expired links open nothing.
  for (const [what, url] of [['revoked', env.REVOKED_URL], ['expired', env.EXPIRED_URL]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(url);
    check(response.status() === 404, `a ${what} link answers 404`);
    check((await page.textContent('body')).includes('not valid'), `a ${what} link says it is not valid`);
    check((await context.cookies()).length === 0, `a ${what} link gives no session`);
    // The refusal page's policy forbids the page any request of its own:
    // search with the context's cookies from outside it instead.
    const studies = (await context.request.get(base + '/dicom-web/studies')).status();
    check(studies === 401, `after a ${what} link the browser cannot search (${studies})`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log('webviewer browser test: all checks passed');
