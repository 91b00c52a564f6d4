#include <kilima/archive/archive.h>

#include "groupcommit_p.h"
#include "incoming_p.h"
#include "index_p.h"

#include <kilima/archive/auditlog.h>
#include <kilima/archive/knownnodes.h>
#include <kilima/archive/worklist.h>
#include "record_p.h"
#include "storage_p.h"

#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QtConcurrent>

#include <cerrno>
#include <cstring>
#include <signal.h>

#include <sys/statvfs.h>
#include <unistd.h>

namespace kilima::archive {

Q_LOGGING_CATEGORY(lcArchive, "kilima.archive")

QString toString(IngestStatus status)
{
    switch (status) {
    case IngestStatus::Stored: return QStringLiteral("stored");
    case IngestStatus::Duplicate: return QStringLiteral("duplicate");
    case IngestStatus::DuplicateConflict: return QStringLiteral("duplicate-conflict");
    case IngestStatus::Replaced: return QStringLiteral("replaced");
    case IngestStatus::Rejected: return QStringLiteral("rejected");
    case IngestStatus::Failed: return QStringLiteral("failed");
    }
    return {};
}

// What prepare() produced for one object: its record and whether a new
// file was written (so a failed commit can take it back).
struct Archive::Prepared {
    IngestOutcome outcome;
    InstanceRecord record;
    bool needsCommit = false;
    bool wroteFile = false;
};

namespace {

// Set by the cloud module's registrar (at static initialisation, hence a
// function-local static); gives each opened archive its recall provider.
struct RecallFactoryRegistry {
    std::mutex mutex;
    Archive::RecallProviderFactory factory;
};
RecallFactoryRegistry &recallFactories()
{
    static RecallFactoryRegistry registry;
    return registry;
}

QString sessionsDir(const core::DataDir &dir) { return dir.root() + QStringLiteral("/sessions"); }

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

Archive::Archive(const core::DataDir &dataDir, const core::Config &config) : m_dataDir(dataDir), m_config(config)
{
    m_workers.setMaxThreadCount(config.import.threads > 0 ? config.import.threads : QThread::idealThreadCount());
    // A flush mostly waits for the disk; one per receiving association.
    m_flushers.setMaxThreadCount(64);
}

Archive::~Archive()
{
    m_workers.waitForDone();
    m_flushers.waitForDone();
    // A clean close records that every committed row is on disk (only
    // when this process committed any: read-only commands write nothing).
    if (m_commits && m_index && m_commits->durable() > m_index->durableMark()) {
        m_index->setDurableMark(m_commits->durable());
        m_storage->syncStorage(m_dataDir.root());
    }
    m_commits.reset();
    m_worklist.reset();
    m_audit.reset();
    m_nodes.reset();
    m_index.reset();
    if (!m_sessionMarker.isEmpty())
        QFile::remove(m_sessionMarker);
}

QString Archive::storageDir() const { return m_storage->root(); }
QString Archive::incomingDir() const { return m_storage->tempDirectory(); }
QString Archive::databasePath() const { return m_dataDir.indexFile(); }

core::Result<std::unique_ptr<Archive>> Archive::open(const core::DataDir &dataDir, const core::Config &config)
{
    const core::Status ensured = dataDir.ensure();
    if (!ensured)
        return core::Error{ensured.error()};
    std::unique_ptr<Archive> archive(new Archive(dataDir, config));
    const QString storage = config.archive.storageDir.isEmpty() ? dataDir.storageDir() : config.archive.storageDir;
    archive->m_storage = std::make_unique<StorageArea>(storage);
    const core::Status st = archive->m_storage->ensure();
    if (!st)
        return core::Error{st.error()};
    auto index = Index::open(dataDir.indexFile());
    if (!index)
        return core::Error{index.error()};
    archive->m_index = index.take();
    archive->m_commits = std::make_unique<GroupCommit>(*archive->m_index, *archive->m_storage, dataDir.root(),
                                                       config.archive.duplicatePolicy);
    archive->m_nodes = std::make_unique<KnownNodes>(dataDir.indexFile());
    archive->m_audit = std::make_unique<AuditLog>(dataDir.indexFile());
    archive->m_worklist = std::make_unique<Worklist>(dataDir.indexFile());

    // A session marker per process; one left by a dead process means that
    // writer did not close cleanly, so storage and index are reconciled.
    QDir sessions(sessionsDir(dataDir));
    sessions.mkpath(QStringLiteral("."));
    bool unclean = false;
    for (const QString &name : sessions.entryList(QDir::Files)) {
        if (!processAlive(name.toLongLong())) {
            unclean = true;
            QFile::remove(sessions.filePath(name));
        }
    }
    archive->m_sessionMarker = sessions.filePath(QString::number(QCoreApplication::applicationPid()));
    QFile marker(archive->m_sessionMarker);
    if (marker.open(QIODevice::WriteOnly))
        ::fsync(marker.handle());
    marker.close();
    // On disk before anything is acknowledged: after a power cut it is what
    // tells the next open to repair (streamed C-STOREs flush their files,
    // not the index rows, before they are answered).
    StorageArea::flushFolders({sessions.absolutePath()});

    {
        RecallProviderFactory factory;
        {
            std::lock_guard<std::mutex> lock(recallFactories().mutex);
            factory = recallFactories().factory;
        }
        if (factory)
            archive->setRecallProvider(factory(*archive));
    }
    if (unclean && config.archive.reconcileOnOpen) {
        const ReconcileReport r = archive->reconcile();
        qCWarning(lcArchive).noquote() << QStringLiteral(
                                              "previous session ended without closing: reconciled (%1 temporary files removed, "
                                              "%2 files indexed again, %3 quarantined, %5 unacknowledged rows dropped, %4 indexed files missing)")
                                              .arg(r.tempFilesRemoved)
                                              .arg(r.orphanFilesIndexed)
                                              .arg(r.orphanFilesQuarantined)
                                              .arg(r.missingFiles.size())
                                              .arg(r.unacknowledgedRowsDropped);
    }
    return archive;
}

Archive::Prepared Archive::prepare(const Incoming &object)
{
    auto parsed = dicom::DicomFile::parse(object.bytes, object.source);
    if (!parsed) {
        Prepared p;
        p.outcome.source = object.source;
        p.outcome.status = IngestStatus::Rejected;
        p.outcome.reason = parsed.error();
        return p;
    }
    return prepareParsed(parsed.value(), sha256Hex(object.bytes), object.bytes.size(), object.source, {});
}

Archive::Prepared Archive::prepareParsed(dicom::DicomFile &file, const QString &sha256, qint64 size,
                                         const QString &source, const QString &expectedSopInstanceUid)
{
    Prepared p;
    auto reject = [&](const QString &why) {
        p.outcome.status = IngestStatus::Rejected;
        p.outcome.reason = why;
        return std::move(p);
    };
    p.outcome.source = source;
    QString warning;
    const core::Status utf8 = dicom::convertToUtf8(file.dataset(), &warning);
    if (!utf8)
        return reject(QStringLiteral("%1: character set: %2").arg(source, utf8.error()));
    if (!warning.isEmpty())
        qCWarning(lcArchive).noquote() << source << warning;
    auto record = extractRecord(file.dataset(), file.transferSyntaxUid());
    if (!record)
        return reject(QStringLiteral("%1: %2").arg(source, record.error()));
    if (!expectedSopInstanceUid.isEmpty() && record.value().sopUid != expectedSopInstanceUid)
        return reject(QStringLiteral("SOP Instance UID in dataset differs from the request"));
    p.record = record.take();
    p.outcome.sopInstanceUid = p.record.sopUid;
    p.outcome.studyInstanceUid = p.record.studyUid;
    p.outcome.seriesInstanceUid = p.record.seriesUid;
    p.outcome.sopClassUid = p.record.sopClassUid;
    p.record.sha256 = sha256;
    p.record.size = size;
    p.record.relativePath = StorageArea::relativePathFor(p.record.sha256);

    // Decide before writing: duplicates never touch the storage area.
    if (const auto existing = m_index->findInstance(p.record.sopUid)) {
        if (existing->sha256 == p.record.sha256) {
            p.outcome.status = IngestStatus::Duplicate;
            p.outcome.reason = QStringLiteral("already stored with identical content");
            return p;
        }
        if (m_config.archive.duplicatePolicy == core::DuplicatePolicy::KeepFirst) {
            p.outcome.status = IngestStatus::DuplicateConflict;
            p.outcome.reason = QStringLiteral("SOP Instance UID already stored with different content; kept the first (policy keep-first)");
            return p;
        }
    }
    p.wroteFile = !m_storage->exists(p.record.relativePath);
    if (p.wroteFile && m_config.archive.minFreeMegabytes > 0) {
        const qint64 reserve = qint64(m_config.archive.minFreeMegabytes) * 1024 * 1024;
        struct statvfs vfs {};
        if (::statvfs(QFile::encodeName(m_storage->root()).constData(), &vfs) == 0) {
            const qint64 freeBytes = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
            if (freeBytes - p.record.size < reserve) {
                p.wroteFile = false;
                p.outcome.status = IngestStatus::Failed;
                p.outcome.reason = QStringLiteral("storage limit: the storage disk has %1 MB free and %2 MB are kept free "
                                                  "(archive.minFreeMegabytes, Settings > Storage); nothing was stored")
                                       .arg(freeBytes / (1024 * 1024))
                                       .arg(m_config.archive.minFreeMegabytes);
                return p;
            }
        }
    }
    p.needsCommit = true;
    return p;
}

IngestOutcome Archive::ingest(const Incoming &object)
{
    return ingestBatch({object}).first();
}

QList<IngestOutcome> Archive::ingestBatch(const QList<Incoming> &objects)
{
    // Parse, hash and write in parallel; only the index commit is serial.
    const auto prepareOne = [this](const Incoming &object) {
        Prepared p = prepare(object);
        if (p.needsCommit && p.wroteFile) {
            const core::Status st = m_storage->store(object.bytes, p.record.relativePath);
            if (!st)
                failPrepared(p, QStringLiteral("%1: %2").arg(object.source, st.error()));
        }
        return p;
    };
    QList<Prepared> prepared;
    if (objects.size() == 1)
        prepared << prepareOne(objects.first());
    else
        prepared = QtConcurrent::blockingMapped<QList<Prepared>>(&m_workers, objects, prepareOne);
    return commitPrepared(prepared);
}

IngestOutcome Archive::ingestFile(const QString &path, const QString &source)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        IngestOutcome o;
        o.status = IngestStatus::Failed;
        o.reason = QStringLiteral("%1: cannot read %2: %3").arg(source, path, f.errorString());
        return o;
    }
    const QByteArray bytes = f.readAll();
    f.close();
    Prepared p = prepare({bytes, source});
    if (p.needsCommit && p.wroteFile) {
        // The file is already on the storage area's filesystem: flush it
        // and rename it into place instead of writing the bytes again.
        const core::Status st = m_storage->adopt(path, p.record.relativePath);
        if (!st)
            failPrepared(p, QStringLiteral("%1: %2").arg(source, st.error()));
    }
    QList<Prepared> one;
    one << std::move(p);
    return commitPrepared(one).first();
}

