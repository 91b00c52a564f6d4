#include "studyquery_p.h"

#include <kilima/archive/readingstatus.h>
#include <kilima/archive/sqlite.h>
#include <kilima/browser/studylistmodel.h>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QRegularExpression>
#include <QVariant>

namespace kilima::browser {

using archive::Statement;
using dicom::tagNumber;

namespace {

// GLOB takes '*' and '?' as DICOM does; only '[' must be escaped.
QString globPattern(const QString &dicomPattern)
{
    QString out;
    for (const QChar c : dicomPattern) {
        if (c == QLatin1Char('['))
            out += QStringLiteral("[[]");
        else
            out += c;
    }
    return out;
}

bool hasWildcard(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'));
}

// The search box's patterns, upper-case for GLOB against upper(...):
// without wildcards a name matches any part (name parts separated by
// spaces, commas or '^' in any spelling) and an ID or accession number its
// start; with wildcards the value must match as a whole (DICOM matching).
QString textNamePattern(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,^]+"));
    QString pattern = text.toUpper();
    pattern.replace(separators, QStringLiteral("*"));
    if (!hasWildcard(text))
        pattern = QLatin1Char('*') + pattern + QLatin1Char('*');
    return globPattern(pattern);
}

QString textIdPattern(const QString &text)
{
    const QString upper = text.toUpper();
    return globPattern(hasWildcard(text) ? upper : upper + QLatin1Char('*'));
}

struct Sql {
    QByteArray where;
    QList<QVariant> binds;
};

Sql whereClause(const StudyFilter &f)
{
    Sql s;
    QStringList parts;
    if (!f.patientIdPattern.isEmpty()) {
        parts << QStringLiteral("p.patient_id GLOB ?");
        s.binds << globPattern(f.patientIdPattern);
    }
    if (!f.namePattern.isEmpty()) {
        parts << QStringLiteral("p.patient_name_key GLOB ?");
        s.binds << globPattern(f.namePattern.toUpper());
    }
    if (!f.text.isEmpty()) {
        // Names are stored upper-case already; IDs and accession numbers
        // are compared upper-case so that "dev" finds "DEV".
        parts << QStringLiteral("(p.patient_name_key GLOB ? OR upper(p.patient_id) GLOB ? OR upper(s.accession) GLOB ?)");
        s.binds << textNamePattern(f.text) << textIdPattern(f.text) << textIdPattern(f.text);
    }
    if (f.from.isValid()) {
        parts << QStringLiteral("s.study_date >= ?");
        s.binds << f.from.toString(QStringLiteral("yyyyMMdd"));
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("s.study_date <= ? AND s.study_date <> ''");
        s.binds << f.to.toString(QStringLiteral("yyyyMMdd"));
    }
    if (!f.modality.isEmpty()) {
        parts << QStringLiteral("instr(s.modalities, ?) > 0");
        s.binds << QString(QLatin1Char('\\') + f.modality + QLatin1Char('\\'));
    }
    // Written so that SQLite can start from the reading table's status
    // index (a plain comparison turns the LEFT JOIN into a join); studies
    // never touched have no row and are unread.
    if (f.status > 0) {
        parts << QStringLiteral("r.status = ?");
        s.binds << qint64(f.status);
    } else if (f.status == 0) {
        parts << QStringLiteral("(r.status IS NULL OR r.status = 0)");
    }
    if (f.openOnly)
        parts << QStringLiteral("(r.status IS NULL OR r.status < %1)").arg(int(archive::ReadingStatus::Final));
    if (!f.assignedTo.isEmpty()) {
        parts << QStringLiteral("r.assigned_to = ?");
        s.binds << f.assignedTo;
    }
    if (!parts.isEmpty())
        s.where = " WHERE " + parts.join(QStringLiteral(" AND ")).toUtf8();
    return s;
}

// Whether the reading table must be joined to answer the filter.
bool needsReading(const StudyFilter &f)
{
    return f.status >= 0 || !f.assignedTo.isEmpty() || f.statFirst || f.openOnly ||
           f.sortColumn == StudyListModel::StatusColumn || f.sortColumn == StudyListModel::AssignedColumn;
}

QByteArray orderClause(const StudyFilter &f)
{
    const char *dir = f.descending ? " DESC" : " ASC";
    QByteArray order = " ORDER BY ";
    if (f.statFirst)
        order += "coalesce(r.stat, 0) DESC, ";
    switch (f.sortColumn) {
    case StudyListModel::PatientNameColumn: order += QByteArray("p.patient_name_key") + dir; break;
    case StudyListModel::PatientIdColumn: order += QByteArray("p.patient_id") + dir; break;
    case StudyListModel::BirthDateColumn: order += QByteArray("p.birth_date") + dir; break;
    case StudyListModel::SexColumn: order += QByteArray("p.sex") + dir; break;
    case StudyListModel::StudyDateColumn:
        order += QByteArray("s.study_date") + dir + ", s.study_time" + dir;
        break;
    case StudyListModel::ModalitiesColumn: order += QByteArray("s.modalities") + dir; break;
    case StudyListModel::DescriptionColumn: order += QByteArray("s.description") + dir; break;
    case StudyListModel::AccessionColumn: order += QByteArray("s.accession") + dir; break;
    case StudyListModel::ReferringColumn: order += QByteArray("s.referring_key") + dir; break;
    case StudyListModel::SeriesColumn: order += QByteArray("s.num_series") + dir; break;
    case StudyListModel::InstancesColumn: order += QByteArray("s.num_instances") + dir; break;
    case StudyListModel::StatusColumn: order += QByteArray("coalesce(r.status, 0)") + dir; break;
    case StudyListModel::AssignedColumn: order += QByteArray("coalesce(r.assigned_to, '')") + dir; break;
    default: order += "s.study_date DESC, s.study_time DESC"; break;
    }
    return order + ", s.id";
}

void bindAll(Statement &st, const QList<QVariant> &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        st.bindVariant(i + 1, binds.at(i));
}

} // namespace

