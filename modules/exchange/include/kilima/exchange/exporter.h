// Export of studies or series from the local archive: to a folder, as a ZIP
// file, or as a DICOMDIR set (PS3.10 file-set, General Purpose profile,
// ready to burn to CD), optionally de-identified (PS3.15 Basic Profile,
// kilima/dicom/deidentify.h). Blocking: run on a worker thread. Every
// export is audited.
#pragma once

#include <kilima/archive/query.h>
#include <kilima/core/result.h>
#include <kilima/dicom/deidentify.h>

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

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

struct ExportSummary {
    int files = 0;
    qint64 bytes = 0;
    QStringList written;   // paths (relative to the destination for ZIP entries)
};

class Exporter {
public:
    // `uids` are Study Instance UIDs (level Study) or Series Instance UIDs
    // (level Series). `progress(done, total)`; `cancel` stops between files.
    static core::Result<ExportSummary> run(archive::Archive &archive, archive::Level level, const QStringList &uids,
                                           const ExportOptions &options,
                                           const std::function<void(int, int)> &progress = {},
                                           const std::atomic<bool> *cancel = nullptr);
};

} // namespace kilima::browser
