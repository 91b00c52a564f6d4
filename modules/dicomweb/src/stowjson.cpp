#include "stowjson_p.h"

#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcwcache.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kilima::dicomweb {

namespace {

constexpr const char *kPixelData = "7FE00010";

QString firstString(const QJsonObject &o, const char *tag)
{
    return o.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first().toString();
}

// The transfer syntax of a compressed pixel part: its transfer-syntax
// parameter, else the one its media type stands for alone.
QString syntaxOf(const MediaType &m)
{
    const QString ts = QString::fromLatin1(m.param("transfer-syntax"));
    if (!ts.isEmpty())
        return ts;
    if (m.is("image/jls"))
        return QStringLiteral("1.2.840.10008.1.2.4.80");
    if (m.is("image/jp2"))
        return QStringLiteral("1.2.840.10008.1.2.4.90");
    if (m.is("image/dicom-rle"))
        return QStringLiteral("1.2.840.10008.1.2.5");
    if (m.is("image/jpeg"))
        return QStringLiteral("1.2.840.10008.1.2.4.50");
    return {};
}

core::Result<QByteArray> writePart10(DcmDataset *dataset, E_TransferSyntax xfer)
{
    DcmFileFormat ff(dataset, false);   // takes the dataset
    if (ff.validateMetaInfo(xfer).bad())
        return core::Error{QStringLiteral("cannot build the file meta information")};
    ff.getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, DcmXfer(xfer).getXferID());
    auto out = dicom::writePart10(ff, xfer);
    if (!out)
        return core::Error{QStringLiteral("cannot encode the dataset: %1").arg(out.error())};
    return out;
}

struct PixelParts {
    QByteArray contentType;   // empty: native pixel data, left to the JSON decoder
    QList<QByteArray> frames;
};

// One part of multipart/related holding one part per frame.
core::Result<PixelParts> splitNested(const MediaType &m, const QByteArray &body)
{
    PixelParts out;
    MultipartParser parser(m.param("boundary"), [&](Part &p) {
        const QByteArray type = p.header("content-type");
        if (out.contentType.isEmpty())
            out.contentType = type.isEmpty() ? m.param("type") : type;
        out.frames << std::move(p.body);
        return true;
    });
    if (!parser.feed(body) || !parser.finish())
        return core::Error{QStringLiteral("the multipart pixel data part cannot be read: %1").arg(parser.error())};
    if (out.frames.isEmpty())
        return core::Error{QStringLiteral("the multipart pixel data part holds no frames")};
    return out;
}

// The frames of the pixel data at `uri`: the parts with that
// Content-Location (one frame each, or one multipart/related part of
// frames), else parts at uri/frames/1, uri/frames/2, ...
core::Result<PixelParts> compressedFrames(const QString &uri, const QHash<QString, BulkPart> &bulk)
{
    PixelParts out;
    auto it = bulk.constFind(uri);
    if (it == bulk.constEnd()) {
        for (int n = 1;; ++n) {
            auto frame = bulk.constFind(uri + QStringLiteral("/frames/") + QString::number(n));
            if (frame == bulk.constEnd())
                break;
            if (n == 1)
                out.contentType = frame->contentType;
            out.frames << frame->body;
        }
        if (out.frames.isEmpty())
            return core::Error{QStringLiteral("no part has the Content-Location %1 of the pixel data").arg(uri.left(200))};
        return out;
    }
    const MediaType m = parseMediaType(it->contentType);
    if (m.type.isEmpty() || m.is("application/octet-stream"))
        return out;
    if (m.is("multipart/related"))
        return splitNested(m, it->body);
    out.contentType = it->contentType;
    out.frames << it->body << it->further;
    return out;
}

