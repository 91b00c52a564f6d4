// Modality worklist items (scheduled procedure steps), kept as DICOM JSON
// in the archive's database with the matching keys indexed. Matching
// follows PS3.4 K.6.1: patient name/ID, accession number, requested
// procedure ID, and inside the Scheduled Procedure Step Sequence the
// modality, station AE title and start date/time ranges. Thread safe.
#pragma once

#include <kilima/core/result.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <mutex>

class DcmDataset;
struct sqlite3;

namespace kilima::archive {

struct WorklistItem {
    qint64 id = 0;
    QJsonObject item;      // the full item, DICOM JSON (PS3.18 F)
};

struct WorklistQuery {
    QString patientName;   // DICOM matching syntax (wildcards, case-insensitive)
    QString patientId;
    QString accessionNumber;
    QString requestedProcedureId;
    QString modality;
    QString stationAeTitle;
    QString startDate;     // single date or range
    QString startTime;     // single time or range
};

class Worklist {
public:
    explicit Worklist(const QString &databasePath);
    ~Worklist();

    // Validates the item (needs a Scheduled Procedure Step Sequence with a
    // modality and start date) and stores it; returns its id.
    core::Result<qint64> add(const DcmDataset &item);
    core::Status remove(qint64 id);
    core::Result<QList<WorklistItem>> find(const WorklistQuery &query) const;

    // The query keys of a C-FIND identifier (Modality Worklist model).
    static WorklistQuery fromIdentifier(DcmDataset &identifier);

private:
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
