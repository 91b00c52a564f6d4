// The persistent forward queue, in tables beside the index (schema
// "routing"): one item per instance and destination, kept until it is
// delivered; a failed item stays with its last error until retried or
// dropped by hand. Survives restarts and crashes (an item caught mid-send
// is sent again). Thread safe.
#pragma once

#include <kilima/core/result.h>
#include <kilima/routing/rules.h>

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <memory>
#include <mutex>

struct sqlite3;

namespace kilima::routing {

struct QueueItem {
    qint64 id = 0;
    QString sopUid, studyUid, seriesUid;
    QString rule, destination;
    QString state;           // waiting (study not stable yet), pending, sending, done, failed
    int priority = 0;
    int attempts = 0;
    QDateTime nextAttempt, created, updated;
    QString lastError;
};

class ForwardQueue {
public:
    ~ForwardQueue();
    static core::Result<std::unique_ptr<ForwardQueue>> open(const QString &databasePath);

    // Adds an item unless the same instance is already queued for that
    // destination. `readyAt` is when it may be sent (study-stable rules push
    // it back with each new instance of the study: see touchStudy).
    bool enqueue(const QString &sop, const QString &study, const QString &series, const QString &rule,
                 const QString &destination, int priority, const QDateTime &readyAt, bool waitForStableStudy);
    void touchStudy(const QString &study, const QString &rule, const QDateTime &readyAt);

    // Takes up to `max` due items of a destination (state becomes sending).
    QList<QueueItem> claim(const QString &destination, int max);
    void markDone(const QList<qint64> &ids);
    // One more failed attempt: back to pending after the policy's delay, or
    // failed for good after its maximum.
    void markFailed(qint64 id, const QString &error, const RetryPolicy &policy);
    // Items left in 'sending' by a process that died go back to pending.
    int recoverInFlight();

    // state: "pending" (waiting+pending+sending), "failed", "done", "all".
    core::Result<QList<QueueItem>> list(const QString &state, int limit = 1000) const;
    QMap<QString, qint64> counts() const;
    // ids empty = every failed item. Returns how many changed.
    core::Result<int> retry(const QList<qint64> &ids);
    core::Result<int> drop(const QList<qint64> &ids);
    // Delivered items older than `days` are forgotten.
    void purgeDone(int days);

    qint64 watermark() const;   // last index row id evaluated by the rules
    void setWatermark(qint64 id);
    sqlite3 *db() const { return m_db; }
    std::mutex &mutex() const { return m_mutex; }

private:
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace kilima::routing
