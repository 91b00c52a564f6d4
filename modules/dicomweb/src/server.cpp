// The DICOMweb server: Kilima's HTTP engine (httpengine_p.h) carries the
// requests; this file admits them (base path, authentication, the audit of
// refusals), adds CORS and gzip, and maps them onto the WebService.
#include <kilima/dicomweb/server.h>

#include "gzip_p.h"
#include "httpengine_p.h"
#include "service_p.h"
#include "webgate_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/users.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>
#include <optional>

namespace kilima::dicomweb {

Q_LOGGING_CATEGORY(lcHttp, "kilima.dicomweb.http")

namespace {

// Verified Basic credentials are remembered this long, so that a viewer
// sending Basic on every request does not pay PBKDF2 each time.
constexpr qint64 kBasicCacheMs = 60 * 1000;
// Password guessing: after this many failed logins from one address within
// a minute, that address gets 429 for a minute without a password check
// (which would also tie up a worker for a third of a second each).
constexpr int kMaxFailures = 10;
constexpr qint64 kFailureWindowMs = 60 * 1000;

// Refusals of anonymous or failed logins are audited one by one up to this
// many per address and minute (and this many in all); beyond, one summary
// line per address and minute says how many were left out, so that a flood
// cannot grow the audit log without bound.
constexpr int kAuditedDenialsPerAddress = 20;
constexpr int kAuditedDenialsInAll = 200;

QByteArray header(const http::Exchange &ex, const char *name)
{
    const std::string *v = ex.head().header(name);
    return v ? QByteArray::fromStdString(*v) : QByteArray();
}

} // namespace

struct DicomWebServer::Impl {
    Impl(archive::Archive &a, const core::Config &c)
        : archive(a), config(c), users(a.databasePath()), service(a, c),
          web(a, c,
              WebGate::Hooks{[this](const QString &peer, const QString &name, const QString &password, QString *why,
                                    int *status) { return passwordLogin(peer, name, password, why, status); },
                             [this](http::Exchange &ex, HttpReply reply) { send(ex, std::move(reply)); }})
    {
    }

    archive::Archive &archive;
    core::Config config;
    archive::Users users;
    WebService service;
    WebGate web;   // the browser's sign-in, sessions, share links and the web viewer
    std::unique_ptr<http::Engine> engine;
    std::atomic<int> port{0};
    bool tls = false;
    QString initialPassword;

    struct Cached {
        archive::User user;
        qint64 expires;
    };
    std::mutex cacheMutex;
    QHash<QByteArray, Cached> basicCache;
    // Basic credentials being checked now: a browser opens several
    // connections at once with the same new credentials, and each would
    // pay its own PBKDF2 (a third of a second) while the first is running;
    // the others wait for that one result instead. Under cacheMutex.
    QHash<QByteArray, std::shared_future<core::Result<archive::User>>> basicInFlight;
    struct Failures {
        int count = 0;
        qint64 windowStart = 0;
        qint64 blockedUntil = 0;
    };
    QHash<QString, Failures> failures;   // by remote address, under cacheMutex
    struct Denials {
        int count = 0;
        int left = 0;    // not audited one by one
    };
    QHash<QString, Denials> denials;     // this minute, by address, under cacheMutex
    int denialsInAll = 0;
    qint64 denialWindow = 0;

    // On failure: `why`, and `status` 401 or 429.
    std::optional<archive::User> authenticate(const http::Exchange &ex, QString *why, int *status);
    void noteFailure(const QString &peer);
    // The web sign-in page's password check, under the same lockout.
    std::optional<archive::User> passwordLogin(const QString &peer, const QString &name, const QString &password,
                                               QString *why, int *status);
    std::optional<archive::User> verify(const http::Exchange &ex, QString *why);
    void auditDenial(const QString &peer, const QString &why);
    bool corsAllowed(const QByteArray &origin) const;
    HttpRequest makeRequest(const http::Exchange &ex, const http::Target &target, const QString &path,
                            const archive::User &user) const;
    void send(http::Exchange &ex, HttpReply reply);
    bool pathBelowBase(const std::string &path, QString *rest) const;
    void handle(http::Exchange &ex);
    void options(http::Exchange &ex);
    void store(http::Exchange &ex, const HttpRequest &r, const archive::User &user);
};

void DicomWebServer::Impl::noteFailure(const QString &peer)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::lock_guard<std::mutex> lock(cacheMutex);
    if (failures.size() > 10000)
        failures.clear();
    Failures &f = failures[peer];
    if (now - f.windowStart > kFailureWindowMs) {
        f.windowStart = now;
        f.count = 0;
    }
    if (++f.count >= kMaxFailures)
        f.blockedUntil = now + kFailureWindowMs;
}

