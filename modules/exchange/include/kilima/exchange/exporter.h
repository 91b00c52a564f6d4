// Export of studies or series from the local archive: to a folder, as a ZIP
// file, or as a DICOMDIR set (PS3.10 file-set, General Purpose profile,
// ready to burn to CD), optionally de-identified (PS3.15 Basic Profile,
// kilima/dicom/deidentify.h). A de-identified export never writes an object
// the profile cannot clean (documents, SR, presentation states, burned-in
// pixels): the summary names each one left out and why, and each one
// cleaned. Headless (the workstation's dialog and `kilima-node export` both
// call it). Blocking: run on a worker thread. Every export, failed ones too,
// is audited.
#pragma once

#include <kilima/archive/query.h>
#include <kilima/core/result.h>
#include <kilima/dicom/deidentify.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace kilima::archive {
class Archive;
}

namespace kilima::exchange {

struct ExportOptions {
    enum class Format { Folder, Zip, DicomDir };
    Format format = Format::Folder;
    // Folder / DICOMDIR set: a directory (created when missing, must be
    // empty for a DICOMDIR set). ZIP: the .zip file to write.
    QString destination;
    bool deidentify = false;
    dicom::DeidentifyOptions deidentifyOptions;
    QString user;          // for the audit log
};

// One object of the selection that a de-identified export left out or
// changed. `object` names it as the operator can find it again: its place
// in the export, its SOP class and its original SOP Instance UID.
struct ExportNote {
    QString object;
    QString reason;
};

struct ExportSummary {
    int files = 0;
    qint64 bytes = 0;
    QStringList written;        // paths (relative to the destination for ZIP entries)
    QList<ExportNote> dropped;  // not written, and why
    QList<ExportNote> cleaned;  // written de-identified, and what was done
    bool deidentified = false;
    // The summary as a person reads it (the CLI prints it, the dialog
    // shows it): counts, then every dropped and every cleaned object.
    QString text(const QString &destination) const;
    // The de-identification part of text() alone; empty when not
    // de-identified.
    QString privacyText() const;
};

// "folder", "zip", "dicomdir"; false for anything else.
bool parseFormat(const QString &name, ExportOptions::Format *format);

class Exporter {
public:
    // `uids` are Study Instance UIDs (level Study) or Series Instance UIDs
    // (level Series); one that the archive does not hold is an error that
    // names it. `progress(done, total)`; `cancel` stops between files.
    static core::Result<ExportSummary> run(archive::Archive &archive, archive::Level level, const QStringList &uids,
                                           const ExportOptions &options,
                                           const std::function<void(int, int)> &progress = {},
                                           const std::atomic<bool> *cancel = nullptr);
};

} // namespace kilima::exchange
