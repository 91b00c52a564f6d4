#include <kilima/cloud/cloudtier.h>

#include <kilima/archive/auditlog.h>
#include <kilima/archive/sqlite.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcCloud, "kilima.cloud")

namespace kilima::cloud {

namespace {

const char *const kCloudV1 = R"sql(
CREATE TABLE cloud_objects(
  sop_uid TEXT PRIMARY KEY,
  rel_path TEXT NOT NULL,
  object_key TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  storage_class TEXT NOT NULL DEFAULT 'STANDARD',
  uploaded_at TEXT,
  verified_at TEXT,
  evicted_at TEXT,
  local_deleted_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX cloud_objects_path ON cloud_objects(rel_path);
CREATE TABLE cloud_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

QString nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

QString normalizedPrefix(QString prefix)
{
    while (prefix.startsWith(QLatin1Char('/')))
        prefix.remove(0, 1);
    if (!prefix.isEmpty() && !prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    return prefix;
}

S3Settings settingsFor(const core::Config::Cloud &c)
{
    S3Settings s;
    s.endpoint = c.endpoint;
    s.bucket = c.bucket;
    s.region = c.region;
    s.pathStyle = c.pathStyle;
    s.caFile = c.caFile;
    if (c.bandwidthLimitKBps > 0)   // large transfers; the pass's token bucket paces the stream
        s.maxSendBytesPerSecond = qMax<qint64>(1024, qint64(c.bandwidthLimitKBps) * 1024);
    return s;
}

sqlite3 *openCloudTables(const QString &dbPath, QString *error)
{
    sqlite3 *db = archive::openConnection(dbPath, error);
    if (!db)
        return nullptr;
    if (!archive::applyComponentSchema(db, "cloud", {kCloudV1}, error)) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    return db;
}

bool writeDurably(const QString &path, const QByteArray &bytes, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString tmp = path + QStringLiteral(".recall-") + QString::number(::getpid());
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(tmp, f.errorString());
        f.remove();
        return false;
    }
    ::fsync(f.handle());
    f.close();
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = QStringLiteral("cannot rename %1 into place").arg(tmp);
        QFile::remove(tmp);
        return false;
    }
    const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

// Runs fn(i) for i in [0, n) on up to `threads` threads.
void parallelFor(int n, int threads, const std::function<void(int worker, int index)> &fn)
{
    std::atomic<int> next{0};
    QList<std::thread *> pool;
    const int count = qMax(1, qMin(threads, n));
    for (int w = 0; w < count; ++w) {
        pool.append(new std::thread([&, w] {
            for (int i = next++; i < n; i = next++)
                fn(w, i);
        }));
    }
    for (std::thread *t : pool) {
        t->join();
        delete t;
    }
}

} // namespace

struct CloudTier::Candidate {
    QString sop, relPath, study, series, sha256, receivedAt, key, etag, storageClass;
    qint64 size = 0;
    QString error;
    bool ok = false;
};

CloudTier::CloudTier(archive::Archive &archive, core::Config::Cloud config, SigningKey credentials)
    : m_archive(archive), m_config(std::move(config)), m_credentials(std::move(credentials))
{
    m_config.keyPrefix = normalizedPrefix(m_config.keyPrefix);
}

CloudTier::~CloudTier()
{
    stopBackground();
    if (m_db)
        sqlite3_close_v2(m_db);
}

core::Result<std::shared_ptr<CloudTier>> CloudTier::open(archive::Archive &archive, const core::Config::Cloud &config,
                                                         const SigningKey &credentials)
{
    if (!config.configured())
        return core::Error{QStringLiteral("no cloud tier configured: run `kilima-node cloud configure --endpoint URL --bucket NAME`")};
    std::shared_ptr<CloudTier> tier(new CloudTier(archive, config, credentials));
    QString error;
    tier->m_db = openCloudTables(archive.databasePath(), &error);
    if (!tier->m_db)
        return core::Error{QStringLiteral("cloud tables: %1").arg(error)};
    return tier;
}

S3Settings CloudTier::s3Settings() const { return settingsFor(m_config); }

QString CloudTier::objectKey(const QString &prefix, const QString &study, const QString &series, const QString &sop)
{
    return normalizedPrefix(prefix) + QStringLiteral("dicom/") + study + QLatin1Char('/') + series + QLatin1Char('/') + sop +
           QStringLiteral(".dcm");
}

void CloudTier::setState(const QString &key, const QString &value)
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    archive::Statement s(m_db, "INSERT OR REPLACE INTO cloud_state(key, value) VALUES(?, ?)");
    s.bind(1, key);
    s.bind(2, value);
    s.exec();
}

QString CloudTier::state(const QString &key) const
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    archive::Statement s(m_db, "SELECT value FROM cloud_state WHERE key = ?");
    s.bind(1, key);
    return s.next() ? s.text(0) : QString();
}

