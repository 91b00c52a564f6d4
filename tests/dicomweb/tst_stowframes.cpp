// STOW-RS of DICOM JSON whose compressed pixel data has several frames
// (PS3.18 10.5, 8.7.3.3): a real 8-frame JPEG Baseline object, fragmented
// with no offset table, sent by Python's http.client (webclient.py) in the
// three shapes a client may use (parts sharing the pixel data's
// Content-Location, parts at {BulkDataURI}/frames/{n}, one nested
// multipart/related part), then every frame retrieved with /frames is the
// original frame's bytes as DCMTK reads them from the fragments. Fewer
// frames than Number of Frames fail the instance with the reason.
#include "peers.h"
#include "rawhttp.h"
#include "testdata.h"

#include <kilima/archive/archive.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/multipart.h>
#include <kilima/dicomweb/server.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

// The frames of encapsulated pixel data without an offset table: a
// fragment that opens with a JPEG SOI marker starts the next frame.
QList<QByteArray> jpegFrames(DcmDataset &ds)
{
    DcmElement *e = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, e).bad() || !e)
        return {};
    auto *pixel = static_cast<DcmPixelData *>(e);
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter *param = nullptr;
    pixel->getOriginalRepresentationKey(xfer, param);
    DcmPixelSequence *seq = nullptr;
    if (pixel->getEncapsulatedRepresentation(xfer, param, seq).bad() || !seq)
        return {};
    QList<QByteArray> frames;
    for (unsigned long i = 1; i < seq->card(); ++i) {   // item 0 is the offset table
        DcmPixelItem *item = nullptr;
        Uint8 *data = nullptr;
        if (seq->getItem(item, i).bad() || item->getUint8Array(data).bad() || !data)
            return {};
        const QByteArray fragment(reinterpret_cast<const char *>(data), int(item->getLength()));
        if (fragment.startsWith("\xFF\xD8") || frames.isEmpty())
            frames << fragment;
        else
            frames.last() += fragment;
    }
    return frames;
}

} // namespace

