// The routing engine of a running node: evaluates the rules for every
// instance the archive stores (after its commit; the high-water mark of
// evaluated index rows is kept in the database, so nothing is missed
// across a crash), queues one item per destination, and sends them with
// per-destination parallelism: C-STORE to DICOM nodes, STOW-RS to DICOMweb
// servers, PUT to S3 buckets. Retries with exponential backoff up to the
// policy's maximum. Never blocks ingest.
#pragma once

#include <kilima/core/config.h>
#include <kilima/routing/queue.h>
#include <kilima/routing/rules.h>

#include <QHash>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace kilima::archive {
class Archive;
}

namespace kilima::routing {

class RoutingEngine {
public:
    // `archive` must outlive the engine. `nodeConfig` gives the calling AE title.
    RoutingEngine(archive::Archive &archive, RoutingConfig rules, core::Config nodeConfig);
    ~RoutingEngine();

    core::Status start();
    // Finishes the sends in progress, then stops; queued items stay queued.
    void stop();

    // Rules over index rows not evaluated yet; returns items queued. Called
    // by the engine's thread, public for tests.
    int evaluatePending();
    ForwardQueue &queue() { return *m_queue; }

private:
    struct Sender;
    void evaluatorLoop();
    void workerLoop(const Destination &destination);
    void deliver(const Destination &destination, const QList<QueueItem> &items);
    QStringList sendDicom(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal);
    QStringList sendDicomWeb(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal);
    QStringList sendS3(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal);

    archive::Archive &m_archive;
    RoutingConfig m_rules;
    core::Config m_config;
    std::unique_ptr<ForwardQueue> m_queue;
    int m_observer = 0;
    std::mutex m_sourcesMutex;
    QHash<QString, QString> m_callingAe;   // SOP Instance UID -> calling AE, until evaluated

    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_newWork = false;
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

// The calling AE title in an ingest source ("C-STORE from AET@host").
QString callingAeOfSource(const QString &source);

} // namespace kilima::routing