QList<CloudTier::Candidate> CloudTier::pendingUploads(QString *error)
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    // New instances, failed or unverified uploads, and replaced instances
    // (whose bytes changed since their copy was made).
    archive::Statement s(m_db, R"sql(
SELECT i.sop_uid, i.path, i.size, i.sha256, st.study_uid, se.series_uid, i.received_at
FROM instances i JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk
LEFT JOIN cloud_objects c ON c.sop_uid = i.sop_uid
WHERE c.sop_uid IS NULL OR c.verified_at IS NULL OR c.sha256 != i.sha256
ORDER BY i.id)sql");
    QList<Candidate> out;
    if (!s.ok()) {
        *error = s.error();
        return out;
    }
    while (s.next()) {
        Candidate c;
        c.sop = s.text(0);
        c.relPath = s.text(1);
        c.size = s.int64(2);
        c.sha256 = s.text(3);
        c.study = s.text(4);
        c.series = s.text(5);
        c.receivedAt = s.text(6);
        c.key = objectKey(m_config.keyPrefix, c.study, c.series, c.sop);
        out.append(c);
    }
    return out;
}

void CloudTier::recordUploaded(const QList<Candidate> &done)
{
    if (done.isEmpty())
        return;
    std::lock_guard<std::mutex> lock(m_dbMutex);
    archive::execSql(m_db, "BEGIN IMMEDIATE");
    const QString now = nowIso();
    for (const Candidate &c : done) {
        archive::Statement s(m_db, R"sql(
INSERT INTO cloud_objects(sop_uid, rel_path, object_key, size, sha256, etag, storage_class, uploaded_at, verified_at, attempts, last_error)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 0, '')
ON CONFLICT(sop_uid) DO UPDATE SET rel_path = ?2, object_key = ?3, size = ?4, sha256 = ?5, etag = ?6, storage_class = ?7,
  uploaded_at = ?8, verified_at = ?8, evicted_at = NULL, local_deleted_at = NULL, attempts = 0, last_error = '')sql");
        s.bind(1, c.sop);
        s.bind(2, c.relPath);
        s.bind(3, c.key);
        s.bind(4, c.size);
        s.bind(5, c.sha256);
        s.bind(6, c.etag);
        s.bind(7, c.storageClass.isEmpty() ? QStringLiteral("STANDARD") : c.storageClass);
        s.bind(8, now);
        if (!s.exec())
            qCWarning(lcCloud).noquote() << "recording an upload failed:" << s.error();
    }
    archive::execSql(m_db, "COMMIT");
}

void CloudTier::recordFailure(const Candidate &c, const QString &error)
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    archive::Statement s(m_db, R"sql(
INSERT INTO cloud_objects(sop_uid, rel_path, object_key, size, sha256, attempts, last_error)
VALUES(?1, ?2, ?3, ?4, ?5, 1, ?6)
ON CONFLICT(sop_uid) DO UPDATE SET verified_at = NULL, attempts = attempts + 1, last_error = ?6)sql");
    s.bind(1, c.sop);
    s.bind(2, c.relPath);
    s.bind(3, c.key);
    s.bind(4, c.size);
    s.bind(5, c.sha256);
    s.bind(6, error);
    s.exec();
}