std::unique_ptr<IncomingObject> Archive::beginIncoming()
{
    auto state = std::make_unique<IncomingObject::State>();
    state->file = m_storage->openIncoming();
    // The next object's file is made now, off the receive path.
    m_flushers.start([this] { m_storage->openSpares(2); });
    if (state->file.fd < 0)
        state->fail(state->file.error);
    state->hash = EVP_MD_CTX_new();
    if (!state->hash || EVP_DigestInit_ex(state->hash, EVP_sha256(), nullptr) != 1)
        state->fail(QStringLiteral("cannot start SHA-256"));
    return std::unique_ptr<IncomingObject>(new IncomingObject(std::move(state)));
}

IngestOutcome Archive::ingestIncoming(std::unique_ptr<IncomingObject> object, const QString &source,
                                      const QString &expectedSopInstanceUid)
{
    IncomingObject::State &in = *object->d;
    Prepared p;
    if (!in.error.isEmpty()) {
        p.outcome.source = source;
        failPrepared(p, QStringLiteral("%1: %2").arg(source, in.error));
        QList<Prepared> one;
        one << std::move(p);
        return commitPrepared(one).first();
    }
    // The bytes are all written: their flush to disk runs while they are
    // checked and indexed, not after.
    QElapsedTimer clock;
    clock.start();
    IngestTimings timings;
    const int fd = in.file.fd;
    QFuture<QString> fileFlushed = QtConcurrent::run(&m_flushers, [fd] {
        return ::fdatasync(fd) == 0 ? QString() : QString::fromLocal8Bit(std::strerror(errno));
    });
    const QString sha = in.digestHex();
    {
        auto parsed = dicom::DicomFile::loadStructure(in.readPath(), source);
        if (!parsed) {
            p.outcome.source = source;
            p.outcome.status = IngestStatus::Rejected;
            p.outcome.reason = parsed.error();
        }
        else
            p = prepareParsed(parsed.value(), sha, in.size, source, expectedSopInstanceUid);
    }
    timings.checkMs = double(clock.nsecsElapsed()) / 1e6;
    if (p.needsCommit && p.wroteFile) {
        QStringList folders;
        core::Status st = m_storage->place(in.file, p.record.relativePath, &folders);
        if (st)
            st = StorageArea::flushFolders(folders);
        const QString flushError = fileFlushed.result();
        if (st && !flushError.isEmpty())
            st = core::Error{QStringLiteral("cannot flush the file to disk: %1").arg(flushError)};
        if (!st) {
            if (!m_index->referencesPath(p.record.relativePath))
                m_storage->remove(p.record.relativePath);
            failPrepared(p, QStringLiteral("%1: %2").arg(source, st.error()));
        }
    }
    fileFlushed.waitForFinished();   // the descriptor stays open until then
    const double durableMs = double(clock.nsecsElapsed()) / 1e6;
    timings.diskMs = durableMs - timings.checkMs;
    QList<Prepared> one;
    one << std::move(p);
    IngestOutcome outcome = commitPrepared(one, true).first();
    timings.indexMs = double(clock.nsecsElapsed()) / 1e6 - durableMs;
    outcome.timings = timings;
    return outcome;
}

