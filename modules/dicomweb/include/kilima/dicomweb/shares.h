// Share links: a random, unguessable token that opens one study in the
// node's web viewer (docs/webviewer.md) for a limited time. Shares live in
// the archive's database (table dicomweb_shares); the token itself is
// never stored, only its SHA-256, and is shown once at creation.
// Thread safe (one connection, one mutex). Never logs a token.
#pragma once

#include <kilima/core/config.h>
#include <kilima/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <mutex>

struct sqlite3;

namespace kilima::archive {
class Archive;
}

namespace kilima::dicomweb {

struct Share {
    QString id;            // public handle: list, revoke, audit
    QString studyUid;
    QString createdBy;
    QDateTime createdAt;   // UTC
    QDateTime expiresAt;   // UTC
    QDateTime lastUsedAt;  // invalid if never used
    int uses = 0;
    bool revoked = false;

    bool isActive(const QDateTime &now) const { return !revoked && now < expiresAt; }
};

class Shares {
public:
    explicit Shares(const QString &databasePath);
    ~Shares();
    Shares(const Shares &) = delete;
    Shares &operator=(const Shares &) = delete;

    struct Created {
        Share share;
        QString token;   // only returned here; goes into the link
    };
    core::Result<Created> create(const QString &studyUid, qint64 lifetimeSeconds, const QString &createdBy);
    core::Result<QList<Share>> list() const;
    core::Result<Share> byId(const QString &id) const;
    core::Status revoke(const QString &id);
    // The share of an active (unrevoked, unexpired) token, counting the
    // use; the same message for unknown, revoked and expired tokens.
    core::Result<Share> use(const QString &token);
    // Whether the share `id` may still be used (sessions it opened end
    // when it is revoked or expires).
    bool isActive(const QString &id) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_openError;
    mutable std::mutex m_mutex;
};

// "7d", "12h", "30m", "90s" (a number and one unit) in seconds; an error
// a person can act on otherwise.
core::Result<qint64> parseDuration(const QString &text);

// The address links start with: http.publicUrl, or this node's own
// scheme://host:port (the host name when bound to every address).
QString publicBaseUrl(const core::Config &config);
// Where the web viewer opens (a study when `studyUid` is set), for the
// workstation's "Open in web viewer".
QString viewerUrl(const core::Config &config, const QString &studyUid = QString());
// The folder of the web viewer's files in use (http.viewerDir or the
// default places), or empty when it is not installed.
QString webViewerDirectory(const core::Config &config);

struct ShareLink {
    QString id;
    QString url;
    QDateTime expiresAt;
};
// The workstation's "Share link" and `kilima-node share`: checks that the
// study is in the archive, records the share, audits its creation by
// `createdBy` and returns the full link (to show to a person, never to log).
core::Result<ShareLink> createShareLink(archive::Archive &archive, const QString &studyUid, qint64 lifetimeSeconds,
                                        const QString &createdBy);

} // namespace kilima::dicomweb
