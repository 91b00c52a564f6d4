// HTTP/1.1 framing of Kilima's server: request heads, targets and chunked
// bodies, byte by byte, including what RFC 9112 says to refuse.
#include "httpparse_p.h"

#include <QTest>

using namespace kilima::dicomweb::http;

class TestHttpParse : public QObject {
    Q_OBJECT

    static ParseResult parse(const std::string &s, RequestHead *h = nullptr)
    {
        RequestHead local;
        return parseRequestHead(s, Limits(), h ? h : &local);
    }

private Q_SLOTS:
    void completeHead_givesItsPartsAndLength()
    {
        RequestHead h;
        const std::string s = "\r\nPOST /a?b=c HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nCONNECTION: close\r\n\r\nhello";
        const ParseResult r = parse(s, &h);
        QCOMPARE(int(r.state), int(ParseResult::Complete));
        QCOMPARE(s.substr(r.consumed), std::string("hello"));
        QCOMPARE(h.method, std::string("POST"));
        QCOMPARE(h.target, std::string("/a?b=c"));
        QCOMPARE(h.contentLength, 5);
        QVERIFY(!h.keepAlive);
        QCOMPARE(*h.header("host"), std::string("x"));
    }

    void headSplitAnywhere_isIncompleteUntilItsEnd()
    {
        const std::string s = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        for (std::size_t i = 0; i < s.size(); ++i)
            QCOMPARE(int(parse(s.substr(0, i)).state), int(ParseResult::Incomplete));
        QCOMPARE(int(parse(s).state), int(ParseResult::Complete));
        QCOMPARE(int(parse("GET / HTTP/1.1\nHost: x\n\n").state), int(ParseResult::Complete));
    }

    void refusals_carryTheRfcStatus_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("two lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("te and cl") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n") << 400;
        QTest::newRow("te gzip") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("te in 1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("fold") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nA : b\r\n\r\n") << 400;
        QTest::newRow("nul in value") << QByteArray("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 26) << 400;
        QTest::newRow("expect other") << QByteArray("GET / HTTP/1.1\r\nExpect: 200-ok\r\n\r\n") << 417;
        QTest::newRow("long line") << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n") << 414;
        QTest::newRow("long line incomplete") << QByteArray("GET /" + QByteArray(9000, 'a')) << 414;
        QTest::newRow("long field") << QByteArray("GET / HTTP/1.1\r\nA: " + QByteArray(9000, 'a') + "\r\n\r\n") << 431;
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 101; ++i)
            many += "A: b\r\n";
        QTest::newRow("many fields") << QByteArray(many + "\r\n") << 431;
        QByteArray endless = "GET / HTTP/1.1\r\n";
        while (endless.size() < 40000)
            endless += "A: b\r\n";
        QTest::newRow("endless head") << endless << 431;
    }
    void refusals_carryTheRfcStatus()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        const ParseResult r = parse(head.toStdString());
        QCOMPARE(int(r.state), int(ParseResult::Error));
        QCOMPARE(r.status, status);
        QVERIFY(!r.why.empty());
    }

    void targets_decodeOnceAndRefuseTraversal_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("plain") << QByteArray("/dicom-web/studies") << true << QByteArray("/dicom-web/studies");
        QTest::newRow("escaped letter") << QByteArray("/dicom-web/stud%69es") << true << QByteArray("/dicom-web/studies");
        QTest::newRow("absolute form") << QByteArray("http://h:1/dicom-web/studies?x=1") << true << QByteArray("/dicom-web/studies");
        QTest::newRow("double encoded stays literal") << QByteArray("/a/%252e%252e") << true << QByteArray("/a/%2e%2e");
        QTest::newRow("dotdot") << QByteArray("/a/../b") << false << QByteArray();
        QTest::newRow("encoded dotdot") << QByteArray("/a/%2e%2E/b") << false << QByteArray();
        QTest::newRow("encoded slash") << QByteArray("/a/..%2fb") << false << QByteArray();
        QTest::newRow("encoded backslash") << QByteArray("/a/%5cb") << false << QByteArray();
        QTest::newRow("overlong dot") << QByteArray("/a/%c0%ae%c0%ae") << false << QByteArray();
        QTest::newRow("nul") << QByteArray("/frames/1%00") << false << QByteArray();
        QTest::newRow("crlf") << QByteArray("/a%0d%0ab") << false << QByteArray();
        QTest::newRow("truncated escape") << QByteArray("/a%2") << false << QByteArray();
        QTest::newRow("relative") << QByteArray("a/b") << false << QByteArray();
    }
    void targets_decodeOnceAndRefuseTraversal()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, ok);
        QFETCH(QByteArray, path);
        Target t;
        std::string why;
        QCOMPARE(splitTarget(target.toStdString(), &t, &why), ok);
        if (ok)
            QCOMPARE(QByteArray::fromStdString(t.path), path);
        else
            QVERIFY(!why.empty());
    }

    void query_plusIsSpaceAndOrderKept()
    {
        Target t;
        std::string why;
        QVERIFY(splitTarget("/s?PatientName=DOE%5EJ*+X&&limit=5&flag", &t, &why));
        QCOMPARE(t.query.size(), std::size_t(3));
        QCOMPARE(t.query[0].second, std::string("DOE^J* X"));
        QCOMPARE(t.query[1].first, std::string("limit"));
        QCOMPARE(t.query[2].first, std::string("flag"));
        QVERIFY(!splitTarget("/s?a=%00", &t, &why));
    }

    void chunked_decodesAcrossAnySplit()
    {
        const std::string body = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
        for (std::size_t step = 1; step <= body.size(); ++step) {
            ChunkedDecoder d;
            std::string out;
            std::size_t used = 0;
            for (std::size_t i = 0; i < body.size() && !d.done(); i += step) {
                const std::size_t n = std::min(step, body.size() - i);
                used += d.feed(body.data() + i, n, [&](const char *p, std::size_t k) { out.append(p, k); return true; });
                if (d.done())
                    break;
            }
            QVERIFY(d.done());
            QCOMPARE(out, std::string("hello world"));
            QCOMPARE(body.substr(used), std::string("NEXT"));
        }
    }

    void chunked_refusesLies()
    {
        for (const std::string bad : {"zz\r\n", "5\r\nhelloXX", "1234567890abcdef0\r\n", "5\rhello"}) {
            ChunkedDecoder d;
            d.feed(bad.data(), bad.size(), [](const char *, std::size_t) { return true; });
            QVERIFY2(d.failed(), bad.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpParse)
#include "tst_httpparse.moc"
