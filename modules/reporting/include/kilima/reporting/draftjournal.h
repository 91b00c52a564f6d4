// Crash safety for typed text: the draft being edited is journalled to disk
// (<data-dir>/reporting/journal/<study UID>.json, written to a temporary
// file, fsynced and renamed) every few seconds while typing and at the end
// of each burst of changes, so that a killed program or a dead machine loses
// at most the last seconds. The journal is dropped once the draft is saved
// in the report store; whatever is left is recovered on the next start.
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/report.h>

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>

namespace kilima::reporting {

class DraftJournal {
public:
    explicit DraftJournal(const QString &dir);

    core::Status write(const Report &report);
    core::Result<Report> read(const QString &studyUid) const;
    bool has(const QString &studyUid) const;
    // When the journal of `studyUid` was written (UTC), invalid if none.
    QDateTime savedAt(const QString &studyUid) const;
    void discard(const QString &studyUid);
    // Studies with a journalled draft (left by a crash or not yet saved).
    QStringList pendingStudies() const;
    QString dir() const { return m_dir; }

private:
    QString pathOf(const QString &studyUid) const;
    QString m_dir;
};

// Drives the journal from an editor: call changed() on every edit. Writes
// at most `burstMs` after the last change of a burst, and at least every
// `intervalMs` while changes keep coming. Lives on the editor's thread.
class Autosaver : public QObject {
    Q_OBJECT
public:
    Autosaver(DraftJournal *journal, std::function<Report()> snapshot, QObject *parent = nullptr,
              int intervalMs = 3000, int burstMs = 700);

    void changed();
    // Writes now if anything changed since the last write.
    bool flush();
    bool isDirty() const { return m_dirty; }
    // What was typed is saved elsewhere (the report store): nothing to write.
    void markClean();
    qint64 writes() const { return m_writes; }
    void setEnabled(bool enabled);

Q_SIGNALS:
    void saved(const QDateTime &at);
    void failed(const QString &message);

private:
    DraftJournal *m_journal;
    std::function<Report()> m_snapshot;
    QTimer m_burst;
    QTimer m_interval;
    bool m_dirty = false;
    bool m_enabled = true;
    qint64 m_writes = 0;
};

} // namespace kilima::reporting
