#include "webgate_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

#include <openssl/crypto.h>

namespace kilima::dicomweb {

Q_LOGGING_CATEGORY(lcGate, "kilima.dicomweb.web")

namespace {

QByteArray header(const http::Exchange &ex, const char *name)
{
    const std::string *v = ex.head().header(name);
    return v ? QByteArray::fromStdString(*v) : QByteArray();
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

bool equalSecrets(const QByteArray &a, const QByteArray &b)
{
    return !a.isEmpty() && a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

// Our own pages run no script and load nothing from elsewhere.
void pageHeaders(HttpReply *r)
{
    r->headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    r->headers.append(qMakePair(QByteArray("Content-Security-Policy"),
                                QByteArray("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")));
    r->headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
    r->headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("DENY")));
    // Not no-referrer: under it browsers send "Origin: null" with the
    // page's own forms, which the sign-in's same-origin check refuses.
    r->headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("same-origin")));
}

HttpReply page(int status, const QString &title, const QString &bodyHtml, const QString &headExtra = QString())
{
    HttpReply r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">%3<title>%1</title>"
                            "<style>body{font-family:sans-serif;background:#111;color:#eee;max-width:28em;margin:4em auto}"
                            "input,button{font-size:1em;margin:.3em 0;padding:.4em;width:100%%;box-sizing:border-box}"
                            ".error{color:#f88}</style></head><body>%2</body></html>\n")
                 .arg(title.toHtmlEscaped(), bodyHtml, headExtra)
                 .toUtf8();
    pageHeaders(&r);
    return r;
}

HttpReply redirect(const QByteArray &location, int status = 303)
{
    HttpReply r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Location"), QByteArray(location)));
    pageHeaders(&r);
    return r;
}

// Only a path on this node: never "//host" or "/\host", which browsers
// read as another site (an open redirect would help phishing).
QString safeNext(const QString &next)
{
    if (!next.startsWith(QLatin1Char('/')) || next.startsWith(QLatin1String("//")) || next.contains(QLatin1Char('\\')))
        return QStringLiteral("/viewer/");
    for (QChar c : next) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("/viewer/");
    }
    return next;
}

QString queryValue(const http::Target &t, const char *name)
{
    for (const auto &p : t.query) {
        if (p.first == name)
            return QString::fromStdString(p.second);
    }
    return {};
}

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        const int eq = pair.indexOf('=');
        QByteArray k = eq < 0 ? pair : pair.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(k)), QString::fromUtf8(QByteArray::fromPercentEncoding(v)));
    }
    return out;
}

} // namespace

WebGate::WebGate(archive::Archive &archive, const core::Config &config, Hooks hooks)
    : m_archive(archive), m_config(config), m_hooks(std::move(hooks)),
      m_sessions(qint64(config.http.sessionIdleSeconds) * 1000, qint64(config.http.sessionMaxSeconds) * 1000),
      m_viewer(config), m_shares(archive.databasePath())
{
}

bool WebGate::serves(const std::string &path)
{
    return path == "/login" || path == "/logout" || path == "/session" || path.rfind("/share/", 0) == 0 ||
           path == "/viewer" || path.rfind("/viewer/", 0) == 0;
}

void WebGate::audit(const QString &actor, const QString &peer, const QString &action, const QString &studyUid,
                    const QString &outcome, const QString &detail)
{
    archive::AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.actor = actor;
    r.peerHost = peer;
    r.action = action;
    r.studyUid = studyUid;
    r.outcome = outcome;
    r.detail = detail;
    m_archive.auditLog().append(r);
}

QByteArray WebGate::cookieValue(const http::Exchange &ex)
{
    for (const auto &h : ex.head().headers) {
        if (h.first != "cookie")
            continue;
        for (const QByteArray &part : QByteArray::fromStdString(h.second).split(';')) {
            const QByteArray p = part.trimmed();
            if (p.startsWith(QByteArray(QByteArray(kCookie) + "=")))
                return p.mid(int(qstrlen(kCookie)) + 1);
        }
    }
    return {};
}

QByteArray WebGate::setCookie(const QByteArray &value, qint64 maxAgeSeconds) const
{
    // No Expires/Max-Age on a live session: it ends with the browser, and
    // the node ends it sooner (idle and absolute limits).
    QByteArray c = QByteArray(kCookie) + '=' + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (m_config.http.tls)
        c += "; Secure";
    if (maxAgeSeconds >= 0)
        c += "; Max-Age=" + QByteArray::number(maxAgeSeconds);
    return c;
}

