// DICOM JSON Model (PS3.18 Annex F) encoding of datasets and attribute maps.
// Values longer than the bulk data threshold (and all pixel data) become a
// BulkDataURI built by the caller's function, so a server can resolve them.
#pragma once

#include <kilima/dicom/attributes.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <functional>

class DcmItem;

namespace kilima::dicom {

struct JsonOptions {
    // Binary values (OB/OW/OF/OD/OL/OV/UN) and text values longer than this
    // many bytes are written as BulkDataURI when `bulkDataUri` is set;
    // otherwise as InlineBinary.
    int bulkDataThreshold = 1024;
    // Builds the URI for one element. `tagPath` is the hex tags from the
    // root to the element, e.g. {"00540016", "00181072"} for an element in
    // the first item of a sequence (items are indexed in `itemPath`).
    std::function<QString(const QStringList &tagPath, const QList<int> &itemPath)> bulkDataUri;
    // File meta information (group 0002) is not part of a dataset's JSON;
    // set this when encoding a DcmMetaInfo on purpose.
    bool includeMetaGroup = false;
};

// `item` must already be UTF-8 (convertToUtf8) for text to be right.
// Group lengths (gggg,0000) are left out; DS/IS that are not numbers are
// sent as their text, NaN/infinite FL/FD as "NaN"/"Infinity"/"-Infinity".
QJsonObject toDicomJson(DcmItem &item, const JsonOptions &options = {});
QJsonObject toDicomJson(const AttributeMap &attributes);

} // namespace kilima::dicom
