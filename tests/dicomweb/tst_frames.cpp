// WADO-RS /frames, /rendered and thumbnails of a stored frame that does not
// decode to its image: a JPEG lossless frame labelled Baseline whose frame
// header is smaller than Rows x Columns. DCMTK filled part of an
// uninitialised buffer and reported success, so /frames/1 answered 200
// with pixels of whatever an earlier request decoded (another patient's
// CT). Asked twice with good decodes between, it must be a 406 with the
// reason both times, never pixels; the intact object still decodes.
#include "phantom.h"
#include "peers.h"
#include "service_p.h"

#include <kilima/archive/archive.h>
#include <kilima/core/datadir.h>

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestFrames : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<dicomweb::WebService> m_service;
    test::CtPhantom m_ct;
    QString m_goodSop, m_badSop;
    QByteArray m_goodPixels;

    QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    dicomweb::HttpRequest request(const QByteArray &accept) const
    {
        dicomweb::HttpRequest r;
        r.method = "GET";
        r.accept = accept;
        r.user = QStringLiteral("admin");
        r.peer = QStringLiteral("127.0.0.1");
        r.baseUrl = QStringLiteral("http://127.0.0.1/dicom-web");
        return r;
    }

    dicomweb::HttpReply frame1(const QString &sop)
    {
        return m_service->frames(request("application/octet-stream"), m_ct.studyUid, m_ct.seriesUid, sop, QStringLiteral("1"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcmcjpeg")).isEmpty())
            QSKIP("dcmtk's dcmcjpeg is not installed");
        core::Config config;
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), config);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = std::move(a.value());
        m_service = std::make_unique<dicomweb::WebService>(*m_archive, config);

        m_ct.slices = 2;
        m_ct.rows = m_ct.columns = 32;
        m_ct.studyUid = test::newUid();
        m_ct.seriesUid = test::newUid();
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_ct);
        // Slice 1 stays intact (uncompressed); slice 2 becomes JPEG lossless,
        // then labelled Baseline with a 16 x 16 frame header.
        QByteArray good = readAll(files.at(0));
        auto ingested = m_archive->ingest({good, QStringLiteral("test")});
        QVERIFY2(ingested.success(), qPrintable(ingested.reason));
        m_goodSop = ingested.sopInstanceUid;
        const QString lossless = m_tmp.filePath(QStringLiteral("lossless.dcm"));
        QString out;
        QVERIFY2(test::runTool(QStringLiteral("dcmcjpeg"), {QStringLiteral("+e1"), files.at(1), lossless}, &out) == 0, qPrintable(out));
        QByteArray bad = readAll(lossless);
        const int ts = bad.indexOf("1.2.840.10008.1.2.4.70");
        QVERIFY(ts > 0);
        bad.replace(ts, 22, "1.2.840.10008.1.2.4.50");
        const QByteArray sof("\xff\xc3\x00\x0b\x10\x00\x20\x00\x20", 9);
        const int at = bad.indexOf(sof);
        QVERIFY2(at > 0, "dcmcjpeg's frame header is not where expected");
        bad.replace(at, sof.size(), QByteArray("\xff\xc3\x00\x0b\x10\x00\x10\x00\x10", 9));
        ingested = m_archive->ingest({bad, QStringLiteral("test")});
        QVERIFY2(ingested.success(), qPrintable(ingested.reason));
        m_badSop = ingested.sopInstanceUid;

        const dicomweb::HttpReply intact = frame1(m_goodSop);
        QCOMPARE(intact.status, 200);
        m_goodPixels = intact.body;
        QCOMPARE(m_goodPixels.size(), 32 * 32 * 2);
    }

    void frameThatDoesNotDecodeToItsImage_ShouldBe406BothTimes()
    {
        QList<dicomweb::HttpReply> answers;
        for (int attempt = 0; attempt < 2; ++attempt) {
            answers << frame1(m_badSop);
            // Other decodes in between, as on a busy node: their pixels
            // must never show up in the next answer.
            for (int i = 0; i < 3; ++i) {
                const dicomweb::HttpReply other = frame1(m_goodSop);
                QCOMPARE(other.status, 200);
                QCOMPARE(other.body, m_goodPixels);
            }
        }
        for (const dicomweb::HttpReply &r : answers) {
            QCOMPARE(r.status, 406);
            QVERIFY2(r.body.contains("frame 1 cannot be decoded"), r.body.constData());
            QVERIFY2(r.body.contains("the codestream is lossless (SOF3) but the transfer syntax is JPEG Baseline"), r.body.constData());
            QVERIFY(!r.body.contains(m_goodPixels.left(64)));
        }
        QCOMPARE(answers.at(0).body, answers.at(1).body);
    }

    void renderedAndThumbnail_ShouldBe406NotAnImage()
    {
        for (bool thumbnail : {false, true}) {
            const dicomweb::HttpReply r = m_service->rendered(request("image/png"), archive::Level::Instance, m_ct.studyUid,
                                                              m_ct.seriesUid, m_badSop, 0, thumbnail);
            QCOMPARE(r.status, 406);
            QVERIFY2(r.body.contains("the frame cannot be decoded"), r.body.constData());
            QVERIFY(!r.body.startsWith("\x89PNG"));
            const dicomweb::HttpReply good = m_service->rendered(request("image/png"), archive::Level::Instance, m_ct.studyUid,
                                                                 m_ct.seriesUid, m_goodSop, 0, thumbnail);
            QCOMPARE(good.status, 200);
            QVERIFY(good.body.startsWith("\x89PNG"));
        }
    }

    void retrieveConvertingIt_ShouldCutTheStreamNamingTheFile()
    {
        // Converting the object to explicit VR little endian decodes it: the
        // answer's status is already sent, so the stream stops (the
        // transport then ends the connection without the final chunk) and
        // the log names the stored file and why.
        const dicomweb::HttpReply r = m_service->retrieve(
            request("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1"), archive::Level::Instance,
            m_ct.studyUid, m_ct.seriesUid, m_badSop);
        QCOMPARE(r.status, 200);
        QVERIFY(r.stream);
        QByteArray body;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("WADO-RS retrieve cut short: stored file .*\\.dcm could not be read or "
                                                               "converted to 1\\.2\\.840\\.10008\\.1\\.2\\.1: the stored pixel data "
                                                               "cannot be decoded: .*lossless \\(SOF3\\)")));
        const bool complete = r.stream([&](const char *data, qint64 size) {
            body.append(data, int(size));
            return true;
        });
        QVERIFY(!complete);
        QVERIFY(!body.contains(m_goodPixels.left(64)));
    }

    void asStored_ShouldStillBeServed()
    {
        // The stored bytes are the sender's; whoever wants them as they are
        // still gets them.
        const dicomweb::HttpReply r = m_service->frames(request("application/octet-stream; transfer-syntax=*"), m_ct.studyUid,
                                                        m_ct.seriesUid, m_badSop, QStringLiteral("1"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("\xff\xd8"));
    }
};

QTEST_GUILESS_MAIN(TestFrames)
#include "tst_frames.moc"
