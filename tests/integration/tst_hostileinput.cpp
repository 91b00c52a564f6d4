// The same hostile objects through every way into kilima-node: folder
// import, C-STORE from dcmtk's storescu and STOW-RS from curl. An object of
// 5,700 nested sequences crashed the importer and killed the serving node
// (DCMTK's parser recurses per sequence); a 1 KB file declaring a 4 GB
// element made it allocate 4 GB. Each must be a clear rejection with its
// reason, and the node must go on serving.
#include "hostiledicom.h"
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using test::node;

namespace {

const QString kNode = QStringLiteral(KILIMA_NODE_BIN);

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_deep, m_huge, m_good;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(path(QStringLiteral("in"))));
        const QByteArray study = test::newUid().toLatin1(), series = test::newUid().toLatin1();
        m_deep = path(QStringLiteral("in/deep.dcm"));
        m_huge = path(QStringLiteral("in/huge.dcm"));
        QVERIFY(writeFile(m_deep, test::hostile::part10(test::hostile::nestedSequences(5700), test::newUid().toLatin1(), study, series)));
        const QByteArray huge = test::hostile::part10(test::hostile::fourGigabyteElement(), test::newUid().toLatin1(), study, series);
        QVERIFY(huge.size() < 1400);
        QVERIFY(writeFile(m_huge, huge));
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 16;
        m_good = test::writeCtPhantom(path(QStringLiteral("in/good")), p).first();
    }

    void import_ShouldRejectEachWithItsReason()
    {
        QString out;
        const QString data = path(QStringLiteral("import-data"));
        QCOMPARE(test::nodeStdout(data, {QStringLiteral("import"), path(QStringLiteral("in"))}, &out), 1);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("imported 1, duplicates 0, rejected 2")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("rejected %1: sequences nested deeper than 64 levels: (0040,A730) at offset ").arg(m_deep)),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("rejected %1: truncated: element (7FE0,0010) at offset ").arg(m_huge))
                     && out.contains(QStringLiteral("declares 4294967290 bytes but only 812 remain")),
                 qPrintable(out));
        QCOMPARE(node(data, {QStringLiteral("verify")}), 0);
    }

    void cstoreAndStow_ShouldRefuseWithReasonAndKeepServing()
    {
        const QString data = path(QStringLiteral("serve-data"));
        QCOMPARE(node(data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("scu"), QStringLiteral("--aet"), QStringLiteral("SCU"),
                             QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("104"),
                             QStringLiteral("--allow"), QStringLiteral("echo,store")}),
                 0);
        const quint16 dicom = test::freePort(), http = test::freePort();
        const QString stdoutFile = path(QStringLiteral("serve.out")), stderrFile = path(QStringLiteral("serve.err"));
        test::Peer server;
        QVERIFY(server.start(QStringLiteral("/bin/bash"),
                             {QStringLiteral("-c"), QStringLiteral("exec \"$0\" --data-dir \"$1\" serve --aet KILIMA --bind 127.0.0.1 "
                                                                   "--dicom-port \"$2\" --http-port \"$3\" >\"$4\" 2>\"$5\""),
                              kNode, data, QString::number(dicom), QString::number(http), stdoutFile, stderrFile}));
        QVERIFY2(test::waitForPort(dicom) && test::waitForPort(http), qPrintable(readText(stderrFile)));
        const QStringList scu = {QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"), QStringLiteral("KILIMA"),
                                 QStringLiteral("127.0.0.1"), QString::number(dicom)};

        // C-STORE: 0xC000 with the reason in the Error Comment (storescu -d
        // prints the response; the comment is the reason's last 64
        // characters), and the node still answers. storescu parses the file
        // with the same recursive parser before sending it, so it gets an
        // unlimited stack. (It cannot read the 4 GB one at all: that case
        // of the receive path is tst_structure's loadStructure test.)
        QString out;
        test::runTool(QStringLiteral("/bin/bash"),
                      QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -s unlimited && exec storescu -d \"$@\""),
                                  QStringLiteral("storescu")}
                          + scu + QStringList{m_deep},
                      &out);
        QVERIFY2(out.contains(QLatin1String("DIMSE Status                  : 0xc000")), qPrintable(out.right(3000)));
        QVERIFY2(out.contains(QLatin1String("ErrorComment")) && out.contains(QLatin1String("deeper than 64 levels: (0040,A730) at offset ")),
                 qPrintable(out.right(3000)));
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), scu, &out), 0);
        QCOMPARE(test::runTool(QStringLiteral("storescu"), scu + QStringList{m_good}, &out), 0);
        QVERIFY2(readText(stderrFile).contains(QLatin1String("C-STORE: failure 0xC000")), qPrintable(readText(stderrFile).right(3000)));

        // STOW-RS: each part a failed SOP with Failure Reason 0xC000 and the
        // words in (0009,1001); 409 as none was stored.
        QTRY_VERIFY_WITH_TIMEOUT(readText(stdoutFile).contains(QLatin1String("its password is in ")), 10000);
        const QString password = test::initialAdminPassword(readText(stdoutFile));
        QVERIFY(!password.isEmpty());
        QByteArray body;
        for (const QString &file : {m_deep, m_huge}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            body += "--HOSTILE\r\nContent-Type: application/dicom\r\n\r\n" + f.readAll() + "\r\n";
        }
        body += "--HOSTILE--\r\n";
        const QString bodyFile = path(QStringLiteral("stow.body"));
        QVERIFY(writeFile(bodyFile, body));
        const QString responseFile = path(QStringLiteral("stow.json"));
        QString code;
        test::runTool(QStringLiteral("curl"),
                      {QStringLiteral("-s"), QStringLiteral("-o"), responseFile, QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                       QStringLiteral("-u"), QStringLiteral("admin:") + password, QStringLiteral("-H"),
                       QStringLiteral("Content-Type: multipart/related; type=\"application/dicom\"; boundary=HOSTILE"),
                       QStringLiteral("--data-binary"), QStringLiteral("@") + bodyFile,
                       QStringLiteral("http://127.0.0.1:%1/dicom-web/studies").arg(http)},
                      &code);
        QCOMPARE(code.trimmed(), QStringLiteral("409"));
        const QJsonObject response = QJsonDocument::fromJson(readText(responseFile).toUtf8()).object();
        const QJsonArray failed = response.value(QStringLiteral("00081198")).toObject().value(QStringLiteral("Value")).toArray();
        QCOMPARE(failed.size(), 2);
        QStringList reasons;
        for (const QJsonValue &item : failed) {
            const QJsonObject o = item.toObject();
            QCOMPARE(o.value(QStringLiteral("00081197")).toObject().value(QStringLiteral("Value")).toArray().first().toInt(), 0xC000);
            reasons << o.value(QStringLiteral("00091001")).toObject().value(QStringLiteral("Value")).toArray().first().toString();
        }
        QVERIFY2(reasons.value(0).contains(QLatin1String("sequences nested deeper than 64 levels")), qPrintable(reasons.join('|')));
        QVERIFY2(reasons.value(1).contains(QLatin1String("declares 4294967290 bytes but only 812 remain")), qPrintable(reasons.join('|')));

        // Still serving: the good object was stored, an echo answers.
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), scu, &out), 0);
        server.terminate();
        QString stats;
        QCOMPARE(test::nodeStdout(data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        QCOMPARE(QJsonDocument::fromJson(stats.toUtf8()).object().value(QStringLiteral("instances")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
