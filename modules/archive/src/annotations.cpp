#include <kilima/archive/annotations.h>
#include <kilima/archive/sqlite.h>

#include <QJsonDocument>

namespace kilima::archive {

namespace {
const char *const kV1 =
    "CREATE TABLE annotation_measurements("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " study_uid TEXT NOT NULL, series_uid TEXT NOT NULL, sop_uid TEXT NOT NULL, frame INTEGER NOT NULL,"
    " kind TEXT NOT NULL, label TEXT NOT NULL, value_text TEXT NOT NULL, geometry TEXT NOT NULL,"
    " created_by TEXT NOT NULL, created_at TEXT NOT NULL);"
    "CREATE INDEX annotation_measurements_study ON annotation_measurements(study_uid);"
    "CREATE TABLE annotation_key_images("
    " study_uid TEXT NOT NULL, series_uid TEXT NOT NULL, sop_uid TEXT NOT NULL, frame INTEGER NOT NULL,"
    " window_center REAL NOT NULL, window_width REAL NOT NULL, PRIMARY KEY(sop_uid, frame));"
    "CREATE INDEX annotation_key_images_study ON annotation_key_images(study_uid);";

core::Status validate(const Measurement &m)
{
    if (m.studyUid.isEmpty() || m.sopUid.isEmpty())
        return core::Error{QStringLiteral("a measurement needs its study and SOP instance UID")};
    if (!Annotations::kinds().contains(m.kind))
        return core::Error{QStringLiteral("unknown measurement kind \"%1\" (allowed: %2)")
                               .arg(m.kind, Annotations::kinds().join(QLatin1Char(' ')))};
    if (m.frame < 0)
        return core::Error{QStringLiteral("frame %1 is negative").arg(m.frame)};
    return {};
}

} // namespace

const QStringList &Annotations::kinds()
{
    static const QStringList k{QStringLiteral("length"), QStringLiteral("angle"), QStringLiteral("ellipse"),
                               QStringLiteral("rectangle"), QStringLiteral("freehand"), QStringLiteral("probe"),
                               QStringLiteral("arrow"), QStringLiteral("text")};
    return k;
}

Annotations::Annotations(const QString &databasePath)
{
    m_db = openConnection(databasePath, &m_openError);
    if (m_db && !applyComponentSchema(m_db, "annotations", {kV1}, &m_openError)) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Annotations::~Annotations()
{
    sqlite3_close_v2(m_db);
}

core::Result<qint64> Annotations::addMeasurement(const Measurement &m)
{
    const core::Status valid = validate(m);
    if (!valid)
        return core::Error{valid.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "INSERT INTO annotation_measurements(study_uid, series_uid, sop_uid, frame, kind, label,"
                      " value_text, geometry, created_by, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, m.studyUid);
    s.bind(2, m.seriesUid);
    s.bind(3, m.sopUid);
    s.bind(4, m.frame);
    s.bind(5, m.kind);
    s.bind(6, m.label);
    s.bind(7, m.valueText);
    s.bind(8, QString::fromUtf8(QJsonDocument(m.geometry).toJson(QJsonDocument::Compact)));
    s.bind(9, m.createdBy);
    const QDateTime at = m.createdAt.isValid() ? m.createdAt.toUTC() : QDateTime::currentDateTimeUtc();
    s.bind(10, at.toString(Qt::ISODateWithMs));
    if (!s.exec())
        return core::Error{QStringLiteral("saving the measurement failed: %1").arg(s.error())};
    return qint64(sqlite3_last_insert_rowid(m_db));
}

core::Status Annotations::updateMeasurement(const Measurement &m)
{
    const core::Status valid = validate(m);
    if (!valid)
        return valid;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "UPDATE annotation_measurements SET series_uid=?, sop_uid=?, frame=?, kind=?, label=?,"
                      " value_text=?, geometry=? WHERE id=?");
    s.bind(1, m.seriesUid);
    s.bind(2, m.sopUid);
    s.bind(3, m.frame);
    s.bind(4, m.kind);
    s.bind(5, m.label);
    s.bind(6, m.valueText);
    s.bind(7, QString::fromUtf8(QJsonDocument(m.geometry).toJson(QJsonDocument::Compact)));
    s.bind(8, m.id);
    if (!s.exec())
        return core::Error{QStringLiteral("updating measurement %1 failed: %2").arg(m.id).arg(s.error())};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("measurement %1 does not exist").arg(m.id)};
    return {};
}

core::Status Annotations::removeMeasurement(qint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "DELETE FROM annotation_measurements WHERE id=?");
    s.bind(1, id);
    if (!s.exec())
        return core::Error{QStringLiteral("removing measurement %1 failed: %2").arg(id).arg(s.error())};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("measurement %1 does not exist").arg(id)};
    return {};
}