sqlite3 *openStudyConnection(const QString &databasePath, QString *error)
{
    sqlite3 *db = archive::openConnection(databasePath, error);
    if (!db)
        return nullptr;
    if (!archive::ReadingList::ensureSchema(db, error)) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    return db;
}

bool countStudies(sqlite3 *db, const StudyFilter &f, qint64 *count, QString *error)
{
    const Sql w = whereClause(f);
    QByteArray sql = "SELECT count(*) FROM studies s JOIN patients p ON p.id = s.patient_fk";
    if (needsReading(f))
        sql += " LEFT JOIN reading r ON r.study_uid = s.study_uid";
    sql += w.where;
    Statement st(db, sql);
    if (!st.ok()) {
        *error = st.error();
        return false;
    }
    bindAll(st, w.binds);
    if (!st.next()) {
        *error = st.error();
        return false;
    }
    *count = st.int64(0);
    return true;
}

bool fetchStudies(sqlite3 *db, const StudyFilter &f, int limit, int offset, QList<StudyRow> *rows, QString *error)
{
    const Sql w = whereClause(f);
    QByteArray sql = "SELECT p.patient_name, p.patient_id, p.birth_date, p.sex, s.study_uid, s.study_date, "
                     "s.study_time, s.modalities, s.description, s.accession, s.referring, s.num_series, "
                     "s.num_instances, coalesce(r.status, 0), coalesce(r.assigned_to, ''), coalesce(r.stat, 0) "
                     "FROM studies s JOIN patients p ON p.id = s.patient_fk "
                     "LEFT JOIN reading r ON r.study_uid = s.study_uid";
    sql += w.where;
    sql += orderClause(f);
    sql += " LIMIT ? OFFSET ?";
    Statement st(db, sql);
    if (!st.ok()) {
        *error = st.error();
        return false;
    }
    QList<QVariant> binds = w.binds;
    binds << qint64(limit) << qint64(offset);
    bindAll(st, binds);
    static const unsigned int tags[] = {
        tagNumber(DCM_PatientName), tagNumber(DCM_PatientID), tagNumber(DCM_PatientBirthDate),
        tagNumber(DCM_PatientSex), tagNumber(DCM_StudyInstanceUID), tagNumber(DCM_StudyDate),
        tagNumber(DCM_StudyTime), tagNumber(DCM_ModalitiesInStudy), tagNumber(DCM_StudyDescription),
        tagNumber(DCM_AccessionNumber), tagNumber(DCM_ReferringPhysicianName),
        tagNumber(DCM_NumberOfStudyRelatedSeries), tagNumber(DCM_NumberOfStudyRelatedInstances)};
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        StudyRow row;
        for (int c = 0; c < 13; ++c) {
            QString v = st.text(c);
            if (c == 7) {   // stored as \CT\MR\ for matching
                while (v.startsWith(QLatin1Char('\\')))
                    v.remove(0, 1);
                while (v.endsWith(QLatin1Char('\\')))
                    v.chop(1);
            }
            row.attributes[tags[c]] = v;
        }
        row.status = int(st.int64(13));
        row.assignedTo = st.text(14);
        row.stat = st.int64(15) != 0;
        rows->append(row);
    }
    if (rc != SQLITE_DONE) {
        *error = st.error();
        return false;
    }
    return true;
}

} // namespace kilima::browser
