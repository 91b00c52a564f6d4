#include <kilima/archive/importer.h>

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace kilima::archive {

namespace {

constexpr qint64 kMaxBatchBytes = 256LL * 1024 * 1024;

bool isDicomDirName(const QString &path)
{
    return QFileInfo(path).fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0;
}

// Finds `components` below `base`, matching each name case-insensitively
// (CDs often have upper-case IDs and lower-case file names, or the reverse).
QString resolveReferencedFile(const QString &base, const QStringList &components)
{
    QString current = base;
    for (const QString &component : components) {
        const QString exact = current + QLatin1Char('/') + component;
        if (QFileInfo::exists(exact)) {
            current = exact;
            continue;
        }
        const QStringList entries = QDir(current).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QString found;
        for (const QString &e : entries) {
            if (e.compare(component, Qt::CaseInsensitive) == 0) {
                found = e;
                break;
            }
        }
        if (found.isEmpty())
            return {};
        current += QLatin1Char('/') + found;
    }
    return current;
}

// The files a DICOMDIR references, through its Directory Record Sequence.
QStringList dicomDirFiles(const QString &path, QStringList *errors)
{
    QStringList files;
    auto parsed = dicom::DicomFile::load(path);
    if (!parsed) {
        *errors << parsed.error();
        return files;
    }
    DcmSequenceOfItems *records = nullptr;
    if (parsed.value().dataset().findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || !records)
        return files;
    const QString base = QFileInfo(path).absolutePath();
    // Walk the list: getItem(i) seeks from the start each time, which made
    // a DICOMDIR of many records quadratic to read.
    for (DcmObject *o = records->nextInContainer(nullptr); o; o = records->nextInContainer(o)) {
        DcmItem *record = static_cast<DcmItem *>(o);
        const QString id = dicom::stringValue(*record, DCM_ReferencedFileID);
        if (id.isEmpty())
            continue;
        const QStringList components = id.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        const QString file = resolveReferencedFile(base, components);
        if (file.isEmpty())
            *errors << QStringLiteral("%1: referenced file %2 is missing").arg(path, components.join(QLatin1Char('/')));
        else
            files << file;
    }
    return files;
}

} // namespace

Importer::Importer(Archive &archive) : m_archive(archive) {}

QStringList Importer::collect(const QStringList &paths, QStringList *errors)
{
    QStringList files;
    QSet<QString> seen;
    auto add = [&](const QString &file) {
        const QString canonical = QFileInfo(file).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical))
            return;
        seen.insert(canonical);
        files << file;
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            *errors << QStringLiteral("%1: no such file or folder").arg(path);
            continue;
        }
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort();
            for (const QString &f : found) {
                if (isDicomDirName(f))
                    continue;   // its files are below the same folder
                add(f);
            }
        } else if (isDicomDirName(path)) {
            for (const QString &f : dicomDirFiles(path, errors))
                add(f);
        } else {
            add(path);
        }
    }
    return files;
}

ImportSummary Importer::run(const QStringList &files)
{
    ImportSummary summary;
    int done = 0;
    QList<Incoming> batch;
    QStringList batchFiles;
    qint64 batchBytes = 0;

    auto flush = [&] {
        if (batch.isEmpty())
            return;
        const QList<IngestOutcome> outcomes = m_archive.ingestBatch(batch);
        for (int i = 0; i < outcomes.size(); ++i) {
            const IngestOutcome &o = outcomes.at(i);
            switch (o.status) {
            case IngestStatus::Stored:
            case IngestStatus::Replaced:
                summary.imported++;
                break;
            case IngestStatus::Duplicate:
                summary.duplicates++;
                break;
            case IngestStatus::DuplicateConflict:
                summary.duplicates++;
                summary.conflicts.append({batchFiles.at(i), o.reason});
                break;
            case IngestStatus::Rejected:
            case IngestStatus::Failed:
                summary.rejected++;
                summary.rejections.append({batchFiles.at(i), o.reason});
                break;
            }
            if (m_outcome)
                m_outcome(batchFiles.at(i), o);
        }
        done += int(batch.size());
        batch.clear();
        batchFiles.clear();
        batchBytes = 0;
        if (m_progress)
            m_progress(done + summary.skipped, int(files.size()));
    };

    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            summary.rejected++;
            summary.rejections.append({file, QStringLiteral("%1: cannot read: %2").arg(file, f.errorString())});
            continue;
        }
        QByteArray bytes = f.readAll();
        if (!bytes.isEmpty() && !dicom::DicomFile::looksLikeDicom(bytes.left(256))) {
            summary.skipped++;
            continue;
        }
        batchBytes += bytes.size();
        batch.append({std::move(bytes), file});
        batchFiles << file;
        if (batch.size() >= m_batchSize || batchBytes >= kMaxBatchBytes)
            flush();
    }
    flush();
    if (m_progress)
        m_progress(int(files.size()), int(files.size()));
    return summary;
}

} // namespace kilima::archive
