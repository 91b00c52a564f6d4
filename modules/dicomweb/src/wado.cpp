// WADO-RS (retrieve, metadata, frames, bulk data, rendered, thumbnail) and
// WADO-URI. Retrieves stream file by file into the connection: a series is
// never held in memory, only the instance being transcoded (if any).
#include "bufferedsink_p.h"
#include "render_p.h"
#include "service_p.h"
#include "transcode_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QFile>
#include <QLoggingCategory>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kilima::dicomweb {

using archive::Level;

namespace {

Q_LOGGING_CATEGORY(lcWado, "kilima.dicomweb.wado")

// A retrieve whose answer has started cannot change its status: the
// transport cuts the body; this says which stored file stopped it.
void logCut(const QString &file, const QString &ts, const BufferedSink &out, const QString &why = {})
{
    if (out.clientGone())
        return;
    qCWarning(lcWado).noquote() << QStringLiteral("WADO-RS retrieve cut short: stored file %1 could not be read%2%3")
                                       .arg(file, ts == QLatin1String("*") ? QString() : QStringLiteral(" or converted to ") + ts,
                                            why.isEmpty() ? QString() : QStringLiteral(": ") + why);
}

// The transfer syntax UID from a Part 10 file's meta header (explicit VR
// little endian group 0002), read from its first bytes; empty if absent.
QString peekTransferSyntax(const QByteArray &head)
{
    if (head.size() < 144 || head.mid(128, 4) != "DICM")
        return {};
    int pos = 132;
    while (pos + 8 <= head.size()) {
        const auto *p = reinterpret_cast<const uchar *>(head.constData() + pos);
        const quint16 group = quint16(p[0] | (p[1] << 8)), element = quint16(p[2] | (p[3] << 8));
        if (group != 2)
            return {};
        const QByteArray vr = head.mid(pos + 4, 2);
        quint32 len = 0;
        int header = 8;
        if (vr == "OB" || vr == "OW" || vr == "SQ" || vr == "UN" || vr == "UT" || vr == "UC" || vr == "UR") {
            if (pos + 12 > head.size())
                return {};
            len = quint32(p[8] | (p[9] << 8) | (p[10] << 16) | (quint32(p[11]) << 24));
            header = 12;
        } else {
            len = quint32(p[6] | (p[7] << 8));
        }
        if (element == 0x0010) {
            QByteArray v = head.mid(pos + header, int(len));
            while (v.endsWith('\0') || v.endsWith(' '))
                v.chop(1);
            return QString::fromLatin1(v);
        }
        pos += header + int(len);
    }
    return {};
}

// One stored file into the body: as stored when `ts` is "*" or what it is
// stored in, else transcoded (one instance in memory).
bool writeInstance(const QString &path, const QString &ts, BufferedSink &out, QString *why = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (why)
            *why = f.errorString();
        return false;
    }
    if (ts != QLatin1String("*")) {
        const QByteArray head = f.peek(4096);
        const QString stored = peekTransferSyntax(head);
        if (stored != ts) {
            f.close();
            auto bytes = transcodeFile(path, ts);
            if (!bytes.ok() && why)
                *why = bytes.error();
            return bytes.ok() && out.put(bytes.value());
        }
    }
    for (;;) {
        const qint64 n = out.readFrom(f);
        if (n < 0)
            return false;
        if (n == 0)
            return true;
    }
}

// Syntaxes DCMTK can decode, so that a transcode from them can work.
bool dcmtkDecodes(const QString &ts)
{
    static const QStringList ok{QStringLiteral("1.2.840.10008.1.2"),       QStringLiteral("1.2.840.10008.1.2.1"),
                                QStringLiteral("1.2.840.10008.1.2.2"),     QStringLiteral("1.2.840.10008.1.2.1.99"),
                                QStringLiteral("1.2.840.10008.1.2.4.50"),  QStringLiteral("1.2.840.10008.1.2.4.51"),
                                QStringLiteral("1.2.840.10008.1.2.4.57"),  QStringLiteral("1.2.840.10008.1.2.4.70"),
                                QStringLiteral("1.2.840.10008.1.2.4.80"),  QStringLiteral("1.2.840.10008.1.2.4.81"),
                                QStringLiteral("1.2.840.10008.1.2.5")};
    return ok.contains(ts);
}

struct DicomChoice {
    bool multipart = true;
    QString ts;   // "*" = as stored
};

