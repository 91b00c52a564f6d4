// SigV4 against the AWS Signature Version 4 test suite (get-vanilla,
// post-vanilla, get-vanilla-query-order-key-case: credentials AKIDEXAMPLE,
// region us-east-1, service "service", 20150830T123600Z), and the S3
// client's addressing.
#include <kilima/cloud/s3client.h>
#include <kilima/cloud/sigv4.h>

#include <QTest>

using namespace kilima::cloud;

class TestSigV4 : public QObject {
    Q_OBJECT

    static SigningKey exampleKey() { return {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}}; }
    static SignRequest vanilla(const QByteArray &method)
    {
        SignRequest r;
        r.method = method;
        r.path = "/";
        r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
        r.payloadHash = sigv4::sha256Hex({});
        r.amzDate = "20150830T123600Z";
        r.region = "us-east-1";
        r.service = "service";
        return r;
    }

private Q_SLOTS:
    void getVanilla_matchesPublishedVector()
    {
        const SignRequest r = vanilla("GET");
        QCOMPARE(sigv4::canonicalRequest(r),
                 QByteArray("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sigv4::stringToSign(r),
                 QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
        QCOMPARE(sigv4::signature(r, exampleKey()), QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
        QCOMPARE(sigv4::authorization(r, exampleKey()),
                 QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                            "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }

    void postVanilla_matchesPublishedVector()
    {
        QCOMPARE(sigv4::signature(vanilla("POST"), exampleKey()),
                 QByteArray("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"));
    }

    void getVanillaQueryOrderKeyCase_sortsParameters()
    {
        SignRequest r = vanilla("GET");
        r.query = {{"Param2", "value2"}, {"Param1", "value1"}};
        QCOMPARE(sigv4::canonicalQuery(r.query), QByteArray("Param1=value1&Param2=value2"));
        QCOMPARE(sigv4::signature(r, exampleKey()), QByteArray("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
    }

    void uriEncode_keepsUnreservedAndSlashes()
    {
        QCOMPARE(sigv4::uriEncode("dicom/1.2.3/a b+c~d.dcm", false), QByteArray("dicom/1.2.3/a%20b%2Bc~d.dcm"));
        QCOMPARE(sigv4::uriEncode("a/b=c", true), QByteArray("a%2Fb%3Dc"));
    }

    void headerValues_areTrimmedAndLowerCased()
    {
        SignRequest r = vanilla("GET");
        r.headers.append(qMakePair(QByteArray("My-Header1"), QByteArray("  value1   with  spaces ")));
        QVERIFY(sigv4::canonicalRequest(r).contains("my-header1:value1 with spaces\n"));
        QCOMPARE(sigv4::signedHeaders(r), QByteArray("host;my-header1;x-amz-date"));
    }

    void addressing_pathStyleAndVirtualHosted()
    {
        S3Settings s;
        s.endpoint = QStringLiteral("https://s3.eu-central-1.amazonaws.com");
        s.bucket = QStringLiteral("clinic-archive");
        s.pathStyle = false;
        QCOMPARE(S3Client(s, {}).objectUrl(QStringLiteral("dicom/1.2/3.4/5.6.dcm")).toString(),
                 QStringLiteral("https://clinic-archive.s3.eu-central-1.amazonaws.com/dicom/1.2/3.4/5.6.dcm"));
        s.endpoint = QStringLiteral("http://127.0.0.1:9000/");
        s.pathStyle = true;
        QCOMPARE(S3Client(s, {}).objectUrl(QStringLiteral("dicom/1.2/3.4/5.6.dcm")).toString(),
                 QStringLiteral("http://127.0.0.1:9000/clinic-archive/dicom/1.2/3.4/5.6.dcm"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