JsonInstance convert(QJsonObject object, const QHash<QString, BulkPart> &bulk)
{
    JsonInstance r;
    r.sopClassUid = firstString(object, "00080016");
    r.sopInstanceUid = firstString(object, "00080018");
    // Compressed pixel data: taken out of the JSON and encapsulated here
    // (the JSON decoder cannot know the syntax).
    QList<QByteArray> frames;
    QString compressedTs;
    const QJsonObject pixel = object.value(QLatin1String(kPixelData)).toObject();
    const QString pixelUri = pixel.value(QStringLiteral("BulkDataURI")).toString();
    if (!pixelUri.isEmpty()) {
        auto pixels = compressedFrames(pixelUri, bulk);
        if (!pixels) {
            r.error = pixels.error();
            return r;
        }
        if (!pixels.value().contentType.isEmpty()) {
            compressedTs = syntaxOf(parseMediaType(pixels.value().contentType));
            const DcmXfer x(compressedTs.toLatin1().constData());
            if (compressedTs.isEmpty() || x.getXfer() == EXS_Unknown || !x.isEncapsulated()) {
                r.error = QStringLiteral("the pixel data part's media type %1 names no compressed transfer syntax")
                              .arg(QString::fromLatin1(pixels.value().contentType.left(200)));
                return r;
            }
            frames = pixels.value().frames;
            // Each part is one frame (PS3.18 8.7.3.3.2): a count that
            // disagrees would store frames the decoders split wrongly.
            const QJsonValue count = object.value(QLatin1String("00280008")).toObject().value(QStringLiteral("Value")).toArray().first();
            const int declared = qMax(1, count.isString() ? count.toString().trimmed().toInt() : count.toInt());
            if (frames.size() != declared) {
                r.error = QStringLiteral("Number of Frames is %1 but %2 compressed frame parts were sent for the pixel data")
                              .arg(declared)
                              .arg(frames.size());
                return r;
            }
            object.remove(QLatin1String(kPixelData));
        }
    }
    const dicom::BulkDataResolver resolver = [&bulk](const QString &uri) -> core::Result<QByteArray> {
        auto it = bulk.constFind(uri);
        if (it == bulk.constEnd())
            return core::Error{QStringLiteral("no part has the Content-Location %1").arg(uri.left(200))};
        return it->body;
    };
    QStringList warnings;
    auto dataset = dicom::fromDicomJson(object, resolver, &warnings);
    if (!dataset) {
        r.error = dataset.error();
        return r;
    }
    DcmDataset *ds = dataset.value().release();
    E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    if (!compressedTs.isEmpty()) {
        xfer = DcmXfer(compressedTs.toLatin1().constData()).getXfer();
        auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
        sequence->insert(new DcmPixelItem(DCM_PixelItemTag));   // empty basic offset table
        for (const QByteArray &frame : frames) {
            auto *item = new DcmPixelItem(DCM_PixelItemTag);
            QByteArray even = frame;
            if (even.size() % 2)
                even.append('\0');
            item->putUint8Array(reinterpret_cast<const Uint8 *>(even.constData()), Uint32(even.size()));
            sequence->insert(item);
        }
        auto *pixelData = new DcmPixelData(DCM_PixelData);
        pixelData->putOriginalRepresentation(xfer, nullptr, sequence);
        ds->insert(pixelData, true);
    }
    auto bytes = writePart10(ds, xfer);
    if (!bytes) {
        r.error = bytes.error();
        return r;
    }
    r.part10 = bytes.take();
    return r;
}

} // namespace

QList<JsonInstance> part10FromJson(const QByteArray &json, const QHash<QString, BulkPart> &bulk)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QJsonArray array;
    if (doc.isArray())
        array = doc.array();
    else if (doc.isObject())
        array.append(doc.object());
    else {
        JsonInstance bad;
        bad.error = QStringLiteral("the metadata part is not DICOM JSON: %1").arg(error.errorString());
        return {bad};
    }
    QList<JsonInstance> out;
    for (const QJsonValue &v : array) {
        if (!v.isObject()) {
            JsonInstance bad;
            bad.error = QStringLiteral("an element of the metadata array is not an object");
            out << bad;
            continue;
        }
        out << convert(v.toObject(), bulk);
    }
    return out;
}

} // namespace kilima::dicomweb
