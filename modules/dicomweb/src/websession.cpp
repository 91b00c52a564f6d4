#include "websession_p.h"

#include <QCryptographicHash>

#include <openssl/rand.h>

namespace kilima::dicomweb {

namespace {

QByteArray key(const QByteArray &cookie)
{
    return QCryptographicHash::hash(cookie, QCryptographicHash::Sha256);
}

// Bounds memory whatever a client does: sign-ins beyond this push out
// the oldest sessions.
constexpr int kMaxSessions = 20000;

} // namespace

QByteArray WebSessions::randomToken()
{
    QByteArray b(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), int(b.size())) != 1)
        qFatal("the system's random generator failed");   // a guessable session is worse than none
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

WebSession WebSessions::create(const archive::User &user, const QString &shareId, const QString &studyUid, qint64 nowMs)
{
    WebSession s;
    s.cookie = randomToken();
    s.csrfToken = randomToken();
    s.user = user;
    s.shareId = shareId;
    s.studyUid = studyUid;
    s.createdMs = nowMs;
    s.lastSeenMs = nowMs;
    std::lock_guard<std::mutex> lock(m_mutex);
    purge(nowMs);
    if (m_sessions.size() >= kMaxSessions) {
        auto oldest = m_sessions.begin();
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            if (it->lastSeenMs < oldest->lastSeenMs)
                oldest = it;
        }
        m_sessions.erase(oldest);
    }
    m_sessions.insert(key(s.cookie), s);
    return s;
}

std::optional<WebSession> WebSessions::find(const QByteArray &cookie, qint64 nowMs)
{
    if (cookie.isEmpty())
        return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    purge(nowMs);
    auto it = m_sessions.find(key(cookie));
    if (it == m_sessions.end())
        return std::nullopt;
    if (nowMs - it->lastSeenMs >= m_idleMs || nowMs - it->createdMs >= m_maxMs) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->lastSeenMs = nowMs;
    return *it;
}

void WebSessions::remove(const QByteArray &cookie)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_sessions.remove(key(cookie));
}

int WebSessions::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_sessions.size());
}

void WebSessions::purge(qint64 nowMs)
{
    if (nowMs - m_lastPurgeMs < 60000)
        return;
    m_lastPurgeMs = nowMs;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (nowMs - it->lastSeenMs >= m_idleMs || nowMs - it->createdMs >= m_maxMs)
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

} // namespace kilima::dicomweb
