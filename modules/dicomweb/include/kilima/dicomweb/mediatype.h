// Media types and Accept headers as DICOMweb uses them: multipart/related
// with type= and transfer-syntax= parameters, q-values, and the media type
// of each transfer syntax's frames (image/jpeg, image/jls, ...).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace kilima::dicomweb {

struct MediaType {
    QByteArray type;     // lower case, e.g. "multipart/related"
    QList<QPair<QByteArray, QByteArray>> params;   // names lower case, values unquoted
    double q = 1.0;
    QByteArray param(const QByteArray &name) const;
    bool is(const char *t) const { return type == t; }
};

// One media type ("multipart/related; type=\"application/dicom\"").
MediaType parseMediaType(const QByteArray &text);
// An Accept header, best first (stable for equal q); q=0 entries dropped.
// An empty header gives an empty list (the caller's default applies).
QList<MediaType> parseAccept(const QByteArray &header);

// The media type of a frame stored in `transferSyntax` (image/jpeg for the
// JPEG family, image/jls, image/jp2, application/octet-stream otherwise).
QByteArray frameMediaType(const QString &transferSyntax);
bool isUncompressedSyntax(const QString &transferSyntax);

} // namespace kilima::dicomweb
