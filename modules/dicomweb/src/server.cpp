// cpp-httplib glue: authentication, CORS, gzip and streaming around the
// WebService resources. The only server file that includes httplib.h.
#include <kilima/dicomweb/server.h>

#include "gzip_p.h"
#include "service_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/users.h>

#include <httplib.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QUrl>

#include <atomic>
#include <mutex>
#include <thread>

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

QByteArray header(const httplib::Request &req, const char *name)
{
    return QByteArray::fromStdString(req.get_header_value(name));
}

bool validHost(const QByteArray &host)
{
    if (host.isEmpty() || host.size() > 255)
        return false;
    for (char c : host) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' || c == '[' || c == ']'))
            return false;
    }
    return true;
}

} // namespace

struct DicomWebServer::Impl {
    Impl(archive::Archive &a, const core::Config &c) : archive(a), config(c), users(a.databasePath()), service(a, c) {}

    archive::Archive &archive;
    core::Config config;
    archive::Users users;
    WebService service;
    std::unique_ptr<httplib::Server> http;
    std::thread thread;
    std::atomic<int> port{0};
    bool tls = false;
    QString initialPassword;

    struct Cached {
        archive::User user;
        qint64 expires;
    };
    std::mutex cacheMutex;
    QHash<QByteArray, Cached> basicCache;
    struct Failures {
        int count = 0;
        qint64 windowStart = 0;
        qint64 blockedUntil = 0;
    };
    QHash<QString, Failures> failures;   // by remote address, under cacheMutex

    // On failure: `why`, and `status` 401 or 429.
    std::optional<archive::User> authenticate(const httplib::Request &req, QString *why, int *status);
    void noteFailure(const QString &peer);
    std::optional<archive::User> verify(const httplib::Request &req, QString *why);
    bool corsAllowed(const QByteArray &origin) const;
    HttpRequest makeRequest(const httplib::Request &req, const QString &path, const archive::User &user) const;
    void send(const httplib::Request &req, httplib::Response &res, HttpReply reply);
    bool pathBelowBase(const std::string &path, QString *rest) const;
    void setup();
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

std::optional<archive::User> DicomWebServer::Impl::authenticate(const httplib::Request &req, QString *why, int *status)
{
    *status = 401;
    const QString peer = QString::fromStdString(req.remote_addr);
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = failures.find(peer);
        if (it != failures.end() && it->blockedUntil > QDateTime::currentMSecsSinceEpoch()) {
            *status = 429;
            *why = QStringLiteral("too many failed logins from this address: try again in a minute");
            return std::nullopt;
        }
    }
    auto user = verify(req, why);
    // Only passwords can be guessed; a 256-bit token cannot.
    if (!user && header(req, "Authorization").toLower().startsWith("basic "))
        noteFailure(peer);
    return user;
}

std::optional<archive::User> DicomWebServer::Impl::verify(const httplib::Request &req, QString *why)
{
    const QByteArray auth = header(req, "Authorization");
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
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = basicCache.find(key);
        if (it != basicCache.end() && it->expires > now)
            return it->user;
    }
    const QByteArray decoded = QByteArray::fromBase64(value);
    const int colon = decoded.indexOf(':');
    if (colon <= 0) {
        *why = QStringLiteral("malformed Basic credentials");
        return std::nullopt;
    }
    auto user = users.verifyPassword(QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1)));
    if (!user) {
        *why = user.error();
        return std::nullopt;
    }
    std::lock_guard<std::mutex> lock(cacheMutex);
    if (basicCache.size() > 10000)
        basicCache.clear();
    basicCache.insert(key, Cached{user.value(), now + kBasicCacheMs});
    return user.value();
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

HttpRequest DicomWebServer::Impl::makeRequest(const httplib::Request &req, const QString &path, const archive::User &user) const
{
    HttpRequest r;
    r.method = QByteArray::fromStdString(req.method);
    r.path = path;
    for (const auto &p : req.params)
        r.query.append({QString::fromStdString(p.first), QString::fromStdString(p.second)});
    r.accept = header(req, "Accept");
    r.contentType = header(req, "Content-Type");
    r.user = user.name;
    r.peer = QString::fromStdString(req.remote_addr);
    QByteArray host = header(req, "Host");
    if (!validHost(host))
        host = QByteArray("127.0.0.1:") + QByteArray::number(port.load());
    r.baseUrl = QString::fromLatin1(tls ? "https://" : "http://") + QString::fromLatin1(host) +
                (config.http.basePath == QLatin1String("/") ? QString() : config.http.basePath);
    return r;
}

