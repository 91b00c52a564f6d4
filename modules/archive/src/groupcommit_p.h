// Group commit: concurrent ingests (several associations, several import
// batches) share one index transaction and one round of fsyncs. The first
// caller to find no commit running becomes the leader and commits every
// batch queued so far; the others wait for their results. Each caller
// still returns only after its rows are durable.
#pragma once

#include "index_p.h"
#include "storage_p.h"

#include <condition_variable>
#include <mutex>
#include <vector>

namespace kilima::archive {

class GroupCommit {
public:
    struct Batch {
        QList<InstanceRecord> records;
        // Results: one outcome per record, or an error for the whole batch.
        QList<Index::InsertOutcome> outcomes;
        QString error;
    };

    GroupCommit(Index &index, const StorageArea &storage, const QString &indexDir, core::DuplicatePolicy policy)
        : m_index(index), m_storage(storage), m_indexDir(indexDir), m_policy(policy), m_durable(index.durableMark())
    {
    }

    // Blocks until `batch` is committed (or failed); fills its results.
    void commit(Batch &batch)
    {
        Waiting me{&batch};
        std::unique_lock<std::mutex> lock(m_mutex);
        m_queue.push_back(&me);
        while (!me.done) {
            if (m_leaderActive) {
                m_done.wait(lock);
                continue;
            }
            m_leaderActive = true;
            std::vector<Waiting *> group;
            group.swap(m_queue);
            lock.unlock();
            run(group);
            lock.lock();
            for (Waiting *w : group)
                w->done = true;
            m_leaderActive = false;
            m_done.notify_all();
        }
    }

    // The highest instance row this process has flushed to disk.
    qint64 durable()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_durable;
    }

private:
    struct Waiting {
        Batch *batch;
        bool done = false;
    };

    void run(const std::vector<Waiting *> &group)
    {
        QList<InstanceRecord> records;
        for (const Waiting *w : group)
            records += w->batch->records;
        // Commit without a flush, then one flush of the filesystem makes the
        // files, their folder entries and the WAL durable together; only
        // then do the callers acknowledge. The transaction also records the
        // rows the previous group made durable.
        core::Result<QList<Index::InsertOutcome>> inserted = m_index.insert(records, m_policy, m_durable);
        if (inserted) {
            const qint64 newest = m_index.maxInstanceId();
            const core::Status synced = m_storage.syncStorage(m_indexDir);
            if (synced) {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_durable = newest;
            }
            else
                inserted = core::Result<QList<Index::InsertOutcome>>(core::Error{synced.error()});
        }
        int offset = 0;
        for (Waiting *w : group) {
            const int n = int(w->batch->records.size());
            if (inserted)
                w->batch->outcomes = inserted.value().mid(offset, n);
            else
                w->batch->error = inserted.error();
            offset += n;
        }
    }

    Index &m_index;
    const StorageArea &m_storage;
    QString m_indexDir;
    core::DuplicatePolicy m_policy;
    qint64 m_durable;   // highest instance row flushed to disk
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<Waiting *> m_queue;
    bool m_leaderActive = false;
};

} // namespace kilima::archive
