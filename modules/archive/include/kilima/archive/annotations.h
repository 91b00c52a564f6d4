// Measurements and key-image flags a reader makes on a study, kept per
// study beside the index (component schema "annotations"), so the viewer,
// the report and another session on the same archive see the same list.
// Geometry is stored as JSON in the image's pixel coordinates (column, row
// of the stored frame) so it stays attached to its image whatever the zoom.
// Thread safe; every call is a short SQLite transaction.
#pragma once

#include <kilima/core/result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <mutex>

struct sqlite3;

namespace kilima::archive {

struct Measurement {
    qint64 id = 0;             // assigned by add()
    QString studyUid;
    QString seriesUid;
    QString sopUid;
    int frame = 0;             // 0-based frame of a multi-frame object
    QString kind;              // length angle ellipse rectangle freehand probe arrow text
    QString label;
    QString valueText;         // "42.3 mm", "mean 35.2 HU, SD 4.1, area 120 mm²"
    QJsonObject geometry;      // {"points": [[col,row],...]} in image pixels, plus kind-specific keys
    QString createdBy;
    QDateTime createdAt;       // UTC; set by add() when invalid
};

struct KeyImage {
    QString studyUid;
    QString seriesUid;
    QString sopUid;
    int frame = 0;
    double windowCenter = 0;
    double windowWidth = 0;
};

class Annotations {
public:
    static const QStringList &kinds();

    explicit Annotations(const QString &databasePath);
    ~Annotations();
    Annotations(const Annotations &) = delete;
    Annotations &operator=(const Annotations &) = delete;

    // Returns the new id. Rejects an unknown kind or a missing study/SOP UID.
    core::Result<qint64> addMeasurement(const Measurement &m);
    core::Status updateMeasurement(const Measurement &m);   // by m.id
    core::Status removeMeasurement(qint64 id);
    // Ordered by creation (oldest first).
    core::Result<QList<Measurement>> measurements(const QString &studyUid) const;

    // Adds or replaces the flag for (sop, frame).
    core::Status setKeyImage(const KeyImage &k);
    core::Status removeKeyImage(const QString &sopUid, int frame);
    core::Result<QList<KeyImage>> keyImages(const QString &studyUid) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_openError;
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
