#include <kilima/routing/queue.h>

#include <kilima/archive/sqlite.h>

namespace kilima::routing {

namespace {

const char *const kRoutingV1 = R"sql(
CREATE TABLE routing_queue(
  id INTEGER PRIMARY KEY,
  sop_uid TEXT NOT NULL,
  study_uid TEXT NOT NULL,
  series_uid TEXT NOT NULL,
  rule TEXT NOT NULL,
  destination TEXT NOT NULL,
  state TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX routing_queue_due ON routing_queue(destination, state, next_at);
CREATE INDEX routing_queue_study ON routing_queue(study_uid, rule, state);
CREATE UNIQUE INDEX routing_queue_once ON routing_queue(sop_uid, destination) WHERE state IN ('waiting', 'pending', 'sending');
CREATE TABLE routing_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QueueItem itemFrom(const archive::Statement &s)
{
    QueueItem i;
    i.id = s.int64(0);
    i.sopUid = s.text(1);
    i.studyUid = s.text(2);
    i.seriesUid = s.text(3);
    i.rule = s.text(4);
    i.destination = s.text(5);
    i.state = s.text(6);
    i.priority = int(s.int64(7));
    i.attempts = int(s.int64(8));
    i.nextAttempt = QDateTime::fromMSecsSinceEpoch(s.int64(9), Qt::UTC);
    i.created = QDateTime::fromMSecsSinceEpoch(s.int64(10), Qt::UTC);
    i.updated = QDateTime::fromMSecsSinceEpoch(s.int64(11), Qt::UTC);
    i.lastError = s.text(12);
    return i;
}

const char *const kColumns =
    "SELECT id, sop_uid, study_uid, series_uid, rule, destination, state, priority, attempts, next_at, created_at, updated_at, last_error FROM routing_queue ";

} // namespace

ForwardQueue::~ForwardQueue()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

core::Result<std::unique_ptr<ForwardQueue>> ForwardQueue::open(const QString &databasePath)
{
    QString error;
    sqlite3 *db = archive::openConnection(databasePath, &error);
    if (!db)
        return core::Error{QStringLiteral("routing queue: %1").arg(error)};
    if (!archive::applyComponentSchema(db, "routing", {kRoutingV1}, &error)) {
        sqlite3_close_v2(db);
        return core::Error{QStringLiteral("routing queue: %1").arg(error)};
    }
    std::unique_ptr<ForwardQueue> q(new ForwardQueue);
    q->m_db = db;
    return q;
}

bool ForwardQueue::enqueue(const QString &sop, const QString &study, const QString &series, const QString &rule,
                           const QString &destination, int priority, const QDateTime &readyAt, bool waitForStableStudy)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::Statement s(m_db, R"sql(
INSERT OR IGNORE INTO routing_queue(sop_uid, study_uid, series_uid, rule, destination, state, priority, next_at, created_at, updated_at)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    s.bind(1, sop);
    s.bind(2, study);
    s.bind(3, series);
    s.bind(4, rule);
    s.bind(5, destination);
    s.bind(6, waitForStableStudy ? QStringLiteral("waiting") : QStringLiteral("pending"));
    s.bind(7, priority);
    s.bind(8, readyAt.toMSecsSinceEpoch());
    s.bind(9, nowMs());
    s.bind(10, nowMs());
    return s.exec() && sqlite3_changes(m_db) > 0;
}

void ForwardQueue::touchStudy(const QString &study, const QString &rule, const QDateTime &readyAt)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::Statement s(m_db, "UPDATE routing_queue SET next_at = ? WHERE study_uid = ? AND rule = ? AND state = 'waiting'");
    s.bind(1, readyAt.toMSecsSinceEpoch());
    s.bind(2, study);
    s.bind(3, rule);
    s.exec();
}

QList<QueueItem> ForwardQueue::claim(const QString &destination, int max)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<QueueItem> items;
    archive::execSql(m_db, "BEGIN IMMEDIATE");
    {
        archive::Statement s(m_db, QByteArray(kColumns) +
                                       "WHERE destination = ? AND state IN ('pending', 'waiting') AND next_at <= ? "
                                       "ORDER BY priority DESC, id LIMIT ?");
        s.bind(1, destination);
        s.bind(2, nowMs());
        s.bind(3, max);
        while (s.next())
            items.append(itemFrom(s));
    }
    for (const QueueItem &i : items) {
        archive::Statement u(m_db, "UPDATE routing_queue SET state = 'sending', updated_at = ? WHERE id = ?");
        u.bind(1, nowMs());
        u.bind(2, i.id);
        u.exec();
    }
    archive::execSql(m_db, "COMMIT");
    return items;
}

