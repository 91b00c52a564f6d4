#include <kilima/dicomweb/shares.h>

#include "viewerfiles_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/query.h>
#include <kilima/archive/sqlite.h>

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSysInfo>

#include <openssl/rand.h>

namespace kilima::dicomweb {

namespace {

// Version 1 of the share tables; later versions append a step.
const char *const kSharesV1 = R"SQL(
CREATE TABLE dicomweb_shares(
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    study_uid TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_used_at INTEGER,
    uses INTEGER NOT NULL DEFAULT 0,
    revoked INTEGER NOT NULL DEFAULT 0
);
)SQL";

QByteArray randomBytes(int n)
{
    QByteArray b(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), n) != 1)
        return {};
    return b;
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QDateTime fromMs(const archive::Statement &s, int col)
{
    return s.isNull(col) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(s.int64(col), Qt::UTC);
}

Share readShare(const archive::Statement &s)
{
    Share r;
    r.id = s.text(0);
    r.studyUid = s.text(1);
    r.createdBy = s.text(2);
    r.createdAt = fromMs(s, 3);
    r.expiresAt = fromMs(s, 4);
    r.lastUsedAt = fromMs(s, 5);
    r.uses = int(s.int64(6));
    r.revoked = s.int64(7) != 0;
    return r;
}

constexpr const char *kColumns = "id, study_uid, created_by, created_at, expires_at, last_used_at, uses, revoked";

} // namespace

Shares::Shares(const QString &databasePath)
{
    m_db = archive::openConnection(databasePath, &m_openError);
    if (m_db && !archive::applyComponentSchema(m_db, "shares", {kSharesV1}, &m_openError)) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Shares::~Shares()
{
    sqlite3_close_v2(m_db);
}

core::Result<Shares::Created> Shares::create(const QString &studyUid, qint64 lifetimeSeconds, const QString &createdBy)
{
    if (lifetimeSeconds <= 0)
        return core::Error{QStringLiteral("a share must last at least one second")};
    const QByteArray idBytes = randomBytes(8);
    const QByteArray secret = randomBytes(32);   // 256 bits: not guessable
    if (idBytes.isEmpty() || secret.isEmpty())
        return core::Error{QStringLiteral("the system's random generator failed")};
    Created c;
    c.token = QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    c.share.id = QString::fromLatin1(idBytes.toHex());
    c.share.studyUid = studyUid;
    c.share.createdBy = createdBy;
    c.share.createdAt = QDateTime::currentDateTimeUtc();
    c.share.expiresAt = c.share.createdAt.addSecs(lifetimeSeconds);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("share links: cannot open the database: %1").arg(m_openError)};
    archive::Statement s(m_db, "INSERT INTO dicomweb_shares(id, token_hash, study_uid, created_by, created_at, expires_at) "
                               "VALUES(?, ?, ?, ?, ?, ?)");
    s.bind(1, c.share.id);
    s.bind(2, tokenHash(c.token));
    s.bind(3, studyUid);
    s.bind(4, createdBy);
    s.bind(5, c.share.createdAt.toMSecsSinceEpoch());
    s.bind(6, c.share.expiresAt.toMSecsSinceEpoch());
    if (!s.exec())
        return core::Error{QStringLiteral("share links: %1").arg(s.error())};
    return c;
}

core::Result<QList<Share>> Shares::list() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("share links: cannot open the database: %1").arg(m_openError)};
    archive::Statement s(m_db, QByteArray("SELECT ") + kColumns + " FROM dicomweb_shares ORDER BY created_at");
    QList<Share> out;
    while (s.next())
        out.append(readShare(s));
    return out;
}

core::Result<Share> Shares::byId(const QString &id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("share links: cannot open the database: %1").arg(m_openError)};
    archive::Statement s(m_db, QByteArray("SELECT ") + kColumns + " FROM dicomweb_shares WHERE id = ?");
    s.bind(1, id);
    if (!s.next())
        return core::Error{QStringLiteral("no share %1 (kilima-node share list shows them)").arg(id.left(40))};
    return readShare(s);
}

core::Status Shares::revoke(const QString &id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("share links: cannot open the database: %1").arg(m_openError)};
    archive::Statement s(m_db, "UPDATE dicomweb_shares SET revoked = 1 WHERE id = ?");
    s.bind(1, id);
    if (!s.exec())
        return core::Error{QStringLiteral("share links: %1").arg(s.error())};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("no share %1 (kilima-node share list shows them)").arg(id.left(40))};
    return {};
}