void Archive::failPrepared(Prepared &p, const QString &reason)
{
    p.needsCommit = false;
    p.wroteFile = false;
    p.outcome.status = IngestStatus::Failed;
    p.outcome.reason = reason;
}

QList<IngestOutcome> Archive::commitPrepared(QList<Prepared> &prepared, bool filesDurable)
{
    GroupCommit::Batch batch;
    batch.filesDurable = filesDurable;
    QList<int> positions;
    for (int i = 0; i < prepared.size(); ++i) {
        const Prepared &p = prepared.at(i);
        if (!p.needsCommit)
            continue;
        batch.records << p.record;
        positions << i;
    }
    if (!batch.records.isEmpty()) {
        m_commits->commit(batch);
        for (int k = 0; k < positions.size(); ++k) {
            Prepared &p = prepared[positions.at(k)];
            if (!batch.error.isEmpty()) {
                p.outcome.status = IngestStatus::Failed;
                p.outcome.reason = batch.error;
                if (p.wroteFile && !m_index->referencesPath(p.record.relativePath))
                    m_storage->remove(p.record.relativePath);
                continue;
            }
            const Index::InsertOutcome &o = batch.outcomes.at(k);
            p.outcome.status = o.status;
            p.outcome.reason = o.reason;
            if (!o.obsoletePath.isEmpty() && o.obsoletePath != p.record.relativePath &&
                !m_index->referencesPath(o.obsoletePath))
                m_storage->remove(o.obsoletePath);
            // A concurrent ingest of the same UID won the race: take our file back.
            if (o.status == IngestStatus::DuplicateConflict && p.wroteFile &&
                !m_index->referencesPath(p.record.relativePath))
                m_storage->remove(p.record.relativePath);
        }
    }

    QList<IngestOutcome> outcomes;
    outcomes.reserve(prepared.size());
    for (const Prepared &p : prepared)
        outcomes << p.outcome;
    notifyObservers(outcomes);
    return outcomes;
}