void DicomWebServer::Impl::send(const httplib::Request &req, httplib::Response &res, HttpReply reply)
{
    res.status = reply.status;
    for (const auto &h : reply.headers)
        res.set_header(h.first.toStdString(), h.second.toStdString());
    if (reply.stream && reply.streamLength >= 0) {
        auto stream = std::move(reply.stream);
        auto done = std::make_shared<bool>(false);
        res.set_content_provider(size_t(reply.streamLength), reply.contentType.toStdString(),
                                 [stream, done](size_t, size_t, httplib::DataSink &sink) {
                                     // Everything in one call; a second call means the
                                     // files changed under us: end the connection.
                                     if (*done)
                                         return false;
                                     *done = true;
                                     return stream([&sink](const char *data, qint64 size) {
                                         return sink.is_writable() && sink.write(data, size_t(size));
                                     });
                                 });
        return;
    }
    if (reply.stream) {
        auto stream = std::move(reply.stream);
        res.set_chunked_content_provider(reply.contentType.toStdString(), [stream](size_t, httplib::DataSink &sink) {
            const bool ok = stream([&sink](const char *data, qint64 size) {
                return sink.is_writable() && sink.write(data, size_t(size));
            });
            if (ok)
                sink.done();
            return ok;
        });
        return;
    }
    if (reply.json && config.http.gzip && reply.body.size() > 1024 && acceptsGzip(header(req, "Accept-Encoding"))) {
        const QByteArray z = gzipCompress(reply.body, reply.body.size() > (1 << 20) ? 1 : 6);
        if (!z.isEmpty()) {
            reply.body = z;
            res.set_header("Content-Encoding", "gzip");
        }
    }
    if (reply.json)
        res.set_header("Vary", "Accept-Encoding");
    res.set_content(reply.body.constData(), size_t(reply.body.size()), reply.contentType.toStdString());
}

