// The browser's way in to the node: the sign-in page (same users, roles
// and lockout as DICOMweb), session cookies (HttpOnly, SameSite=Strict,
// Secure under HTTPS), CSRF checks, sign-out, share links that open one
// study, and the web viewer's files under /viewer. DICOMweb requests that
// carry a session cookie instead of Authorization are admitted here
// (admit()): a share's session sees its one study and nothing else.
// Thread safe. Never logs a password, a cookie or a share token.
#pragma once

#include "httpengine_p.h"
#include "service_p.h"
#include "viewerfiles_p.h"
#include "websession_p.h"

#include <kilima/archive/users.h>
#include <kilima/dicomweb/shares.h>

#include <functional>
#include <optional>

namespace kilima::dicomweb {

class WebGate {
public:
    struct Hooks {
        // Checks a password under the server's lockout and audits a
        // refusal; on failure `why` and `status` (401, or 429 when locked out).
        std::function<std::optional<archive::User>(const QString &peer, const QString &name, const QString &password,
                                                    QString *why, int *status)>
            login;
        std::function<void(http::Exchange &, HttpReply)> send;
    };

    WebGate(archive::Archive &archive, const core::Config &config, Hooks hooks);

    // Whether `path` (decoded) is one of the browser's pages.
    static bool serves(const std::string &path);
    void handle(http::Exchange &ex, const http::Target &target);

    static constexpr const char *kCookie = "kilima_session";
    static QByteArray cookieValue(const http::Exchange &ex);
    // The live session of the request's cookie (a share's session ends
    // with its share), or nullopt.
    std::optional<WebSession> session(const http::Exchange &ex);
    // A DICOMweb request made with a session: state changes need the
    // CSRF token or the node's own Origin; a share's session may only
    // read its study (QIDO is narrowed to it, other studies get 403).
    bool admit(const WebSession &s, const http::Exchange &ex, HttpRequest *request, HttpReply *refusal);

    WebSessions &sessions() { return m_sessions; }
    ViewerFiles &viewer() { return m_viewer; }

private:
    void loginPage(http::Exchange &ex, const http::Target &target, int status, const QString &message);
    void login(http::Exchange &ex, const http::Target &target);
    void logout(http::Exchange &ex);
    void sessionInfo(http::Exchange &ex);
    void share(http::Exchange &ex, const QString &token);
    void viewerRequest(http::Exchange &ex, const http::Target &target);
    QByteArray setCookie(const QByteArray &value, qint64 maxAgeSeconds) const;
    QString ownOrigin(const http::Exchange &ex) const;
    bool sameOrigin(const http::Exchange &ex) const;
    void audit(const QString &actor, const QString &peer, const QString &action, const QString &studyUid,
               const QString &outcome, const QString &detail);

    archive::Archive &m_archive;
    const core::Config m_config;
    Hooks m_hooks;
    WebSessions m_sessions;
    ViewerFiles m_viewer;
    Shares m_shares;
};

} // namespace kilima::dicomweb