std::optional<archive::User> DicomWebServer::Impl::authenticate(const http::Exchange &ex, QString *why, int *status)
{
    *status = 401;
    const QString peer = QString::fromStdString(ex.peerAddress());
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = failures.find(peer);
        if (it != failures.end() && it->blockedUntil > QDateTime::currentMSecsSinceEpoch()) {
            *status = 429;
            *why = QStringLiteral("too many failed logins from this address: try again in a minute");
            return std::nullopt;
        }
    }
    auto user = verify(ex, why);
    // Only passwords can be guessed; a 256-bit token cannot.
    if (!user && header(ex, "authorization").toLower().startsWith("basic "))
        noteFailure(peer);
    return user;
}

std::optional<archive::User> DicomWebServer::Impl::passwordLogin(const QString &peer, const QString &name,
                                                                const QString &password, QString *why, int *status)
{
    *status = 401;
    bool blocked = false;
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = failures.find(peer);
        blocked = it != failures.end() && it->blockedUntil > QDateTime::currentMSecsSinceEpoch();
    }
    if (blocked) {   // auditDenial takes cacheMutex itself
        *status = 429;
        *why = QStringLiteral("too many failed logins from this address: try again in a minute");
        auditDenial(peer, *why);
        return std::nullopt;
    }
    const bool controls = std::any_of(name.begin(), name.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }) ||
                          std::any_of(password.begin(), password.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    auto user = controls || name.isEmpty() ? core::Result<archive::User>(core::Error{QStringLiteral("malformed credentials")})
                                           : users.verifyPassword(name, password);
    if (!user) {
        *why = QStringLiteral("web sign-in: %1").arg(user.error());
        noteFailure(peer);
        auditDenial(peer, *why);
        return std::nullopt;
    }
    return user.value();
}

std::optional<archive::User> DicomWebServer::Impl::verify(const http::Exchange &ex, QString *why)
{
    const QByteArray auth = header(ex, "authorization");
    if (auth.isEmpty()) {
        *why = QStringLiteral("authentication required");
        return std::nullopt;
    }
    const int space = auth.indexOf(' ');
    const QByteArray scheme = auth.left(space).toLower();
    const QByteArray value = space > 0 ? auth.mid(space + 1).trimmed() : QByteArray();
    if (scheme == "bearer") {
        auto user = users.verifyToken(QString::fromLatin1(value));
        if (!user) {
            *why = user.error();
            return std::nullopt;
        }
        return user.value();
    }
    if (scheme != "basic") {
        *why = QStringLiteral("unsupported authentication scheme");
        return std::nullopt;
    }
    const QByteArray key = QCryptographicHash::hash(value, QCryptographicHash::Sha256);
    std::shared_future<core::Result<archive::User>> pending;
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = basicCache.find(key);
        if (it != basicCache.end() && it->expires > QDateTime::currentMSecsSinceEpoch())
            return it->user;
        auto running = basicInFlight.find(key);
        if (running != basicInFlight.end())
            pending = *running;
    }
    if (pending.valid()) {
        const core::Result<archive::User> &shared = pending.get();
        if (!shared) {
            *why = shared.error();
            return std::nullopt;
        }
        return shared.value();
    }
    const QByteArray decoded = QByteArray::fromBase64(value, QByteArray::AbortOnBase64DecodingErrors);
    const int colon = decoded.indexOf(':');
    // A NUL or other control character in a name or password is never
    // part of a real one: it is an attempt to cut a comparison short.
    const bool controls = std::any_of(decoded.begin(), decoded.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (colon <= 0 || controls || !http::isValidUtf8(std::string_view(decoded.constData(), size_t(decoded.size())))) {
        *why = QStringLiteral("malformed Basic credentials");
        return std::nullopt;
    }
    std::promise<core::Result<archive::User>> promise;
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto running = basicInFlight.find(key);
        if (running != basicInFlight.end())
            pending = *running;   // another request began the same check meanwhile
        else
            basicInFlight.insert(key, promise.get_future().share());
    }
    if (pending.valid()) {
        const core::Result<archive::User> &shared = pending.get();
        if (!shared) {
            *why = shared.error();
            return std::nullopt;
        }
        return shared.value();
    }
    auto user = users.verifyPassword(QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1)));
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        basicInFlight.remove(key);
        if (user) {
            if (basicCache.size() > 10000)
                basicCache.clear();
            basicCache.insert(key, Cached{user.value(), QDateTime::currentMSecsSinceEpoch() + kBasicCacheMs});
        }
    }
    promise.set_value(user);
    if (!user) {
        *why = user.error();
        return std::nullopt;
    }
    return user.value();
}

