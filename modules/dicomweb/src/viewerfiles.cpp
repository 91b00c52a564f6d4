#include "viewerfiles_p.h"

#include "gzip_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

#include <memory>

namespace kilima::dicomweb {

Q_LOGGING_CATEGORY(lcViewer, "kilima.dicomweb.viewer")

namespace {

constexpr qint64 kMaxGzipFile = 32 << 20;       // larger files go as stored
constexpr qint64 kMaxGzipCache = 160 << 20;     // compressed bytes kept in memory

QByteArray contentType(const QString &name)
{
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("map"), "application/json"},
        {QStringLiteral("webapp"), "application/x-web-app-manifest+json"},
        {QStringLiteral("wasm"), "application/wasm"},   // required for streaming compilation
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("ico"), "image/x-icon"},
        {QStringLiteral("woff2"), "font/woff2"},
        {QStringLiteral("woff"), "font/woff"},
        {QStringLiteral("xml"), "application/xml"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
    };
    return types.value(QFileInfo(name).suffix().toLower(), "application/octet-stream");
}

bool compressible(const QByteArray &type)
{
    return type.startsWith("text/") || type.startsWith("application/json") || type == "image/svg+xml"
           || type == "application/wasm" || type == "application/xml" || type.startsWith("application/x-web-app");
}

// Webpack names its bundles after their content ("app.bundle.26b7…js",
// "17dd5481…wasm"): such a name never changes content, so browsers may
// keep it for a year. Everything else is revalidated by ETag.
bool contentHashed(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("(^|[./])[0-9a-f]{16,}\\.[a-z0-9]+$"));
    return re.match(name).hasMatch();
}

void addCommon(HttpReply *r)
{
    r->headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
    r->headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("same-origin")));
    r->headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("SAMEORIGIN")));
}

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

ViewerFiles::ViewerFiles(const core::Config &config) : m_config(config)
{
    m_dir = resolveDirectory(config);
    if (m_dir.isEmpty())
        return;
    QFile f(m_dir + QStringLiteral("/index.html"));
    if (!f.open(QIODevice::ReadOnly)) {
        m_dir.clear();
        return;
    }
    // OHIF is built for the root of a site: its index.html names every
    // file from "/" and sets PUBLIC_URL, which its chunk loader follows.
    m_index = f.readAll();
    m_index.replace("href=\"/", "href=\"/viewer/");
    m_index.replace("src=\"/", "src=\"/viewer/");
    m_index.replace("content=\"/assets/", "content=\"/viewer/assets/");
    m_index.replace("window.PUBLIC_URL = '/'", "window.PUBLIC_URL = '/viewer/'");
    qCInfo(lcViewer).noquote() << "web viewer files in" << m_dir;
}

QStringList ViewerFiles::defaultDirectories()
{
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = QDir::homePath() + QStringLiteral("/.local/share");
    return {data + QStringLiteral("/kilima/ohif"), QStringLiteral("/usr/local/share/kilima/ohif"),
            QStringLiteral("/usr/share/kilima/ohif")};
}

QString ViewerFiles::resolveDirectory(const core::Config &config)
{
    const QStringList candidates = config.http.viewerDir.isEmpty() ? defaultDirectories() : QStringList{config.http.viewerDir};
    for (const QString &dir : candidates) {
        const QFileInfo index(dir + QStringLiteral("/index.html"));
        if (index.isFile())
            return QFileInfo(dir).canonicalFilePath();
    }
    return {};
}

bool ViewerFiles::isIndexRoute(const QString &rest) const
{
    if (rest.isEmpty() || rest == QLatin1String("index.html"))
        return true;
    const QFileInfo fi(m_dir + QLatin1Char('/') + rest);
    // The viewer's routes (/viewer/viewer, /viewer/segmentation, …) name
    // no file; a missing name with an extension is a missing file (404).
    return !fi.exists() && !rest.section(QLatin1Char('/'), -1).contains(QLatin1Char('.'));
}

HttpReply ViewerFiles::index() const
{
    HttpReply r;
    r.contentType = "text/html; charset=utf-8";
    r.body = m_index;
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    addCommon(&r);
    return r;
}

HttpReply ViewerFiles::appConfig() const
{
    // Same origin only: the data source's roots are built from the page's
    // own location, so the viewer never reaches another server, and the
    // browser sends the session cookie with every DICOMweb request.
    const QString base = m_config.http.basePath == QLatin1String("/") ? QString() : m_config.http.basePath;
    QByteArray js = R"JS(/* Made by Kilima's node for each request (docs/webviewer.md). */
(function () {
  var root = window.location.origin + '@BASE@';
  window.config = {
    routerBasename: '/viewer',
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
    defaultDataSourceName: 'kilima',
    dataSources: [
      {
        namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
        sourceName: 'kilima',
        configuration: {
          friendlyName: 'Kilima',
          name: 'kilima',
          wadoUriRoot: root,
          qidoRoot: root,
          wadoRoot: root,
          qidoSupportsIncludeField: false,
          supportsReject: false,
          imageRendering: 'wadors',
          thumbnailRendering: 'wadors',
          enableStudyLazyLoad: true,
          supportsFuzzyMatching: false,
          supportsWildcard: true,
          staticWado: false,
          singlepart: 'bulkdata,video',
          bulkDataURI: { enabled: true, relativeResolution: 'studies' },
          omitQuotationForMultipartRequest: true,
        },
      },
    ],
    httpErrorHandler: function (error) {
      // A lapsed session: back to the sign-in page, then here again.
      if (error && error.status === 401) {
        window.location.href = '/login?next=' + encodeURIComponent(window.location.pathname + window.location.search);
      }
    },
  };
})();
)JS";
    js.replace("@BASE@", base.toUtf8());
    HttpReply r;
    r.contentType = "text/javascript; charset=utf-8";
    r.body = js;
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    addCommon(&r);
    return r;
}

