#include "stowjson_p.h"

#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/mediatype.h>

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
    const Uint32 length = ff.calcElementLength(xfer, EET_ExplicitLength) + 4096;
    QByteArray out(int(length), Qt::Uninitialized);
    DcmOutputBufferStream stream(out.data(), length);
    ff.transferInit();
    const OFCondition written = ff.write(stream, xfer, EET_ExplicitLength, nullptr);
    ff.transferEnd();
    if (written.bad())
        return core::Error{QStringLiteral("cannot encode the dataset: %1").arg(QString::fromLatin1(written.text()))};
    void *buffer = nullptr;
    offile_off_t size = 0;
    stream.flushBuffer(buffer, size);
    out.truncate(int(size));
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
        auto it = bulk.constFind(pixelUri);
        if (it == bulk.constEnd()) {
            r.error = QStringLiteral("no part has the Content-Location %1 of the pixel data").arg(pixelUri.left(200));
            return r;
        }
        const MediaType m = parseMediaType(it->contentType);
        if (!m.type.isEmpty() && !m.is("application/octet-stream")) {
            compressedTs = syntaxOf(m);
            const DcmXfer x(compressedTs.toLatin1().constData());
            if (compressedTs.isEmpty() || x.getXfer() == EXS_Unknown || !x.isEncapsulated()) {
                r.error = QStringLiteral("the pixel data part's media type %1 names no compressed transfer syntax")
                              .arg(QString::fromLatin1(it->contentType.left(200)));
                return r;
            }
            frames << it->body;
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