PassReport CloudTier::runPass(const std::function<void(int, int)> &progress, const std::atomic<bool> *cancel)
{
    std::lock_guard<std::mutex> passLock(m_passMutex);
    m_running = true;
    PassReport report;
    // The bandwidth limit is for the whole tier: one token bucket shared by
    // the upload threads (libcurl's per-transfer limit does not hold back
    // a stream of small objects).
    const double bytesPerMs = m_config.bandwidthLimitKBps > 0 ? m_config.bandwidthLimitKBps * 1024.0 / 1000.0 : 0.0;
    std::mutex budgetMutex;
    QElapsedTimer clock;
    clock.start();
    double nextFreeMs = 0;
    auto throttle = [&](qint64 bytes) {
        if (bytesPerMs <= 0)
            return;
        double startMs;
        {
            std::lock_guard<std::mutex> lock(budgetMutex);
            startMs = qMax<double>(nextFreeMs, double(clock.elapsed()));
            nextFreeMs = startMs + double(bytes) / bytesPerMs;
        }
        const qint64 wait = qint64(startMs) - clock.elapsed();
        if (wait > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    };
  auto uploadStage = [&] {
    QString error;
    QList<Candidate> todo = pendingUploads(&error);
    if (!error.isEmpty())
        report.errors << QStringLiteral("reading the index: %1").arg(error);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int total = int(todo.size());
    const int uploadedBefore = report.uploaded;
    std::atomic<int> done{0};
    std::mutex resultMutex;
    QList<Candidate> batch;
    const QString storage = m_archive.storageDir();
    const int workers = qMax(1, m_config.parallelUploads);
    QList<std::shared_ptr<S3Client>> clients;
    for (int w = 0; w < workers; ++w)
        clients.append(std::make_shared<S3Client>(settingsFor(m_config), m_credentials));

    auto flush = [&](bool force) {
        QList<Candidate> out;
        {
            std::lock_guard<std::mutex> lock(resultMutex);
            if (!force && batch.size() < 64)
                return;
            out.swap(batch);
        }
        recordUploaded(out);
    };

    parallelFor(total, workers, [&](int w, int i) {
        if (cancel && cancel->load())
            return;
        Candidate c = todo.at(i);
        QFile f(storage + QLatin1Char('/') + c.relPath);
        QString failure;
        if (!f.open(QIODevice::ReadOnly)) {
            failure = QStringLiteral("cannot read the local copy %1: %2").arg(c.relPath, f.errorString());
        } else {
            const QByteArray bytes = f.readAll();
            f.close();
            throttle(bytes.size());
            if (bytes.size() != c.size || sha256Hex(bytes) != c.sha256) {
                failure = QStringLiteral("the local copy %1 does not match its recorded checksum: run `kilima-node verify`").arg(c.relPath);
            } else {
                PutOptions options;
                options.metadata.insert(QStringLiteral("sha256"), c.sha256);
                const QDateTime received = QDateTime::fromString(c.receivedAt, Qt::ISODate);
                if (m_config.coldAfterDays >= 0 && received.isValid() && received.daysTo(now) >= m_config.coldAfterDays)
                    options.storageClass = m_config.coldStorageClass;
                // One retry at once for a transient failure or a damaged transfer.
                for (int attempt = 0; attempt < 2; ++attempt) {
                    auto put = bytes.size() >= clients.at(w)->settings().multipartThreshold
                                   ? clients.at(w)->putFile(c.key, f.fileName(), options)
                                   : clients.at(w)->putObject(c.key, bytes, options);
                    if (put) {
                        c.etag = put.value().etag;
                        c.storageClass = options.storageClass;
                        c.ok = true;
                        failure.clear();
                        break;
                    }
                    failure = put.error();
                }
            }
        }
        if (c.ok) {
            std::lock_guard<std::mutex> lock(resultMutex);
            report.uploaded++;
            report.bytesUploaded += c.size;
            batch.append(c);
        } else {
            recordFailure(c, failure);
            std::lock_guard<std::mutex> lock(resultMutex);
            report.failed++;
            if (report.errors.size() < 5)
                report.errors << failure;
        }
        flush(false);
        const int d = ++done;
        if (progress)
            progress(d, total);
    });
    flush(true);
    report.pending = total - (report.uploaded - uploadedBefore);
  };

    uploadStage();
    if (!(cancel && cancel->load())) {
        transitionCold(report);
        evict(report);
        // Copies found damaged before eviction are uploaded again at once.
        if (report.corrupt > 0 && report.failed == 0)
            uploadStage();
        propagateDeletions(report);
    }

    if (report.uploaded > 0 || report.evicted > 0 || report.deleted > 0) {
        archive::AuditRecord a;
        a.time = QDateTime::currentDateTimeUtc();
        a.actor = QStringLiteral("cloud tier");
        a.action = QStringLiteral("cloud-sync");
        a.outcome = report.failed == 0 ? QStringLiteral("success") : QStringLiteral("failure");
        a.detail = QStringLiteral("bucket %1: %2 uploaded, %3 evicted, %4 deleted, %5 failed")
                       .arg(m_config.bucket).arg(report.uploaded).arg(report.evicted).arg(report.deleted).arg(report.failed);
        m_archive.auditLog().append(a);
    }
    setState(QStringLiteral("last_pass_at"), nowIso());
    setState(QStringLiteral("last_pass_result"),
             QStringLiteral("%1 uploaded, %2 failed, %3 pending, %4 evicted, %5 deleted")
                 .arg(report.uploaded).arg(report.failed).arg(report.pending).arg(report.evicted).arg(report.deleted));
    setState(QStringLiteral("last_error"), report.errors.isEmpty() ? QString() : report.errors.first());
    if (report.uploaded || report.failed)
        qCInfo(lcCloud).noquote() << QStringLiteral("sync pass: %1 uploaded (%2 bytes), %3 failed, %4 pending")
                                         .arg(report.uploaded).arg(report.bytesUploaded).arg(report.failed).arg(report.pending);
    m_running = false;
    return report;
}

int CloudTier::transitionCold(PassReport &report)
{
    if (m_config.coldAfterDays < 0)
        return 0;
    QList<QPair<QString, QString>> move;   // sop, key
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement s(m_db, R"sql(
SELECT c.sop_uid, c.object_key, i.received_at FROM cloud_objects c JOIN instances i ON i.sop_uid = c.sop_uid
WHERE c.verified_at IS NOT NULL AND c.storage_class != ?)sql");
        s.bind(1, m_config.coldStorageClass);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        while (s.next()) {
            const QDateTime received = QDateTime::fromString(s.text(2), Qt::ISODate);
            if (received.isValid() && received.daysTo(now) >= m_config.coldAfterDays)
                move.append({s.text(0), s.text(1)});
        }
    }
    S3Client client(settingsFor(m_config), m_credentials);
    for (const auto &m : move) {
        const core::Status st = client.copyObject(m.second, m.second, m_config.coldStorageClass);
        if (!st) {
            if (report.errors.size() < 5)
                report.errors << st.error();
            continue;
        }
        const auto head = client.headObject(m.second);
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement s(m_db, "UPDATE cloud_objects SET storage_class = ?, etag = COALESCE(?, etag) WHERE sop_uid = ?");
        s.bind(1, m_config.coldStorageClass);
        if (head)
            s.bind(2, head.value().etag);
        else
            s.bindNull(2);
        s.bind(3, m.first);
        s.exec();
        report.transitioned++;
    }
    return report.transitioned;
}