void DicomWebServer::Impl::setup()
{
    httplib::Server &s = *http;
    const int threads = config.http.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    s.set_read_timeout(config.http.readTimeoutSeconds, 0);
    s.set_write_timeout(config.http.readTimeoutSeconds * 4, 0);
    s.set_keep_alive_timeout(config.http.keepAliveSeconds);
    s.set_keep_alive_max_count(1000);
    s.set_payload_max_length(size_t(config.http.maxBodyMegabytes) << 20);
    s.set_tcp_nodelay(true);

    // CORS on every answer (including errors) for allowed origins.
    s.set_post_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        const QByteArray origin = header(req, "Origin");
        if (corsAllowed(origin)) {
            res.set_header("Access-Control-Allow-Origin", origin.toStdString());
            res.set_header("Access-Control-Allow-Credentials", "true");
            res.set_header("Access-Control-Expose-Headers", "Content-Type, Content-Length, Content-Encoding, Warning, Location");
            res.set_header("Vary", "Origin");
        }
    });

    s.Options(".*", [this](const httplib::Request &req, httplib::Response &res) {
        const QByteArray origin = header(req, "Origin");
        if (!origin.isEmpty() && !corsAllowed(origin)) {
            res.status = 403;
            res.set_content("origin not allowed\n", "text/plain; charset=utf-8");
            return;
        }
        res.status = 204;
        res.set_header("Allow", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, Accept-Encoding");
        res.set_header("Access-Control-Max-Age", "600");
    });

    auto unauthorized = [this](const httplib::Request &req, httplib::Response &res, const QString &why, int status) {
        archive::AuditRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.peerHost = QString::fromStdString(req.remote_addr);
        r.action = QStringLiteral("HTTP authentication");
        r.outcome = QStringLiteral("denied");
        r.detail = why;
        archive.auditLog().append(r);
        res.status = status;
        if (status == 429)
            res.set_header("Retry-After", "60");
        else
            res.set_header("WWW-Authenticate", "Basic realm=\"Kilima DICOMweb\", charset=\"UTF-8\"");
        res.set_content(QString(why + QLatin1Char('\n')).toStdString(), "text/plain; charset=utf-8");
    };

    // Every request: below the base path, then authenticated; otherwise
    // answered here (404, 401/429) and nothing else runs.
    struct Admitted {
        HttpRequest request;
        archive::User user;
    };
    auto admit = [this, unauthorized](const httplib::Request &req, httplib::Response &res) -> std::optional<Admitted> {
        QString path;
        if (!pathBelowBase(req.path, &path)) {
            send(req, res, HttpReply::error(404, QStringLiteral("DICOMweb is served under %1").arg(config.http.basePath)));
            return std::nullopt;
        }
        QString why;
        int status = 401;
        auto user = authenticate(req, &why, &status);
        if (!user) {
            unauthorized(req, res, why, status);
            return std::nullopt;
        }
        return Admitted{makeRequest(req, path, *user), *user};
    };

    s.Get(".*", [this, admit](const httplib::Request &req, httplib::Response &res) {
        if (const auto admitted = admit(req, res))
            send(req, res, service.get(admitted->request));
    });

    s.Post(".*", [this, admit](const httplib::Request &req, httplib::Response &res, const httplib::ContentReader &reader) {
        const auto admitted = admit(req, res);
        if (!admitted)
            return;
        const HttpRequest &r = admitted->request;
        if (admitted->user.role == archive::Role::Viewer) {
            service.audit(r, QStringLiteral("STOW-RS"), {}, QStringLiteral("denied"), QStringLiteral("viewers may not store"));
            send(req, res, HttpReply::error(403, QStringLiteral("user %1 (viewer) may not store instances").arg(admitted->user.name)));
            return;
        }
        const qint64 maxBody = qint64(config.http.maxBodyMegabytes) << 20;
        const auto tooLarge = [&] {
            service.audit(r, QStringLiteral("STOW-RS"), {}, QStringLiteral("failure"), QStringLiteral("413: body too large"));
            send(req, res, HttpReply::error(413, QStringLiteral("the request body is larger than http.maxBodyMegabytes (%1 MB)")
                                                     .arg(config.http.maxBodyMegabytes)));
        };
        if (req.has_header("Content-Length") && QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong() > maxBody) {
            tooLarge();
            return;
        }
        HttpReply early;
        auto session = service.beginStow(r, &early);
        if (!session) {
            send(req, res, early);
            return;
        }
        qint64 received = 0;
        reader([&](const char *data, size_t size) {
            received += qint64(size);
            return received <= maxBody && session->feed(data, qint64(size));
        });
        if (received > maxBody) {
            tooLarge();
            return;
        }
        send(req, res, session->finish());
    });

    auto notAllowed = [this](const httplib::Request &req, httplib::Response &res) {
        send(req, res, HttpReply::error(405, QStringLiteral("method not allowed")));
        res.set_header("Allow", "GET, POST, OPTIONS");
    };
    s.Put(".*", notAllowed);
    s.Delete(".*", notAllowed);
    s.Patch(".*", notAllowed);
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
    if (c.http.tls) {
        const QString cert = c.http.certificateFile.isEmpty() ? c.tls.certificateFile : c.http.certificateFile;
        const QString key = c.http.privateKeyFile.isEmpty() ? c.tls.privateKeyFile : c.http.privateKeyFile;
        auto ssl = std::make_unique<httplib::SSLServer>(cert.toLocal8Bit().constData(), key.toLocal8Bit().constData());
        if (!ssl->is_valid())
            return core::Error{QStringLiteral("DICOMweb HTTPS: cannot load certificate %1 or key %2").arg(cert, key)};
        d->http = std::move(ssl);
        d->tls = true;
    } else {
        d->http = std::make_unique<httplib::Server>();
        d->tls = false;
    }
    d->setup();
    const std::string host = c.node.bindAddress.toStdString();
    int port = c.node.httpPort;
    if (port == 0) {
        port = d->http->bind_to_any_port(host);
        if (port < 0)
            port = 0;
    } else if (!d->http->bind_to_port(host, port)) {
        port = 0;
    }
    if (port == 0) {
        d->http.reset();
        return core::Error{QStringLiteral("DICOMweb: cannot listen on %1:%2 (in use or not allowed)").arg(c.node.bindAddress).arg(c.node.httpPort)};
    }
    d->port = port;
    d->thread = std::thread([this] { d->http->listen_after_bind(); });
    qCInfo(lcHttp).noquote() << QStringLiteral("DICOMweb listening on %1://%2:%3%4")
                                    .arg(d->tls ? QStringLiteral("https") : QStringLiteral("http"), c.node.bindAddress)
                                    .arg(port)
                                    .arg(c.http.basePath);
    return {};
}

void DicomWebServer::stop()
{
    if (!d->http)
        return;
    d->http->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->http.reset();
    d->port = 0;
}

bool DicomWebServer::isRunning() const { return d->http && d->port.load() != 0; }
quint16 DicomWebServer::port() const { return quint16(d->port.load()); }
bool DicomWebServer::isTls() const { return d->tls; }
QString DicomWebServer::initialAdminPassword() const { return d->initialPassword; }

} // namespace kilima::dicomweb
