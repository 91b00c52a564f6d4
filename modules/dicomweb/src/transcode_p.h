// Transfer syntaxes the server can produce from a stored file, with DCMTK's
// codecs: uncompressed (implicit/explicit little endian) from anything
// DCMTK decodes (JPEG, JPEG-LS, RLE), and JPEG lossless, JPEG-LS lossless
// and RLE from uncompressed data. Anything else is a 406 for the caller.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>

namespace kilima::dicomweb {

constexpr const char *kExplicitLittleEndian = "1.2.840.10008.1.2.1";

// Whether `ts` is a syntax this server can transcode to.
bool canProduce(const QString &ts);
// The transfer syntax of a stored Part 10 file (reads the meta header only).
QString storedTransferSyntax(const QString &path);
// The file re-encoded as a Part 10 file in `ts`; an error names the reason
// (for example a JPEG 2000 source DCMTK cannot decode).
core::Result<QByteArray> transcodeFile(const QString &path, const QString &ts);

} // namespace kilima::dicomweb
