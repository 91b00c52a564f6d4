// The embedded archive: an immutable storage area of DICOM files plus an
// SQLite index (WAL) of patient/study/series/instance attributes.
// Every ingest (import, C-STORE, STOW-RS) goes through one path: parse once,
// write to a temporary name (or an unnamed file while a C-STORE is still
// arriving), put it in place, commit the index rows and flush the
// filesystem; success is reported only after that flush (group commit:
// concurrent ingests share one transaction and one flush).
// Thread safe: ingest, query and delete may be called from any thread.
#pragma once

#include <kilima/archive/query.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/core/result.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <mutex>

namespace kilima::dicom {
class DicomFile;
}

namespace kilima::archive {

class Index;
class StorageArea;
class KnownNodes;
class AuditLog;
class Worklist;
class GroupCommit;

enum class IngestStatus {
    Stored,             // new instance, committed
    Duplicate,          // same SOP Instance UID, identical bytes: idempotent success
    DuplicateConflict,  // same UID, different bytes, kept the first (policy keep-first)
    Replaced,           // same UID, different bytes, overwritten (policy overwrite)
    Rejected,           // bad input: reason says why; nothing stored
    Failed,             // the archive could not store it (disk full, I/O): reason says why
};

// Where a streamed ingest (Archive::ingestIncoming) spent its time once the
// last byte was in, in milliseconds; negative: not measured (other ingests).
struct IngestTimings {
    double checkMs = -1;   // parsing and checking the object
    double diskMs = -1;    // waiting, once checked, for the file and its folder entry to be durable
    double indexMs = -1;   // committing the index rows
};

struct IngestOutcome {
    IngestStatus status = IngestStatus::Failed;
    QString reason;
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopClassUid;
    QString source;     // who sent it, as given to ingest ("C-STORE from AE@host", "STOW-RS from user", a path)
    IngestTimings timings;
    bool success() const
    {
        return status == IngestStatus::Stored || status == IngestStatus::Duplicate ||
               status == IngestStatus::Replaced || status == IngestStatus::DuplicateConflict;
    }
};

struct Stats {
    qint64 patients = 0;
    qint64 studies = 0;
    qint64 series = 0;
    qint64 instances = 0;
    qint64 storedBytes = 0;
};

struct ReconcileReport {
    int tempFilesRemoved = 0;
    int orphanFilesIndexed = 0;    // files without rows, indexed again
    int orphanFilesQuarantined = 0;// files without rows that could not be indexed
    QStringList missingFiles;      // rows without files (reported, kept)
    int unacknowledgedRowsDropped = 0; // rows never flushed (power cut) whose file is missing or short
    bool clean() const { return missingFiles.isEmpty(); }
};

// Fetches back files whose only copy was moved to a cloud tier (evicted).
// Registered by the cloud module; the archive asks it when a file it
// serves is missing from the storage area. recall() must verify what it
// fetched, write it back at `absolutePath` durably and return only then.
class RecallProvider {
public:
    struct Item {
        QString relativePath;
        QString absolutePath;
    };
    virtual ~RecallProvider() = default;
    // True when the file at `relativePath` was evicted on purpose (so a
    // missing file there is not damage).
    virtual bool isEvicted(const QString &relativePath) const = 0;
    // Recalls the items; returns one message per item that could not be.
    virtual QStringList recall(const QList<Item> &items) = 0;
};

struct VerifyReport {
    qint64 checked = 0;
    QStringList problems;          // one line per problem, naming the UID and file
    ReconcileReport reconcile;
    bool consistent() const { return problems.isEmpty() && reconcile.clean(); }
};

// One object to ingest: bytes as received, and where they came from (for
// messages and the audit log).
struct Incoming {
    QByteArray bytes;
    QString source;
};

// An object being received over the network, written into the storage
// area's filesystem as its bytes arrive and hashed on the way, so that
// storing it needs neither a second copy nor a second pass over the bytes.
// Made by Archive::beginIncoming(), handed to Archive::ingestIncoming().
// One that is dropped without being ingested leaves nothing behind.
class IncomingObject {
public:
    ~IncomingObject();
    IncomingObject(const IncomingObject &) = delete;
    IncomingObject &operator=(const IncomingObject &) = delete;

    // Appends bytes. After a failed write (disk full, I/O error) it keeps
    // accepting and dropping bytes, so a network peer can be read to the
    // end of the object and answered; failed() and error() tell.
    void append(const char *data, qint64 size);
    bool failed() const;
    QString error() const;
    qint64 size() const;

private:
    friend class Archive;
    struct State;
    explicit IncomingObject(std::unique_ptr<State> state);
    std::unique_ptr<State> d;
};

class Archive {
public:
    ~Archive();

