#include "record_p.h"

#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

namespace kilima::archive {

using dicom::stringValue;

namespace {

QString checkUid(const QString &uid, const char *what, const char *tag, QString *error)
{
    if (uid.isEmpty()) {
        *error = QStringLiteral("lacks %1 %2").arg(QLatin1String(what), QLatin1String(tag));
        return {};
    }
    if (uid.size() > 64) {
        *error = QStringLiteral("%1 %2 is %3 characters long (at most 64 allowed)")
                     .arg(QLatin1String(what), QLatin1String(tag))
                     .arg(uid.size());
        return {};
    }
    for (QChar c : uid) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == QLatin1Char('\\')) {
            *error = QStringLiteral("%1 %2 contains a character that is not allowed in a UID")
                         .arg(QLatin1String(what), QLatin1String(tag));
            return {};
        }
    }
    return uid;
}

int intValue(DcmDataset &ds, const DcmTagKey &tag)
{
    const QString s = stringValue(ds, tag);
    bool ok = false;
    const int v = s.section(QLatin1Char('\\'), 0, 0).trimmed().toInt(&ok);
    return ok ? v : -1;
}

int ushortValue(DcmDataset &ds, const DcmTagKey &tag)
{
    Uint16 v = 0;
    return ds.findAndGetUint16(tag, v).good() ? int(v) : -1;
}

} // namespace

QString InstanceRecord::patientKey() const
{
    // Patients without an ID are kept apart by name, never merged into one.
    if (patientId.isEmpty())
        return QStringLiteral("\x01") + patientName;
    return patientId + QStringLiteral("\x02") + issuerOfPatientId;
}

QString personNameKey(const QString &name)
{
    return name.toUpper();
}

QString normalizeDate(const QString &da)
{
    QString d = da;
    d.remove(QLatin1Char('.'));
    return d;
}

QString normalizeTime(const QString &tm)
{
    QString t = tm;
    t.remove(QLatin1Char(':'));
    return t;
}

core::Result<InstanceRecord> extractRecord(DcmDataset &ds, const QString &transferSyntax)
{
    InstanceRecord r;
    QString error;
    r.sopUid = checkUid(stringValue(ds, DCM_SOPInstanceUID), "SOP Instance UID", "(0008,0018)", &error);
    if (error.isEmpty())
        r.sopClassUid = checkUid(stringValue(ds, DCM_SOPClassUID), "SOP Class UID", "(0008,0016)", &error);
    if (error.isEmpty())
        r.studyUid = checkUid(stringValue(ds, DCM_StudyInstanceUID), "Study Instance UID", "(0020,000D)", &error);
    if (error.isEmpty())
        r.seriesUid = checkUid(stringValue(ds, DCM_SeriesInstanceUID), "Series Instance UID", "(0020,000E)", &error);
    if (!error.isEmpty())
        return core::Error{error};

    r.patientId = stringValue(ds, DCM_PatientID);
    r.issuerOfPatientId = stringValue(ds, DCM_IssuerOfPatientID);
    r.patientName = stringValue(ds, DCM_PatientName);
    r.patientBirthDate = normalizeDate(stringValue(ds, DCM_PatientBirthDate));
    r.patientSex = stringValue(ds, DCM_PatientSex);

    r.studyDate = normalizeDate(stringValue(ds, DCM_StudyDate));
    r.studyTime = normalizeTime(stringValue(ds, DCM_StudyTime));
    r.accessionNumber = stringValue(ds, DCM_AccessionNumber);
    r.studyId = stringValue(ds, DCM_StudyID);
    r.studyDescription = stringValue(ds, DCM_StudyDescription);
    r.referringPhysician = stringValue(ds, DCM_ReferringPhysicianName);

    r.modality = stringValue(ds, DCM_Modality);
    r.seriesNumber = intValue(ds, DCM_SeriesNumber);
    r.seriesDescription = stringValue(ds, DCM_SeriesDescription);
    r.bodyPart = stringValue(ds, DCM_BodyPartExamined);
    r.seriesDate = normalizeDate(stringValue(ds, DCM_SeriesDate));
    r.seriesTime = normalizeTime(stringValue(ds, DCM_SeriesTime));
    r.ppsStartDate = normalizeDate(stringValue(ds, DCM_PerformedProcedureStepStartDate));

    r.transferSyntax = transferSyntax;
    r.instanceNumber = intValue(ds, DCM_InstanceNumber);
    r.contentDate = normalizeDate(stringValue(ds, DCM_ContentDate));
    r.contentTime = normalizeTime(stringValue(ds, DCM_ContentTime));
    r.rows = ushortValue(ds, DCM_Rows);
    r.columns = ushortValue(ds, DCM_Columns);
    r.frames = intValue(ds, DCM_NumberOfFrames);
    if (r.frames < 0 && r.rows > 0)
        r.frames = 1;
    return r;
}

} // namespace kilima::archive