// The first acceptable representation for application/dicom; false if
// none can be served. `stored` lists the stored syntaxes (only needed when
// a non-producible syntax is asked for).
bool chooseDicom(const QByteArray &accept, bool singleAllowed, const std::function<QStringList()> &stored,
                 DicomChoice *choice, QString *why)
{
    QList<MediaType> ranges = parseAccept(accept);
    if (ranges.isEmpty())
        ranges << parseMediaType("multipart/related; type=\"application/dicom\"");
    QStringList asked;
    for (const MediaType &m : ranges) {
        QByteArray type;
        bool multipart = true;
        if (m.is("multipart/related") || m.is("multipart/*")) {
            type = m.param("type");
            if (type.isEmpty())
                type = "application/dicom";
        } else if (m.is("application/dicom")) {
            if (!singleAllowed)
                continue;
            type = "application/dicom";
            multipart = false;
        } else if (m.is("*/*") || m.is("application/*")) {
            type = "application/dicom";
        } else {
            asked << QString::fromLatin1(m.type);
            continue;
        }
        if (type.toLower() != "application/dicom") {
            asked << QString::fromLatin1(type);
            continue;
        }
        QString ts = QString::fromLatin1(m.param("transfer-syntax"));
        if (ts.isEmpty())
            ts = QString::fromLatin1(kExplicitLittleEndian);
        if (ts != QLatin1String("*") && !canProduce(ts)) {
            const QStringList s = stored();
            if (s.isEmpty() || s.count(ts) != s.size()) {
                asked << QStringLiteral("transfer syntax ") + ts;
                continue;
            }
        }
        choice->multipart = multipart;
        choice->ts = ts;
        return true;
    }
    *why = QStringLiteral("cannot serve %1: instances are sent as multipart/related; type=\"application/dicom\" "
                          "as stored (transfer-syntax=*) or in 1.2.840.10008.1.2.1, 1.2.840.10008.1.2, "
                          "1.2.840.10008.1.2.4.70, 1.2.840.10008.1.2.4.80 or 1.2.840.10008.1.2.5")
               .arg(asked.isEmpty() ? QStringLiteral("the accepted media types") : asked.join(QStringLiteral(", ")));
    return false;
}

QString levelName(Level level)
{
    return archive::toString(level).toLower();
}

} // namespace