QString WebGate::ownOrigin(const http::Exchange &ex) const
{
    const QByteArray host = header(ex, "host");
    if (!http::isValidHost(std::string_view(host.constData(), size_t(host.size()))))
        return {};
    return QString::fromLatin1(m_config.http.tls ? "https://" : "http://") + QString::fromLatin1(host);
}

bool WebGate::sameOrigin(const http::Exchange &ex) const
{
    const QByteArray origin = header(ex, "origin");
    const QString own = ownOrigin(ex);
    return !origin.isEmpty() && !own.isEmpty() && QString::fromLatin1(origin) == own;
}

std::optional<WebSession> WebGate::session(const http::Exchange &ex)
{
    auto s = m_sessions.find(cookieValue(ex), nowMs());
    if (s && !s->shareId.isEmpty() && !m_shares.isActive(s->shareId)) {
        m_sessions.remove(s->cookie);
        return std::nullopt;
    }
    return s;
}

bool WebGate::admit(const WebSession &s, const http::Exchange &ex, HttpRequest *request, HttpReply *refusal)
{
    const std::string &method = ex.head().method;
    const bool reads = method == "GET" || method == "HEAD";
    if (!reads) {
        if (s.restricted()) {
            *refusal = HttpReply::error(403, QStringLiteral("a shared link may only view its study"));
            return false;
        }
        // A cross-site form or script cannot know the token and cannot
        // forge Origin: either proves the request comes from our pages.
        if (!equalSecrets(header(ex, "x-csrf-token"), s.csrfToken) && !sameOrigin(ex)) {
            audit(s.user.name, request->peer, QStringLiteral("HTTP session"), {}, QStringLiteral("denied"),
                  QStringLiteral("%1 without CSRF token or same origin").arg(QString::fromStdString(method)));
            *refusal = HttpReply::error(403, QStringLiteral("state-changing requests with a session cookie need the "
                                                            "X-CSRF-Token header (GET /session) or this node's Origin"));
            return false;
        }
        return true;
    }
    if (!s.restricted())
        return true;
    const auto deny = [&](const QString &other) {
        audit(s.user.name, request->peer, QStringLiteral("share link"), other, QStringLiteral("denied"),
              QStringLiteral("request outside the shared study"));
        *refusal = HttpReply::error(403, QStringLiteral("this shared link opens one study only"));
        return false;
    };
    const QStringList p = request->path.split(QLatin1Char('/'));
    if (p.value(0) == QLatin1String("studies") && p.size() >= 2)
        return p.at(1) == s.studyUid ? true : deny(p.at(1).left(64));
    if (p.size() == 1 && p.at(0) == QLatin1String("wado")) {
        for (const auto &q : request->query) {
            if (q.first == QLatin1String("studyUID"))
                return q.second == s.studyUid ? true : deny(q.second.left(64));
        }
        return deny({});
    }
    if (p.size() == 1 && (p.at(0) == QLatin1String("studies") || p.at(0) == QLatin1String("series") ||
                          p.at(0) == QLatin1String("instances"))) {
        // Searches are narrowed to the shared study: a key naming another
        // study is refused, a missing one is added.
        QList<QPair<QString, QString>> query;
        for (const auto &q : request->query) {
            if (q.first == QLatin1String("StudyInstanceUID") || q.first.compare(QLatin1String("0020000D"), Qt::CaseInsensitive) == 0) {
                const QStringList uids = q.second.split(QRegularExpression(QStringLiteral("[,\\\\]")), Qt::SkipEmptyParts);
                if (!uids.isEmpty() && !uids.contains(s.studyUid))
                    return deny(q.second.left(64));
                continue;
            }
            query.append(q);
        }
        query.append({QStringLiteral("StudyInstanceUID"), s.studyUid});
        request->query = query;
        return true;
    }
    return deny({});
}

