// The index row of one instance, with its patient/study/series attributes,
// extracted once from a parsed (UTF-8) dataset at ingest.
#pragma once

#include <kilima/core/result.h>

#include <QString>

class DcmDataset;

namespace kilima::archive {

struct InstanceRecord {
    // patient
    QString patientId, issuerOfPatientId, patientName, patientBirthDate, patientSex;
    // study
    QString studyUid, studyDate, studyTime, accessionNumber, studyId, studyDescription, referringPhysician;
    // series
    QString seriesUid, modality, seriesDescription, bodyPart, seriesDate, seriesTime, ppsStartDate;
    int seriesNumber = -1;
    // instance
    QString sopUid, sopClassUid, transferSyntax, contentDate, contentTime;
    int instanceNumber = -1, rows = -1, columns = -1, frames = -1;
    // storage
    QString relativePath, sha256;
    qint64 size = 0;

    QString patientKey() const;
};

// Reads the record from `dataset` (already converted to UTF-8). Fails when
// a UID the archive needs is missing or malformed.
core::Result<InstanceRecord> extractRecord(DcmDataset &dataset, const QString &transferSyntax);

// Upper-case form used for case-insensitive person name matching.
QString personNameKey(const QString &name);
// DA values as YYYYMMDD ("2020.01.31" from old files normalised).
QString normalizeDate(const QString &da);
// TM values without the old ':' separators.
QString normalizeTime(const QString &tm);

} // namespace kilima::archive
