// Encodes a signed report as DICOM objects of the report's study: an
// Encapsulated PDF, a Comprehensive SR following TID 2000 (Basic Diagnostic
// Imaging Report) and a Key Object Selection document (TID 2010) of its key
// images. Patient and study attributes are copied from one of the study's
// instances (as UTF-8); every object is written with Specific Character Set
// ISO_IR 192, so non-Latin names survive. Pure encoding: no archive access.
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/report.h>

#include <QByteArray>
#include <QString>
#include <memory>

class DcmDataset;

namespace kilima::reporting {

// The patient and general study attributes of a study, taken from one of
// its stored instances and converted to UTF-8.
class StudyHeader {
public:
    static core::Result<StudyHeader> fromFile(const QString &path);
    StudyFields fields() const;
    DcmDataset &dataset() const { return *m_ds; }

private:
    std::shared_ptr<DcmDataset> m_ds;
    // For template matching only; never written into the report objects.
    QStringList m_descriptions;
    QStringList m_procedureCodes;
};

struct ObjectIds {
    QString seriesUid;
    QString sopInstanceUid;
    int seriesNumber = 0;
    int instanceNumber = 1;
    QString organization;   // Verifying Organization of a signed SR
};

// A fresh UID (2.25 + a random UUID as a decimal number).
QString newUid();

// Part 10 files (explicit VR little endian), ready for Archive::ingest.
core::Result<QByteArray> encodeEncapsulatedPdf(const StudyHeader &study, const Report &report, const QByteArray &pdf,
                                               const ObjectIds &ids);
// `predecessorSrUid`: the SR this one amends (addenda), empty for the first.
core::Result<QByteArray> encodeStructuredReport(const StudyHeader &study, const Report &report, const ObjectIds &ids,
                                                const QString &predecessorSrUid = QString(),
                                                const QString &predecessorSeriesUid = QString());
// Fails when the report has no key images.
core::Result<QByteArray> encodeKeyObjectSelection(const StudyHeader &study, const Report &report, const ObjectIds &ids);

// SOP Class UIDs written here.
inline const char *kEncapsulatedPdfClass = "1.2.840.10008.5.1.4.1.1.104.1";
inline const char *kComprehensiveSrClass = "1.2.840.10008.5.1.4.1.1.88.33";
inline const char *kKeyObjectSelectionClass = "1.2.840.10008.5.1.4.1.1.88.59";

// Reads the text of a TID 2000 SR written by encodeStructuredReport back
// as Report::plainText() would give it ("Title:\ntext" blocks), from a
// Part 10 file's bytes. Used by tests and by `report list`.
core::Result<QString> srPlainText(const QByteArray &part10);

} // namespace kilima::reporting
