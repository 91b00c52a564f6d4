// A structural check of a DICOM byte stream that runs before DCMTK parses
// it. DCMTK's parser recurses once per sequence and allocates whatever an
// element's length field claims, so a hostile object (thousands of nested
// sequences, a 1 KB file declaring a 4 GB value) crashed the node or ate its
// memory. This check walks every element header with an explicit stack,
// never recursing and never allocating from a length field, and refuses what
// the parser must not see, with the offset and tag of the first problem.
//
// Fuzzing entry points (tests/fuzz): checkStructure() on a byte buffer, and
// DicomFile::parse() (dicomfile.h), which runs it and then DCMTK's parse;
// pixel decoding per transfer syntax is decodeFrame()/decodePixels() in
// pixeldata.h on a parsed dataset.
#pragma once

#include <QByteArray>
#include <QString>

namespace kilima::dicom {

// Sequences may nest this deep (a sequence inside an item of a sequence is
// depth 2). Real objects stay under 10; the largest SR trees under 30. Every
// walk over a parsed dataset (charset conversion, DICOM JSON, de-identification,
// SR reading) relies on the parser having enforced it.
constexpr int kMaxSequenceDepth = 64;
// Elements in one object, items and fragments included. An enhanced
// multi-frame CT of 3,000 frames holds about 150,000.
constexpr qint64 kMaxElementCount = 2000000;
// Elements per dataset or item that may come out of ascending tag order
// (DCMTK inserts each by walking the item's list, so many out-of-order
// tags make parsing quadratic).
constexpr int kMaxUnorderedElements = 256;

// Checks the whole stream: an optional 128-byte preamble + 'DICM', an
// optional meta header (group 0002), then the dataset in the transfer syntax
// the meta header names (or the one its first bytes show). Returns an empty
// string when the structure is sound, else the reason, starting with `name`.
QString checkStructure(const QByteArray &bytes, const QString &name);
// A bare dataset (no preamble or meta header) in a known transfer syntax,
// as DIMSE carries identifiers; the syntax is guessed when empty.
QString checkDatasetStructure(const QByteArray &dataset, const QString &transferSyntaxUid, const QString &name);
// The same for a file on disk, reading element headers only (values are
// skipped, not read), so a multi-gigabyte object costs no memory.
QString checkFileStructure(const QString &path, const QString &name);

} // namespace kilima::dicom
