// One parsed DICOM object: Part 10 files and bare datasets without preamble
// or meta header, read from a file or from bytes already in memory. Parsing
// never crashes on bad input; it fails with a reason a person can act on
// ("truncated: element (7FE0,0010) claims 524288 bytes, 1200 remain").
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>
#include <memory>

class DcmFileFormat;
class DcmDataset;

namespace kilima::dicom {

class DicomFile {
public:
    DicomFile();
    DicomFile(DicomFile &&) noexcept;
    DicomFile &operator=(DicomFile &&) noexcept;
    ~DicomFile();

    // Parses `bytes` completely (every element read and length-checked).
    // `name` is used in error messages only.
    static core::Result<DicomFile> parse(const QByteArray &bytes, const QString &name);
    static core::Result<DicomFile> load(const QString &path);

    // Cheap check of the first bytes: a 'DICM' preamble, or a plausible
    // first group-0002/0008 element of a dataset without meta header.
    static bool looksLikeDicom(const QByteArray &head);

    DcmFileFormat &fileFormat() const;
    DcmDataset &dataset() const;

    bool hasMetaHeader() const { return m_hasMeta; }
    // The transfer syntax the dataset is encoded in, as a UID.
    QString transferSyntaxUid() const;

private:
    std::unique_ptr<DcmFileFormat> m_file;
    bool m_hasMeta = false;
};

} // namespace kilima::dicom
