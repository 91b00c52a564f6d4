// STOW-RS of DICOM JSON metadata with bulk data (PS3.18 10.5.1.1.2): the
// JSON part(s) describe the datasets, every BulkDataURI names another part by
// its Content-Location. Pixel data comes native (application/octet-stream)
// or as one compressed frame per part, its media type carrying the transfer
// syntax (image/jp2; transfer-syntax=1.2.840.10008.1.2.4.90). Each dataset
// becomes a Part 10 file for the archive's one ingest path.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace kilima::dicomweb {

struct BulkPart {
    QByteArray contentType;
    QByteArray body;
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