HttpReply ViewerFiles::get(const QString &rest, const QByteArray &ifNoneMatch, const QByteArray &acceptEncoding, bool *isIndex)
{
    *isIndex = false;
    if (rest == QLatin1String("app-config.js"))
        return appConfig();
    if (isIndexRoute(rest)) {
        *isIndex = true;
        return index();
    }
    // The engine refuses "..", "\" and control characters in segments
    // already; hidden files and links out of the folder are refused here.
    if (rest.startsWith(QLatin1Char('.')) || rest.contains(QLatin1String("/.")))
        return HttpReply::error(404, QStringLiteral("no such file"));
    const QFileInfo fi(m_dir + QLatin1Char('/') + rest);
    const QString canonical = fi.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(m_dir + QLatin1Char('/')) || !QFileInfo(canonical).isFile())
        return HttpReply::error(404, QStringLiteral("no such file"));

    const QFileInfo real(canonical);
    const qint64 size = real.size();
    const qint64 mtime = real.lastModified().toMSecsSinceEpoch();
    const QByteArray etag = '"' + QByteArray::number(size, 16) + '-' + QByteArray::number(mtime, 16) + '"';
    HttpReply r;
    addCommon(&r);
    r.headers.append(qMakePair(QByteArray("ETag"), QByteArray(etag)));
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray(contentHashed(real.fileName()) ? "public, max-age=31536000, immutable" : "no-cache")));
    const QByteArray type = contentType(real.fileName());
    const bool gz = compressible(type) && size <= kMaxGzipFile && m_config.http.gzip;
    if (gz)
        r.headers.append(qMakePair(QByteArray("Vary"), QByteArray("Accept-Encoding")));
    if (!ifNoneMatch.isEmpty() && (ifNoneMatch == etag || ifNoneMatch == "W/" + etag)) {
        r.status = 304;
        return r;
    }
    r.contentType = type;
    // OHIF's bundles (the app's and its workers') load their chunks, wasm
    // and images from webpack's public path, built in as "/": moved under
    // /viewer/ here, as a build with PUBLIC_URL=/viewer/ would have it.
    // Its style sheets name fonts from the root ("url(/31fb….woff2)") too.
    const bool js = real.suffix() == QLatin1String("js"), css = real.suffix() == QLatin1String("css");
    const bool rewrite = (js || css) && size <= kMaxGzipFile;
    const auto load = [&canonical, js, css]() {
        QFile f(canonical);
        if (!f.open(QIODevice::ReadOnly))
            return QByteArray();
        QByteArray data = f.readAll();
        if (js)
            data.replace("__webpack_require__.p = \"/\";", "__webpack_require__.p = \"/viewer/\";");
        if (css)
            data.replace(QByteArrayLiteral("url(/"), QByteArrayLiteral("url(/viewer/")).replace("url(/viewer//", "url(//");
        return data;
    };
    if (gz && size > 1024 && acceptsGzip(acceptEncoding)) {
        const QString key = canonical + QLatin1Char('|') + QString::number(size) + QLatin1Char('|') + QString::number(mtime);
        QByteArray z;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            z = m_gzipped.value(key);
        }
        if (z.isEmpty()) {
            const QByteArray data = load();
            if (!data.isEmpty())
                z = gzipCompress(data, 6);
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!z.isEmpty() && m_gzippedBytes + z.size() <= kMaxGzipCache && !m_gzipped.contains(key)) {
                m_gzipped.insert(key, z);
                m_gzippedBytes += z.size();
            }
        }
        if (!z.isEmpty()) {
            r.body = z;
            r.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
            return r;
        }
    }
    if (rewrite) {
        r.body = load();
        return r;
    }
    auto file = std::make_shared<QFile>(canonical);
    if (!file->open(QIODevice::ReadOnly))
        return HttpReply::error(404, QStringLiteral("no such file"));
    r.streamLength = size;
    r.stream = [file, size](const Sink &sink) {
        QByteArray buf(256 * 1024, Qt::Uninitialized);
        qint64 left = size;
        while (left > 0) {
            const qint64 n = file->read(buf.data(), std::min<qint64>(buf.size(), left));
            if (n <= 0 || !sink(buf.constData(), n))
                return false;
            left -= n;
        }
        return true;
    };
    return r;
}

HttpReply ViewerFiles::notInstalledPage(const core::Config &config)
{
    QStringList places = config.http.viewerDir.isEmpty() ? defaultDirectories() : QStringList{config.http.viewerDir};
    for (QString &p : places)
        p = QStringLiteral("<li><code>%1</code></li>").arg(htmlEscape(p));
    HttpReply r;
    r.status = 404;
    r.contentType = "text/html; charset=utf-8";
    r.body = QStringLiteral(
                 "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kilima web viewer</title></head>"
                 "<body><h1>The web viewer is not installed</h1>"
                 "<p>This node serves the OHIF Viewer at <code>/viewer</code> once its files are installed. "
                 "Run <code>installers/install-deps.sh</code> from Kilima's sources (it installs the npm package "
                 "<code>@ohif/app@3.12.0</code>), or unpack that package's <code>dist/</code> folder into one of:</p>"
                 "<ul>%1</ul><p>or set <code>http.viewerDir</code> in <code>kilima.json</code>, then restart the node. "
                 "DICOMweb keeps working meanwhile.</p></body></html>\n")
                 .arg(places.join(QString()))
                 .toUtf8();
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    r.headers.append(qMakePair(QByteArray("Content-Security-Policy"), QByteArray("default-src 'none'; style-src 'unsafe-inline'")));
    addCommon(&r);
    return r;
}

} // namespace kilima::dicomweb