void DicomWebServer::Impl::auditDenial(const QString &peer, const QString &why)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QPair<QString, int>> leftOut;
    bool write = false;
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        if (now - denialWindow > kFailureWindowMs || denials.size() > 10000) {
            for (auto it = denials.cbegin(); it != denials.cend(); ++it) {
                if (it->left > 0)
                    leftOut.append({it.key(), it->left});
            }
            denials.clear();
            denialsInAll = 0;
            denialWindow = now;
        }
        Denials &d = denials[peer];
        ++d.count;
        if (d.count <= kAuditedDenialsPerAddress && denialsInAll < kAuditedDenialsInAll) {
            ++denialsInAll;
            write = true;
        } else {
            ++d.left;
        }
    }
    auto line = [this](const QString &host, const QString &detail) {
        archive::AuditRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.peerHost = host;
        r.action = QStringLiteral("HTTP authentication");
        r.outcome = QStringLiteral("denied");
        r.detail = detail;
        archive.auditLog().append(r);
    };
    // At most a few hundred summary lines a minute, however many addresses.
    for (int i = 0; i < leftOut.size() && i < kAuditedDenialsInAll; ++i)
        line(leftOut.at(i).first,
             QStringLiteral("%1 further refused requests in the minute before, not written one by one").arg(leftOut.at(i).second));
    if (write)
        line(peer, why);
}

bool DicomWebServer::Impl::corsAllowed(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return false;
    for (const QString &o : config.http.corsAllowedOrigins) {
        if (o == QLatin1String("*") || o.toUtf8() == origin)
            return true;
    }
    return false;
}

bool DicomWebServer::Impl::pathBelowBase(const std::string &path, QString *rest) const
{
    const QString p = QString::fromStdString(path);
    const QString base = config.http.basePath == QLatin1String("/") ? QString() : config.http.basePath;
    if (p == QLatin1String("/wado")) {   // WADO-URI's customary place
        *rest = QStringLiteral("wado");
        return true;
    }
    if (!p.startsWith(base + QLatin1Char('/')))
        return false;
    *rest = p.mid(base.size() + 1);
    while (rest->endsWith(QLatin1Char('/')))
        rest->chop(1);
    return true;
}

HttpRequest DicomWebServer::Impl::makeRequest(const http::Exchange &ex, const http::Target &target, const QString &path,
                                              const archive::User &user) const
{
    HttpRequest r;
    r.method = QByteArray::fromStdString(ex.head().method);
    r.path = path;
    for (const auto &p : target.query)
        r.query.append({QString::fromStdString(p.first), QString::fromStdString(p.second)});
    r.accept = header(ex, "accept");
    r.contentType = header(ex, "content-type");
    r.user = user.name;
    r.peer = QString::fromStdString(ex.peerAddress());
    QByteArray host = header(ex, "host");
    if (!http::isValidHost(std::string_view(host.constData(), size_t(host.size()))))
        host = QByteArray("127.0.0.1:") + QByteArray::number(port.load());
    r.baseUrl = QString::fromLatin1(tls ? "https://" : "http://") + QString::fromLatin1(host) +
                (config.http.basePath == QLatin1String("/") ? QString() : config.http.basePath);
    return r;
}

