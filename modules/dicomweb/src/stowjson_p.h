// STOW-RS of DICOM JSON metadata with bulk data (PS3.18 10.5.1.1.2): the
// JSON part(s) describe the datasets, every BulkDataURI names another part by
// its Content-Location. Pixel data comes native (application/octet-stream)
// or compressed, one frame per part, the part's media type carrying the
// transfer syntax (image/jp2; transfer-syntax=1.2.840.10008.1.2.4.90). The
// frames of a multi-frame object come as several parts with the pixel data's
// Content-Location, as parts at {BulkDataURI}/frames/{n}, or as one
// multipart/related part holding one part per frame. Each dataset becomes a
// Part 10 file for the archive's one ingest path.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace kilima::dicomweb {

struct BulkPart {
    QByteArray contentType;
    QByteArray body;
    QList<QByteArray> further;   // later parts with the same Content-Location, in order
};

struct JsonInstance {
    QByteArray part10;       // empty when `error` is set
    QString sopClassUid;     // as far as the JSON says
    QString sopInstanceUid;
    QString error;
};

// Every dataset of a DICOM JSON array (or one object), with its bulk data
// from `bulk` (by Content-Location). A JSON that cannot be parsed at all is
// one failed instance.
QList<JsonInstance> part10FromJson(const QByteArray &json, const QHash<QString, BulkPart> &bulk);

} // namespace kilima::dicomweb
