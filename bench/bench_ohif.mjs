// One trial of bench_ohif.py: a fresh Chromium profile opens one study in
// OHIF twice (cold: first load of this profile; warm: a second page of the
// same profile) and reports, from the page's own clock (ms after navigation):
//   firstImage  the viewport's canvas shows an image (over 5 % of it lit,
//               over 16 grey levels: the check of tests/webviewer), polled
//               every 25 ms in the page
//   allLoaded   every image of the displayed series is in cornerstone's
//               cache (OHIF's study prefetcher is switched on for every
//               target alike by an init script, displaySetsCount 1)
//   full        then the last slice is shown (setImageIdIndex(n - 1)) and
//               its STACK_NEW_IMAGE seen
// plus the request timeline by kind (Resource Timing). Every request the
// browser makes must go to the benchmark's origin: anything else fails the
// trial (and the host resolver maps every other name to nowhere).
//
// Environment: CHROMIUM, ORIGIN, VIEWER_URL, SLICES, and for Kilima's own
// /viewer LOGIN_USER, LOGIN_PASSWORD (signed in through /login first, by an
// API request that loads nothing of OHIF). Prints one line "RESULT {json}".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tests', 'webviewer', 'browser', 'package.json'));
const { chromium } = require('playwright-core');

const env = process.env;
const origin = env.ORIGIN;
const slices = Number(env.SLICES);
const limit = Number(env.LOAD_TIMEOUT_MS || 300000);
let dumps = 0;

const initScript = () => {
  const B = window.__bench = { stackNew: null, rendered: null, canvas: null, allLoaded: null, full: null, loaded: 0, n: 0, last: null };
  try { performance.setResourceTimingBufferSize(10000); } catch (e) { /* older */ }
  let cfg;
  Object.defineProperty(window, 'config', {
    configurable: true,
    get() { return cfg; },
    set(v) {
      if (v && typeof v === 'object')
        v.studyPrefetcher = { enabled: true, displaySetsCount: 1, maxNumPrefetchRequests: 10, order: 'closest' };
      cfg = v;
    },
  });
  document.addEventListener('CORNERSTONE_STACK_NEW_IMAGE', (e) => {
    const t = performance.now();
    if (B.stackNew === null)
      B.stackNew = t;
    B.last = { t, index: e.detail && e.detail.imageIdIndex };
  }, true);
  document.addEventListener('CORNERSTONE_IMAGE_RENDERED', (e) => {
    if (B.rendered === null && (!e.detail || !e.detail.viewportStatus || e.detail.viewportStatus === 'rendered'))
      B.rendered = performance.now();
  }, true);
  // Ground truth for the first image: the canvas shows one (lit, many grey levels).
  const poll = setInterval(() => {
    for (const c of document.querySelectorAll('canvas.cornerstone-canvas')) {
      if (c.width < 64 || c.height < 64)
        continue;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx)
        continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const levels = new Set();
      let lit = 0, n = 0;
      for (let i = 0; i < d.length; i += 64) {
        const y = (d[i] * 3 + d[i + 1] * 6 + d[i + 2]) / 10;
        levels.add(Math.round(y));
        if (y > 20)
          ++lit;
        ++n;
      }
      if (lit / n > 0.05 && levels.size > 16) {
        B.canvas = performance.now();
        clearInterval(poll);
        return;
      }
    }
  }, 25);
};

// In the page: how many images of the displayed stack are loaded.
const progress = () => {
  const B = window.__bench, cs = window.cornerstone;
  if (!cs || !cs.getRenderingEngines)
    return { loaded: 0, n: 0 };
  let vp = null;
  for (const e of cs.getRenderingEngines())
    for (const v of e.getViewports())
      if (v.getImageIds && (!vp || v.getImageIds().length > vp.getImageIds().length))
        vp = v;
  if (!vp)
    return { loaded: 0, n: 0 };
  const ids = vp.getImageIds();
  const loaded = ids.filter((id) => (cs.cache.getImage ? !!cs.cache.getImage(id) : !!cs.cache.getImageLoadObject(id))).length;
  if (B.allLoaded === null && ids.length > 0 && loaded === ids.length) {
    B.allLoaded = performance.now();
    vp.setImageIdIndex(ids.length - 1);
  }
  if (B.allLoaded !== null && B.full === null && B.last && B.last.index === ids.length - 1 && B.last.t >= B.allLoaded)
    B.full = B.last.t;
  B.loaded = loaded;
  B.n = ids.length;
  return { loaded, n: ids.length };
};