void WebGate::handle(http::Exchange &ex, const http::Target &target)
{
    const std::string &method = ex.head().method;
    const bool reads = method == "GET" || method == "HEAD";
    const std::string &path = target.path;
    if (path == "/login") {
        if (reads)
            loginPage(ex, target, 200, {});
        else if (method == "POST")
            login(ex, target);
        else
            m_hooks.send(ex, HttpReply::error(405, QStringLiteral("use GET or POST")));
    } else if (path == "/logout") {
        if (reads) {
            auto s = session(ex);
            const QString form = s ? QStringLiteral("<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"%1\">"
                                                    "<button type=\"submit\">Sign out</button></form>")
                                         .arg(QString::fromLatin1(s->csrfToken))
                                   : QStringLiteral("<p>You are not signed in. <a href=\"/login\">Sign in</a></p>");
            m_hooks.send(ex, page(200, QStringLiteral("Sign out"), QStringLiteral("<h1>Kilima</h1>") + form));
        } else if (method == "POST") {
            logout(ex);
        } else {
            m_hooks.send(ex, HttpReply::error(405, QStringLiteral("use POST")));
        }
    } else if (path == "/session") {
        if (reads)
            sessionInfo(ex);
        else
            m_hooks.send(ex, HttpReply::error(405, QStringLiteral("use GET")));
    } else if (path.rfind("/share/", 0) == 0) {
        if (reads)
            share(ex, QString::fromStdString(path.substr(7)));
        else
            m_hooks.send(ex, HttpReply::error(405, QStringLiteral("use GET")));
    } else if (reads) {
        viewerRequest(ex, target);
    } else {
        HttpReply r = HttpReply::error(405, QStringLiteral("the viewer's files are read with GET"));
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, HEAD")));
        m_hooks.send(ex, r);
    }
}

void WebGate::loginPage(http::Exchange &ex, const http::Target &target, int status, const QString &message)
{
    const QString next = safeNext(queryValue(target, "next"));
    const QString error = message.isEmpty() ? QString() : QStringLiteral("<p class=\"error\" id=\"error\">%1</p>").arg(message.toHtmlEscaped());
    m_hooks.send(ex, page(status, QStringLiteral("Sign in to Kilima"),
                          QStringLiteral("<h1>Kilima</h1>%1"
                                         "<form method=\"post\" action=\"/login?next=%2\" id=\"login\">"
                                         "<label>User name<input name=\"username\" id=\"username\" autocomplete=\"username\" required></label>"
                                         "<label>Password<input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                                         "<button type=\"submit\" id=\"signin\">Sign in</button></form>")
                              .arg(error, QString::fromLatin1(QUrl::toPercentEncoding(next, "/")).toHtmlEscaped())));
}

void WebGate::login(http::Exchange &ex, const http::Target &target)
{
    const QString peer = QString::fromStdString(ex.peerAddress());
    // Login CSRF: a foreign page must not sign the browser in as someone else.
    const QByteArray fetchSite = header(ex, "sec-fetch-site");
    if ((!header(ex, "origin").isEmpty() && !sameOrigin(ex)) ||
        (!fetchSite.isEmpty() && fetchSite != "same-origin" && fetchSite != "none")) {
        m_hooks.send(ex, HttpReply::error(403, QStringLiteral("sign in from this node's own page")));
        return;
    }
    if (!header(ex, "content-type").toLower().startsWith("application/x-www-form-urlencoded")) {
        m_hooks.send(ex, HttpReply::error(415, QStringLiteral("the sign-in form is application/x-www-form-urlencoded")));
        return;
    }
    QByteArray body;
    std::string why;
    const auto read = ex.readBody([&body](const char *d, size_t n) { body.append(d, qsizetype(n)); return true; }, 16384, &why);
    if (read != http::Exchange::Body::Complete) {
        m_hooks.send(ex, HttpReply::error(read == http::Exchange::Body::TooLarge ? 413 : 400, QStringLiteral("the sign-in form could not be read")));
        return;
    }
    const QHash<QString, QString> form = parseForm(body);
    QString reason;
    int status = 401;
    const auto user = m_hooks.login(peer, form.value(QStringLiteral("username")), form.value(QStringLiteral("password")), &reason, &status);
    if (!user) {
        loginPage(ex, target, status,
                  status == 429 ? QStringLiteral("Too many failed sign-ins from this address: try again in a minute.")
                                : QStringLiteral("Wrong user name or password."));
        return;
    }
    const WebSession s = m_sessions.create(*user, {}, {}, nowMs());
    audit(user->name, peer, QStringLiteral("web sign-in"), {}, QStringLiteral("success"), {});
    HttpReply r = redirect(safeNext(queryValue(target, "next")).toUtf8());
    r.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray(setCookie(s.cookie, -1))));
    m_hooks.send(ex, r);
}

