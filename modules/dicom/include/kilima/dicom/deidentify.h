// De-identification following the DICOM PS3.15 Annex E Basic Application
// Level Confidentiality Profile: identifying attributes are removed,
// emptied or replaced with dummies, UIDs are replaced consistently (the same
// original UID always maps to the same new UID within one Deidentifier, so
// series and study still hang together), private attributes and overlays
// with text go, and the dataset records what was done (Patient Identity
// Removed, De-identification Method, Code Sequence 113100).
// Thread safe: the UID map is guarded.
#pragma once

#include <kilima/core/result.h>

#include <QHash>
#include <QString>
#include <mutex>

class DcmDataset;
class DcmItem;

namespace kilima::dicom {

struct DeidentifyOptions {
    // Replacement patient name and ID (dummy values, PS3.15 "D").
    QString patientName = QStringLiteral("ANONYMOUS");
    QString patientId = QStringLiteral("ANON");
    // Keep dates (Retain Longitudinal Temporal Information option).
    bool keepDates = false;
    // UID root for the new UIDs; empty = Kilima's root.
    QString uidRoot;
};

class Deidentifier {
public:
    explicit Deidentifier(DeidentifyOptions options = {});

    // De-identifies `dataset` in place (also inside sequences).
    core::Status apply(DcmDataset &dataset);
    // The new UID for `original`, created on first use.
    QString mappedUid(const QString &original);

private:
    void processItem(DcmItem &item, bool topLevel);

    DeidentifyOptions m_options;
    std::mutex m_mutex;
    QHash<QString, QString> m_uids;
};

} // namespace kilima::dicom
