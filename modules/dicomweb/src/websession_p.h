// Browser sessions of the web viewer: a random cookie value stands for a
// signed-in user (or a share link's one study) until it has been idle or
// alive too long. Kept in memory only, by the SHA-256 of the cookie value,
// so that a restart signs everyone out. Thread safe; times are passed in
// (milliseconds since the epoch) so that expiry is tested without waiting.
#pragma once

#include <kilima/archive/users.h>

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

namespace kilima::dicomweb {

struct WebSession {
    QByteArray cookie;      // the secret the browser holds
    QByteArray csrfToken;   // sent back in X-CSRF-Token on state changes
    archive::User user;     // for a share: "share:<id>", role viewer
    QString shareId;        // set for a share link's session
    QString studyUid;       // the one study a share session may see
    qint64 createdMs = 0;
    qint64 lastSeenMs = 0;

    bool restricted() const { return !studyUid.isEmpty(); }
};

class WebSessions {
public:
    WebSessions(qint64 idleMs, qint64 maxMs) : m_idleMs(idleMs), m_maxMs(maxMs) {}

    WebSession create(const archive::User &user, const QString &shareId, const QString &studyUid, qint64 nowMs);
    // The live session of this cookie, its idle time restarted; nullopt
    // (and the session forgotten) when unknown or expired.
    std::optional<WebSession> find(const QByteArray &cookie, qint64 nowMs);
    void remove(const QByteArray &cookie);
    int size() const;

    qint64 idleMs() const { return m_idleMs; }
    qint64 maxMs() const { return m_maxMs; }

    static QByteArray randomToken();   // 256 bits, base64url

private:
    void purge(qint64 nowMs);   // caller holds m_mutex

    const qint64 m_idleMs;
    const qint64 m_maxMs;
    mutable std::mutex m_mutex;
    QHash<QByteArray, WebSession> m_sessions;   // by SHA-256 of the cookie
    qint64 m_lastPurgeMs = 0;
};

} // namespace kilima::dicomweb