void WebGate::logout(http::Exchange &ex)
{
    QByteArray body;
    std::string why;
    if (header(ex, "content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        ex.readBody([&body](const char *d, size_t n) { body.append(d, qsizetype(n)); return true; }, 16384, &why);
    auto s = m_sessions.find(cookieValue(ex), nowMs());
    if (s) {
        const QByteArray token = header(ex, "x-csrf-token").isEmpty() ? parseForm(body).value(QStringLiteral("csrf")).toLatin1()
                                                                      : header(ex, "x-csrf-token");
        if (!equalSecrets(token, s->csrfToken) && !sameOrigin(ex)) {
            m_hooks.send(ex, HttpReply::error(403, QStringLiteral("sign out from this node's own page")));
            return;
        }
        m_sessions.remove(s->cookie);
        audit(s->user.name, QString::fromStdString(ex.peerAddress()), QStringLiteral("web sign-out"), {}, QStringLiteral("success"), {});
    }
    HttpReply r = redirect("/login");
    r.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray(setCookie("", 0))));
    m_hooks.send(ex, r);
}

void WebGate::sessionInfo(http::Exchange &ex)
{
    auto s = session(ex);
    if (!s) {
        m_hooks.send(ex, HttpReply::error(401, QStringLiteral("not signed in")));
        return;
    }
    QJsonObject o{{QStringLiteral("user"), s->user.name},
                  {QStringLiteral("role"), archive::toString(s->user.role)},
                  {QStringLiteral("csrfToken"), QString::fromLatin1(s->csrfToken)},
                  {QStringLiteral("idleSeconds"), m_config.http.sessionIdleSeconds},
                  {QStringLiteral("expiresAt"),
                   QDateTime::fromMSecsSinceEpoch(s->createdMs + m_sessions.maxMs(), Qt::UTC).toString(Qt::ISODate)}};
    if (s->restricted())
        o.insert(QStringLiteral("study"), s->studyUid);
    HttpReply r;
    r.contentType = "application/json";
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    m_hooks.send(ex, r);
}

void WebGate::share(http::Exchange &ex, const QString &token)
{
    const QString peer = QString::fromStdString(ex.peerAddress());
    auto used = token.size() > 200 ? core::Result<Share>(core::Error{QStringLiteral("bad token")}) : m_shares.use(token);
    if (!used) {
        audit(QStringLiteral("share link"), peer, QStringLiteral("share link"), {}, QStringLiteral("denied"),
              QStringLiteral("unknown, expired or revoked link"));
        m_hooks.send(ex, page(404, QStringLiteral("Link not valid"),
                              QStringLiteral("<h1>This link is not valid</h1><p>It may have expired or been revoked. "
                                             "Ask the sender for a new one.</p>")));
        return;
    }
    const Share &share = used.value();
    archive::User user;
    user.name = QStringLiteral("share:") + share.id;
    user.role = archive::Role::Viewer;
    const WebSession s = m_sessions.create(user, share.id, share.studyUid, nowMs());
    audit(user.name, peer, QStringLiteral("share link"), share.studyUid, QStringLiteral("success"),
          QStringLiteral("opened (use %1)").arg(share.uses));
    // A page rather than a redirect: SameSite=Strict cookies are not sent
    // on the rest of a redirect chain that began on another site (the
    // mail or chat the link was clicked in); the refresh starts here.
    const QString target = QStringLiteral("/viewer/viewer?StudyInstanceUIDs=") + share.studyUid;
    HttpReply r = page(200, QStringLiteral("Opening the shared study"),
                       QStringLiteral("<p>Opening the shared study… <a href=\"%1\">continue</a></p>").arg(target),
                       QStringLiteral("<meta http-equiv=\"refresh\" content=\"0;url=%1\">").arg(target));
    r.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray(setCookie(s.cookie, -1))));
    // The token stays out of the Referer of whatever the page loads.
    for (auto &h : r.headers) {
        if (h.first == "Referrer-Policy")
            h.second = "no-referrer";
    }
    m_hooks.send(ex, r);
}

void WebGate::viewerRequest(http::Exchange &ex, const http::Target &target)
{
    if (!m_viewer.installed()) {
        m_hooks.send(ex, ViewerFiles::notInstalledPage(m_config));
        return;
    }
    if (target.path == "/viewer") {
        m_hooks.send(ex, redirect("/viewer/", 301));
        return;
    }
    const QString rest = QString::fromStdString(target.path.substr(8));
    if (m_viewer.isIndexRoute(rest) && !session(ex)) {
        // The viewer's pages without a session: sign in first, then back.
        QByteArray next = QByteArray::fromStdString(ex.head().target);
        m_hooks.send(ex, redirect("/login?next=" + QUrl::toPercentEncoding(QString::fromLatin1(next))));
        return;
    }
    bool isIndex = false;
    m_hooks.send(ex, m_viewer.get(rest, header(ex, "if-none-match"), header(ex, "accept-encoding"), &isIndex));
}

} // namespace kilima::dicomweb