core::Result<Share> Shares::use(const QString &token)
{
    const QString unusable = QStringLiteral("this link is not valid: it may have expired or been revoked");
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("share links: cannot open the database: %1").arg(m_openError)};
    archive::Statement s(m_db, QByteArray("SELECT ") + kColumns + " FROM dicomweb_shares WHERE token_hash = ?");
    s.bind(1, tokenHash(token));
    if (!s.next())
        return core::Error{unusable};
    Share share = readShare(s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!share.isActive(now))
        return core::Error{unusable};
    archive::Statement u(m_db, "UPDATE dicomweb_shares SET uses = uses + 1, last_used_at = ? WHERE id = ?");
    u.bind(1, now.toMSecsSinceEpoch());
    u.bind(2, share.id);
    u.exec();
    share.uses += 1;
    share.lastUsedAt = now;
    return share;
}

bool Shares::isActive(const QString &id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return false;
    archive::Statement s(m_db, "SELECT revoked, expires_at FROM dicomweb_shares WHERE id = ?");
    s.bind(1, id);
    return s.next() && s.int64(0) == 0 && QDateTime::currentMSecsSinceEpoch() < s.int64(1);
}

core::Result<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,6})([smhd])$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return core::Error{QStringLiteral("\"%1\" is not a duration: write a number and a unit, s, m, h or d (7d, 12h)")
                               .arg(text.left(40))};
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 seconds = n * (unit == QLatin1Char('s') ? 1 : unit == QLatin1Char('m') ? 60 : unit == QLatin1Char('h') ? 3600 : 86400);
    if (seconds <= 0)
        return core::Error{QStringLiteral("a duration must be longer than zero")};
    if (seconds > 366 * 86400)
        return core::Error{QStringLiteral("share links last at most a year (366d)")};
    return seconds;
}

QString publicBaseUrl(const core::Config &config)
{
    if (!config.http.publicUrl.isEmpty())
        return config.http.publicUrl;
    QString host = config.node.bindAddress;
    if (host.isEmpty() || host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        host = QSysInfo::machineHostName();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(config.http.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(config.node.httpPort);
}

QString viewerUrl(const core::Config &config, const QString &studyUid)
{
    const QString base = publicBaseUrl(config) + QStringLiteral("/viewer");
    if (studyUid.isEmpty())
        return base + QLatin1Char('/');
    return base + QStringLiteral("/viewer?StudyInstanceUIDs=") + studyUid;
}

QString webViewerDirectory(const core::Config &config)
{
    return ViewerFiles::resolveDirectory(config);
}

core::Result<ShareLink> createShareLink(archive::Archive &archive, const QString &studyUid, qint64 lifetimeSeconds,
                                        const QString &createdBy)
{
    static const QRegularExpression uidRe(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
    if (studyUid.size() > 64 || !uidRe.match(studyUid).hasMatch())
        return core::Error{QStringLiteral("\"%1\" is not a valid Study Instance UID").arg(studyUid.left(80))};
    archive::Query q;
    q.level = archive::Level::Study;
    q.limit = 1;
    q.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
    auto found = archive.count(q);
    if (!found)
        return core::Error{found.error()};
    if (found.value() == 0)
        return core::Error{QStringLiteral("no study %1 in this archive").arg(studyUid)};
    Shares shares(archive.databasePath());
    auto created = shares.create(studyUid, lifetimeSeconds, createdBy);
    if (!created)
        return core::Error{created.error()};
    archive::AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.actor = createdBy;
    r.action = QStringLiteral("share link created");
    r.studyUid = studyUid;
    r.outcome = QStringLiteral("success");
    r.detail = QStringLiteral("share %1, expires %2").arg(created.value().share.id,
                                                         created.value().share.expiresAt.toString(Qt::ISODate));
    archive.auditLog().append(r);
    ShareLink link;
    link.id = created.value().share.id;
    link.url = publicBaseUrl(archive.config()) + QStringLiteral("/share/") + created.value().token;
    link.expiresAt = created.value().share.expiresAt;
    return link;
}

} // namespace kilima::dicomweb