int CloudTier::evict(PassReport &report)
{
    if (m_config.evictAfterDays < 0 && m_config.evictWhenDiskAbovePercent <= 0)
        return 0;
    struct Row {
        QString sop, rel, key, etag, receivedAt;
        qint64 size;
    };
    QList<Row> rows;
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        // Only copies verified in the bucket, of the bytes the index holds now.
        archive::Statement s(m_db, R"sql(
SELECT c.sop_uid, c.rel_path, c.object_key, c.etag, i.received_at, c.size FROM cloud_objects c
JOIN instances i ON i.sop_uid = c.sop_uid AND i.sha256 = c.sha256 AND i.path = c.rel_path
WHERE c.verified_at IS NOT NULL AND c.evicted_at IS NULL AND c.local_deleted_at IS NULL
ORDER BY i.received_at)sql");
        while (s.next())
            rows.append({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)});
    }
    const QString storage = m_archive.storageDir();
    qint64 excess = 0;   // bytes to free for the disk threshold
    if (m_config.evictWhenDiskAbovePercent > 0) {
        struct statvfs vfs {};
        if (::statvfs(QFile::encodeName(storage).constData(), &vfs) == 0 && vfs.f_blocks > 0) {
            const double total = double(vfs.f_blocks) * vfs.f_frsize;
            const double used = total - double(vfs.f_bavail) * vfs.f_frsize;
            excess = qint64(used - total * m_config.evictWhenDiskAbovePercent / 100.0);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    S3Client client(settingsFor(m_config), m_credentials);
    for (const Row &r : rows) {
        const QDateTime received = QDateTime::fromString(r.receivedAt, Qt::ISODate);
        const bool old = m_config.evictAfterDays >= 0 && received.isValid() && received.daysTo(now) >= m_config.evictAfterDays;
        if (!old && excess <= 0)
            continue;
        // Never on the record alone: the copy must be in the bucket now,
        // with the size and checksum that were verified.
        const auto head = client.headObject(r.key);
        if (!head && client.lastStatus() != 404) {
            // The bucket cannot be asked now: keep the file, try next pass.
            if (report.errors.size() < 5)
                report.errors << head.error();
            break;
        }
        if (!head || head.value().size != r.size || head.value().etag.compare(r.etag, Qt::CaseInsensitive) != 0) {
            std::lock_guard<std::mutex> lock(m_dbMutex);
            archive::Statement s(m_db, "UPDATE cloud_objects SET verified_at = NULL, last_error = ? WHERE sop_uid = ?");
            s.bind(1, head ? QStringLiteral("the bucket copy no longer matches (found before eviction)") : head.error());
            s.bind(2, r.sop);
            s.exec();
            report.corrupt++;
            continue;
        }
        {
            std::lock_guard<std::mutex> lock(m_dbMutex);
            archive::Statement s(m_db, "UPDATE cloud_objects SET evicted_at = ? WHERE sop_uid = ?");
            s.bind(1, nowIso());
            s.bind(2, r.sop);
            if (!s.exec())
                continue;
        }
        if (QFile::remove(storage + QLatin1Char('/') + r.rel) || !QFile::exists(storage + QLatin1Char('/') + r.rel)) {
            report.evicted++;
            excess -= r.size;
        }
    }
    return report.evicted;
}

int CloudTier::propagateDeletions(PassReport &report)
{
    const QString now = nowIso();
    QList<QPair<QString, QString>> due;
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        // Deleted locally: the clock of the retention delay starts now.
        archive::execSql(m_db, R"sql(
UPDATE cloud_objects SET local_deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE local_deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.sop_uid = cloud_objects.sop_uid))sql");
        // Stored again before the delay ran out: keep.
        archive::execSql(m_db, R"sql(
UPDATE cloud_objects SET local_deleted_at = NULL
WHERE local_deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM instances i WHERE i.sop_uid = cloud_objects.sop_uid))sql");
        archive::Statement s(m_db, "SELECT sop_uid, object_key, local_deleted_at FROM cloud_objects WHERE local_deleted_at IS NOT NULL");
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-m_config.deleteRetentionDays);
        while (s.next()) {
            if (QDateTime::fromString(s.text(2), Qt::ISODateWithMs) <= cutoff)
                due.append({s.text(0), s.text(1)});
        }
    }
    Q_UNUSED(now);
    if (due.isEmpty())
        return 0;
    S3Client client(settingsFor(m_config), m_credentials);
    for (const auto &d : due) {
        const core::Status st = client.deleteObject(d.second);
        if (!st) {
            if (report.errors.size() < 5)
                report.errors << st.error();
            continue;
        }
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement s(m_db, "DELETE FROM cloud_objects WHERE sop_uid = ? AND local_deleted_at IS NOT NULL");
        s.bind(1, d.first);
        s.exec();
        report.deleted++;
    }
    return report.deleted;
}

