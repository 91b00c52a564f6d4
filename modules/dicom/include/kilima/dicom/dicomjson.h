// DICOM JSON Model (PS3.18 Annex F) encoding of datasets and attribute maps,
// and decoding back to datasets. Values longer than the bulk data threshold
// (and all pixel data) become a BulkDataURI built by the caller's function,
// so a server can resolve them. Decoding never crashes on hostile input: it
// returns an error that names the tag and the problem.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicom/attributes.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

class DcmDataset;
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

// Fetches the bytes behind a BulkDataURI (little endian for binary VRs, the
// UTF-8 text for text VRs). Without one, a BulkDataURI is an error.
using BulkDataResolver = std::function<core::Result<QByteArray>(const QString &uri)>;

// The dataset a DICOM JSON object describes. Text is UTF-8: SpecificCharacter
// Set becomes "ISO_IR 192" when non-ASCII text is present and the object set
// none (or set another). DS numbers are written in at most 16 characters.
// A null inside a binary numeric value (US, FL…) cannot be stored and is left
// out with a line in `warnings`; so are unknown members of an attribute.
// Encapsulated pixel data comes back as the OB item stream toDicomJson wrote:
// only the caller knows the transfer syntax needed to re-encapsulate it.
core::Result<std::unique_ptr<DcmDataset>> fromDicomJson(const QJsonObject &object,
                                                          const BulkDataResolver &resolver = {},
                                                          QStringList *warnings = nullptr);
// A JSON array of datasets, as a file or a QIDO-RS/STOW-RS body holds; a
// single object is accepted as an array of one.
core::Result<std::vector<std::unique_ptr<DcmDataset>>> fromDicomJsonArray(const QByteArray &json,
                                                                            const BulkDataResolver &resolver = {},
                                                                            QStringList *warnings = nullptr);

} // namespace kilima::dicom
