// One parsed DICOM object: Part 10 files and bare datasets without preamble
// or meta header, read from a file or from bytes already in memory. Parsing
// never crashes on bad input; it fails with a reason a person can act on
// ("truncated: element (7FE0,0010) claims 524288 bytes, 1200 remain").
// Every way in runs the structural check of structure.h before DCMTK sees
// a byte: nesting, element count and lengths are bounded (kMaxSequenceDepth...).
//
// Fuzzing entry point: parse() on a byte buffer (with checkStructure() in
// structure.h underneath); pixeldata.h names the decoding ones.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>
#include <memory>

class DcmFileFormat;
class DcmDataset;
class DcmInputStream;

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
    // Checks the whole structure of the file at `path` (every element
    // header read and its length checked against the file) but reads only
    // values up to 4 KB; longer ones (pixel data) are read from the file
    // when asked for, so the file must stay in place meanwhile. For the
    // receive path, where the bytes are already on disk.
    static core::Result<DicomFile> loadStructure(const QString &path, const QString &name);

    // Cheap check of the first bytes: a 'DICM' preamble, or a plausible
    // first group-0002/0008 element of a dataset without meta header.
    static bool looksLikeDicom(const QByteArray &head);

    DcmFileFormat &fileFormat() const;
    DcmDataset &dataset() const;

    bool hasMetaHeader() const { return m_hasMeta; }
    // The transfer syntax the dataset is encoded in, as a UID.
    QString transferSyntaxUid() const;

private:
    static core::Result<DicomFile> read(DcmInputStream &stream, const QByteArray &head, qint64 size,
                                        quint32 maxReadLength, const QString &name);
    std::unique_ptr<DcmFileFormat> m_file;
    bool m_hasMeta = false;
};

// `ff` (preamble, meta header as it stands, dataset) encoded in memory in
// the transfer syntax `xfer` (an E_TransferSyntax value), for answers and
// stored copies that never touch the disk. The caller prepares the meta
// header and the representation; an error names DCMTK's reason.
core::Result<QByteArray> writePart10(DcmFileFormat &ff, int xfer);

} // namespace kilima::dicom