HttpReply WebService::retrieve(const HttpRequest &req, Level level, const QString &studyUid, const QString &seriesUid,
                               const QString &sopUid)
{
    HttpReply reply;
    const QStringList files = filesOf(level, studyUid, seriesUid, sopUid, &reply);
    if (files.isEmpty()) {
        audit(req, QStringLiteral("WADO-RS retrieve"), studyUid, QStringLiteral("failure"), QString::fromUtf8(reply.body.trimmed()));
        return reply;
    }
    // The stored syntaxes from the index (not from the files).
    QStringList storedSyntaxes;
    bool storedKnown = false;
    auto stored = [&]() {
        if (!storedKnown) {
            storedKnown = true;
            archive::Query q;
            q.level = Level::Instance;
            q.ordered = false;
            q.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
            if (!seriesUid.isEmpty())
                q.keys.append({dicom::tagNumber(0x0020, 0x000E), seriesUid});
            if (!sopUid.isEmpty())
                q.keys.append({dicom::tagNumber(0x0008, 0x0018), sopUid});
            q.returnKeys = {dicom::tagNumber(0x0008, 0x3002)};   // AvailableTransferSyntaxUID
            auto rows = m_archive.query(q);
            if (rows) {
                for (const auto &row : rows.value()) {
                    auto it = row.find(dicom::tagNumber(0x0008, 0x3002));
                    storedSyntaxes << (it == row.end() ? QString() : it->second);
                }
            }
        }
        return storedSyntaxes;
    };
    DicomChoice choice;
    QString why;
    if (!chooseDicom(req.accept, files.size() == 1, stored, &choice, &why)) {
        audit(req, QStringLiteral("WADO-RS retrieve"), studyUid, QStringLiteral("failure"), QStringLiteral("406: ") + why);
        return HttpReply::error(406, why);
    }
    if (choice.ts != QLatin1String("*")) {
        for (const QString &s : stored()) {
            if (s != choice.ts && (!dcmtkDecodes(s) || !canProduce(choice.ts))) {
                const QString msg = QStringLiteral("an instance is stored in %1 and cannot be converted to %2; "
                                                   "ask for transfer-syntax=* to receive it as stored")
                                        .arg(s, choice.ts);
                audit(req, QStringLiteral("WADO-RS retrieve"), studyUid, QStringLiteral("failure"), QStringLiteral("406: ") + msg);
                return HttpReply::error(406, msg);
            }
        }
    }
    audit(req, QStringLiteral("WADO-RS retrieve"), studyUid, QStringLiteral("success"),
          QStringLiteral("%1 level, %2 instances, transfer syntax %3").arg(levelName(level)).arg(files.size()).arg(choice.ts));

    const QString ts = choice.ts;
    const QByteArray partType = ts == QLatin1String("*") ? QByteArray("application/dicom")
                                                         : QByteArray("application/dicom; transfer-syntax=") + ts.toLatin1();
    if (!choice.multipart) {
        reply.contentType = partType;
        reply.stream = [files, ts](const Sink &sink) {
            BufferedSink out(sink);
            QString why;
            if (!writeInstance(files.at(0), ts, out, &why)) {
                logCut(files.at(0), ts, out, why);
                return false;
            }
            return out.flush();
        };
        return reply;
    }
    const QByteArray boundary = newBoundary();
    reply.contentType = QByteArray("multipart/related; type=\"application/dicom\"; boundary=") + boundary;
    if (ts != QLatin1String("*"))
        reply.contentType += QByteArray("; transfer-syntax=") + ts.toLatin1();
    // Served as stored: the length is known, no chunked framing needed.
    bool asStored = ts == QLatin1String("*");
    if (!asStored) {
        const QStringList s = stored();
        asStored = s.size() == files.size() && s.count(ts) == s.size();
    }
    // One stat() per file here and one open() and exact reads there: the
    // part loop runs 600 times for a CT series, and QFile/QFileInfo cost
    // three statx() and an access() per file besides.
    std::vector<qint64> sizes;
    if (asStored) {
        qint64 total = closingDelimiter(boundary).size();
        const qint64 perPart = partHeader(boundary, partType).size() + 2;
        sizes.reserve(size_t(files.size()));
        for (const QString &f : files) {
            struct stat st {};
            if (::stat(QFile::encodeName(f).constData(), &st) != 0 || !S_ISREG(st.st_mode)) {
                total = -1;
                break;
            }
            sizes.push_back(qint64(st.st_size));
            total += perPart + qint64(st.st_size);
        }
        reply.streamLength = total;
    }
    if (asStored && reply.streamLength >= 0) {
        // Every file goes out unchanged. Files of 1 MiB and more go straight
        // from the page cache to the socket (sendfile: no copy through this
        // process); smaller ones are coalesced into 1 MiB writes, which
        // measured as fast or faster on loopback (one send per MiB instead
        // of two system calls per file; docs/benchmarks.md).
        reply.fileStream = [files, sizes, boundary, partType](const Sink &sink, const FileSink &send) {
            BufferedSink out(sink);
            const QByteArray header = partHeader(boundary, partType);
            for (int i = 0; i < files.size(); ++i) {
                const qint64 size = sizes[size_t(i)];
                const int fd = ::open(QFile::encodeName(files.at(i)).constData(), O_RDONLY | O_CLOEXEC);
                const int openError = fd < 0 ? errno : 0;
                bool ok = fd >= 0 && out.put(header);
                if (ok && size >= kChunk) {
                    // The header waits in the transport's buffer and leaves
                    // with the file's first bytes.
                    ok = out.flush() && send(fd, 0, size);
                } else if (ok) {
                    ok = out.readExactly(fd, size);
                }
                if (fd >= 0)
                    ::close(fd);
                ok = ok && out.put("\r\n", 2);
                if (!ok) {
                    logCut(files.at(i), QStringLiteral("*"), out,
                           openError ? QString::fromLocal8Bit(strerror(openError)) : QStringLiteral("shorter than when the answer began"));
                    return false;
                }
            }
            return out.put(closingDelimiter(boundary)) && out.flush();
        };
        return reply;
    }
    reply.stream = [files, ts, boundary, partType](const Sink &sink) {
        BufferedSink out(sink);
        const QByteArray header = partHeader(boundary, partType);
        for (const QString &file : files) {
            QString why;
            if (!out.put(header) || !writeInstance(file, ts, out, &why) || !out.put("\r\n", 2)) {
                logCut(file, ts, out, why);
                return false;   // client gone, or a file unreadable: the body ends early
            }
        }
        return out.put(closingDelimiter(boundary)) && out.flush();
    };
    return reply;
}

