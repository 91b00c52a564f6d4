#include "querysql_p.h"
#include "record_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>

namespace kilima::archive {

using dicom::tagNumber;

const QList<Field> &allFields()
{
    static const QList<Field> fields{
        {tagNumber(DCM_PatientName), Level::Patient, "p.patient_name", "p.patient_name_key", FieldKind::PersonName},
        {tagNumber(DCM_PatientID), Level::Patient, "p.patient_id", "p.patient_id", FieldKind::Text},
        {tagNumber(DCM_IssuerOfPatientID), Level::Patient, "p.issuer", "p.issuer", FieldKind::Text},
        {tagNumber(DCM_PatientBirthDate), Level::Patient, "p.birth_date", "p.birth_date", FieldKind::Date},
        {tagNumber(DCM_PatientSex), Level::Patient, "p.sex", "p.sex", FieldKind::Text},
        {tagNumber(DCM_NumberOfPatientRelatedStudies), Level::Patient, "p.num_studies", "p.num_studies", FieldKind::Count},
        {tagNumber(DCM_NumberOfPatientRelatedSeries), Level::Patient, "p.num_series", "p.num_series", FieldKind::Count},
        {tagNumber(DCM_NumberOfPatientRelatedInstances), Level::Patient, "p.num_instances", "p.num_instances", FieldKind::Count},

        {tagNumber(DCM_StudyInstanceUID), Level::Study, "st.study_uid", "st.study_uid", FieldKind::Uid},
        {tagNumber(DCM_StudyDate), Level::Study, "st.study_date", "st.study_date", FieldKind::Date},
        {tagNumber(DCM_StudyTime), Level::Study, "st.study_time", "st.study_time", FieldKind::Time},
        {tagNumber(DCM_AccessionNumber), Level::Study, "st.accession", "st.accession", FieldKind::Text},
        {tagNumber(DCM_StudyID), Level::Study, "st.study_id", "st.study_id", FieldKind::Text},
        {tagNumber(DCM_StudyDescription), Level::Study, "st.description", "st.description", FieldKind::Text},
        {tagNumber(DCM_ReferringPhysicianName), Level::Study, "st.referring", "st.referring_key", FieldKind::PersonName},
        {tagNumber(DCM_ModalitiesInStudy), Level::Study, "st.modalities", "st.modalities", FieldKind::Multi},
        {tagNumber(DCM_SOPClassesInStudy), Level::Study, "st.sop_classes", "st.sop_classes", FieldKind::Multi},
        {tagNumber(DCM_NumberOfStudyRelatedSeries), Level::Study, "st.num_series", "st.num_series", FieldKind::Count},
        {tagNumber(DCM_NumberOfStudyRelatedInstances), Level::Study, "st.num_instances", "st.num_instances", FieldKind::Count},

        {tagNumber(DCM_SeriesInstanceUID), Level::Series, "se.series_uid", "se.series_uid", FieldKind::Uid},
        {tagNumber(DCM_Modality), Level::Series, "se.modality", "se.modality", FieldKind::Text},
        {tagNumber(DCM_SeriesNumber), Level::Series, "se.series_number", "se.series_number", FieldKind::Number},
        {tagNumber(DCM_SeriesDescription), Level::Series, "se.description", "se.description", FieldKind::Text},
        {tagNumber(DCM_BodyPartExamined), Level::Series, "se.body_part", "se.body_part", FieldKind::Text},
        {tagNumber(DCM_SeriesDate), Level::Series, "se.series_date", "se.series_date", FieldKind::Date},
        {tagNumber(DCM_SeriesTime), Level::Series, "se.series_time", "se.series_time", FieldKind::Time},
        {tagNumber(DCM_PerformedProcedureStepStartDate), Level::Series, "se.pps_start_date", "se.pps_start_date", FieldKind::Date},
        {tagNumber(DCM_NumberOfSeriesRelatedInstances), Level::Series, "se.num_instances", "se.num_instances", FieldKind::Count},

        {tagNumber(DCM_SOPInstanceUID), Level::Instance, "i.sop_uid", "i.sop_uid", FieldKind::Uid},
        {tagNumber(DCM_SOPClassUID), Level::Instance, "i.sop_class", "i.sop_class", FieldKind::Uid},
        {tagNumber(DCM_InstanceNumber), Level::Instance, "i.instance_number", "i.instance_number", FieldKind::Number},
        {tagNumber(DCM_ContentDate), Level::Instance, "i.content_date", "i.content_date", FieldKind::Date},
        {tagNumber(DCM_ContentTime), Level::Instance, "i.content_time", "i.content_time", FieldKind::Time},
        {tagNumber(DCM_Rows), Level::Instance, "i.rows", "i.rows", FieldKind::Number},
        {tagNumber(DCM_Columns), Level::Instance, "i.columns", "i.columns", FieldKind::Number},
        {tagNumber(DCM_NumberOfFrames), Level::Instance, "i.frames", "i.frames", FieldKind::Number},
        {tagNumber(DCM_AvailableTransferSyntaxUID), Level::Instance, "i.transfer_syntax", "i.transfer_syntax", FieldKind::Uid},
    };
    return fields;
}

const Field *findField(unsigned int tag)
{
    for (const Field &f : allFields()) {
        if (f.tag == tag)
            return &f;
    }
    return nullptr;
}

namespace {

// DICOM wildcards -> SQLite GLOB. '[' and ']' are GLOB syntax in SQLite and
// must be escaped as one-character classes.
QString toGlob(const QString &pattern)
{
    QString out;
    out.reserve(pattern.size() + 4);
    for (QChar c : pattern) {
        if (c == QLatin1Char('['))
            out += QStringLiteral("[[]");
        else if (c == QLatin1Char(']'))
            out += QStringLiteral("[]]");
        else
            out += c;
    }
    return out;
}

bool hasWildcard(const QString &v)
{
    return v.contains(QLatin1Char('*')) || v.contains(QLatin1Char('?'));
}

QString padTime(const QString &t, QChar fill)
{
    QString digits = normalizeTime(t);
    QString hms = digits.section(QLatin1Char('.'), 0, 0);
    while (hms.size() < 6)
        hms += fill;
    const QString frac = digits.section(QLatin1Char('.'), 1);
    return frac.isEmpty() ? hms : hms + QLatin1Char('.') + frac;
}

bool isDigits(const QString &s)
{
    for (QChar c : s) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

} // namespace

core::Status addMatchCondition(FieldKind kind, const QString &col, const QString &value, QStringList &where,
                               QVariantList &binds)
{
    switch (kind) {
    case FieldKind::Count:
    case FieldKind::Number: {
        bool ok = false;
        const qint64 n = value.trimmed().toLongLong(&ok);
        if (!ok)
            return core::Error{QStringLiteral("\"%1\" is not a number").arg(value)};
        where << col + QStringLiteral(" = ?");
        binds << n;
        return {};
    }
    case FieldKind::Uid: {
        const QStringList uids = value.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        if (uids.size() == 1 && !hasWildcard(uids.first())) {
            where << col + QStringLiteral(" = ?");
            binds << uids.first().trimmed();
            return {};
        }
        if (uids.size() > 1000)
            return core::Error{QStringLiteral("too many UIDs in a list (%1, at most 1000)").arg(uids.size())};
        QStringList marks;
        for (const QString &u : uids) {
            if (hasWildcard(u))
                return core::Error{QStringLiteral("wildcards are not allowed in UIDs")};
            marks << QStringLiteral("?");
            binds << u.trimmed();
        }
        where << col + QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
        return {};
    }
    case FieldKind::Date:
    case FieldKind::Time: {
        const bool isDate = kind == FieldKind::Date;
        auto norm = [&](const QString &v, QChar fill) { return isDate ? normalizeDate(v) : padTime(v, fill); };
        auto valid = [&](const QString &v) {
            const QString n = isDate ? normalizeDate(v) : normalizeTime(v).section(QLatin1Char('.'), 0, 0);
            return isDate ? (n.size() == 8 && isDigits(n)) : (n.size() >= 2 && n.size() <= 6 && isDigits(n));
        };
        const int dash = value.indexOf(QLatin1Char('-'));
        if (dash < 0) {
            if (!valid(value))
                return core::Error{QStringLiteral("\"%1\" is not a valid %2").arg(value, isDate ? QStringLiteral("date (YYYYMMDD)") : QStringLiteral("time (HHMMSS)"))};
            if (isDate) {
                where << col + QStringLiteral(" = ?");
                binds << normalizeDate(value);
            } else {
                where << QStringLiteral("(%1 >= ? AND %1 <= ?)").arg(col);
                binds << padTime(value, QLatin1Char('0')) << QString(padTime(value, QLatin1Char('9')) + QStringLiteral(".999999"));
            }
            return {};
        }
        const QString lower = value.left(dash).trimmed();
        const QString upper = value.mid(dash + 1).trimmed();
        if ((lower.isEmpty() && upper.isEmpty()) || (!lower.isEmpty() && !valid(lower)) ||
            (!upper.isEmpty() && !valid(upper)))
            return core::Error{QStringLiteral("\"%1\" is not a valid %2 range").arg(value, isDate ? QStringLiteral("date") : QStringLiteral("time"))};
        // Empty values never match a range (they are unknown, not early).
        where << col + QStringLiteral(" <> ''");
        if (!lower.isEmpty()) {
            where << col + QStringLiteral(" >= ?");
            binds << norm(lower, QLatin1Char('0'));
        }
        if (!upper.isEmpty()) {
            where << col + QStringLiteral(" <= ?");
            binds << (isDate ? norm(upper, QLatin1Char('9')) : QString(padTime(upper, QLatin1Char('9')) + QStringLiteral(".999999")));
        }
        return {};
    }
    case FieldKind::Multi: {
        // Stored as "\CT\MR\": a match when any requested value is present.
        const QStringList wanted = value.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        QStringList any;
        for (const QString &w : wanted) {
            if (hasWildcard(w)) {
                any << col + QStringLiteral(" GLOB ?");
                binds << QString(QStringLiteral("*\\") + toGlob(w) + QStringLiteral("\\*"));
            } else {
                any << QStringLiteral("instr(%1, ?) > 0").arg(col);
                binds << QString(QLatin1Char('\\') + w + QLatin1Char('\\'));
            }
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        return {};
    }
    case FieldKind::PersonName:
    case FieldKind::Text: {
        const QString v = kind == FieldKind::PersonName ? personNameKey(value) : value;
        if (hasWildcard(v)) {
            where << col + QStringLiteral(" GLOB ?");
            binds << toGlob(v);
        } else {
            where << col + QStringLiteral(" = ?");
            binds << v;
        }
        return {};
    }
    }
    return {};
}

core::Result<SqlQuery> buildSql(const Query &query, bool countOnly)
{
    SqlQuery out;
    QStringList where;
    QList<const Field *> columns;
    auto addColumn = [&](const Field *f) {
        if (!columns.contains(f))
            columns << f;
    };

    for (const auto &key : query.keys) {
        const Field *f = findField(key.first);
        if (!f || int(f->level) > int(query.level)) {
            return core::Error{QStringLiteral("%1 is not a matching key at %2 level")
                                   .arg(dicom::keywordOf(DcmTagKey(Uint16(key.first >> 16), Uint16(key.first & 0xffff))),
                                        toString(query.level))};
        }
        addColumn(f);
        const QString value = key.second;
        if (value.isEmpty() || value == QLatin1String("*"))
            continue;
        const core::Status st = addMatchCondition(f->kind, QString::fromLatin1(f->matchOn), value, where, out.binds);
        if (!st)
            return core::Error{QStringLiteral("%1: %2").arg(dicom::keywordOf(DcmTagKey(Uint16(key.first >> 16), Uint16(key.first & 0xffff))), st.error())};
    }
    const QList<unsigned int> returnKeys = query.returnKeys.isEmpty() ? defaultReturnKeys(query.level) : query.returnKeys;
    for (unsigned int tag : returnKeys) {
        const Field *f = findField(tag);
        if (f && int(f->level) <= int(query.level))
            addColumn(f);
    }
    // The unique keys of the level and of its parents are always returned.
    static const unsigned int uniqueKeys[] = {tagNumber(DCM_PatientID), tagNumber(DCM_StudyInstanceUID),
                                              tagNumber(DCM_SeriesInstanceUID), tagNumber(DCM_SOPInstanceUID)};
    for (int l = 0; l <= int(query.level); ++l)
        addColumn(findField(uniqueKeys[l]));

    QString from;
    switch (query.level) {
    case Level::Patient:
        from = QStringLiteral("patients p");
        break;
    case Level::Study:
        from = QStringLiteral("studies st JOIN patients p ON p.id = st.patient_fk");
        break;
    case Level::Series:
        from = QStringLiteral("series se JOIN studies st ON st.id = se.study_fk JOIN patients p ON p.id = st.patient_fk");
        break;
    case Level::Instance:
        from = QStringLiteral("instances i JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk "
                              "JOIN patients p ON p.id = st.patient_fk");
        break;
    }

    QString sql;
    if (countOnly) {
        sql = QStringLiteral("SELECT count(*) FROM ") + from;
    } else {
        QStringList cols;
        for (const Field *f : columns)
            cols << QString::fromLatin1(f->column);
        sql = QStringLiteral("SELECT ") + cols.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + from;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (!countOnly) {
        if (query.ordered) {
            switch (query.level) {
            case Level::Patient: sql += QStringLiteral(" ORDER BY p.patient_name_key, p.id"); break;
            case Level::Study: sql += QStringLiteral(" ORDER BY st.study_date DESC, st.study_time DESC, st.id"); break;
            case Level::Series: sql += QStringLiteral(" ORDER BY st.id, se.series_number, se.id"); break;
            case Level::Instance: sql += QStringLiteral(" ORDER BY se.id, i.instance_number, i.id"); break;
            }
        }
        if (query.limit > 0 || query.offset > 0) {
            sql += QStringLiteral(" LIMIT ? OFFSET ?");
            out.binds << qint64(query.limit > 0 ? query.limit : -1) << qint64(qMax(0, query.offset));
        }
    }
    out.sql = sql.toUtf8();
    out.columns = columns;
    return out;
}

} // namespace kilima::archive
