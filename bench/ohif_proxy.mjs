// Benchmark-only front for bench_ohif.py (not part of Kilima, never
// deployed): one origin on 127.0.0.1 that serves the installed OHIF dist
// (unchanged, from its own folder) with an app-config.js naming this origin's
// /dicom-web, and forwards /dicom-web/* to one DICOMweb backend (Kilima or
// Orthanc + orthanc-dicomweb) with HTTP Basic added and keep-alive to the
// backend. The same front, the same files and the same configuration serve
// both backends, so only the DICOMweb server differs.
//
// usage: node ohif_proxy.mjs OHIF_DIST BACKEND_URL USER PASSWORD
// Listens on a free port of 127.0.0.1 and prints "listening on PORT".
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [dist, backendUrl, user, password] = process.argv.slice(2);
const backend = new URL(backendUrl);
if (backend.hostname !== '127.0.0.1')
  throw new Error('the backend must be on 127.0.0.1');
const auth = 'Basic ' + Buffer.from(user + ':' + password).toString('base64');
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const root = fs.realpathSync(dist);

const appConfig = `/* bench/ohif_proxy.mjs: the same data source settings as Kilima's /viewer */
(function () {
  var root = window.location.origin + '/dicom-web';
  window.config = {
    routerBasename: '/',
    extensions: [],
    modes: [],
    customizationService: {},
    showStudyList: true,
    maxNumberOfWebWorkers: 3,
    showWarningMessageForCrossOrigin: false,
    showCPUFallbackMessage: true,
    showLoadingIndicator: true,
    strictZSpacingForVolumeViewport: true,
    investigationalUseDialog: { option: 'never' },
    maxNumRequests: { interaction: 100, thumbnail: 75, prefetch: 25 },
    defaultDataSourceName: 'bench',
    dataSources: [{
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'bench',
      configuration: {
        friendlyName: 'bench', name: 'bench',
        wadoUriRoot: root, qidoRoot: root, wadoRoot: root,
        qidoSupportsIncludeField: false, supportsReject: false,
        imageRendering: 'wadors', thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true, supportsFuzzyMatching: false, supportsWildcard: true,
        staticWado: false, singlepart: 'bulkdata,video',
        bulkDataURI: { enabled: true, relativeResolution: 'studies' },
        omitQuotationForMultipartRequest: true,
      },
    }],
  };
})();
`;

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.txt': 'text/plain', '.map': 'application/json', '.webmanifest': 'application/manifest+json',
};

function serveFile(req, res, file) {
  const st = fs.statSync(file);
  const etag = '"' + st.size.toString(16) + '-' + Math.floor(st.mtimeMs).toString(16) + '"';
  // Like Kilima's /viewer: content-hashed names cached for good, the rest revalidated.
  const hashed = /\.[0-9a-f]{8,}\./.test(path.basename(file));
  const headers = { 'ETag': etag, 'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
                    'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = st.size;
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

function serveStatic(req, res) {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
  if (rel === 'app-config.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(appConfig);
    return;
  }
  if (rel.split('/').some((s) => s.startsWith('.'))) {
    res.writeHead(404);
    res.end();
    return;
  }
  let file = path.join(root, rel);
  let real = null;
  try { real = fs.realpathSync(file); } catch (e) { /* missing */ }
  if (real && real.startsWith(root + path.sep) && fs.statSync(real).isFile())
    return serveFile(req, res, real);
  if (!path.extname(rel))   // the viewer's own routes (/viewer, /segmentation, …)
    return serveFile(req, res, path.join(root, 'index.html'));
  res.writeHead(404);
  res.end();
}

function forward(req, res) {
  const headers = { ...req.headers, host: backend.host, authorization: auth };
  delete headers.cookie;
  const up = http.request({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent }, (r) => {
    res.writeHead(r.statusCode, r.headers);
    r.pipe(res);
  });
  up.on('error', (e) => {
    if (!res.headersSent)
      res.writeHead(502);
    res.end(String(e));
  });
  req.pipe(up);
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/dicom-web/') || req.url.startsWith('/dicom-web?'))
    forward(req, res);
  else if (req.method === 'GET' || req.method === 'HEAD')
    serveStatic(req, res);
  else {
    res.writeHead(405);
    res.end();
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