PassReport CloudTier::reverify()
{
    std::lock_guard<std::mutex> passLock(m_passMutex);
    PassReport report;
    struct Row {
        QString sop, key, etag;
        qint64 size;
    };
    QList<Row> rows;
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement s(m_db, "SELECT sop_uid, object_key, etag, size FROM cloud_objects WHERE verified_at IS NOT NULL");
        while (s.next())
            rows.append({s.text(0), s.text(1), s.text(2), s.int64(3)});
    }
    std::mutex m;
    QStringList bad, unreachable;
    const int workers = qMax(1, m_config.parallelUploads);
    QList<std::shared_ptr<S3Client>> clients;
    for (int w = 0; w < workers; ++w)
        clients.append(std::make_shared<S3Client>(settingsFor(m_config), m_credentials));
    parallelFor(int(rows.size()), workers, [&](int w, int i) {
        const Row &r = rows.at(i);
        const auto head = clients.at(w)->headObject(r.key);
        const bool ok = head && head.value().size == r.size && head.value().etag.compare(r.etag, Qt::CaseInsensitive) == 0;
        const bool unknown = !head && clients.at(w)->lastStatus() != 404;   // unreachable: no verdict
        std::lock_guard<std::mutex> lock(m);
        if (unknown) {
            if (report.errors.size() < 5)
                report.errors << head.error();
            unreachable << r.sop;
            return;
        }
        report.reverified++;
        if (!ok)
            bad << r.sop;
    });
    std::lock_guard<std::mutex> lock(m_dbMutex);
    const QString now = nowIso();
    archive::execSql(m_db, "BEGIN IMMEDIATE");
    for (const Row &r : rows) {
        if (unreachable.contains(r.sop))
            continue;
        archive::Statement s(m_db, bad.contains(r.sop)
                                       ? "UPDATE cloud_objects SET verified_at = NULL, last_error = 'the bucket copy is missing or damaged' WHERE sop_uid = ?2"
                                       : "UPDATE cloud_objects SET verified_at = ?1 WHERE sop_uid = ?2");
        s.bind(1, now);
        s.bind(2, r.sop);
        s.exec();
    }
    archive::execSql(m_db, "COMMIT");
    report.corrupt = int(bad.size());
    return report;
}

