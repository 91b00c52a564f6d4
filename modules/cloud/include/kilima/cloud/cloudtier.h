// The cloud tier of one archive: uploads every stored instance once under
// a documented key layout (docs/cloud.md), records per instance where its
// copies are and when each was verified (table cloud_objects beside the
// index), evicts verified local copies (warm tier), moves old studies to a
// cold storage class, propagates deletions after a retention delay,
// recalls evicted files for the archive, and rebuilds an index from the
// bucket alone. Resumable: all state is in the database, and an object's
// key depends only on its UIDs, so a pass cut short is simply run again.
// Thread safe; a pass never blocks ingest.
#pragma once

#include <kilima/archive/archive.h>
#include <kilima/cloud/s3client.h>
#include <kilima/core/config.h>

#include <QDateTime>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace kilima::cloud {

struct PassReport {
    int uploaded = 0;        // uploaded and verified in this pass
    int failed = 0;          // could not be uploaded (kept pending, retried next pass)
    int pending = 0;         // still not in the bucket after this pass
    int evicted = 0;
    int transitioned = 0;    // moved to the cold storage class
    int deleted = 0;         // bucket copies removed after the retention delay
    int reverified = 0;      // re-checked against the bucket (reverify)
    int corrupt = 0;         // found damaged or missing in the bucket: queued again
    qint64 bytesUploaded = 0;
    QStringList errors;      // first few, no PHI
    bool complete() const { return failed == 0 && pending == 0 && errors.isEmpty(); }
};

struct SyncStatus {
    qint64 instances = 0;    // in the index
    qint64 verified = 0;     // with a verified copy in the bucket
    qint64 pending = 0;
    qint64 evicted = 0;      // only in the bucket (warm)
    qint64 cold = 0;
    qint64 awaitingDeletion = 0;
    qint64 bytesVerified = 0;
    QString lastPassAt;      // ISO UTC
    QString lastPassResult;
    QString lastError;
    bool running = false;
};

struct RestoreReport {
    int objects = 0;
    int restored = 0;
    int failed = 0;
    QStringList errors;
};

class CloudTier : public archive::RecallProvider {
public:
    ~CloudTier() override;

    // `archive` must outlive the tier.
    static core::Result<std::shared_ptr<CloudTier>> open(archive::Archive &archive, const core::Config::Cloud &config,
                                                         const SigningKey &credentials);

    // Documented layout: <prefix>dicom/<StudyUID>/<SeriesUID>/<SOPInstanceUID>.dcm
    static QString objectKey(const QString &prefix, const QString &study, const QString &series, const QString &sop);

    // One complete pass: upload and verify what is missing, cold
    // transitions, eviction, deletion propagation. `progress(done, total)`
    // after each upload. Stops early (reporting pending) when `cancel` is set.
    PassReport runPass(const std::function<void(int, int)> &progress = {}, const std::atomic<bool> *cancel = nullptr);
    // Checks every recorded copy against the bucket (HEAD: size and ETag);
    // copies found damaged or missing are marked for upload again.
    PassReport reverify();
    SyncStatus status() const;

    // Background sync (serve, the workstation): a pass every interval and
    // soon after new instances arrive. stop() finishes the current upload.
    void startBackground();
    void stopBackground();

    // archive::RecallProvider
    bool isEvicted(const QString &relativePath) const override;
    QStringList recall(const QList<Item> &items) override;

    // Rebuilds the index of `archive` (normally empty) from the bucket alone:
    // every object under the layout is downloaded, checked and ingested,
    // and recorded as verified in the bucket.
    static core::Result<RestoreReport> restoreFromBucket(archive::Archive &archive, const core::Config::Cloud &config,
                                                         const SigningKey &credentials,
                                                         const std::function<void(int, int)> &progress = {});

    S3Settings s3Settings() const;

private:
    CloudTier(archive::Archive &archive, core::Config::Cloud config, SigningKey credentials);
    struct Candidate;
    QList<Candidate> pendingUploads(QString *error);
    void recordUploaded(const QList<Candidate> &done);
    void recordFailure(const Candidate &c, const QString &error);
    int transitionCold(PassReport &report);
    int evict(PassReport &report);
    int propagateDeletions(PassReport &report);
    void setState(const QString &key, const QString &value);
    QString state(const QString &key) const;
    void backgroundLoop();

    archive::Archive &m_archive;
    core::Config::Cloud m_config;
    SigningKey m_credentials;
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_dbMutex;
    std::mutex m_passMutex;            // one pass at a time
    std::mutex m_recallMutex;
    std::atomic<bool> m_running{false};

    std::thread m_thread;
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_woken = false;
    std::atomic<bool> m_cancel{false};
    int m_observer = 0;
};

} // namespace kilima::cloud