    // Opens (creating when needed) the archive in `dataDir`. When the last
    // writer did not close cleanly, reconciles storage and index first.
    static core::Result<std::unique_ptr<Archive>> open(const core::DataDir &dataDir, const core::Config &config);

    // Parses, stores and indexes one object. Blocking; thread safe.
    IngestOutcome ingest(const Incoming &object);
    // Ingests a Part 10 file that already lies in incomingDir() (a C-STORE
    // received there): it is renamed into the storage area rather than
    // copied. The file is gone afterwards unless the outcome says rejected.
    IngestOutcome ingestFile(const QString &path, const QString &source);
    // Streaming ingest for a network receive: write the object's bytes
    // into beginIncoming()'s object as they arrive, then ingestIncoming()
    // checks, indexes and makes it durable like ingest(). A non-empty
    // `expectedSopInstanceUid` (the C-STORE request's) rejects a dataset
    // that carries another one.
    std::unique_ptr<IncomingObject> beginIncoming();
    IngestOutcome ingestIncoming(std::unique_ptr<IncomingObject> object, const QString &source,
                                 const QString &expectedSopInstanceUid = {});
    // Stores several objects, committing their index rows together; each
    // outcome is final once this returns. Used by bulk import.
    QList<IngestOutcome> ingestBatch(const QList<Incoming> &objects);

    core::Result<QList<dicom::AttributeMap>> query(const Query &query) const;
    // Number of matches of `query` ignoring limit/offset.
    core::Result<qint64> count(const Query &query) const;

    // File paths of the instances under the given UID at `level`
    // (patient level takes a Patient ID), in series/instance order.
    core::Result<QStringList> instanceFiles(Level level, const QString &uid) const;

    // Deletes a patient/study/series/instance; counts stay right and files
    // are removed only after the index commit. Returns instances removed.
    core::Result<int> remove(Level level, const QString &uid);

    core::Result<Stats> stats() const;
    ReconcileReport reconcile();
    VerifyReport verify();

    // Tables that live beside the index in the same database.
    KnownNodes &knownNodes() const { return *m_nodes; }
    AuditLog &auditLog() const { return *m_audit; }
    Worklist &worklist() const { return *m_worklist; }

    // Called after each commit for every instance newly stored or replaced
    // (routing, cloud sync, the workstation's live list), on the thread that
    // ingested it. Must return quickly and never ingest from inside.
    using IngestObserver = std::function<void(const IngestOutcome &)>;
    int addIngestObserver(IngestObserver observer);
    void removeIngestObserver(int id);

    // Recall of evicted files (see RecallProvider). instanceFiles() recalls
    // missing files through it before answering; reconcile() does not count
    // evicted files as missing. A factory set before open() (by the cloud
    // module's registrar in an executable) gives every archive its provider.
    void setRecallProvider(std::shared_ptr<RecallProvider> provider);
    std::shared_ptr<RecallProvider> recallProvider() const;
    using RecallProviderFactory = std::function<std::shared_ptr<RecallProvider>(Archive &)>;
    static void setRecallProviderFactory(RecallProviderFactory factory);

    // The index database, for modules that keep tables of their own beside
    // it (see kilima/archive/sqlite.h: openConnection, applyComponentSchema).
    QString databasePath() const;
    const core::Config &config() const { return m_config; }

    const core::DataDir &dataDir() const { return m_dataDir; }
    QString storageDir() const;
    // Where this process receives objects before ingestFile(): on the
    // storage area's filesystem, cleaned after a crash.
    QString incomingDir() const;

private:
    Archive(const core::DataDir &dataDir, const core::Config &config);
    struct Prepared;
    Prepared prepare(const Incoming &object);
    Prepared prepareParsed(dicom::DicomFile &file, const QString &sha256, qint64 size, const QString &source,
                           const QString &expectedSopInstanceUid);
    static void failPrepared(Prepared &p, const QString &reason);
    QList<IngestOutcome> commitPrepared(QList<Prepared> &prepared, bool filesDurable = false);
    void notifyObservers(const QList<IngestOutcome> &outcomes);

    core::DataDir m_dataDir;
    core::Config m_config;
    std::unique_ptr<Index> m_index;
    std::unique_ptr<StorageArea> m_storage;
    std::unique_ptr<GroupCommit> m_commits;
    std::unique_ptr<KnownNodes> m_nodes;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Worklist> m_worklist;
    QString m_sessionMarker;
    mutable std::mutex m_observersMutex;
    QList<QPair<int, IngestObserver>> m_observers;
    mutable std::mutex m_recallMutex;
    std::shared_ptr<RecallProvider> m_recall;
    int m_nextObserverId = 1;
    // Parse/hash/write workers of ingestBatch (import.threads).
    QThreadPool m_workers;
    // Flushes of streamed objects' files, started while they are parsed.
    QThreadPool m_flushers;
};

QString toString(IngestStatus status);

} // namespace kilima::archive