SyncStatus CloudTier::status() const
{
    SyncStatus st;
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement a(m_db, "SELECT COUNT(*) FROM instances");
        if (a.next())
            st.instances = a.int64(0);
        archive::Statement b(m_db, R"sql(
SELECT COUNT(*), COALESCE(SUM(c.size), 0) FROM cloud_objects c JOIN instances i ON i.sop_uid = c.sop_uid AND i.sha256 = c.sha256
WHERE c.verified_at IS NOT NULL)sql");
        if (b.next()) {
            st.verified = b.int64(0);
            st.bytesVerified = b.int64(1);
        }
        archive::Statement c(m_db, "SELECT COUNT(*) FROM cloud_objects WHERE evicted_at IS NOT NULL AND local_deleted_at IS NULL");
        if (c.next())
            st.evicted = c.int64(0);
        archive::Statement d(m_db, "SELECT COUNT(*) FROM cloud_objects WHERE verified_at IS NOT NULL AND storage_class = ? AND local_deleted_at IS NULL");
        d.bind(1, m_config.coldStorageClass);
        if (d.next())
            st.cold = d.int64(0);
        archive::Statement e(m_db, "SELECT COUNT(*) FROM cloud_objects WHERE local_deleted_at IS NOT NULL");
        if (e.next())
            st.awaitingDeletion = e.int64(0);
    }
    st.pending = st.instances - st.verified;
    st.lastPassAt = state(QStringLiteral("last_pass_at"));
    st.lastPassResult = state(QStringLiteral("last_pass_result"));
    st.lastError = state(QStringLiteral("last_error"));
    st.running = m_running;
    return st;
}

bool CloudTier::isEvicted(const QString &relativePath) const
{
    std::lock_guard<std::mutex> lock(m_dbMutex);
    archive::Statement s(m_db, "SELECT 1 FROM cloud_objects WHERE rel_path = ? AND evicted_at IS NOT NULL AND verified_at IS NOT NULL");
    s.bind(1, relativePath);
    return s.next();
}