void Archive::notifyObservers(const QList<IngestOutcome> &outcomes)
{
    QList<IngestObserver> observers;
    {
        std::lock_guard<std::mutex> lock(m_observersMutex);
        if (m_observers.isEmpty())
            return;
        for (const auto &o : m_observers)
            observers << o.second;
    }
    for (const IngestOutcome &o : outcomes) {
        if (o.status != IngestStatus::Stored && o.status != IngestStatus::Replaced)
            continue;
        for (const IngestObserver &observer : observers)
            observer(o);
    }
}

int Archive::addIngestObserver(IngestObserver observer)
{
    std::lock_guard<std::mutex> lock(m_observersMutex);
    const int id = m_nextObserverId++;
    m_observers.append({id, std::move(observer)});
    return id;
}

void Archive::removeIngestObserver(int id)
{
    std::lock_guard<std::mutex> lock(m_observersMutex);
    for (int i = 0; i < m_observers.size(); ++i) {
        if (m_observers.at(i).first == id) {
            m_observers.removeAt(i);
            return;
        }
    }
}

core::Result<QList<dicom::AttributeMap>> Archive::query(const Query &query) const { return m_index->query(query); }
core::Result<qint64> Archive::count(const Query &query) const { return m_index->count(query); }

core::Result<QStringList> Archive::instanceFiles(Level level, const QString &uid) const
{
    auto rel = m_index->instancePaths(level, uid);
    if (!rel)
        return core::Error{rel.error()};
    QStringList paths;
    QList<RecallProvider::Item> missing;
    for (const QString &r : rel.value()) {
        paths << m_storage->absolutePath(r);
        if (!QFile::exists(paths.last()))
            missing.append({r, paths.last()});
    }
    // Files evicted to the cloud tier come back before the caller reads them.
    if (const std::shared_ptr<RecallProvider> recall = recallProvider(); recall && !missing.isEmpty()) {
        QList<RecallProvider::Item> evicted;
        for (const RecallProvider::Item &m : missing) {
            if (recall->isEvicted(m.relativePath))
                evicted.append(m);
        }
        if (!evicted.isEmpty()) {
            const QStringList problems = recall->recall(evicted);
            if (!problems.isEmpty())
                return core::Error{QStringLiteral("recalling %1 file(s) from the cloud tier failed: %2")
                                       .arg(problems.size()).arg(problems.first())};
        }
    }
    return paths;
}

