// De-identification following the DICOM PS3.15 Annex E Basic Application
// Level Confidentiality Profile: identifying attributes are removed,
// emptied or replaced with dummies at every sequence depth, every
// instance-specific UID is replaced consistently (the same original UID
// always maps to the same new UID within one Deidentifier, so series, study
// and references still hang together), private attributes, overlays and
// curves go, and the dataset records what was done (Patient Identity
// Removed, De-identification Method, Code Sequence 113100).
// Some objects cannot be cleaned by attribute rules at all: documents
// (Encapsulated PDF/CDA), structured reports and presentation states carry
// identity in free text, and pixels with burned-in annotation carry it in
// the image. assess() says which to leave out of a de-identified copy;
// callers must never write those.
// Thread safe: the UID and patient maps are guarded.
#pragma once

#include <kilima/core/result.h>

#include <QHash>
#include <QString>
#include <QStringList>
#include <mutex>

class DcmDataset;
class DcmItem;

namespace kilima::dicom {

struct DeidentifyOptions {
    // Replacement patient name and ID (dummy values, PS3.15 "D"). A second
    // patient in the same export gets "<value>-2", and so on, so that
    // patients stay apart and each keeps one pseudonym across the export.
    QString patientName = QStringLiteral("ANONYMOUS");
    QString patientId = QStringLiteral("ANON");
    // Keep dates (Retain Longitudinal Temporal Information option).
    bool keepDates = false;
    // UID root for the new UIDs; empty = Kilima's root.
    QString uidRoot;
};

// Whether an object may be written de-identified at all.
struct DeidentifyVerdict {
    bool drop = false;
    QString reason;        // why it is dropped, or a caution for a kept object
};

// What apply() did to one object (counts, for the export summary).
struct DeidentifyReport {
    int privateRemoved = 0;
    int overlayOrCurveRemoved = 0;
    // Attributes outside the profile's list whose text still carried the
    // patient's name, ID, birth date or accession number.
    int residualRemoved = 0;
    QString describe() const;
};

class Deidentifier {
public:
    explicit Deidentifier(DeidentifyOptions options = {});

    // Objects the attribute rules cannot clean (see the header comment).
    static DeidentifyVerdict assess(DcmItem &dataset);

    // De-identifies `dataset` in place (also inside sequences).
    core::Status apply(DcmDataset &dataset, DeidentifyReport *report = nullptr);
    // The new UID for `original`, created on first use.
    QString mappedUid(const QString &original);

private:
    struct Walk;
    void processItem(DcmItem &item, bool topLevel, Walk &walk);
    QStringList pseudonym(const QString &originalId, const QString &originalName);

    DeidentifyOptions m_options;
    std::mutex m_mutex;
    QHash<QString, QString> m_uids;
    QHash<QString, int> m_patients;
};

} // namespace kilima::dicom