namespace {

// What a path below the base answers to (RFC 9110 §15.5.6: a 405 names it).
const char *allowedMethods(const QString &path)
{
    const QStringList s = path.split(QLatin1Char('/'));
    const bool storable = s.value(0) == QLatin1String("studies") && s.size() <= 2;
    return storable ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
}

} // namespace

void DicomWebServer::Impl::send(http::Exchange &ex, HttpReply reply)
{
    http::Headers headers;
    bool hasAllow = false;
    for (const auto &h : reply.headers) {
        headers.emplace_back(h.first.toStdString(), h.second.toStdString());
        hasAllow = hasAllow || h.first.toLower() == "allow";
    }
    if (reply.status == 405 && !hasAllow) {
        QString path;
        pathBelowBase(ex.head().target.substr(0, ex.head().target.find('?')), &path);
        headers.emplace_back("Allow", allowedMethods(path));
    }
    // CORS on every answer (errors included) for allowed origins.
    const QByteArray origin = header(ex, "origin");
    if (corsAllowed(origin)) {
        headers.emplace_back("Access-Control-Allow-Origin", origin.toStdString());
        headers.emplace_back("Access-Control-Allow-Credentials", "true");
        headers.emplace_back("Access-Control-Expose-Headers", "Content-Type, Content-Length, Content-Encoding, Warning, Location");
        headers.emplace_back("Vary", "Origin");
    }
    if (!reply.contentType.isEmpty())
        headers.emplace_back("Content-Type", reply.contentType.toStdString());
    if (reply.fileStream) {
        auto stream = std::move(reply.fileStream);
        ex.respondStream(reply.status, headers, reply.streamLength, [&stream](const http::BodySink &sink, const http::FileSink &files) {
            return stream([&sink](const char *data, qint64 size) { return sink(data, size_t(size)); },
                          [&files](int fd, qint64 offset, qint64 size) { return files(fd, offset, size_t(size)); });
        });
        return;
    }
    if (reply.stream) {
        auto stream = std::move(reply.stream);
        ex.respondStream(reply.status, headers, reply.streamLength, [&stream](const http::BodySink &sink) {
            return stream([&sink](const char *data, qint64 size) { return sink(data, size_t(size)); });
        });
        return;
    }
    if (reply.json && config.http.gzip && reply.body.size() > 1024 && acceptsGzip(header(ex, "accept-encoding"))) {
        const QByteArray z = gzipCompress(reply.body, reply.body.size() > (1 << 20) ? 1 : 6);
        if (!z.isEmpty()) {
            reply.body = z;
            headers.emplace_back("Content-Encoding", "gzip");
        }
    }
    if (reply.json)
        headers.emplace_back("Vary", "Accept-Encoding");
    ex.respond(reply.status, headers, std::string_view(reply.body.constData(), size_t(reply.body.size())));
}

void DicomWebServer::Impl::options(http::Exchange &ex)
{
    const QByteArray origin = header(ex, "origin");
    if (!origin.isEmpty() && !corsAllowed(origin)) {
        send(ex, HttpReply::error(403, QStringLiteral("origin not allowed")));
        return;
    }
    HttpReply r;
    r.status = 204;
    QString path;
    pathBelowBase(ex.head().target.substr(0, ex.head().target.find('?')), &path);
    r.headers.append(qMakePair(QByteArray("Allow"), QByteArray(allowedMethods(path))));
    r.headers.append(qMakePair(QByteArray("Access-Control-Allow-Methods"), QByteArray("GET, HEAD, POST, OPTIONS")));
    r.headers.append(qMakePair(QByteArray("Access-Control-Allow-Headers"), QByteArray("Authorization, Content-Type, Accept, Accept-Encoding")));
    r.headers.append(qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("600")));
    send(ex, r);
}

