// Issue 17's HTTP and PS3.18 completeness checks against the DICOMweb server
// in process, over Python's http.client on keep-alive connections
// (webclient.py) and raw sockets: every route with an unread body, Range and
// 405 + Allow; the accept query parameter over the Accept header; JPEG 2000
// rendered through OpenJPEG; rendered studies and series; WADO-URI
// anonymize; QIDO ignoring what it does not support and fuzzy name matching;
// and kilima-node serve's port 0 meaning "no listener".
#include "phantom.h"
#include "peers.h"
#include "rawhttp.h"
#include "testdata.h"
#include "render_p.h"

#include <kilima/archive/archive.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/multipart.h>
#include <kilima/dicomweb/server.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace kilima;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Listening TCP sockets (IPv4 and IPv6) held by process `pid`.
int listeningSockets(qint64 pid)
{
    QSet<QByteArray> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("socket:\\[(\\d+)\\]")).match(target);
        if (m.hasMatch())
            inodes.insert(m.captured(1).toLatin1());
    }
    int n = 0;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        for (const QByteArray &line : readFile(QString::fromLatin1(table)).split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() > 9 && f.at(3) == "0A" && inodes.contains(f.at(9)))
                ++n;
        }
    }
    return n;
}

// The pixel bytes of a dataset: native values, or the first fragment of
// encapsulated pixel data (one frame per fragment here).
QByteArray pixelBytes(DcmDataset &ds)
{
    DcmElement *e = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, e).bad() || !e)
        return {};
    auto *pixel = static_cast<DcmPixelData *>(e);
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter *param = nullptr;
    pixel->getOriginalRepresentationKey(xfer, param);
    if (DcmXfer(xfer).isEncapsulated()) {
        DcmPixelSequence *seq = nullptr;
        DcmPixelItem *item = nullptr;
        if (pixel->getEncapsulatedRepresentation(xfer, param, seq).bad() || !seq || seq->getItem(item, 1).bad())
            return {};
        Uint8 *data = nullptr;
        item->getUint8Array(data);
        QByteArray b(reinterpret_cast<const char *>(data), int(item->getLength()));
        while (b.endsWith('\0'))   // padding to even length
            b.chop(1);
        return b;
    }
    Uint8 *data = nullptr;
    pixel->getUint8Array(data);
    return QByteArray(reinterpret_cast<const char *>(data), int(pixel->getLength()));
}

} // namespace