function kind(url) {
  const u = new URL(url);
  if (!u.pathname.includes('/dicom-web/'))
    return u.pathname.endsWith('app-config.js') ? 'config' : 'static';
  if (u.pathname.includes('/frames/'))
    return 'frames';
  if (u.pathname.endsWith('/metadata'))
    return 'metadata';
  if (u.pathname.includes('/thumbnail') || u.pathname.includes('/rendered'))
    return 'rendered';
  if (u.pathname.includes('/bulkdata'))
    return 'bulkdata';
  return 'qido';
}

async function load(context, outside) {
  const page = await context.newPage();
  page.setDefaultTimeout(limit);
  const failed = [];
  page.on('requestfailed', (r) => {
    const f = (r.failure() || {}).errorText;
    if (r.url().includes('/dicom-web/') && f !== 'net::ERR_ABORTED')
      failed.push([f, r.url()]);
  });
  page.on('response', (r) => {
    if (r.url().includes('/dicom-web/') && r.status() >= 400)
      failed.push([r.status(), r.url()]);
  });
  await page.goto(env.VIEWER_URL, { waitUntil: 'commit' });
  const deadline = Date.now() + limit;
  let b = null;
  while (Date.now() < deadline) {
    await page.evaluate(progress).catch(() => null);
    b = await page.evaluate(() => window.__bench).catch(() => null);
    if (b && b.full !== null && b.canvas !== null)
      break;
    await page.waitForTimeout(50);
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      resources: performance.getEntriesByType('resource').map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd, size: r.transferSize, body: r.decodedBodySize })),
    };
  });
  // BENCH_DUMP_RESOURCES=DIR: every request's timing, for a closer look.
  if (env.BENCH_DUMP_RESOURCES)
    fs.writeFileSync(path.join(env.BENCH_DUMP_RESOURCES, `load-${process.pid}-${++dumps}.json`), JSON.stringify({ bench: b, ...timing }, null, 1));
  if (!b || b.full === null || b.canvas === null)
    throw new Error('the series did not load in time: ' + JSON.stringify(b) + ' failed requests ' + JSON.stringify(failed.slice(0, 5)));
  if (b.n !== slices)
    throw new Error(`the viewport's stack holds ${b.n} images, the series ${slices}`);
  if (failed.length)
    throw new Error('DICOMweb requests failed: ' + JSON.stringify(failed.slice(0, 5)));
  const kinds = {};
  for (const r of timing.resources) {
    const k = kind(r.url);
    const s = kinds[k] || (kinds[k] = { count: 0, first: Infinity, lastEnd: 0, bytes: 0, body: 0 });
    s.count++;
    s.first = Math.min(s.first, r.start);
    s.lastEnd = Math.max(s.lastEnd, r.end);
    s.bytes += r.size || 0;
    s.body += r.body || 0;
  }
  // The first image: when the canvas shows one (polled every 25 ms).
  // Cornerstone's STACK_NEW_IMAGE comes 150-350 ms after the pixels are
  // there and its first IMAGE_RENDERED can precede them: both are kept
  // for reference only.
  const firstImage = b.canvas;
  await page.close();
  return { firstImage, canvas: b.canvas, stackNew: b.stackNew, rendered: b.rendered, allLoaded: b.allLoaded, full: b.full,
           domContentLoaded: timing.domContentLoaded, kinds, outside: outside.length };
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kilima-bench-ohif-profile-'));
let context = null;
try {
  const port = new URL(origin).port;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: env.CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
           '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
           '--disable-domain-reliability', '--metrics-recording-only', '--no-pings',
           `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`],
  });
  const outside = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'))
      outside.push(u);
  });
  await context.addInitScript(initScript);
  if (env.LOGIN_USER) {
    const r = await context.request.post(origin + '/login', { form: { username: env.LOGIN_USER, password: env.LOGIN_PASSWORD }, maxRedirects: 0 });
    const cookies = await context.cookies(origin);
    if (!cookies.some((c) => c.name === 'kilima_session'))
      throw new Error('sign-in failed: ' + r.status());
  }
  const cold = await load(context, outside);
  const warm = await load(context, outside);
  if (outside.length)
    throw new Error('requests left ' + origin + ': ' + JSON.stringify(outside.slice(0, 5)));
  console.log('RESULT ' + JSON.stringify({ cold, warm, port }));
} finally {
  if (context)
    await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