void ForwardQueue::markDone(const QList<qint64> &ids)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::execSql(m_db, "BEGIN IMMEDIATE");
    for (qint64 id : ids) {
        archive::Statement u(m_db, "UPDATE routing_queue SET state = 'done', attempts = attempts + 1, last_error = '', updated_at = ? WHERE id = ?");
        u.bind(1, nowMs());
        u.bind(2, id);
        u.exec();
    }
    archive::execSql(m_db, "COMMIT");
}

void ForwardQueue::markFailed(qint64 id, const QString &error, const RetryPolicy &policy)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    int attempts = 0;
    {
        archive::Statement s(m_db, "SELECT attempts FROM routing_queue WHERE id = ?");
        s.bind(1, id);
        if (s.next())
            attempts = int(s.int64(0));
    }
    ++attempts;
    const bool giveUp = attempts >= policy.maxAttempts;
    archive::Statement u(m_db, "UPDATE routing_queue SET state = ?, attempts = ?, next_at = ?, last_error = ?, updated_at = ? WHERE id = ?");
    u.bind(1, giveUp ? QStringLiteral("failed") : QStringLiteral("pending"));
    u.bind(2, attempts);
    u.bind(3, nowMs() + qint64(policy.delaySeconds(attempts)) * 1000);
    u.bind(4, error);
    u.bind(5, nowMs());
    u.bind(6, id);
    u.exec();
}

int ForwardQueue::recoverInFlight()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::execSql(m_db, "UPDATE routing_queue SET state = 'pending' WHERE state = 'sending'");
    return sqlite3_changes(m_db);
}

core::Result<QList<QueueItem>> ForwardQueue::list(const QString &state, int limit) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QByteArray where;
    if (state == QLatin1String("pending"))
        where = "WHERE state IN ('waiting', 'pending', 'sending') ";
    else if (state == QLatin1String("failed") || state == QLatin1String("done"))
        where = "WHERE state = '" + state.toLatin1() + "' ";
    else if (state != QLatin1String("all"))
        return core::Error{QStringLiteral("unknown state \"%1\" (pending, failed, done, all)").arg(state)};
    archive::Statement s(m_db, QByteArray(kColumns) + where + "ORDER BY id LIMIT ?");
    s.bind(1, limit);
    QList<QueueItem> items;
    while (s.next())
        items.append(itemFrom(s));
    if (s.lastCode() != SQLITE_DONE && s.lastCode() != SQLITE_ROW)
        return core::Error{s.error()};
    return items;
}

QMap<QString, qint64> ForwardQueue::counts() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QMap<QString, qint64> out;
    archive::Statement s(m_db, "SELECT state, COUNT(*) FROM routing_queue GROUP BY state");
    while (s.next())
        out.insert(s.text(0), s.int64(1));
    return out;
}

static core::Result<int> changeItems(sqlite3 *db, const QList<qint64> &ids, const char *all, const char *one)
{
    if (ids.isEmpty()) {
        QString error;
        if (!archive::execSql(db, all, &error))
            return core::Error{error};
        return sqlite3_changes(db);
    }
    int changed = 0;
    archive::execSql(db, "BEGIN IMMEDIATE");
    for (qint64 id : ids) {
        archive::Statement s(db, one);
        s.bind(1, QDateTime::currentMSecsSinceEpoch());
        s.bind(2, id);
        if (s.exec())
            changed += sqlite3_changes(db);
    }
    archive::execSql(db, "COMMIT");
    return changed;
}

core::Result<int> ForwardQueue::retry(const QList<qint64> &ids)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return changeItems(m_db, ids,
                       "UPDATE routing_queue SET state = 'pending', attempts = 0, next_at = 0 WHERE state = 'failed'",
                       "UPDATE routing_queue SET state = 'pending', attempts = 0, next_at = ?1 WHERE id = ?2 AND state IN ('failed', 'pending', 'waiting')");
}

core::Result<int> ForwardQueue::drop(const QList<qint64> &ids)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return changeItems(m_db, ids, "DELETE FROM routing_queue WHERE state = 'failed'",
                       "DELETE FROM routing_queue WHERE ?1 > 0 AND id = ?2 AND state != 'sending'");
}

void ForwardQueue::purgeDone(int days)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::Statement s(m_db, "DELETE FROM routing_queue WHERE state = 'done' AND updated_at < ?");
    s.bind(1, nowMs() - qint64(days) * 86400 * 1000);
    s.exec();
}

qint64 ForwardQueue::watermark() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::Statement s(m_db, "SELECT value FROM routing_state WHERE key = 'evaluated_id'");
    return s.next() ? s.text(0).toLongLong() : -1;
}

void ForwardQueue::setWatermark(qint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    archive::Statement s(m_db, "INSERT OR REPLACE INTO routing_state(key, value) VALUES('evaluated_id', ?)");
    s.bind(1, QString::number(id));
    s.exec();
}

} // namespace kilima::routing
