// `kilima-node serve` as a DICOMweb server, exercised with curl (a real,
// independent HTTP client) on loopback: every endpoint, bit-identical
// retrieval, transcoding checked with dcmtk, STOW statuses, WADO-URI,
// gzip, keep-alive, the audit log, and hostile input (path traversal, SQL metacharacters, oversized headers
// and bodies, malformed multipart, slow clients). Who may ask (logins,
// tokens, CORS, throttling) is tst_serverauth's.
#include "nodeserver.h"
#include "phantom.h"
#include "testdata.h"

#include <kilima/archive/sqlite.h>
#include <kilima/core/datadir.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

using namespace kilima;

namespace {

using Response = test::CurlResponse;
using test::readFile;

// Splits a multipart body with a few lines of code independent of the server's parser.
QList<QByteArray> splitMultipart(const Response &r)
{
    const QByteArray ct = r.header("content-type");
    const QRegularExpression re(QStringLiteral("boundary=\"?([^\";]+)\"?"));
    const auto m = re.match(QString::fromLatin1(ct));
    if (!m.hasMatch())
        return {};
    const QByteArray delimiter = QByteArray("--") + m.captured(1).toLatin1();
    QList<QByteArray> parts;
    int at = r.body.indexOf(delimiter);
    while (at >= 0) {
        const int start = at + delimiter.size();
        if (r.body.mid(start, 2) == "--")
            break;
        const int headersEnd = r.body.indexOf("\r\n\r\n", start);
        const int next = r.body.indexOf(QByteArray(QByteArray("\r\n") + delimiter), headersEnd);
        if (headersEnd < 0 || next < 0)
            return {};
        parts << r.body.mid(headersEnd + 4, next - headersEnd - 4);
        at = next + 2;
    }
    return parts;
}

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

QString tsOf(const QString &path)
{
    QString out;
    test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("-Un"), QStringLiteral("+P"), QStringLiteral("0002,0010"), path}, &out);
    const auto m = QRegularExpression(QStringLiteral("\\[([0-9.]+)\\]")).match(out);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

class TestDicomWebServer : public test::NodeServerTest {
    Q_OBJECT

    test::CtPhantom m_ct;
    QStringList m_ctFiles;
    QString m_jlsFile, m_j2kFile, m_rleFile;

    QJsonArray jsonArray(const Response &r) { return QJsonDocument::fromJson(r.body).array(); }
    static QString value(const QJsonObject &o, const char *tag)
    {
        const QJsonValue v = o.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first();
        return v.isObject() ? v.toObject().value(QStringLiteral("Alphabetic")).toString() : v.isDouble() ? QString::number(v.toInt()) : v.toString();
    }