HttpReply WebService::metadata(const HttpRequest &req, Level level, const QString &studyUid, const QString &seriesUid,
                               const QString &sopUid)
{
    HttpReply reply;
    const QStringList files = filesOf(level, studyUid, seriesUid, sopUid, &reply);
    if (files.isEmpty()) {
        audit(req, QStringLiteral("WADO-RS metadata"), studyUid, QStringLiteral("failure"), QString::fromUtf8(reply.body.trimmed()));
        return reply;
    }
    const QList<MediaType> accept = parseAccept(req.accept);
    bool acceptable = accept.isEmpty();
    for (const MediaType &m : accept)
        acceptable = acceptable || m.is("application/dicom+json") || m.is("application/json") || m.is("*/*") || m.is("application/*");
    if (!acceptable)
        return HttpReply::error(406, QStringLiteral("metadata is served as application/dicom+json"));
    auto items = m_metadata.get(files);
    if (!items) {
        audit(req, QStringLiteral("WADO-RS metadata"), studyUid, QStringLiteral("failure"), items.error());
        return HttpReply::error(500, items.error());
    }
    qint64 size = 2;
    for (const auto &m : items.value())
        size += m->json.size() + 1;
    QByteArray body;
    body.reserve(int(size));
    body += '[';
    for (int i = 0; i < items.value().size(); ++i) {
        if (i)
            body += ',';
        body += items.value().at(i)->json;
    }
    body += ']';
    body.replace(kBasePlaceholder, req.baseUrl.toUtf8());
    audit(req, QStringLiteral("WADO-RS metadata"), studyUid, QStringLiteral("success"),
          QStringLiteral("%1 level, %2 instances").arg(levelName(level)).arg(files.size()));
    reply.contentType = "application/dicom+json";
    reply.body = body;
    reply.json = true;
    return reply;
}

namespace {

// Frame `index` (0-based) of encapsulated pixel data as stored; empty if
// the fragments cannot be mapped to frames one to one.
QByteArray storedFrame(DcmPixelSequence *seq, int index, int frames)
{
    const unsigned long items = seq->card();   // item 0: basic offset table
    if (items < 2)
        return {};
    QByteArray out;
    auto append = [&](unsigned long i) {
        DcmPixelItem *item = nullptr;
        if (seq->getItem(item, i).bad() || !item)
            return false;
        Uint8 *data = nullptr;
        if (item->getUint8Array(data).bad())
            return false;
        out.append(reinterpret_cast<const char *>(data), int(item->getLength()));
        return true;
    };
    if (frames == 1) {
        for (unsigned long i = 1; i < items; ++i) {
            if (!append(i))
                return {};
        }
        return out;
    }
    if (long(items) - 1 != frames)
        return {};
    return append(unsigned(index) + 1) ? out : QByteArray();
}

} // namespace