QStringList CloudTier::recall(const QList<Item> &items)
{
    std::lock_guard<std::mutex> recallLock(m_recallMutex);
    struct Job {
        Item item;
        QString sop, key, sha256;
        qint64 size = 0;
        QString error;
    };
    QList<Job> jobs;
    for (const Item &item : items) {
        if (QFile::exists(item.absolutePath))
            continue;   // recalled meanwhile by another caller
        Job j{item, {}, {}, {}, 0, {}};
        std::lock_guard<std::mutex> lock(m_dbMutex);
        archive::Statement s(m_db, "SELECT sop_uid, object_key, sha256, size FROM cloud_objects WHERE rel_path = ? AND evicted_at IS NOT NULL");
        s.bind(1, item.relativePath);
        if (!s.next())
            continue;
        j.sop = s.text(0);
        j.key = s.text(1);
        j.sha256 = s.text(2);
        j.size = s.int64(3);
        jobs.append(j);
    }
    const int workers = qMin(8, int(jobs.size()));
    QList<std::shared_ptr<S3Client>> clients;
    for (int w = 0; w < workers; ++w)
        clients.append(std::make_shared<S3Client>(settingsFor(m_config), m_credentials));
    parallelFor(int(jobs.size()), workers, [&](int w, int i) {
        Job &j = jobs[i];
        auto bytes = clients.at(w)->getObject(j.key);
        if (!bytes) {
            j.error = bytes.error();
            return;
        }
        if (bytes.value().size() != j.size || sha256Hex(bytes.value()) != j.sha256) {
            j.error = QStringLiteral("the bucket copy of %1 does not match its recorded checksum").arg(j.key);
            return;
        }
        writeDurably(j.item.absolutePath, bytes.value(), &j.error);
    });
    QStringList problems;
    int recalled = 0;
    {
        std::lock_guard<std::mutex> lock(m_dbMutex);
        for (const Job &j : jobs) {
            if (!j.error.isEmpty()) {
                problems << j.error;
                continue;
            }
            archive::Statement s(m_db, "UPDATE cloud_objects SET evicted_at = NULL WHERE sop_uid = ?");
            s.bind(1, j.sop);
            s.exec();
            ++recalled;
        }
    }
    if (!jobs.isEmpty()) {
        archive::AuditRecord a;
        a.time = QDateTime::currentDateTimeUtc();
        a.actor = QStringLiteral("cloud tier");
        a.action = QStringLiteral("recall");
        a.outcome = problems.isEmpty() ? QStringLiteral("success") : QStringLiteral("failure");
        a.detail = QStringLiteral("%1 of %2 files recalled from bucket %3").arg(recalled).arg(jobs.size()).arg(m_config.bucket);
        m_archive.auditLog().append(a);
    }
    return problems;
}

void CloudTier::startBackground()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_stop = false;
        m_woken = true;   // a first pass at start
    }
    m_cancel = false;
    m_observer = m_archive.addIngestObserver([this](const archive::IngestOutcome &) {
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_woken = true;
        m_wake.notify_one();
    });
    m_thread = std::thread([this] { backgroundLoop(); });
}

void CloudTier::stopBackground()
{
    if (!m_thread.joinable())
        return;
    m_archive.removeIngestObserver(m_observer);
    {
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    m_thread.join();
}

void CloudTier::backgroundLoop()
{
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_wakeMutex);
            m_wake.wait_for(lock, std::chrono::seconds(m_config.syncIntervalSeconds), [this] { return m_stop || m_woken; });
            if (m_stop)
                return;
            m_woken = false;
        }
        // Let a burst of arrivals settle into one pass.
        {
            std::unique_lock<std::mutex> lock(m_wakeMutex);
            m_wake.wait_for(lock, std::chrono::seconds(2), [this] { return m_stop; });
            if (m_stop)
                return;
        }
        runPass({}, &m_cancel);
    }
}

