// WADO-RS bulk data (PS3.18 10.4.1.1.5): the BulkDataURIs /metadata hands
// out resolve here; pixel data goes through /frames, other elements are
// read from the stored file.
#include "service_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace kilima::dicomweb {

using archive::Level;

HttpReply WebService::bulk(const HttpRequest &req, const QString &studyUid, const QString &seriesUid, const QString &sopUid,
                           const QStringList &tagPath)
{
    HttpReply reply;
    const QStringList files = filesOf(Level::Instance, studyUid, seriesUid, sopUid, &reply);
    if (files.isEmpty())
        return reply;
    // Pixel data: the frames, as /frames would serve them as stored.
    if (tagPath.size() == 1 && tagPath.first().compare(QLatin1String("7FE00010"), Qt::CaseInsensitive) == 0) {
        auto info = dicom::DicomFile::load(files.first());
        if (!info)
            return HttpReply::error(500, info.error());
        auto pi = dicom::pixelInfo(info.value().dataset());
        const int n = pi ? pi.value().frames : 1;
        QStringList list;
        for (int i = 1; i <= n; ++i)
            list << QString::number(i);
        HttpRequest r = req;
        if (r.accept.isEmpty() || r.accept == "*/*")
            r.accept = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
        return frames(r, studyUid, seriesUid, sopUid, list.join(QLatin1Char(',')));
    }
    auto file = dicom::DicomFile::load(files.first());
    if (!file)
        return HttpReply::error(500, file.error());
    DcmItem *item = &file.value().dataset();
    DcmElement *element = nullptr;
    for (int i = 0; i < tagPath.size(); i += 2) {
        bool ok = false;
        const unsigned int t = tagPath.at(i).toUInt(&ok, 16);
        if (!ok || tagPath.at(i).size() != 8)
            return HttpReply::error(400, QStringLiteral("\"%1\" is not a tag").arg(tagPath.at(i).left(20)));
        const DcmTagKey key(Uint16(t >> 16), Uint16(t & 0xffff));
        if (i + 1 < tagPath.size()) {
            const int index = tagPath.at(i + 1).toInt(&ok);
            DcmItem *next = nullptr;
            if (!ok || item->findAndGetSequenceItem(key, next, index).bad() || !next)
                return HttpReply::error(404, QStringLiteral("no such bulk data element"));
            item = next;
        } else if (item->findAndGetElement(key, element).bad() || !element) {
            return HttpReply::error(404, QStringLiteral("no such bulk data element"));
        }
    }
    if (!element)
        return HttpReply::error(404, QStringLiteral("no such bulk data element"));
    QByteArray bytes;
    if (element->isaString()) {
        OFString s;
        element->getOFStringArray(s);
        bytes = QByteArray(s.c_str(), int(s.length()));
    } else {
        Uint8 *data = nullptr;
        if (element->getLength() > 0 && element->getUint8Array(data).good() && data)
            bytes = QByteArray(reinterpret_cast<const char *>(data), int(element->getLength()));
    }
    audit(req, QStringLiteral("WADO-RS bulkdata"), studyUid, QStringLiteral("success"),
          QStringLiteral("instance %1, %2").arg(sopUid, tagPath.join(QLatin1Char('/'))));
    for (const MediaType &m : parseAccept(req.accept)) {
        if (m.is("application/octet-stream")) {
            reply.contentType = "application/octet-stream";
            reply.body = bytes;
            return reply;
        }
    }
    const QByteArray boundary = newBoundary();
    reply.contentType = QByteArray("multipart/related; type=\"application/octet-stream\"; boundary=") + boundary;
    reply.body = partHeader(boundary, "application/octet-stream") + bytes + "\r\n" + closingDelimiter(boundary);
    return reply;
}

} // namespace kilima::dicomweb