class TestStowFrames : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<dicomweb::DicomWebServer> m_server;
    quint16 m_port = 0;
    QByteArray m_auth;
    QString m_python;

    // A GET's body, the chunked framing of streamed answers undone.
    QByteArray get(const QString &path, const QByteArray &accept, QByteArray *headers)
    {
        test::RawClient c(m_port);
        c.send("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + m_auth +
               "\r\nAccept: " + accept + "\r\n\r\n");
        const QByteArray r = c.readAll(20000);
        const int end = r.indexOf("\r\n\r\n");
        *headers = r.left(end);
        if (test::statusOf(r) != 200)
            return {};
        const QByteArray body = r.mid(end + 4);
        if (!headers->toLower().contains("transfer-encoding: chunked"))
            return body;
        QByteArray plain;
        for (int at = 0;;) {
            const int eol = body.indexOf("\r\n", at);
            const int size = eol < 0 ? -1 : body.mid(at, eol - at).toInt(nullptr, 16);
            if (size <= 0)
                return size == 0 ? plain : QByteArray();
            plain += body.mid(eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.httpPort = 0;
        config.http.threads = 2;
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), config);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = std::move(a.value());
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

    // Frames that disagree with Number of Frames would be split differently
    // by every decoder: the instance fails, nothing is stored.
    void framesFewerThanNumberOfFrames_failTheInstance()
    {
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        const QString source = test::sharedTestData() + QStringLiteral(
            "/robustness/dicomparser_encapsulation/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm");
        if (test::sharedTestData().isEmpty() || !QFile::exists(source))
            QSKIP("the shared multi-frame JPEG test file is not there");
        DcmFileFormat original;
        QVERIFY(original.loadFile(source.toLocal8Bit().constData()).good());
        DcmDataset &ds = *original.getDataset();
        const QList<QByteArray> frames = jpegFrames(ds);
        QCOMPARE(frames.size(), 8);
        char uid[100];
        ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
        const QString dir = m_tmp.filePath(QStringLiteral("short"));
        QVERIFY(QDir().mkpath(dir));
        const QString location = QStringLiteral("http://client.example/bulk/short");
        dicom::JsonOptions options;
        options.bulkDataThreshold = 1 << 30;
        options.bulkDataUri = [&](const QStringList &, const QList<int> &) { return location; };
        QFile meta(dir + QStringLiteral("/meta.json"));
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QJsonDocument(QJsonArray{dicom::toDicomJson(ds, options)}).toJson());
        meta.close();
        QStringList args{QStringLiteral("same:409"), meta.fileName(), location, QStringLiteral("image/jpeg")};
        for (int i = 0; i < 7; ++i) {
            QFile f(dir + QStringLiteral("/frame%1.jpg").arg(i + 1));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(frames.at(i)) == frames.at(i).size());
            args << f.fileName();
        }
        QString out;
        QVERIFY2(test::runTool(m_python, QStringList{QStringLiteral(KILIMA_TEST_SOURCE_DIR "/webclient.py"), QString::number(m_port),
                                                     QString::fromLatin1(m_auth), QStringLiteral("stowframes")} + args,
                               &out, 120000) == 0,
                 qPrintable(out));
    }

    void multiFrameJpeg_eachFrameIsStoredAsSent_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("parts sharing the Content-Location") << QStringLiteral("same");
        QTest::newRow("parts at frames/n") << QStringLiteral("numbered");
        QTest::newRow("one multipart part of frames") << QStringLiteral("nested");
    }
    void multiFrameJpeg_eachFrameIsStoredAsSent()
    {
        QFETCH(QString, mode);
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
        const QString source = test::sharedTestData() + QStringLiteral(
            "/robustness/dicomparser_encapsulation/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm");
        if (test::sharedTestData().isEmpty() || !QFile::exists(source))
            QSKIP("the shared multi-frame JPEG test file is not there");
        DcmFileFormat original;
        QVERIFY(original.loadFile(source.toLocal8Bit().constData()).good());
        DcmDataset &ds = *original.getDataset();
        const QList<QByteArray> frames = jpegFrames(ds);
        QCOMPARE(frames.size(), 8);
        // Each shape stores its own instance.
        char uid[100];
        ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
        OFString study, series, sop;
        ds.findAndGetOFString(DCM_StudyInstanceUID, study);
        ds.findAndGetOFString(DCM_SeriesInstanceUID, series);
        ds.findAndGetOFString(DCM_SOPInstanceUID, sop);

        const QString dir = m_tmp.filePath(mode);
        QVERIFY(QDir().mkpath(dir));
        const QString location = QStringLiteral("http://client.example/bulk/") + QString::fromLatin1(sop.c_str());
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
        QStringList args{mode, dir + QStringLiteral("/meta.json"), location,
                         QStringLiteral("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50")};
        for (int i = 0; i < frames.size(); ++i) {
            args << dir + QStringLiteral("/frame%1.jpg").arg(i + 1);
            QVERIFY(write(args.last(), frames.at(i)));
        }
        QString out;
        QVERIFY2(test::runTool(m_python, QStringList{QStringLiteral(KILIMA_TEST_SOURCE_DIR "/webclient.py"), QString::number(m_port),
                                                     QString::fromLatin1(m_auth), QStringLiteral("stowframes")} + args,
                               &out, 120000) == 0,
                 qPrintable(out));

        // Every frame, as stored, is the frame that was sent.
        QByteArray headers;
        const QString path = QStringLiteral("/dicom-web/studies/%1/series/%2/instances/%3/frames/1,2,3,4,5,6,7,8")
                                 .arg(QString::fromLatin1(study.c_str()), QString::fromLatin1(series.c_str()),
                                      QString::fromLatin1(sop.c_str()));
        const QByteArray body = get(path, "multipart/related; type=\"image/jpeg\"; transfer-syntax=1.2.840.10008.1.2.4.50", &headers);
        QVERIFY2(!body.isEmpty(), headers.constData());
        const QByteArray boundary =
            dicomweb::boundaryOf(headers.mid(headers.toLower().indexOf("content-type:") + 13).split('\r').value(0).trimmed());
        QList<QByteArray> got;
        dicomweb::MultipartParser parser(boundary, [&](dicomweb::Part &p) {
            got << p.body;
            return true;
        });
        QVERIFY(parser.feed(body));
        QVERIFY2(parser.finish(), qPrintable(parser.error()));
        QCOMPARE(got.size(), frames.size());
        for (int i = 0; i < frames.size(); ++i)
            QVERIFY2(got.at(i) == frames.at(i), qPrintable(QStringLiteral("frame %1: %2 bytes, sent %3")
                                                                .arg(i + 1).arg(got.at(i).size()).arg(frames.at(i).size())));
    }
};

QTEST_GUILESS_MAIN(TestStowFrames)
#include "tst_stowframes.moc"
