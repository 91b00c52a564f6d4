#include <kilima/archive/worklist.h>

#include "querysql_p.h"
#include "record_p.h"
#include "sqlite_p.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QDateTime>
#include <QJsonDocument>

namespace kilima::archive {

using dicom::stringValue;

namespace {

struct Keys {
    QString patientName, patientId, accession, requestedProcedureId, modality, stationAe, startDate, startTime;
};

Keys keysOf(DcmDataset &ds)
{
    Keys k;
    k.patientName = stringValue(ds, DCM_PatientName);
    k.patientId = stringValue(ds, DCM_PatientID);
    k.accession = stringValue(ds, DCM_AccessionNumber);
    k.requestedProcedureId = stringValue(ds, DCM_RequestedProcedureID);
    DcmItem *sps = nullptr;
    if (ds.findAndGetSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0).good() && sps) {
        k.modality = stringValue(*sps, DCM_Modality);
        k.stationAe = stringValue(*sps, DCM_ScheduledStationAETitle);
        k.startDate = stringValue(*sps, DCM_ScheduledProcedureStepStartDate);
        k.startTime = stringValue(*sps, DCM_ScheduledProcedureStepStartTime);
    }
    return k;
}

} // namespace

Worklist::Worklist(const QString &databasePath)
{
    QString error;
    m_db = openConnection(databasePath, &error);
}

Worklist::~Worklist()
{
    sqlite3_close_v2(m_db);
}

core::Result<qint64> Worklist::add(const DcmDataset &item)
{
    DcmDataset copy(item);
    QString warning;
    const core::Status utf8 = dicom::convertToUtf8(copy, &warning);
    if (!utf8)
        return core::Error{QStringLiteral("worklist item: %1").arg(utf8.error())};
    const Keys k = keysOf(copy);
    DcmItem *sps = nullptr;
    if (copy.findAndGetSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0).bad() || !sps)
        return core::Error{QStringLiteral("worklist item needs a Scheduled Procedure Step Sequence (0040,0100)")};
    if (k.modality.isEmpty())
        return core::Error{QStringLiteral("worklist item needs a Modality (0008,0060) in its scheduled procedure step")};
    if (normalizeDate(k.startDate).size() != 8)
        return core::Error{QStringLiteral("worklist item needs a Scheduled Procedure Step Start Date (0040,0002) as YYYYMMDD, not \"%1\"")
                               .arg(k.startDate)};
    if (k.patientName.isEmpty() && k.patientId.isEmpty())
        return core::Error{QStringLiteral("worklist item needs a Patient Name (0010,0010) or Patient ID (0010,0020)")};

    const QByteArray json = QJsonDocument(dicom::toDicomJson(copy)).toJson(QJsonDocument::Compact);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the worklist database is not available")};
    Statement s(m_db, "INSERT INTO worklist(item, patient_name_key, patient_id, accession, requested_procedure_id, modality, "
                      "station_ae, start_date, start_time, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, QString::fromUtf8(json));
    s.bind(2, personNameKey(k.patientName));
    s.bind(3, k.patientId);
    s.bind(4, k.accession);
    s.bind(5, k.requestedProcedureId);
    s.bind(6, k.modality);
    s.bind(7, k.stationAe);
    s.bind(8, normalizeDate(k.startDate));
    s.bind(9, normalizeTime(k.startTime));
    s.bind(10, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!s.exec())
        return core::Error{QStringLiteral("cannot store worklist item: %1").arg(s.error())};
    return qint64(sqlite3_last_insert_rowid(m_db));
}

core::Status Worklist::remove(qint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the worklist database is not available")};
    Statement s(m_db, "DELETE FROM worklist WHERE id = ?");
    s.bind(1, id);
    if (!s.exec())
        return core::Error{s.error()};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("no worklist item with id %1").arg(id)};
    return {};
}

core::Result<QList<WorklistItem>> Worklist::find(const WorklistQuery &q) const
{
    QStringList where;
    QVariantList binds;
    const struct {
        FieldKind kind;
        const char *column;
        const QString &value;
        const char *name;
    } keys[] = {
        {FieldKind::PersonName, "patient_name_key", q.patientName, "PatientName"},
        {FieldKind::Text, "patient_id", q.patientId, "PatientID"},
        {FieldKind::Text, "accession", q.accessionNumber, "AccessionNumber"},
        {FieldKind::Text, "requested_procedure_id", q.requestedProcedureId, "RequestedProcedureID"},
        {FieldKind::Text, "modality", q.modality, "Modality"},
        {FieldKind::Text, "station_ae", q.stationAeTitle, "ScheduledStationAETitle"},
        {FieldKind::Date, "start_date", q.startDate, "ScheduledProcedureStepStartDate"},
        {FieldKind::Time, "start_time", q.startTime, "ScheduledProcedureStepStartTime"},
    };
    for (const auto &k : keys) {
        if (k.value.isEmpty() || k.value == QLatin1String("*"))
            continue;
        const core::Status st = addMatchCondition(k.kind, QString::fromLatin1(k.column), k.value, where, binds);
        if (!st)
            return core::Error{QStringLiteral("%1: %2").arg(QLatin1String(k.name), st.error())};
    }
    QString sql = QStringLiteral("SELECT id, item FROM worklist");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY start_date, start_time, id");
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{QStringLiteral("the worklist database is not available")};
    Statement s(m_db, sql.toUtf8());
    for (int i = 0; i < binds.size(); ++i)
        s.bindVariant(i + 1, binds.at(i));
    QList<WorklistItem> items;
    while (s.next())
        items << WorklistItem{s.int64(0), QJsonDocument::fromJson(s.text(1).toUtf8()).object()};
    if (s.lastCode() != SQLITE_DONE)
        return core::Error{s.error()};
    return items;
}

WorklistQuery Worklist::fromIdentifier(DcmDataset &identifier)
{
    const Keys k = keysOf(identifier);
    WorklistQuery q;
    q.patientName = k.patientName;
    q.patientId = k.patientId;
    q.accessionNumber = k.accession;
    q.requestedProcedureId = k.requestedProcedureId;
    q.modality = k.modality;
    q.stationAeTitle = k.stationAe;
    q.startDate = k.startDate;
    q.startTime = k.startTime;
    return q;
}

} // namespace kilima::archive