HttpReply WebService::frames(const HttpRequest &req, const QString &studyUid, const QString &seriesUid, const QString &sopUid,
                             const QString &frameList)
{
    QList<int> wanted;
    for (const QString &f : frameList.split(QLatin1Char(','))) {
        bool ok = false;
        const int v = f.trimmed().toInt(&ok);
        if (!ok || v < 1)
            return HttpReply::error(400, QStringLiteral("frame numbers are positive integers separated by commas, not \"%1\"").arg(frameList.left(80)));
        wanted << v;
    }
    HttpReply reply;
    const QStringList files = filesOf(Level::Instance, studyUid, seriesUid, sopUid, &reply);
    if (files.isEmpty())
        return reply;
    auto file = dicom::DicomFile::load(files.first());
    if (!file)
        return HttpReply::error(500, file.error());
    DcmDataset &ds = file.value().dataset();
    auto info = dicom::pixelInfo(ds);
    if (!info || !ds.tagExists(DCM_PixelData))
        return HttpReply::error(400, QStringLiteral("instance %1 has no pixel data").arg(sopUid));
    const int count = info.value().frames;
    for (int f : wanted) {
        if (f > count)
            return HttpReply::error(404, QStringLiteral("frame %1 does not exist: the instance has %2").arg(f).arg(count));
    }
    const QString storedTs = file.value().transferSyntaxUid();
    const bool compressed = !isUncompressedSyntax(storedTs);

    // Stored (compressed) form when the client asks for it; native otherwise.
    bool asStored = false;
    bool single = false;
    QByteArray partType = "application/octet-stream";
    QList<MediaType> ranges = parseAccept(req.accept);
    if (ranges.isEmpty())
        ranges << parseMediaType("multipart/related; type=\"application/octet-stream\"");
    bool chosen = false;
    for (const MediaType &m : ranges) {
        QByteArray type = m.is("multipart/related") ? m.param("type") : m.type;
        bool multipart = m.is("multipart/related");
        if (m.is("*/*") || type.isEmpty() || type == "*/*") {
            type = "application/octet-stream";
            multipart = true;
        }
        const QString ts = QString::fromLatin1(m.param("transfer-syntax"));
        if (type == "application/octet-stream") {
            if (ts.isEmpty() || ts == QLatin1String(kExplicitLittleEndian)) {
                asStored = !compressed;
            } else if (ts == QLatin1String("*") || ts == storedTs) {
                asStored = true;
                if (compressed)
                    partType = frameMediaType(storedTs);
            } else {
                continue;
            }
        } else if (compressed && type == frameMediaType(storedTs) && (ts.isEmpty() || ts == storedTs || ts == QLatin1String("*"))) {
            asStored = true;
            partType = type;
        } else {
            continue;
        }
        single = !multipart;
        chosen = true;
        break;
    }
    if (!chosen)
        return HttpReply::error(406, QStringLiteral("frames of this instance (stored as %1) are served as application/octet-stream "
                                                    "(native) or %2 (as stored)").arg(storedTs, QString::fromLatin1(frameMediaType(storedTs))));
    if (single && wanted.size() != 1)
        return HttpReply::error(406, QStringLiteral("several frames need multipart/related"));
    if (compressed && asStored && partType != "application/octet-stream")
        partType += QByteArray("; transfer-syntax=") + storedTs.toLatin1();

    QList<QByteArray> parts;
    for (int f : wanted) {
        QByteArray bytes;
        if (asStored && compressed) {
            DcmElement *el = nullptr;
            DcmPixelSequence *seq = nullptr;
            if (ds.findAndGetElement(DCM_PixelData, el).good() && el)
                static_cast<DcmPixelData *>(el)->getEncapsulatedRepresentation(DcmXfer(storedTs.toLatin1().constData()).getXfer(), nullptr, seq);
            if (seq)
                bytes = storedFrame(seq, f - 1, count);
            if (bytes.isEmpty())
                return HttpReply::error(406, QStringLiteral("the compressed fragments of this instance do not map to frames; ask for application/octet-stream"));
        } else if (asStored) {
            const Uint8 *data = nullptr;
            unsigned long len = 0;
            if (ds.findAndGetUint8Array(DCM_PixelData, data, &len).bad() || !data)
                return HttpReply::error(500, QStringLiteral("cannot read the pixel data"));
            const qint64 frameBytes = info.value().bytesPerFrame();
            if (qint64(f) * frameBytes > qint64(len))
                return HttpReply::error(500, QStringLiteral("the pixel data is shorter than %1 frames").arg(f));
            bytes = QByteArray(reinterpret_cast<const char *>(data) + (f - 1) * frameBytes, int(frameBytes));
        } else {
            auto decoded = dicom::decodeFrame(ds, f - 1);
            if (!decoded) {
                // The stored frame cannot become native pixels (a codestream
                // that disagrees with the image, a damaged one): the client
                // may still take it as stored.
                const QString why = QStringLiteral("frame %1 cannot be decoded: %2; it can be retrieved as stored "
                                                   "(transfer-syntax=*)").arg(f).arg(decoded.error());
                audit(req, QStringLiteral("WADO-RS frames"), studyUid, QStringLiteral("failure"), QStringLiteral("406: ") + why);
                return HttpReply::error(406, why);
            }
            bytes = decoded.take();
        }
        parts << bytes;
    }
    audit(req, QStringLiteral("WADO-RS frames"), studyUid, QStringLiteral("success"),
          QStringLiteral("instance %1, frames %2").arg(sopUid, frameList.left(200)));
    if (single) {
        reply.contentType = partType;
        reply.body = parts.first();
        return reply;
    }
    const QByteArray boundary = newBoundary();
    reply.contentType = QByteArray("multipart/related; type=\"") + partType.split(';').first() + "\"; boundary=" + boundary;
    for (const QByteArray &p : parts) {
        reply.body += partHeader(boundary, partType);
        reply.body += p;
        reply.body += "\r\n";
    }
    reply.body += closingDelimiter(boundary);
    return reply;
}

} // namespace kilima::dicomweb