    // A STOW-RS body of Part 10 files, written to disk for curl --data-binary.
    QString stowBody(const QList<QByteArray> &parts, const QByteArray &boundary)
    {
        QByteArray b;
        for (const QByteArray &p : parts)
            b += "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + p + "\r\n";
        b += "--" + boundary + "--\r\n";
        const QString path = m_tmp.filePath(QStringLiteral("stow%1.bin").arg(++m_n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(b);
        return path;
    }
    Response stow(const QString &path, const QList<QByteArray> &parts, const QStringList &extra = {})
    {
        const QByteArray boundary = "B0undary" + QByteArray::number(m_n);
        return curl(extra + QStringList{QStringLiteral("-H"), QStringLiteral("Content-Type: multipart/related; type=\"application/dicom\"; boundary=") + QString::fromLatin1(boundary),
                                        QStringLiteral("--data-binary"), QLatin1Char('@') + stowBody(parts, boundary), m_base + path});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ct.slices = 6;
        m_ct.studyUid = test::newUid();
        m_ct.seriesUid = test::newUid();
        m_ct.patientId = QStringLiteral("WEB-1");
        m_ct.patientName = QStringLiteral("WEB^PATIENT");
        m_ctFiles = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_ct);
        QStringList files = m_ctFiles;
        const QString pyd = test::pydicomTestFiles();
        if (!pyd.isEmpty()) {
            m_jlsFile = pyd + QStringLiteral("/MR_small_jpeg_ls_lossless.dcm");
            m_j2kFile = pyd + QStringLiteral("/MR_small_jp2klossless.dcm");
            m_rleFile = pyd + QStringLiteral("/SC_rgb_rle_2frame.dcm");
            files << m_jlsFile << m_j2kFile << m_rleFile;
        }
        QString why;
        QVERIFY2(startNode(QJsonObject{{QStringLiteral("maxBodyMegabytes"), 4},
                                       {QStringLiteral("readTimeoutSeconds"), 2},
                                       {QStringLiteral("threads"), 4}},
                           files, &why),
                 qPrintable(why));
    }

    void cleanupTestCase() { m_node.terminate(); }

    void qidoStudiesSeriesInstances()
    {
        Response r = get(QStringLiteral("/studies?PatientID=WEB-1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/dicom+json"));
        QJsonArray a = jsonArray(r);
        QCOMPARE(a.size(), 1);
        QCOMPARE(value(a.at(0).toObject(), "0020000D"), m_ct.studyUid);
        QCOMPARE(value(a.at(0).toObject(), "00100010"), QStringLiteral("WEB^PATIENT"));
        QCOMPARE(value(a.at(0).toObject(), "00081190"), m_base + QStringLiteral("/studies/") + m_ct.studyUid);

        // wildcard, case-insensitive names, keyword and hex tag forms
        QCOMPARE(jsonArray(get(QStringLiteral("/studies?PatientName=web*"))).size(), 1);
        QCOMPARE(jsonArray(get(QStringLiteral("/studies?00100020=WEB-1"))).size(), 1);
        QCOMPARE(jsonArray(get(QStringLiteral("/studies?PatientID=NOBODY"))).size(), 0);

        a = jsonArray(get(QStringLiteral("/studies/%1/series").arg(m_ct.studyUid)));
        QCOMPARE(a.size(), 1);
        QCOMPARE(value(a.at(0).toObject(), "0020000E"), m_ct.seriesUid);
        a = jsonArray(get(QStringLiteral("/studies/%1/series/%2/instances").arg(m_ct.studyUid, m_ct.seriesUid)));
        QCOMPARE(a.size(), 6);
        a = jsonArray(get(QStringLiteral("/studies/%1/instances?limit=2&offset=1").arg(m_ct.studyUid)));
        QCOMPARE(a.size(), 2);
        a = jsonArray(get(QStringLiteral("/series?Modality=CT&PatientID=WEB-1")));
        QCOMPARE(a.size(), 1);
        a = jsonArray(get(QStringLiteral("/instances?SeriesInstanceUID=%1&includefield=all").arg(m_ct.seriesUid)));
        QCOMPARE(a.size(), 6);
        QVERIFY(a.at(0).toObject().contains(QStringLiteral("00280010")));   // Rows from includefield=all
        r = get(QStringLiteral("/studies?PatientID=WEB-1&fuzzymatching=true&includefield=StudyDescription"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonArray(r).size(), 1);
        QVERIFY(!r.header("warning").contains("fuzzymatching"));   // supported since issue 17
    }

    void qidoBadValuesAre400WithAMessage()
    {
        Response r = get(QStringLiteral("/studies?limit=-3"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("limit"));
        // PS3.18 8.3.4: unsupported parameters and keys are ignored with a
        // Warning (tst_webroutes); malformed values of supported ones are 400.
        r = get(QStringLiteral("/studies?includefield=Bogus"));
        QCOMPARE(r.status, 400);
        r = get(QStringLiteral("/studies?fuzzymatching=maybe"));
        QCOMPARE(r.status, 400);
        r = get(QStringLiteral("/studies?SOPInstanceUID=1.2.3"));   // instance key at study level: ignored, said so
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("warning").contains("sopinstanceuid"));   // the helper lower-cases headers
    }

    void jsonIsGzippedWhenAsked()
    {
        Response r = get(QStringLiteral("/studies/%1/series/%2/metadata").arg(m_ct.studyUid, m_ct.seriesUid),
                         {QStringLiteral("--compressed")});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-encoding"), QByteArray("gzip"));
        QCOMPARE(jsonArray(r).size(), 6);   // curl decompressed it
    }

    void retrieveIsBitIdentical()
    {
        Response r = get(QStringLiteral("/studies/") + m_ct.studyUid,
                         {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*")});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("multipart/related"));
        const QList<QByteArray> parts = splitMultipart(r);
        QCOMPARE(parts.size(), 6);
        QSet<QByteArray> stored, served;
        for (const QString &f : m_ctFiles)
            stored << sha(readFile(f));
        for (const QByteArray &p : parts)
            served << sha(p);
        QCOMPARE(served, stored);

        // series and instance level; a single instance as application/dicom
        r = get(QStringLiteral("/studies/%1/series/%2").arg(m_ct.studyUid, m_ct.seriesUid));
        QCOMPARE(splitMultipart(r).size(), 6);
        const QJsonArray inst = jsonArray(get(QStringLiteral("/studies/%1/series/%2/instances?InstanceNumber=1").arg(m_ct.studyUid, m_ct.seriesUid)));
        QCOMPARE(inst.size(), 1);
        const QString sop = value(inst.at(0).toObject(), "00080018");
        r = get(QStringLiteral("/studies/%1/series/%2/instances/%3").arg(m_ct.studyUid, m_ct.seriesUid, sop),
                {QStringLiteral("-H"), QStringLiteral("Accept: application/dicom; transfer-syntax=*")});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/dicom"));
        QVERIFY(stored.contains(sha(r.body)));
    }

    void retrieveNegotiatesTransferSyntax()
    {
        if (m_jlsFile.isEmpty())
            QSKIP("python3-pydicom test files are not installed");
        // JPEG-LS stored; the default (explicit VR little endian) is transcoded by dcmtk codecs.
        QString dump;
        test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("+P"), QStringLiteral("0020,000d"), QStringLiteral("+P"), QStringLiteral("0020,000e"),
                                                  QStringLiteral("+P"), QStringLiteral("0008,0018"), m_jlsFile}, &dump);
        const QStringList uids = [&] {
            QStringList u;
            auto it = QRegularExpression(QStringLiteral("\\[([0-9.]+)\\]")).globalMatch(dump);
            while (it.hasNext())
                u << it.next().captured(1);
            return u;
        }();
        QCOMPARE(uids.size(), 3);
        const QString path = QStringLiteral("/studies/%1/series/%2/instances/%3").arg(uids.at(0), uids.at(1), uids.at(2));
        Response r = get(path);
        QCOMPARE(r.status, 200);
        QList<QByteArray> parts = splitMultipart(r);
        QCOMPARE(parts.size(), 1);
        const QString out = m_tmp.filePath(QStringLiteral("transcoded.dcm"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(parts.first());
        f.close();
        QCOMPARE(tsOf(out), QStringLiteral("1.2.840.10008.1.2.1"));
        // Same pixels as dcmtk's own decompression of the stored file.
        const QString ref = m_tmp.filePath(QStringLiteral("ref.dcm"));
        QCOMPARE(test::runTool(QStringLiteral("dcmdjpls"), {m_jlsFile, ref}), 0);
        QString a, b;
        test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("+P"), QStringLiteral("7fe0,0010"), QStringLiteral("+L"), ref}, &a);
        test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("+P"), QStringLiteral("7fe0,0010"), QStringLiteral("+L"), out}, &b);
        QCOMPARE(b, a);

        // As stored: the JPEG-LS bytes unchanged.
        r = get(path, {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.80")});
        QCOMPARE(r.status, 200);
        QCOMPARE(sha(splitMultipart(r).value(0)), sha(readFile(m_jlsFile)));

        // A syntax the node cannot produce: 406 with the reason.
        r = get(path, {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.91")});
        QCOMPARE(r.status, 406);
        QVERIFY(r.body.contains("1.2.840.10008.1.2.4.91"));
    }

    void metadataFramesBulkAndRendered()
    {
        const QString series = QStringLiteral("/studies/%1/series/%2").arg(m_ct.studyUid, m_ct.seriesUid);
        Response r = get(series + QStringLiteral("/metadata"));
        QCOMPARE(r.status, 200);
        const QJsonArray md = jsonArray(r);
        QCOMPARE(md.size(), 6);
        const QJsonObject first = md.at(0).toObject();
        QCOMPARE(value(first, "00100020"), QStringLiteral("WEB-1"));
        const QString bulk = first.value(QStringLiteral("7FE00010")).toObject().value(QStringLiteral("BulkDataURI")).toString();
        QVERIFY2(bulk.startsWith(m_base + QStringLiteral("/studies/")), qPrintable(bulk));
        const QString sop = value(first, "00080018");
        {
            // Kept beside the index too, so that a restarted node answers warm.
            QString err;
            sqlite3 *db = archive::openConnection(core::DataDir(m_data).indexFile(), &err);
            QVERIFY2(db, qPrintable(err));
            archive::Statement st(db, "SELECT count(*) FROM dicomweb_metadata WHERE series_uid = ?");
            st.bind(1, m_ct.seriesUid);
            QVERIFY(st.next());
            QCOMPARE(st.int64(0), qint64(6));
            sqlite3_close_v2(db);
        }

        // The BulkDataURI resolves to the pixel data (64 x 64 x 2 bytes).
        r = curl({bulk});
        QCOMPARE(r.status, 200);
        QCOMPARE(splitMultipart(r).value(0).size(), 64 * 64 * 2);

        // frames: native little endian samples; the stored value at the centre is bone (1000 HU + 1024)
        r = get(series + QStringLiteral("/instances/%1/frames/1").arg(sop));
        QCOMPARE(r.status, 200);
        const QByteArray frame = splitMultipart(r).value(0);
        QCOMPARE(frame.size(), 64 * 64 * 2);
        const int centre = (32 * 64 + 32) * 2;
        QCOMPARE(int(quint8(frame.at(centre))) | (int(quint8(frame.at(centre + 1))) << 8), 1000 + 1024);
        QCOMPARE(get(series + QStringLiteral("/instances/%1/frames/2").arg(sop)).status, 404);
        QCOMPARE(get(series + QStringLiteral("/instances/%1/frames/x").arg(sop)).status, 400);

        // rendered JPEG and PNG, viewport and window
        r = get(series + QStringLiteral("/instances/%1/rendered").arg(sop));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("image/jpeg"));
        QVERIFY(r.body.startsWith("\xFF\xD8\xFF"));
        r = get(series + QStringLiteral("/instances/%1/rendered?viewport=32,32&window=1024,400,linear").arg(sop),
                {QStringLiteral("-H"), QStringLiteral("Accept: image/png")});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("\x89PNG"));
        // IHDR: width and height, big endian, at bytes 16..23
        QCOMPARE(qFromBigEndian<quint32>(r.body.constData() + 16), 32u);
        QCOMPARE(qFromBigEndian<quint32>(r.body.constData() + 20), 32u);
        // A 16 x 8 region of the image, drawn into 32 x 32: 32 x 16 keeps the aspect.
        r = get(series + QStringLiteral("/instances/%1/rendered?viewport=32,32,8,8,16,8").arg(sop), {QStringLiteral("-H"), QStringLiteral("Accept: image/png")});
        QCOMPARE(r.status, 200);
        QCOMPARE(qFromBigEndian<quint32>(r.body.constData() + 16), 32u);
        QCOMPARE(qFromBigEndian<quint32>(r.body.constData() + 20), 16u);
        QCOMPARE(get(series + QStringLiteral("/instances/%1/rendered?viewport=32,32,60,60,16,16").arg(sop)).status, 400);
        r = get(series + QStringLiteral("/thumbnail"), {QStringLiteral("-H"), QStringLiteral("Accept: image/png")});
        QCOMPARE(r.status, 200);
        QCOMPARE(qFromBigEndian<quint32>(r.body.constData() + 16), 128u);
        QCOMPARE(get(series + QStringLiteral("/instances/%1/rendered?window=abc").arg(sop)).status, 400);
        QCOMPARE(get(series + QStringLiteral("/instances/%1/rendered").arg(sop), {QStringLiteral("-H"), QStringLiteral("Accept: image/gif")}).status, 406);
    }

    void framesOfACompressedMultiframeAsStoredAndDecoded()
    {
        if (m_rleFile.isEmpty())
            QSKIP("python3-pydicom test files are not installed");
        QString dump;
        test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("+P"), QStringLiteral("0020,000d"), QStringLiteral("+P"), QStringLiteral("0020,000e"),
                                                  QStringLiteral("+P"), QStringLiteral("0008,0018"), m_rleFile}, &dump);
        QStringList u;
        auto it = QRegularExpression(QStringLiteral("\\[([0-9.]+)\\]")).globalMatch(dump);
        while (it.hasNext())
            u << it.next().captured(1);
        QCOMPARE(u.size(), 3);
        const QString path = QStringLiteral("/studies/%1/series/%2/instances/%3/frames/1,2").arg(u.at(0), u.at(1), u.at(2));
        Response r = get(path);
        QCOMPARE(r.status, 200);
        const QList<QByteArray> native = splitMultipart(r);
        QCOMPARE(native.size(), 2);
        QCOMPARE(native.at(0).size(), 100 * 100 * 3);
        r = get(path, {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"image/dicom-rle\"")});
        QCOMPARE(r.status, 200);
        const QList<QByteArray> rle = splitMultipart(r);
        QCOMPARE(rle.size(), 2);
        QVERIFY(rle.at(0).size() < native.at(0).size());
        QVERIFY(r.body.contains("transfer-syntax=1.2.840.10008.1.2.5"));
    }

    void wadoUri()
    {
        const QJsonArray inst = jsonArray(get(QStringLiteral("/studies/%1/instances?InstanceNumber=2").arg(m_ct.studyUid)));
        const QString sop = value(inst.at(0).toObject(), "00080018");
        const QString q = QStringLiteral("?requestType=WADO&studyUID=%1&seriesUID=%2&objectUID=%3").arg(m_ct.studyUid, m_ct.seriesUid, sop);
        Response r = curl({QStringLiteral("http://127.0.0.1:%1/wado").arg(m_http) + q + QStringLiteral("&contentType=application/dicom")});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.mid(128, 4) == "DICM");
        bool same = false;
        for (const QString &f : m_ctFiles)
            same = same || readFile(f) == r.body;   // stored explicit LE: served unchanged
        QVERIFY(same);
        r = curl({m_base + QStringLiteral("/wado") + q + QStringLiteral("&rows=16&columns=16")});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("\xFF\xD8"));
        QCOMPARE(curl({m_base + QStringLiteral("/wado?requestType=WADO&studyUID=1&seriesUID=2")}).status, 400);
        QCOMPARE(curl({m_base + QStringLiteral("/wado") + q + QStringLiteral("&contentType=text/html")}).status, 406);
    }

    void stowStoresAndAnswersPs318()
    {
        test::CtPhantom p;
        p.slices = 3;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("STOW-1");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("stow")), p);
        QList<QByteArray> parts;
        for (const QString &f : files)
            parts << readFile(f);
        Response r = stow(QStringLiteral("/studies"), parts);
        QCOMPARE(r.status, 200);
        QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("00081199")).toObject().value(QStringLiteral("Value")).toArray().size(), 3);
        QVERIFY(!o.contains(QStringLiteral("00081198")));
        QCOMPARE(jsonArray(get(QStringLiteral("/studies/%1/instances").arg(p.studyUid))).size(), 3);
        // Bit-identical round trip of what STOW stored.
        r = get(QStringLiteral("/studies/") + p.studyUid, {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*")});
        QSet<QByteArray> a, b;
        for (const QByteArray &x : parts)
            a << sha(x);
        for (const QByteArray &x : splitMultipart(r))
            b << sha(x);
        QCOMPARE(b, a);

        // Into another study's URL: 409, each instance in FailedSOPSequence.
        r = stow(QStringLiteral("/studies/1.2.3.4.5"), parts.mid(0, 1));
        QCOMPARE(r.status, 409);
        o = QJsonDocument::fromJson(r.body).object();
        QJsonArray failed = o.value(QStringLiteral("00081198")).toObject().value(QStringLiteral("Value")).toArray();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(value(failed.at(0).toObject(), "00081197"), QString::number(0xC409));

        // One good, one garbage: 202 with both sequences.
        test::CtPhantom q;
        q.slices = 1;
        q.studyUid = test::newUid();
        const QStringList more = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("stow2")), q);
        r = stow(QStringLiteral("/studies"), {readFile(more.first()), QByteArray("this is not DICOM")});
        QCOMPARE(r.status, 202);
        o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("00081199")).toObject().value(QStringLiteral("Value")).toArray().size(), 1);
        failed = o.value(QStringLiteral("00081198")).toObject().value(QStringLiteral("Value")).toArray();
        QCOMPARE(value(failed.at(0).toObject(), "00081197"), QString::number(0xC000));
    }

    void stowRefusesBadRequests()
    {
        // no multipart content type
        Response r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/dicom"), QStringLiteral("--data-binary"), QStringLiteral("x"),
                           m_base + QStringLiteral("/studies")});
        QCOMPARE(r.status, 415);
        // boundary in the header does not match the body
        r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: multipart/related; type=\"application/dicom\"; boundary=nothere"),
                  QStringLiteral("--data-binary"), QStringLiteral("--other\r\n\r\nabc\r\n--other--\r\n"), m_base + QStringLiteral("/studies")});
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("boundary"));
        // body cut before the closing delimiter
        r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: multipart/related; boundary=b"),
                  QStringLiteral("--data-binary"), QStringLiteral("--b\r\nContent-Type: application/dicom\r\n\r\nabc"), m_base + QStringLiteral("/studies")});
        QCOMPARE(r.status, 400);
        // over http.maxBodyMegabytes (4)
        const QString big = m_tmp.filePath(QStringLiteral("big.bin"));
        QFile f(big);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray(5 << 20, 'a'));
        f.close();
        r = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: multipart/related; boundary=b"), QStringLiteral("--data-binary"),
                  QLatin1Char('@') + big, m_base + QStringLiteral("/studies")});
        QCOMPARE(r.status, 413);
        QVERIFY(r.body.contains("maxBodyMegabytes"));
        // a viewer may read but not store
        QProcess add;
        add.start(test::nodeBinary(), {QStringLiteral("--data-dir"), m_data, QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("vera"),
                                       QStringLiteral("--role"), QStringLiteral("viewer")});
        add.write("vera-password\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(60000));
        QCOMPARE(add.exitCode(), 0);
        r = get(QStringLiteral("/studies?PatientID=WEB-1"), {QStringLiteral("-u"), QStringLiteral("vera:vera-password")}, false);
        QCOMPARE(r.status, 200);
        r = curl({QStringLiteral("-u"), QStringLiteral("vera:vera-password"), QStringLiteral("-H"), QStringLiteral("Content-Type: multipart/related; boundary=b"),
                  QStringLiteral("--data-binary"), QStringLiteral("--b--\r\n"), m_base + QStringLiteral("/studies")}, false);
        QCOMPARE(r.status, 403);
    }

    void keepAliveReusesTheConnection()
    {
        Response r = curl({m_base + QStringLiteral("/studies?PatientID=WEB-1"), m_base + QStringLiteral("/series?PatientID=WEB-1")});
        QVERIFY2(r.verbose.contains(QLatin1String("Re-using existing connection")), qPrintable(r.verbose.left(2000)));
    }

    void hostileInput()
    {
        // Path traversal and junk in UIDs: 400, never a file.
        QCOMPARE(get(QStringLiteral("/studies/..%2F..%2F..%2Fetc%2Fpasswd")).status == 400 ||
                     get(QStringLiteral("/studies/..%2F..%2F..%2Fetc%2Fpasswd")).status == 404, true);
        Response r = get(QStringLiteral("/studies/1.2.3/series/..%2F..%2Fkilima.json"));
        QVERIFY(r.status == 400 || r.status == 404);
        QVERIFY(!r.body.contains("\"node\""));
        QCOMPARE(get(QStringLiteral("/studies/1.2'%20OR%20'1'='1")).status, 400);
        // SQL metacharacters in matching values are only values.
        r = get(QStringLiteral("/studies?PatientName=%27%20OR%201%3D1%20--"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonArray(r).size(), 0);
        r = get(QStringLiteral("/studies?PatientID=WEB-1%27%3B%20DROP%20TABLE%20studies%3B%20--"));
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonArray(get(QStringLiteral("/studies?PatientID=WEB-1"))).size(), 1);   // still there
        // An oversized header: refused, the server keeps serving.
        r = get(QStringLiteral("/studies"), {QStringLiteral("-H"), QStringLiteral("X-Big: ") + QString(20000, QLatin1Char('a'))});
        QVERIFY2(r.status >= 400 && r.status < 500 || r.status == 0, qPrintable(QString::number(r.status)));
        QCOMPARE(get(QStringLiteral("/studies?PatientID=WEB-1")).status, 200);
        // Unknown methods and resources.
        QCOMPARE(curl({QStringLiteral("-X"), QStringLiteral("DELETE"), m_base + QStringLiteral("/studies/1.2.3")}).status, 405);
        QCOMPARE(get(QStringLiteral("/nothing")).status, 404);
    }

    void slowClientIsDroppedAndOthersAreServed()
    {
        QTcpSocket slow;
        slow.connectToHost(QStringLiteral("127.0.0.1"), m_http);
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET /dicom-web/studies HTTP/1.1\r\nHost: 127.0.0.1\r\n");   // never finishes
        slow.flush();
        QCOMPARE(get(QStringLiteral("/studies?PatientID=WEB-1")).status, 200);
        // readTimeoutSeconds is 2: the server closes the idle half request.
        QVERIFY(slow.state() == QAbstractSocket::UnconnectedState || slow.waitForDisconnected(15000));
    }

    void patientDataAccessIsAudited()
    {
        QString out;
        QCOMPARE(test::node(m_data, {QStringLiteral("audit"), QStringLiteral("--study"), m_ct.studyUid, QStringLiteral("--limit"), QStringLiteral("500")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("WADO-RS retrieve")), qPrintable(out.left(2000)));
        QVERIFY(out.contains(QLatin1String("WADO-RS metadata")));
        QVERIFY(out.contains(QLatin1String("QIDO-RS")));
        QVERIFY(out.contains(QLatin1String("admin")));
        QVERIFY(!out.contains(m_password));
    }

    // A 42 MB series goes in (STOW-RS, chunked requests) and out (WADO-RS)
    // without the server's peak memory growing by anything near its size.
    void largeSeriesStreamWithFlatMemory()
    {
        test::CtPhantom p;
        p.slices = 80;
        p.rows = p.columns = 512;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("BIG-1");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("big")), p);
        QList<QByteArray> parts;
        qint64 bytes = 0;
        for (const QString &f : files) {
            parts << readFile(f);
            bytes += parts.last().size();
        }
        QVERIFY(bytes > 40 * 1000 * 1000);
        const QString status = QStringLiteral("/proc/%1/status").arg(m_node.process().processId());
        auto peakKb = [&] {
            const auto m = QRegularExpression(QStringLiteral("VmHWM:\\s+(\\d+) kB")).match(QString::fromLatin1(readFile(status)));
            return m.captured(1).toLongLong();
        };
        const qint64 before = peakKb();
        QVERIFY(before > 0);
        // http.maxBodyMegabytes is 4 here: five instances (2.6 MB) per request.
        Response r;
        for (int i = 0; i < parts.size(); i += 5) {
            r = stow(QStringLiteral("/studies"), parts.mid(i, 5), {QStringLiteral("-H"), QStringLiteral("Transfer-Encoding: chunked")});
            QCOMPARE(r.status, 200);
        }
        parts.clear();
        r = get(QStringLiteral("/studies/") + p.studyUid, {QStringLiteral("-H"), QStringLiteral("Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*")});
        QCOMPARE(r.status, 200);
        QCOMPARE(splitMultipart(r).size(), 80);
        const qint64 growthKb = peakKb() - before;
        qInfo("server peak memory before %lld kB, grew by %lld kB for a %lld kB series", before, growthKb, bytes / 1024);
        QVERIFY2(growthKb < bytes / 1024 / 2, qPrintable(QStringLiteral("peak grew by %1 kB for a %2 kB series").arg(growthKb).arg(bytes / 1024)));
    }
};

QTEST_GUILESS_MAIN(TestDicomWebServer)
#include "tst_server.moc"