class TestWebRoutes : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<dicomweb::DicomWebServer> m_server;
    quint16 m_port = 0;
    QByteArray m_auth;
    test::CtPhantom m_ct;
    QStringList m_ctFiles;
    QString m_sop;          // one CT instance
    QString m_python;
    // JPEG 2000 (lossless) copies of a second phantom series, and their originals.
    test::CtPhantom m_j2k;
    QStringList m_j2kOriginals;
    QString m_j2kSop;
    QString m_j2kOriginal;   // the uncompressed file of m_j2kSop

    QString sopOf(const QString &file)
    {
        DcmFileFormat ff;
        if (ff.loadFile(file.toLocal8Bit().constData()).bad())
            return {};
        OFString v;
        ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, v);
        return QString::fromLatin1(v.c_str());
    }

    int python(const QString &check, const QStringList &args, QString *out)
    {
        return test::runTool(m_python, QStringList{QStringLiteral(KILIMA_TEST_SOURCE_DIR "/webclient.py"), QString::number(m_port),
                                                   QString::fromLatin1(m_auth), check} + args,
                             out, 120000);
    }

    QByteArray raw(const QByteArray &target, QByteArray *headers = nullptr, const QByteArray &extra = {})
    {
        test::RawClient c(m_port);
        c.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + m_auth + "\r\n" + extra +
               "\r\n");
        const QByteArray r = c.readAll(20000);
        const int end = r.indexOf("\r\n\r\n");
        if (headers)
            *headers = r.left(end);
        if (test::statusOf(r) != 200)
            return {};
        QByteArray body = r.mid(end + 4);
        if (!r.left(end).toLower().contains("transfer-encoding: chunked"))
            return body;
        QByteArray plain;   // streamed answers: undo the chunked framing
        int at = 0;
        for (;;) {
            const int eol = body.indexOf("\r\n", at);
            const int size = eol < 0 ? -1 : body.mid(at, eol - at).toInt(nullptr, 16);
            if (size <= 0)
                return size == 0 ? plain : QByteArray();
            plain += body.mid(eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    QString instancePath(const test::CtPhantom &p, const QString &sop) const
    {
        return QStringLiteral("/dicom-web/studies/%1/series/%2/instances/%3").arg(p.studyUid, p.seriesUid, sop);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.httpPort = 0;   // in process: any free port
        config.http.threads = 4;
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), config);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = std::move(a.value());
        m_ct.slices = 3;
        m_ct.rows = m_ct.columns = 32;
        m_ct.studyUid = test::newUid();
        m_ct.seriesUid = test::newUid();
        m_ct.patientName = QStringLiteral("MÜLLER^Hans");
        m_ct.patientId = QStringLiteral("WEBROUTES-1");
        m_ctFiles = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_ct);
        for (const QString &f : m_ctFiles)
            QVERIFY(m_archive->ingest({readFile(f), QStringLiteral("test")}).success());
        m_sop = sopOf(m_ctFiles.at(1));

        if (!QStandardPaths::findExecutable(QStringLiteral("gdcmconv")).isEmpty()) {
            m_j2k.slices = 2;
            m_j2k.rows = m_j2k.columns = 48;
            m_j2k.studyUid = test::newUid();
            m_j2k.seriesUid = test::newUid();
            m_j2k.patientId = QStringLiteral("WEBROUTES-J2K");
            m_j2kOriginals = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("j2k-src")), m_j2k);
            QDir().mkpath(m_tmp.filePath(QStringLiteral("j2k")));
            for (const QString &f : m_j2kOriginals) {
                const QString out = m_tmp.filePath(QStringLiteral("j2k/") + QFileInfo(f).fileName());
                QString log;
                QVERIFY2(test::runTool(QStringLiteral("gdcmconv"), {QStringLiteral("--j2k"), f, out}, &log) == 0, qPrintable(log));
                const QByteArray bytes = readFile(out);
                QVERIFY2(bytes.contains("1.2.840.10008.1.2.4.90"), "gdcmconv did not write JPEG 2000 lossless");
                QVERIFY(m_archive->ingest({bytes, QStringLiteral("test")}).success());
            }
            m_j2kOriginal = m_j2kOriginals.at(0);
            m_j2kSop = sopOf(m_j2kOriginal);
        }

        m_server = std::make_unique<dicomweb::DicomWebServer>(*m_archive, config);
        const auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        m_port = m_server->port();
        m_auth = "Basic " + QByteArray("admin:" + m_server->initialAdminPassword().toUtf8()).toBase64();
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_archive.reset();
    }

    void everyRoute_keepAliveSurvivesUnreadBodiesRangeAnd405_httpClient()
    {
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        const QString inst = instancePath(m_ct, m_sop);
        const QString series = QStringLiteral("/dicom-web/studies/%1/series/%2").arg(m_ct.studyUid, m_ct.seriesUid);
        const QString wado = QStringLiteral("/wado?requestType=WADO&studyUID=%1&seriesUID=%2&objectUID=%3").arg(m_ct.studyUid, m_ct.seriesUid, m_sop);
        const QStringList paths{QStringLiteral("/dicom-web/studies?PatientID=WEBROUTES-1"),
                                QStringLiteral("/dicom-web/studies/%1/series").arg(m_ct.studyUid),
                                series + QStringLiteral("/instances"),
                                QStringLiteral("/dicom-web/studies/%1").arg(m_ct.studyUid),
                                series,
                                inst,
                                inst + QStringLiteral("/metadata"),
                                series + QStringLiteral("/metadata"),
                                inst + QStringLiteral("/frames/1"),
                                inst + QStringLiteral("/rendered"),
                                inst + QStringLiteral("/thumbnail"),
                                series + QStringLiteral("/thumbnail"),
                                wado,
                                wado + QStringLiteral("&contentType=application/dicom")};
        QString out;
        QVERIFY2(python(QStringLiteral("routes"), paths, &out) == 0, qPrintable(out));
        out.clear();
        QVERIFY2(python(QStringLiteral("stow"), {m_ctFiles.at(0), m_ct.studyUid}, &out) == 0, qPrintable(out));
    }

    void refusedLoginWithABody_nextRequestOnTheSocketIsItsOwn_raw()
    {
        test::RawClient c(m_port);
        const QByteArray body(3000, 'G');
        c.send("POST /dicom-web/studies HTTP/1.1\r\nHost: x\r\nContent-Type: application/dicom\r\nContent-Length: 3000\r\n\r\n" + body);
        QCOMPARE(test::statusOf(c.readResponse()), 401);
        c.send("DELETE /dicom-web/studies HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth + "\r\nContent-Length: 10\r\n\r\n0123456789");
        const QByteArray r405 = c.readResponse();
        QCOMPARE(test::statusOf(r405), 405);
        QVERIFY(r405.toLower().contains("allow: get, head, post, options"));
        c.send("GET /dicom-web/studies?PatientID=WEBROUTES-1 HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth + "\r\nRange: bytes=0-3\r\n\r\n");
        const QByteArray r = c.readResponse();
        QCOMPARE(test::statusOf(r), 200);
        QVERIFY(r.contains(m_ct.studyUid.toLatin1()));
    }

    void acceptQueryParameter_winsOverTheAcceptHeader()
    {
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        QString out;
        QVERIFY2(python(QStringLiteral("accept"),
                        {instancePath(m_ct, m_sop), QStringLiteral("/dicom-web/studies/%1/series/%2").arg(m_ct.studyUid, m_ct.seriesUid),
                         QStringLiteral("/dicom-web/studies/%1").arg(m_ct.studyUid)},
                        &out) == 0,
                 qPrintable(out));
    }

    void jpeg2000_isRenderedThroughOpenJpeg_likeTheUncompressedOriginal()
    {
        if (m_j2kSop.isEmpty())
            QSKIP("gdcmconv (libgdcm-tools) is not installed: no JPEG 2000 test object");
        const QString inst = instancePath(m_j2k, m_j2kSop);
        // Lossless: the same window and size give the same PNG as the original.
        dicomweb::RenderOptions o;
        o.png = true;
        o.hasWindow = true;
        o.center = 1024;
        o.width = 2000;
        auto expected = dicomweb::renderFile(m_j2kOriginal, o);
        QVERIFY2(expected.ok(), qPrintable(expected.error()));
        QByteArray headers;
        QByteArray png = raw((inst + QStringLiteral("/rendered?window=1024,2000")).toLatin1(), &headers, "Accept: image/png\r\n");
        QVERIFY2(!png.isEmpty(), headers.constData());
        QCOMPARE(png, expected.value());
        for (const QString &path : QStringList{inst + QStringLiteral("/rendered"), inst + QStringLiteral("/thumbnail"),
                                    inst + QStringLiteral("/frames/1/rendered"),
                                    QStringLiteral("/dicom-web/studies/%1/series/%2/thumbnail").arg(m_j2k.studyUid, m_j2k.seriesUid),
                                    QStringLiteral("/dicom-web/studies/%1/thumbnail").arg(m_j2k.studyUid),
                                    QStringLiteral("/wado?requestType=WADO&studyUID=%1&seriesUID=%2&objectUID=%3&contentType=image/jpeg")
                                        .arg(m_j2k.studyUid, m_j2k.seriesUid, m_j2kSop)}) {
            const QByteArray jpeg = raw(path.toLatin1(), &headers);
            QVERIFY2(jpeg.startsWith("\xFF\xD8\xFF"), qPrintable(path + QLatin1Char(' ') + QString::fromLatin1(headers)));
        }
        // A frame the object does not have: 404 with a reason, never a 500.
        test::RawClient c(m_port);
        c.send("GET " + (inst + QStringLiteral("/frames/5/rendered")).toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + m_auth + "\r\n\r\n");
        const QByteArray r = c.readResponse();
        QCOMPARE(test::statusOf(r), 404);
        QVERIFY(r.contains("no frame 5"));
    }

    // Real JPEG 2000 objects (lossless and lossy, grey and colour, 8 to 16
    // bits) from ../shared/testdata/dicom: every one renders, colour ones
    // as colour.
    void realJpeg2000Objects_allRender()
    {
        const QString root = test::sharedTestData();
        if (root.isEmpty())
            QSKIP("../shared/testdata/dicom is absent (real-data case)");
        int rendered = 0;
        for (const QByteArray &line : readFile(root + QStringLiteral("/INDEX.tsv")).split('\n')) {
            const QList<QByteArray> f = line.split('\t');
            if (f.size() < 3 || !f.at(2).startsWith("JPEG 2000") || f.at(0).contains("too_short"))
                continue;
            dicomweb::RenderOptions o;
            o.png = true;
            o.viewportWidth = o.viewportHeight = 64;
            const QString path = root + QLatin1Char('/') + QString::fromUtf8(f.at(0));
            auto png = dicomweb::renderFile(path, o);
            QVERIFY2(png.ok(), qPrintable(path + QStringLiteral(": ") + png.error()));
            QVERIFY(png.value().startsWith("\x89PNG"));
            // IHDR colour type (byte 25): 0 grey, 2 RGB.
            if (f.at(0).contains("US1_J2K") || f.at(0).contains("VL1_J2K"))
                QCOMPARE(int(png.value().at(25)), 2);
            ++rendered;
        }
        QVERIFY2(rendered >= 10, qPrintable(QString::number(rendered)));
    }

    // Several JPEG frames in fragments without a Basic Offset Table: DCMTK's
    // image classes cannot find the frames, /frames and the viewer can;
    // /rendered takes the same decoder, and the YBR JPEG comes out in the
    // colours dcmdjpeg gives (converted once, not green and magenta).
    void multiframeJpegWithoutOffsetTable_rendersEveryFrameLikeDcmdjpeg()
    {
        const QString root = test::sharedTestData();
        if (root.isEmpty())
            QSKIP("../shared/testdata/dicom is absent (real-data case)");
        if (QStandardPaths::findExecutable(QStringLiteral("dcmdjpeg")).isEmpty())
            QSKIP("dcmdjpeg (dcmtk) is not installed");
        const QString file = root + QStringLiteral("/robustness/dicomparser_encapsulation/encapsulated/multi-frame/"
                                                   "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm");
        const QString plain = m_tmp.filePath(QStringLiteral("us-plain.dcm"));
        QCOMPARE(test::runTool(QStringLiteral("dcmdjpeg"), {file, plain}), 0);
        for (int frame : {0, 4, 7}) {
            dicomweb::RenderOptions o;
            o.png = true;
            o.frame = frame;
            auto png = dicomweb::renderFile(file, o);
            QVERIFY2(png.ok(), qPrintable(QStringLiteral("frame %1: %2").arg(frame + 1).arg(png.error())));
            QCOMPARE(int(png.value().at(25)), 2);   // IHDR colour type: RGB
            auto expected = dicomweb::renderFile(plain, o);
            QVERIFY2(expected.ok(), qPrintable(expected.error()));
            QVERIFY2(png.value() == expected.value(), qPrintable(QStringLiteral("frame %1 differs from dcmdjpeg's").arg(frame + 1)));
        }
    }

    // Files of 1 MiB and more leave by sendfile(); smaller ones through the
    // buffer: a series of both comes out byte for byte as stored, with the
    // Content-Length announced up front.
    void retrieveOfLargeAndSmallFiles_isBitIdentical()
    {
        QStringList originals;
        test::CtPhantom big;
        big.slices = 2;
        big.rows = big.columns = 768;   // 1.1 MiB per file
        big.studyUid = test::newUid();
        big.seriesUid = test::newUid();
        originals << test::writeCtPhantom(m_tmp.filePath(QStringLiteral("big")), big);
        test::CtPhantom small = big;
        small.slices = 2;
        small.rows = small.columns = 16;
        small.originZ = 100;
        originals << test::writeCtPhantom(m_tmp.filePath(QStringLiteral("small")), small);
        QSet<QByteArray> expected;
        for (const QString &f : originals) {
            const QByteArray bytes = readFile(f);
            QVERIFY(m_archive->ingest({bytes, QStringLiteral("test")}).success());
            expected.insert(bytes);
        }
        QByteArray headers;
        const QByteArray body = raw(QStringLiteral("/dicom-web/studies/%1/series/%2").arg(big.studyUid, big.seriesUid).toLatin1(), &headers,
                                    "Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*\r\n");
        QVERIFY2(!body.isEmpty(), headers.constData());
        QVERIFY(headers.toLower().contains(QByteArray(QByteArray("content-length: ") + QByteArray::number(body.size()))));
        const QByteArray boundary = dicomweb::boundaryOf(headers.mid(headers.toLower().indexOf("content-type:") + 13).split('\r').value(0).trimmed());
        QSet<QByteArray> got;
        dicomweb::MultipartParser parser(boundary, [&](dicomweb::Part &p) {
            got.insert(p.body);
            return true;
        });
        QVERIFY(parser.feed(body));
        QVERIFY2(parser.finish(), qPrintable(parser.error()));
        QCOMPARE(parser.partCount(), 4);
        QVERIFY(got == expected);
    }

    void renderedStudyAndSeries_onePartPerInstance_withParameters()
    {
        const QString series = QStringLiteral("/dicom-web/studies/%1/series/%2").arg(m_ct.studyUid, m_ct.seriesUid);
        for (const QString &path : QStringList{series + QStringLiteral("/rendered"), QStringLiteral("/dicom-web/studies/%1/rendered").arg(m_ct.studyUid)}) {
            QByteArray headers;
            const QByteArray body = raw((path + QStringLiteral("?window=1024,400,linear&viewport=16,16&quality=80&annotation=patient,technique")).toLatin1(),
                                        &headers, "Accept: multipart/related; type=\"image/png\"\r\n");
            QVERIFY2(!body.isEmpty(), headers.constData());
            QVERIFY(headers.toLower().contains("content-type: multipart/related; type=\"image/png\""));
            // Annotation is drawn in every part (tst_annotation), so nothing is warned about.
            QVERIFY2(!headers.contains("Warning"), headers.constData());
            const QByteArray boundary = dicomweb::boundaryOf(headers.mid(headers.toLower().indexOf("content-type:") + 13).split('\r').value(0).trimmed());
            QVERIFY(!boundary.isEmpty());
            QList<QByteArray> parts;
            dicomweb::MultipartParser parser(boundary, [&](dicomweb::Part &p) {
                parts << p.body;
                return true;
            });
            QVERIFY(parser.feed(body));
            QVERIFY2(parser.finish(), qPrintable(parser.error()));
            QCOMPARE(parts.size(), 3);
            for (const QByteArray &png : parts) {
                QVERIFY(png.startsWith("\x89PNG"));
                QCOMPARE(qFromBigEndian<quint32>(png.constData() + 16), 16u);   // viewport 16 x 16
            }
        }
        // Bad parameters of a study-level request are 400 before anything is sent.
        QByteArray headers;
        raw(QStringLiteral("/dicom-web/studies/%1/rendered?annotation=everything").arg(m_ct.studyUid).toLatin1(), &headers);
        QVERIFY(headers.startsWith("HTTP/1.1 400"));
    }

    void wadoUriAnonymize_returnsADeidentifiedObject()
    {
        const QString q = QStringLiteral("/wado?requestType=WADO&studyUID=%1&seriesUID=%2&objectUID=%3&contentType=application/dicom&anonymize=yes")
                              .arg(m_ct.studyUid, m_ct.seriesUid, m_sop);
        QByteArray headers;
        const QByteArray body = raw(q.toLatin1(), &headers);
        QVERIFY2(!body.isEmpty(), headers.constData());
        QCOMPARE(body.mid(128, 4), QByteArray("DICM"));
        DcmInputBufferStream in;
        in.setBuffer(body.constData(), offile_off_t(body.size()));
        in.setEos();
        DcmFileFormat ff;
        ff.transferInit();
        QVERIFY(ff.read(in).good());
        ff.transferEnd();
        OFString name, id, sop;
        ff.getDataset()->findAndGetOFString(DCM_PatientName, name);
        ff.getDataset()->findAndGetOFString(DCM_PatientID, id);
        ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, sop);
        QVERIFY(!QString::fromUtf8(name.c_str()).contains(QStringLiteral("Hans")));
        QVERIFY(QString::fromLatin1(id.c_str()) != m_ct.patientId);
        QVERIFY(!sop.empty() && QString::fromLatin1(sop.c_str()) != m_sop);
        // The pixels are the stored ones.
        const Uint16 *pixels = nullptr;
        QVERIFY(ff.getDataset()->findAndGetUint16Array(DCM_PixelData, pixels).good());
        DcmFileFormat original;
        QVERIFY(original.loadFile(m_ctFiles.at(1).toLocal8Bit().constData()).good());
        const Uint16 *originalPixels = nullptr;
        QVERIFY(original.getDataset()->findAndGetUint16Array(DCM_PixelData, originalPixels).good());
        QCOMPARE(memcmp(pixels, originalPixels, size_t(m_ct.rows * m_ct.columns * 2)), 0);
        // anonymize only with application/dicom; other values are 400.
        raw(QString(q).replace(QStringLiteral("application/dicom"), QStringLiteral("image/jpeg")).toLatin1(), &headers);
        QVERIFY(headers.startsWith("HTTP/1.1 400"));
        raw(QString(q).replace(QStringLiteral("anonymize=yes"), QStringLiteral("anonymize=no")).toLatin1(), &headers);
        QVERIFY(headers.startsWith("HTTP/1.1 400"));
    }

    void qidoIgnoresUnsupportedParametersWithAWarning_andMatchesNamesFuzzily()
    {
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        QString out;
        QVERIFY2(python(QStringLiteral("qido"), {m_ct.patientId}, &out) == 0, qPrintable(out));
    }

    // PS3.18 10.5: DICOM JSON with the pixel data in its own part, named by
    // Content-Location; native, and one JPEG 2000 frame with its transfer
    // syntax in the part's media type. Stored as Part 10 and retrieved with
    // the original's pixel bytes.
    void stowOfDicomJsonWithBulkData_storesPart10WithTheOriginalPixels_data()
    {
        QTest::addColumn<bool>("jpeg2000");
        QTest::newRow("native") << false;
        QTest::newRow("jpeg2000") << true;
    }
    void stowOfDicomJsonWithBulkData_storesPart10WithTheOriginalPixels()
    {
        QFETCH(bool, jpeg2000);
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        if (jpeg2000 && QStandardPaths::findExecutable(QStringLiteral("gdcmconv")).isEmpty())
            QSKIP("gdcmconv (libgdcm-tools) is not installed");
        const QString dir = m_tmp.filePath(jpeg2000 ? QStringLiteral("stowjson-j2k") : QStringLiteral("stowjson"));
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 40;
        p.patientId = QStringLiteral("STOWJSON");
        QString file = test::writeCtPhantom(dir, p).constFirst();
        if (jpeg2000) {
            const QString j2k = dir + QStringLiteral("/j2k.dcm");
            QString log;
            QVERIFY2(test::runTool(QStringLiteral("gdcmconv"), {QStringLiteral("--j2k"), file, j2k}, &log) == 0, qPrintable(log));
            file = j2k;
        }
        DcmFileFormat original;
        QVERIFY(original.loadFile(file.toLocal8Bit().constData()).good());
        DcmDataset &ds = *original.getDataset();
        const QByteArray pixels = pixelBytes(ds);
        QVERIFY(pixels.size() > 100);
        const QString location = QStringLiteral("http://client.example/bulk/") + test::newUid();
        dicom::JsonOptions options;
        options.bulkDataThreshold = 1 << 30;   // only the pixel data goes in its own part
        options.bulkDataUri = [&](const QStringList &, const QList<int> &) { return location; };
        const QJsonObject json = dicom::toDicomJson(ds, options);
        QVERIFY(json.value(QStringLiteral("7FE00010")).toObject().contains(QStringLiteral("BulkDataURI")));
        auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(dir + QStringLiteral("/meta.json"), QJsonDocument(QJsonArray{json}).toJson()));
        QVERIFY(write(dir + QStringLiteral("/pixels.bin"), pixels));
        const QString type = jpeg2000 ? QStringLiteral("image/jp2; transfer-syntax=1.2.840.10008.1.2.4.90")
                                      : QStringLiteral("application/octet-stream");
        QVERIFY(write(dir + QStringLiteral("/manifest.txt"),
                      (dir + QStringLiteral("/meta.json\n") + location + QLatin1Char('\t') + type + QLatin1Char('\t') + dir +
                       QStringLiteral("/pixels.bin\n")).toUtf8()));
        QString out;
        QVERIFY2(python(QStringLiteral("stowjson"), {dir + QStringLiteral("/manifest.txt")}, &out) == 0, qPrintable(out));

        // Retrieved as stored: a Part 10 file with the same pixel bytes.
        QByteArray headers;
        OFString study, series;
        ds.findAndGetOFString(DCM_StudyInstanceUID, study);
        ds.findAndGetOFString(DCM_SeriesInstanceUID, series);
        p.studyUid = QString::fromLatin1(study.c_str());
        p.seriesUid = QString::fromLatin1(series.c_str());
        const QByteArray body = raw(instancePath(p, sopOf(file)).toLatin1(), &headers,
                                    "Accept: application/dicom; transfer-syntax=*\r\n");
        QVERIFY2(body.mid(128, 4) == "DICM", headers.constData());
        DcmInputBufferStream in;
        in.setBuffer(body.constData(), offile_off_t(body.size()));
        in.setEos();
        DcmFileFormat stored;
        stored.transferInit();
        QVERIFY(stored.read(in).good());
        stored.transferEnd();
        QCOMPARE(QString::fromLatin1(DcmXfer(stored.getDataset()->getOriginalXfer()).getXferID()),
                 QString::fromLatin1(DcmXfer(ds.getOriginalXfer()).getXferID()));
        QCOMPARE(pixelBytes(*stored.getDataset()), pixels);
    }

    void servePort0_meansNoListener()
    {
        const QString data = m_tmp.filePath(QStringLiteral("serve"));
        for (const bool dicomOff : {true, false}) {
            const quint16 used = test::freePort();
            test::Peer node;
            const QStringList ports = dicomOff
                ? QStringList{QStringLiteral("--dicom-port"), QStringLiteral("0"), QStringLiteral("--http-port"), QString::number(used)}
                : QStringList{QStringLiteral("--dicom-port"), QString::number(used), QStringLiteral("--http-port"), QStringLiteral("0")};
            QVERIFY(node.start(QStringLiteral(KILIMA_NODE_BIN),
                               QStringList{QStringLiteral("--data-dir"), data, QStringLiteral("serve"), QStringLiteral("--bind"),
                                           QStringLiteral("127.0.0.1")} + ports));
            QVERIFY2(node.waitForPort(used), qPrintable(node.output()));
            // Exactly the one port asked for: 0 opened nothing, not a random port.
            QCOMPARE(listeningSockets(node.process().processId()), 1);
            if (dicomOff)
                QTRY_VERIFY2_WITH_TIMEOUT(node.output().contains(QStringLiteral("no DICOM listener")), qPrintable(node.output()), 15000);
            node.terminate();
        }
    }
};

QTEST_GUILESS_MAIN(TestWebRoutes)
#include "tst_webroutes.moc"