core::Result<RestoreReport> CloudTier::restoreFromBucket(archive::Archive &archive, const core::Config::Cloud &config,
                                                          const SigningKey &credentials,
                                                          const std::function<void(int, int)> &progress)
{
    if (!config.configured())
        return core::Error{QStringLiteral("no cloud tier configured: run `kilima-node cloud configure` first")};
    const QString prefix = normalizedPrefix(config.keyPrefix) + QStringLiteral("dicom/");
    S3Client lister(settingsFor(config), credentials);
    auto objects = lister.listAll(prefix);
    if (!objects)
        return core::Error{objects.error()};
    QString error;
    sqlite3 *db = openCloudTables(archive.databasePath(), &error);
    if (!db)
        return core::Error{QStringLiteral("cloud tables: %1").arg(error)};

    RestoreReport report;
    QList<ObjectInfo> list;
    for (const ObjectInfo &o : objects.value()) {
        if (o.key.endsWith(QLatin1String(".dcm")))
            list.append(o);
    }
    report.objects = int(list.size());
    std::mutex m;
    std::atomic<int> done{0};
    struct Restored {
        QString sop, key, etag, storageClass;
    };
    QList<Restored> restored;
    const int workers = qMax(1, config.parallelUploads);
    QList<std::shared_ptr<S3Client>> clients;
    for (int w = 0; w < workers; ++w)
        clients.append(std::make_shared<S3Client>(settingsFor(config), credentials));
    parallelFor(int(list.size()), workers, [&](int w, int i) {
        const ObjectInfo &o = list.at(i);
        auto bytes = clients.at(w)->getObject(o.key);
        QString problem;
        if (!bytes) {
            problem = bytes.error();
        } else if (!o.etag.contains(QLatin1Char('-')) && md5Hex(bytes.value()).compare(o.etag, Qt::CaseInsensitive) != 0) {
            problem = QStringLiteral("%1: the downloaded bytes do not match the bucket's checksum").arg(o.key);
        } else {
            const archive::IngestOutcome out = archive.ingest({bytes.value(), QStringLiteral("restore from bucket %1").arg(config.bucket)});
            if (!out.success())
                problem = QStringLiteral("%1: %2").arg(o.key, out.reason);
            else if (objectKey(config.keyPrefix, out.studyInstanceUid, out.seriesInstanceUid, out.sopInstanceUid) != o.key)
                problem = QStringLiteral("%1: stored, but its UIDs do not match its key").arg(o.key);
            else {
                std::lock_guard<std::mutex> lock(m);
                restored.append({out.sopInstanceUid, o.key, o.etag, o.storageClass});
            }
        }
        {
            std::lock_guard<std::mutex> lock(m);
            if (problem.isEmpty()) {
                report.restored++;
            } else {
                report.failed++;
                if (report.errors.size() < 10)
                    report.errors << problem;
            }
        }
        const int d = ++done;
        if (progress)
            progress(d, report.objects);
    });

    // The bucket copies are known verified: nothing is uploaded again.
    archive::execSql(db, "BEGIN IMMEDIATE");
    const QString now = nowIso();
    for (const Restored &r : restored) {
        archive::Statement s(db, R"sql(
INSERT OR REPLACE INTO cloud_objects(sop_uid, rel_path, object_key, size, sha256, etag, storage_class, uploaded_at, verified_at)
SELECT sop_uid, path, ?2, size, sha256, ?3, ?4, ?5, ?5 FROM instances WHERE sop_uid = ?1)sql");
        s.bind(1, r.sop);
        s.bind(2, r.key);
        s.bind(3, r.etag);
        s.bind(4, r.storageClass.isEmpty() ? QStringLiteral("STANDARD") : r.storageClass);
        s.bind(5, now);
        s.exec();
    }
    archive::execSql(db, "COMMIT");
    sqlite3_close_v2(db);
    archive::AuditRecord a;
    a.time = QDateTime::currentDateTimeUtc();
    a.actor = QStringLiteral("cloud tier");
    a.action = QStringLiteral("restore-index");
    a.outcome = report.failed == 0 ? QStringLiteral("success") : QStringLiteral("failure");
    a.detail = QStringLiteral("%1 of %2 objects restored from bucket %3").arg(report.restored).arg(report.objects).arg(config.bucket);
    archive.auditLog().append(a);
    return report;
}

} // namespace kilima::cloud
