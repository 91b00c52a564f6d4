// The S3 client against a real S3-compatible server (s3rver on loopback):
// signed requests accepted, PUT checked by MD5, multipart, ranged GET, HEAD,
// ListObjectsV2 across continuation pages, DELETE, copy with a storage
// class, and a clear error for wrong credentials (never echoing the secret).
#include "s3peer.h"

#include <kilima/cloud/s3client.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::cloud;

class TestS3Client : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<test::S3Server> m_s3;
    const QString m_bucket = QStringLiteral("kilima-client");

    S3Settings settings() const
    {
        S3Settings s;
        s.endpoint = m_s3->endpoint();
        s.bucket = m_bucket;
        s.pathStyle = true;
        return s;
    }
    static SigningKey key() { return {QStringLiteral("S3RVER"), QStringLiteral("S3RVER"), {}}; }
    static QByteArray randomBytes(int n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (int i = 0; i < n; ++i)
            b[i] = char(QRandomGenerator::global()->bounded(256));
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::s3rverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_s3 = std::make_unique<test::S3Server>(m_tmp.filePath(QStringLiteral("s3")));
        QVERIFY(m_s3->start());
        S3Client client(settings(), key());
        QVERIFY2(client.createBucket().ok(), "create bucket");
    }
    void cleanupTestCase()
    {
        if (m_s3)
            m_s3->stop();
    }

    void put_get_head_roundTripsBytesAndMetadata()
    {
        S3Client client(settings(), key());
        const QByteArray data = randomBytes(100000);
        PutOptions o;
        o.metadata.insert(QStringLiteral("sha256"), sha256Hex(data));
        auto put = client.putObject(QStringLiteral("dicom/1.2/3.4/5 6.dcm"), data, o);
        QVERIFY2(put.ok(), qPrintable(put.error()));
        QCOMPARE(put.value().etag, md5Hex(data));
        auto got = client.getObject(QStringLiteral("dicom/1.2/3.4/5 6.dcm"));
        QVERIFY2(got.ok(), qPrintable(got.error()));
        QCOMPARE(got.value(), data);
        auto head = client.headObject(QStringLiteral("dicom/1.2/3.4/5 6.dcm"));
        QVERIFY2(head.ok(), qPrintable(head.error()));
        QCOMPARE(head.value().size, qint64(data.size()));
        QCOMPARE(head.value().etag, md5Hex(data));
        QCOMPARE(head.value().metadata.value(QStringLiteral("sha256")), sha256Hex(data));
        // awscli sees the same object with the same checksum.
        QCOMPARE(m_s3->listEtags(m_bucket, QStringLiteral("dicom/1.2/")).value(QStringLiteral("dicom/1.2/3.4/5 6.dcm")), md5Hex(data));
    }

    void rangedGet_returnsExactlyTheRange()
    {
        S3Client client(settings(), key());
        const QByteArray data = randomBytes(5000);
        QVERIFY(client.putObject(QStringLiteral("range.bin"), data).ok());
        auto part = client.getObject(QStringLiteral("range.bin"), 1000, 132);
        QVERIFY2(part.ok(), qPrintable(part.error()));
        QCOMPARE(part.value(), data.mid(1000, 132));
    }

    void multipart_largeFileIsUploadedInPartsAndReadsBackWhole()
    {
        S3Settings s = settings();
        s.multipartThreshold = 5 << 20;
        s.partSize = 5 << 20;   // S3's minimum part size
        S3Client client(s, key());
        const QByteArray data = randomBytes(12 << 20);
        const QString path = m_tmp.filePath(QStringLiteral("large.bin"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        auto put = client.putFile(QStringLiteral("large.bin"), path);
        QVERIFY2(put.ok(), qPrintable(put.error()));
        // AWS and MinIO answer MD5(part MD5s)-3; s3rver the whole object's MD5.
        QVERIFY2(put.value().etag.endsWith(QLatin1String("-3")) || put.value().etag == md5Hex(data), qPrintable(put.value().etag));
        auto head = client.headObject(QStringLiteral("large.bin"));
        QVERIFY(head.ok());
        QCOMPARE(head.value().size, qint64(data.size()));
        QCOMPARE(head.value().etag, put.value().etag);
        auto got = client.getObject(QStringLiteral("large.bin"));
        QVERIFY(got.ok());
        QVERIFY(got.value() == data);
    }

    void listAll_followsContinuationTokens()
    {
        S3Client client(settings(), key());
        for (int i = 0; i < 7; ++i)
            QVERIFY(client.putObject(QStringLiteral("list/obj-%1").arg(i), QByteArray::number(i)).ok());
        auto page = client.listObjects(QStringLiteral("list/"), {}, 3);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page.value().objects.size(), 3);
        QVERIFY(!page.value().nextContinuationToken.isEmpty());
        QStringList keys;
        QString token;
        do {
            auto p = client.listObjects(QStringLiteral("list/"), token, 3);
            QVERIFY2(p.ok(), qPrintable(p.error()));
            for (const ObjectInfo &o : p.value().objects)
                keys << o.key;
            token = p.value().nextContinuationToken;
        } while (!token.isEmpty());
        QCOMPARE(keys.size(), 7);
        QCOMPARE(keys.first(), QStringLiteral("list/obj-0"));
        QCOMPARE(keys.last(), QStringLiteral("list/obj-6"));
    }

    void delete_removesTheObject()
    {
        S3Client client(settings(), key());
        QVERIFY(client.putObject(QStringLiteral("gone.bin"), "x").ok());
        QVERIFY(client.deleteObject(QStringLiteral("gone.bin")).ok());
        auto head = client.headObject(QStringLiteral("gone.bin"));
        QVERIFY(!head.ok());
        QCOMPARE(client.lastStatus(), 404);
    }

    void copy_changesStorageClass()
    {
        S3Client client(settings(), key());
        QVERIFY(client.putObject(QStringLiteral("cold.bin"), "cold data").ok());
        const auto st = client.copyObject(QStringLiteral("cold.bin"), QStringLiteral("cold.bin"), QStringLiteral("GLACIER"));
        QVERIFY2(st.ok(), qPrintable(st.error()));
        auto head = client.headObject(QStringLiteral("cold.bin"));
        QVERIFY(head.ok());
        QCOMPARE(head.value().storageClass, QStringLiteral("GLACIER"));
    }

    void wrongKey_isRefusedWithoutEchoingTheSecret()
    {
        S3Client client(settings(), {QStringLiteral("NOT-A-KEY"), QStringLiteral("not-the-secret-xyz"), {}});
        auto put = client.putObject(QStringLiteral("nope.bin"), "x");
        QVERIFY(!put.ok());
        QCOMPARE(client.lastStatus(), 403);
        QVERIFY2(put.error().contains(QLatin1String("InvalidAccessKeyId")), qPrintable(put.error()));
        QVERIFY(!put.error().contains(QLatin1String("not-the-secret-xyz")));
    }

    void virtualHosted_bucketInTheHostName()
    {
        // s3rver maps <bucket>.s3.localhost to the bucket; libcurl resolves
        // *.localhost to the loopback address itself.
        const quint16 port = test::freePort();
        test::Peer vh;
        QVERIFY(vh.start(QStandardPaths::findExecutable(QStringLiteral("node")),
                         {QStringLiteral("--openssl-legacy-provider"), test::s3rverScript(), QStringLiteral("-d"), m_tmp.filePath(QStringLiteral("s3vh")),
                          QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port), QStringLiteral("--silent"),
                          QStringLiteral("--service-endpoint"), QStringLiteral("localhost")}));
        QVERIFY(test::waitForPort(port, 20000));
        S3Settings s = settings();
        s.endpoint = QStringLiteral("http://s3.localhost:%1").arg(port);
        s.pathStyle = false;
        S3Client client(s, key());
        QCOMPARE(client.objectUrl(QStringLiteral("a/b.dcm")).host(), QStringLiteral("kilima-client.s3.localhost"));
        const auto st = client.createBucket();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        const QByteArray data = randomBytes(3000);
        QVERIFY(client.putObject(QStringLiteral("a/b.dcm"), data).ok());
        QCOMPARE(client.getObject(QStringLiteral("a/b.dcm")).value(), data);
        auto list = client.listAll(QStringLiteral("a/"));
        QVERIFY2(list.ok(), qPrintable(list.error()));
        QCOMPARE(list.value().size(), 1);
        vh.terminate(3000);
    }

    void https_checksTheCertificate()
    {
        // A server certificate for 127.0.0.1 signed by nobody the system trusts.
        const QString keyFile = m_tmp.filePath(QStringLiteral("tls.key")), cert = m_tmp.filePath(QStringLiteral("tls.crt"));
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                           QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), cert,
                                                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                                           QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}, &log), 0);
        const quint16 port = test::freePort();
        test::Peer tls;
        QVERIFY(tls.start(QStandardPaths::findExecutable(QStringLiteral("node")),
                          {QStringLiteral("--openssl-legacy-provider"), test::s3rverScript(), QStringLiteral("-d"), m_tmp.filePath(QStringLiteral("s3tls")),
                           QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port), QStringLiteral("--silent"),
                           QStringLiteral("--key"), keyFile, QStringLiteral("--cert"), cert}));
        QVERIFY(test::waitForPort(port, 20000));
        S3Settings s = settings();
        s.endpoint = QStringLiteral("https://127.0.0.1:%1").arg(port);
        {
            S3Client untrusted(s, key());
            const auto st = untrusted.createBucket();
            QVERIFY(!st.ok());
            QCOMPARE(untrusted.lastStatus(), 0);
            QVERIFY2(st.error().contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(st.error()));
        }
        s.caFile = cert;
        S3Client trusted(s, key());
        const auto st = trusted.createBucket();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QVERIFY(trusted.putObject(QStringLiteral("secure.bin"), "over TLS").ok());
        QCOMPARE(trusted.getObject(QStringLiteral("secure.bin")).value(), QByteArray("over TLS"));
        tls.terminate(3000);
    }

    void unreachableEndpoint_saysSo()
    {
        S3Settings s = settings();
        s.endpoint = QStringLiteral("http://127.0.0.1:%1").arg(test::freePort());
        S3Client client(s, key());
        auto head = client.headObject(QStringLiteral("x"));
        QVERIFY(!head.ok());
        QCOMPARE(client.lastStatus(), 0);
        QVERIFY2(head.error().contains(QLatin1String("127.0.0.1")) || head.error().contains(QLatin1String("onnect")), qPrintable(head.error()));
    }
};

QTEST_GUILESS_MAIN(TestS3Client)
#include "tst_s3client.moc"