// Every request: a well-formed target below the base path, then an
// authenticated user; otherwise answered here and nothing else runs.
void DicomWebServer::Impl::handle(http::Exchange &ex)
{
    const std::string &method = ex.head().method;
    if (method == "OPTIONS") {
        options(ex);
        return;
    }
    const bool known = method == "GET" || method == "HEAD" || method == "POST" || method == "PUT" || method == "DELETE" ||
                       method == "PATCH" || method == "TRACE" || method == "CONNECT";
    if (!known) {
        send(ex, HttpReply::error(501, QStringLiteral("method %1 is not implemented").arg(QString::fromStdString(method.substr(0, 20)))));
        return;
    }
    http::Target target;
    std::string bad;
    if (!http::splitTarget(ex.head().target, &target, &bad)) {
        send(ex, HttpReply::error(400, QStringLiteral("bad request target: %1").arg(QString::fromStdString(bad))));
        return;
    }
    if (WebGate::serves(target.path)) {
        web.handle(ex, target);
        return;
    }
    QString path;
    if (!pathBelowBase(target.path, &path)) {
        send(ex, HttpReply::error(404, QStringLiteral("DICOMweb is served under %1").arg(config.http.basePath)));
        return;
    }
    QString why;
    int status = 401;
    // A browser signed in on the web viewer's page sends its session
    // cookie instead of credentials (docs/webviewer.md).
    std::optional<WebSession> session;
    if (header(ex, "authorization").isEmpty() && !WebGate::cookieValue(ex).isEmpty()) {
        session = web.session(ex);
        if (!session) {
            auditDenial(QString::fromStdString(ex.peerAddress()), QStringLiteral("browser session expired or unknown"));
            // No WWW-Authenticate: a browser would pop up its own password box.
            send(ex, HttpReply::error(401, QStringLiteral("the session has expired: sign in again at /login")));
            return;
        }
    }
    const auto user = session ? std::optional<archive::User>(session->user) : authenticate(ex, &why, &status);
    if (!user) {
        auditDenial(QString::fromStdString(ex.peerAddress()), why);
        HttpReply r = HttpReply::error(status, why);
        if (status == 429)
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("60")));
        else
            r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"Kilima DICOMweb\", charset=\"UTF-8\"")));
        send(ex, r);
        return;
    }
    HttpRequest request = makeRequest(ex, target, path, *user);
    if (session) {
        HttpReply refused;
        if (!web.admit(*session, ex, &request, &refused)) {
            send(ex, refused);
            return;
        }
    }
    if (method == "GET" || method == "HEAD") {
        send(ex, service.get(request));
    } else if (method == "POST") {
        store(ex, request, *user);
    } else {
        send(ex, HttpReply::error(405, QStringLiteral("method %1 is not allowed here").arg(QString::fromStdString(method))));
    }
}

void DicomWebServer::Impl::store(http::Exchange &ex, const HttpRequest &r, const archive::User &user)
{
    if (user.role == archive::Role::Viewer) {
        service.audit(r, QStringLiteral("STOW-RS"), {}, QStringLiteral("denied"), QStringLiteral("viewers may not store"));
        send(ex, HttpReply::error(403, QStringLiteral("user %1 (viewer) may not store instances").arg(user.name)));
        return;
    }
    const qint64 maxBody = qint64(config.http.maxBodyMegabytes) << 20;
    const auto tooLarge = [&] {
        service.audit(r, QStringLiteral("STOW-RS"), {}, QStringLiteral("failure"), QStringLiteral("413: body too large"));
        send(ex, HttpReply::error(413, QStringLiteral("the request body is larger than http.maxBodyMegabytes (%1 MB)")
                                           .arg(config.http.maxBodyMegabytes)));
    };
    if (ex.head().contentLength > maxBody) {
        tooLarge();
        return;
    }
    HttpReply early;
    auto session = service.beginStow(r, &early);
    if (!session) {
        send(ex, early);
        return;
    }
    std::string why;
    const http::Exchange::Body body = ex.readBody(
        [&](const char *data, size_t size) { return session->feed(data, qint64(size)); }, maxBody, &why);
    if (body == http::Exchange::Body::TooLarge) {
        tooLarge();
        return;
    }
    if (body == http::Exchange::Body::Failed) {
        service.audit(r, QStringLiteral("STOW-RS"), {}, QStringLiteral("failure"), QString::fromStdString(why));
        send(ex, HttpReply::error(400, QStringLiteral("the request body could not be read: %1").arg(QString::fromStdString(why))));
        return;
    }
    send(ex, session->finish());
}

