// Bulk import of files, folders (recursive) and DICOMDIR sets into the
// archive. Non-DICOM files are skipped and counted, never fatal; broken
// DICOM files are rejected with a reason. Used by `kilima-node import` and
// the workstation's import; blocking, so callers run it off the UI thread.
#pragma once

#include <kilima/archive/archive.h>

#include <functional>

namespace kilima::archive {

struct ImportSummary {
    int imported = 0;      // stored or replaced
    int duplicates = 0;    // identical or conflicting duplicates
    int rejected = 0;      // bad DICOM, or the archive could not store it
    int skipped = 0;       // not DICOM at all
    QList<QPair<QString, QString>> rejections;   // file, reason
    QList<QPair<QString, QString>> conflicts;    // file, reason (different content, same UID)
};

class Importer {
public:
    explicit Importer(Archive &archive);

    // Expands files, folders and DICOMDIR files into the files to import,
    // without duplicates. Paths that do not exist are reported in `errors`.
    static QStringList collect(const QStringList &paths, QStringList *errors);

    // Called after every commit with files done and total.
    void setProgressHandler(std::function<void(int done, int total)> handler) { m_progress = std::move(handler); }
    // Called once per file, after its outcome is final (committed).
    void setOutcomeHandler(std::function<void(const QString &file, const IngestOutcome &)> handler)
    {
        m_outcome = std::move(handler);
    }
    // Objects committed together; a batch is also cut at 256 MiB.
    void setBatchSize(int files) { m_batchSize = qMax(1, files); }

    ImportSummary run(const QStringList &files);

private:
    Archive &m_archive;
    std::function<void(int, int)> m_progress;
    std::function<void(const QString &, const IngestOutcome &)> m_outcome;
    int m_batchSize = 64;
};

} // namespace kilima::archive
