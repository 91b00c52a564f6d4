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
        QSet<QString> dirtyDirs;
        // Results: one outcome per record, or an error for the whole batch.
        QList<Index::InsertOutcome> outcomes;
        QString error;
    };

    GroupCommit(Index &index, const StorageArea &storage, core::DuplicatePolicy policy)
        : m_index(index), m_storage(storage), m_policy(policy)
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

private:
    struct Waiting {
        Batch *batch;
        bool done = false;
    };

    void run(const std::vector<Waiting *> &group)
    {
        QList<InstanceRecord> records;
        bool wroteFiles = false;
        for (const Waiting *w : group) {
            wroteFiles = wroteFiles || !w->batch->dirtyDirs.isEmpty();
            records += w->batch->records;
        }
        // Files and their folder entries are durable before the rows that
        // point at them are committed.
        const core::Status synced = wroteFiles ? m_storage.syncStorage() : core::Status();
        core::Result<QList<Index::InsertOutcome>> inserted =
            synced ? m_index.insert(records, m_policy)
                   : core::Result<QList<Index::InsertOutcome>>(core::Error{synced.error()});
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
    core::DuplicatePolicy m_policy;
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::vector<Waiting *> m_queue;
    bool m_leaderActive = false;
};

} // namespace kilima::archive