DicomWebServer::DicomWebServer(archive::Archive &archive, const core::Config &config)
    : d(std::make_unique<Impl>(archive, config))
{
}

DicomWebServer::~DicomWebServer()
{
    stop();
}

core::Status DicomWebServer::start()
{
    if (isRunning())
        return {};
    if (d->users.isEmpty()) {
        const QString password = archive::Users::generatePassword();
        const core::Status added = d->users.add(QStringLiteral("admin"), archive::Role::Admin, password);
        if (added)
            d->initialPassword = password;
        else if (d->users.isEmpty())
            return core::Error{QStringLiteral("cannot create the first admin account: %1").arg(added.error())};
    }
    const core::Config &c = d->config;
    http::EngineConfig e;
    e.bindAddress = c.node.bindAddress.toStdString();
    e.port = c.node.httpPort;
    e.workers = c.http.threads;
    e.readTimeoutMs = c.http.readTimeoutSeconds * 1000;
    e.writeTimeoutMs = c.http.readTimeoutSeconds * 4000;
    e.keepAliveMs = c.http.keepAliveSeconds * 1000;
    e.headTimeoutMs = std::min(e.readTimeoutMs, 10000);
    e.maxConnections = c.http.maxConnections;
    e.maxConnectionsPerAddress = c.http.maxConnectionsPerAddress;
    d->tls = c.http.tls;
    if (c.http.tls) {
        const QString cert = c.http.certificateFile.isEmpty() ? c.tls.certificateFile : c.http.certificateFile;
        const QString key = c.http.privateKeyFile.isEmpty() ? c.tls.privateKeyFile : c.http.privateKeyFile;
        QString why;
        e.tls = http::makeServerTlsContext(cert, key, &why);
        if (!e.tls)
            return core::Error{QStringLiteral("DICOMweb HTTPS: %1").arg(why)};
    }
    d->engine = std::make_unique<http::Engine>(e, [this](http::Exchange &ex) { d->handle(ex); });
    http::freeTlsContext(e.tls);   // the engine holds its own reference
    std::string why;
    if (!d->engine->bind(&why)) {
        d->engine.reset();
        return core::Error{QStringLiteral("DICOMweb: cannot listen on %1:%2 (%3)")
                               .arg(c.node.bindAddress)
                               .arg(c.node.httpPort)
                               .arg(QString::fromStdString(why))};
    }
    d->port = d->engine->port();
    d->engine->start();
    qCInfo(lcHttp).noquote() << QStringLiteral("DICOMweb listening on %1://%2:%3%4")
                                    .arg(d->tls ? QStringLiteral("https") : QStringLiteral("http"), c.node.bindAddress)
                                    .arg(d->port.load())
                                    .arg(c.http.basePath);
    return {};
}

void DicomWebServer::stop()
{
    if (!d->engine)
        return;
    d->engine->stop();
    d->engine.reset();
    d->port = 0;
}

bool DicomWebServer::isRunning() const { return d->engine && d->port.load() != 0; }
quint16 DicomWebServer::port() const { return quint16(d->port.load()); }
bool DicomWebServer::isTls() const { return d->tls; }
QString DicomWebServer::initialAdminPassword() const { return d->initialPassword; }

} // namespace kilima::dicomweb
