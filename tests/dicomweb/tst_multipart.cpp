// multipart/related parsing as STOW-RS and WADO-RS bodies arrive: in any
// chunking, with preamble and epilogue, and hostile bodies rejected with a
// message. Accept header negotiation.
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <QTest>

using namespace kilima::dicomweb;

class TestMultipart : public QObject {
    Q_OBJECT

    static QByteArray body(const QByteArray &boundary, const QList<QByteArray> &parts, bool preamble = true)
    {
        QByteArray b = preamble ? QByteArray("this is a preamble\r\n") : QByteArray();
        for (const QByteArray &p : parts)
            b += partHeader(boundary, "application/dicom") + p + "\r\n";
        b += closingDelimiter(boundary);
        b += "epilogue ignored";
        return b;
    }

private Q_SLOTS:
    void parsesEveryChunking()
    {
        const QByteArray boundary = newBoundary();
        // Part bodies that contain CRLF, dashes and a near-boundary.
        const QList<QByteArray> parts{QByteArray("DICM\r\n--not-the-boundary\r\n"), QByteArray(3000, 'x'), QByteArray(),
                                      QByteArray("\r\n--") + boundary.left(boundary.size() - 1) + "Z"};
        const QByteArray b = body(boundary, parts);
        for (int chunk : {1, 2, 3, 7, 64, 1000, int(b.size())}) {
            QList<QByteArray> got;
            MultipartParser parser(boundary, [&](Part &p) {
                got << p.body;
                return p.header("content-type") == "application/dicom";
            });
            for (int i = 0; i < b.size(); i += chunk)
                QVERIFY2(parser.feed(b.mid(i, chunk)), qPrintable(parser.error()));
            QVERIFY2(parser.finish(), qPrintable(parser.error()));
            QCOMPARE(got, parts);
        }
    }

    void firstBoundaryWithoutPreamble()
    {
        const QByteArray boundary("b1");
        QList<QByteArray> got;
        MultipartParser parser(boundary, [&](Part &p) { got << p.body; return true; });
        QVERIFY(parser.feed(body(boundary, {"one", "two"}, false)));
        QVERIFY(parser.finish());
        QCOMPARE(got, (QList<QByteArray>{"one", "two"}));
    }

    void truncatedBodyIsAnError()
    {
        const QByteArray boundary("b1");
        const QByteArray b = body(boundary, {"one", "two"});
        int parts = 0;
        MultipartParser parser(boundary, [&](Part &) { ++parts; return true; });
        QVERIFY(parser.feed(b.left(b.indexOf("two") + 2)));
        QVERIFY(!parser.finish());
        QCOMPARE(parts, 1);
        QVERIFY(parser.error().contains(QLatin1String("ended before its closing boundary")));
    }

    void wrongBoundaryIsAnError()
    {
        MultipartParser parser("other", [](Part &) { return true; });
        parser.feed(body("b1", {"one"}));
        QVERIFY(!parser.finish());
        QVERIFY(parser.error().contains(QLatin1String("boundary")));
    }

    void oversizedPartIsRefusedEarly()
    {
        const QByteArray boundary("b1");
        MultipartParser parser(boundary, [](Part &) { return true; }, 1000);
        QVERIFY(parser.feed(partHeader(boundary, "application/dicom")));
        QVERIFY(!parser.feed(QByteArray(5000, 'a')));
        QVERIFY(parser.error().contains(QLatin1String("larger than the limit")));
    }

    void endlessHeadersAreRefused()
    {
        MultipartParser parser("b1", [](Part &) { return true; });
        parser.feed(QByteArray("--b1\r\nX-Long: ") + QByteArray(40000, 'h'));
        QVERIFY(!parser.finish());
        QVERIFY(parser.error().contains(QLatin1String("headers longer")));
    }

    void boundaryParameter()
    {
        QCOMPARE(boundaryOf("multipart/related; type=\"application/dicom\"; boundary=\"abc def\""), QByteArray("abc def"));
        QCOMPARE(boundaryOf("multipart/related; boundary=xyz"), QByteArray("xyz"));
        QVERIFY(boundaryOf("multipart/related; type=application/dicom").isEmpty());
        QVERIFY(boundaryOf(QByteArray("multipart/related; boundary=") + QByteArray(71, 'a')).isEmpty());
    }

    void acceptOrderedByQuality()
    {
        const auto a = parseAccept("image/png;q=0.5, multipart/related; type=\"application/dicom\"; transfer-syntax=*, image/jpeg;q=0");
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).type, QByteArray("multipart/related"));
        QCOMPARE(a.at(0).param("type"), QByteArray("application/dicom"));
        QCOMPARE(a.at(0).param("transfer-syntax"), QByteArray("*"));
        QCOMPARE(a.at(1).type, QByteArray("image/png"));
        QCOMPARE(frameMediaType(QStringLiteral("1.2.840.10008.1.2.4.80")), QByteArray("image/jls"));
    }
};

QTEST_GUILESS_MAIN(TestMultipart)
#include "tst_multipart.moc"
