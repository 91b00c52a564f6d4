// Group commit: concurrent ingests (several associations, several import
// batches) share one index transaction and one round of fsyncs. The first
// caller to find no commit running becomes the leader and commits every
// batch queued so far; the others wait for their results. Each caller
// still returns only after its files are durable: either it flushed them
// itself (a streamed C-STORE flushes its own file while it is parsed:
// filesDurable) or the group's one filesystem flush does, which also
// makes the rows durable and moves the durable mark. Rows committed
// without that flush are durable at the next one (or at a clean close);
// after a power cut before it, repair indexes their files again.
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
        // The caller has flushed the files already: no filesystem flush
        // is needed for them.
        bool filesDurable = false;
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
        bool flush = false;
        for (const Waiting *w : group) {
            records += w->batch->records;
            flush = flush || !w->batch->filesDurable;
        }
        // Commit without a flush, then one flush of the filesystem makes the
        // files, their folder entries and the WAL durable together; only
        // then do the callers acknowledge. The transaction also records the
        // rows the previous group made durable.
        core::Result<QList<Index::InsertOutcome>> inserted = m_index.insert(records, m_policy, m_durable);
        if (inserted && flush) {
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