core::Result<QList<Measurement>> Annotations::measurements(const QString &studyUid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "SELECT id, study_uid, series_uid, sop_uid, frame, kind, label, value_text, geometry,"
                      " created_by, created_at FROM annotation_measurements WHERE study_uid=? ORDER BY id");
    s.bind(1, studyUid);
    QList<Measurement> out;
    while (s.next()) {
        Measurement m;
        m.id = s.int64(0);
        m.studyUid = s.text(1);
        m.seriesUid = s.text(2);
        m.sopUid = s.text(3);
        m.frame = int(s.int64(4));
        m.kind = s.text(5);
        m.label = s.text(6);
        m.valueText = s.text(7);
        m.geometry = QJsonDocument::fromJson(s.text(8).toUtf8()).object();
        m.createdBy = s.text(9);
        m.createdAt = QDateTime::fromString(s.text(10), Qt::ISODateWithMs);
        m.createdAt.setTimeSpec(Qt::UTC);
        out.append(m);
    }
    if (s.lastCode() != SQLITE_DONE)
        return core::Error{QStringLiteral("reading measurements failed: %1").arg(s.error())};
    return out;
}

core::Status Annotations::setKeyImage(const KeyImage &k)
{
    if (k.studyUid.isEmpty() || k.sopUid.isEmpty())
        return core::Error{QStringLiteral("a key image needs its study and SOP instance UID")};
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "INSERT OR REPLACE INTO annotation_key_images(study_uid, series_uid, sop_uid, frame,"
                      " window_center, window_width) VALUES(?,?,?,?,?,?)");
    s.bind(1, k.studyUid);
    s.bind(2, k.seriesUid);
    s.bind(3, k.sopUid);
    s.bind(4, k.frame);
    s.bindVariant(5, QString::number(k.windowCenter, 'g', 17));
    s.bindVariant(6, QString::number(k.windowWidth, 'g', 17));
    if (!s.exec())
        return core::Error{QStringLiteral("saving the key image failed: %1").arg(s.error())};
    return {};
}

core::Status Annotations::removeKeyImage(const QString &sopUid, int frame)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "DELETE FROM annotation_key_images WHERE sop_uid=? AND frame=?");
    s.bind(1, sopUid);
    s.bind(2, frame);
    if (!s.exec())
        return core::Error{QStringLiteral("removing the key image failed: %1").arg(s.error())};
    return {};
}

core::Result<QList<KeyImage>> Annotations::keyImages(const QString &studyUid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "SELECT study_uid, series_uid, sop_uid, frame, CAST(window_center AS TEXT),"
                      " CAST(window_width AS TEXT) FROM annotation_key_images WHERE study_uid=?"
                      " ORDER BY series_uid, sop_uid, frame");
    s.bind(1, studyUid);
    QList<KeyImage> out;
    while (s.next()) {
        KeyImage k;
        k.studyUid = s.text(0);
        k.seriesUid = s.text(1);
        k.sopUid = s.text(2);
        k.frame = int(s.int64(3));
        k.windowCenter = s.text(4).toDouble();
        k.windowWidth = s.text(5).toDouble();
        out.append(k);
    }
    if (s.lastCode() != SQLITE_DONE)
        return core::Error{QStringLiteral("reading key images failed: %1").arg(s.error())};
    return out;
}

} // namespace kilima::archive