void Archive::setRecallProvider(std::shared_ptr<RecallProvider> provider)
{
    std::lock_guard<std::mutex> lock(m_recallMutex);
    m_recall = std::move(provider);
}

std::shared_ptr<RecallProvider> Archive::recallProvider() const
{
    std::lock_guard<std::mutex> lock(m_recallMutex);
    return m_recall;
}

void Archive::setRecallProviderFactory(RecallProviderFactory factory)
{
    std::lock_guard<std::mutex> lock(recallFactories().mutex);
    recallFactories().factory = std::move(factory);
}

core::Result<int> Archive::remove(Level level, const QString &uid)
{
    auto removed = m_index->remove(level, uid);
    if (!removed)
        return core::Error{removed.error()};
    // The deletion is on disk before any file goes.
    if (const core::Status synced = m_storage->syncStorage(m_dataDir.root()); !synced)
        return core::Error{synced.error()};
    // Files go only after the commit, and only when no row still uses them.
    for (const QString &path : removed.value()) {
        if (!m_index->referencesPath(path))
            m_storage->remove(path);
    }
    return int(removed.value().size());
}

core::Result<Stats> Archive::stats() const { return m_index->stats(); }

ReconcileReport Archive::reconcile()
{
    ReconcileReport report;
    report.tempFilesRemoved = m_storage->removeStaleTemp();

    const QList<Index::FileRow> rows = m_index->allFiles();
    QSet<QString> indexed;
    indexed.reserve(rows.size());
    for (const Index::FileRow &r : rows)
        indexed.insert(r.relativePath);

    const QStringList files = m_storage->listFiles();
    const QSet<QString> onDisk(files.begin(), files.end());
    for (const QString &rel : files) {
        if (indexed.contains(rel))
            continue;
        // A file without a row: written before a crash, never acknowledged.
        // Index it now when it is a valid object not already stored.
        QFile f(m_storage->absolutePath(rel));
        if (!f.open(QIODevice::ReadOnly)) {
            report.orphanFilesQuarantined++;
            m_storage->quarantine(rel);
            continue;
        }
        const QByteArray bytes = f.readAll();
        f.close();
        Prepared p = prepare({bytes, m_storage->absolutePath(rel)});
        if (p.outcome.status == IngestStatus::Duplicate || p.outcome.status == IngestStatus::DuplicateConflict) {
            m_storage->remove(rel);   // superseded copy of an indexed instance
            continue;
        }
        if (!p.needsCommit || p.record.relativePath != rel) {
            qCWarning(lcArchive).noquote() << "quarantined unindexable file" << rel << p.outcome.reason;
            m_storage->quarantine(rel);
            report.orphanFilesQuarantined++;
            continue;
        }
        auto inserted = m_index->insert({p.record}, m_config.archive.duplicatePolicy);
        if (inserted)
            report.orphanFilesIndexed++;
    }
    // A row above the durable mark was committed but never flushed, so it
    // was never acknowledged: after a power cut its file may be missing or
    // short. Such rows are dropped; any other missing file is reported.
    const qint64 durable = qMax(m_index->durableMark(), m_commits->durable());
    const std::shared_ptr<RecallProvider> recall = recallProvider();
    for (const Index::FileRow &r : rows) {
        const bool present = onDisk.contains(r.relativePath);
        const bool whole = present && (r.id <= durable || QFileInfo(m_storage->absolutePath(r.relativePath)).size() == r.size);
        if (whole)
            continue;
        if (r.id > durable) {
            if (present)
                m_storage->quarantine(r.relativePath);
            if (m_index->removeInstanceRow(r.sopUid))
                report.unacknowledgedRowsDropped++;
            continue;
        }
        if (!present && recall && recall->isEvicted(r.relativePath))
            continue;   // only in the cloud tier, on purpose
        report.missingFiles << QStringLiteral("instance %1: file %2 is missing").arg(r.sopUid, r.relativePath);
    }
    return report;
}

VerifyReport Archive::verify()
{
    VerifyReport report;
    report.reconcile = reconcile();
    const QList<Index::FileRow> rows = m_index->allFiles();
    report.checked = rows.size();
    // Hashing is the cost; spread it over the cores.
    const QList<QString> problems = QtConcurrent::blockingMapped<QList<QString>>(rows, [this](const Index::FileRow &r) {
        QFile f(m_storage->absolutePath(r.relativePath));
        if (!f.exists())
            return QString();   // reported by reconcile
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("instance %1: cannot read %2: %3").arg(r.sopUid, r.relativePath, f.errorString());
        const QByteArray bytes = f.readAll();
        if (bytes.size() != r.size)
            return QStringLiteral("instance %1: %2 has %3 bytes, %4 were stored").arg(r.sopUid, r.relativePath).arg(bytes.size()).arg(r.size);
        if (sha256Hex(bytes) != r.sha256)
            return QStringLiteral("instance %1: %2 does not match its recorded SHA-256 checksum").arg(r.sopUid, r.relativePath);
        return QString();
    });
    for (const QString &p : problems) {
        if (!p.isEmpty())
            report.problems << p;
    }
    return report;
}

} // namespace kilima::archive
