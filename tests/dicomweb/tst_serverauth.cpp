// Who may use `kilima-node serve`'s DICOMweb, asked with curl on loopback:
// the first admin's password shown once and never stored, anonymous and
// wrong logins refused, tokens from the CLI that work and revoke at once,
// CORS for the allowed origins only, a new user's concurrent first
// requests, and throttled password guessing (last: it locks 127.0.0.1 out).
#include "nodeserver.h"
#include "phantom.h"
#include "testdata.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

using namespace kilima;
using Response = test::CurlResponse;
using test::readFile;

class TestDicomWebServerAuth : public test::NodeServerTest {
    Q_OBJECT

    test::CtPhantom m_ct;

private Q_SLOTS:
    void initTestCase()
    {
        m_ct.slices = 2;
        m_ct.studyUid = test::newUid();
        m_ct.patientId = QStringLiteral("WEB-1");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_ct);
        QString why;
        QVERIFY2(startNode(QJsonObject{{QStringLiteral("corsAllowedOrigins"), QJsonArray{QStringLiteral("https://viewer.example.org")}}},
                           files, &why),
                 qPrintable(why));
    }

    void cleanupTestCase() { m_node.terminate(); }

    void firstAdminPasswordIsShownOnceAndNeverStored()
    {
        QCOMPARE(m_password.size(), 20);
        // Not in the config, not in any file of the data directory but the
        // owner-only one that serve named (its output is not a terminal here).
        const QString passwordFile = QDir(m_data).filePath(QStringLiteral("initial-admin-password"));
        QCOMPARE(QFileInfo(passwordFile).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        for (const QString &f : test::filesBelow(m_data))
            QVERIFY2(QFileInfo(f) == QFileInfo(passwordFile) || !readFile(f).contains(m_password.toLatin1()), qPrintable(f));
        QString out;
        QCOMPARE(test::node(m_data, {QStringLiteral("users"), QStringLiteral("list")}, &out), 0);
        QVERIFY(out.contains(QLatin1String("admin\tadmin")));
    }

    void anonymousAndWrongPasswordAreRefused()
    {
        Response r = get(QStringLiteral("/studies"), {}, false);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").startsWith("basic"));
        r = get(QStringLiteral("/studies"), {QStringLiteral("-u"), QStringLiteral("admin:wrong-password")}, false);
        QCOMPARE(r.status, 401);
        r = get(QStringLiteral("/studies/") + m_ct.studyUid, {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer kt_madeup")}, false);
        QCOMPARE(r.status, 401);
    }

    void tokensFromTheCliWorkAndRevokeAtOnce()
    {
        QString out;
        QCOMPARE(test::node(m_data, {QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("admin")}, &out), 0);
        const QString id = QRegularExpression(QStringLiteral("token id: (\\S+)")).match(out).captured(1);
        const QString secret = QRegularExpression(QStringLiteral("secret:\\s+(\\S+)")).match(out).captured(1);
        QVERIFY(!id.isEmpty() && !secret.isEmpty());
        const QStringList bearer{QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + secret};
        QCOMPARE(get(QStringLiteral("/studies?PatientID=WEB-1"), bearer, false).status, 200);
        QCOMPARE(test::node(m_data, {QStringLiteral("tokens"), QStringLiteral("revoke"), id}, &out), 0);
        QCOMPARE(get(QStringLiteral("/studies?PatientID=WEB-1"), bearer, false).status, 401);
    }

    void corsForAllowedOriginsOnly()
    {
        Response r = curl({QStringLiteral("-X"), QStringLiteral("OPTIONS"), QStringLiteral("-H"), QStringLiteral("Origin: https://viewer.example.org"),
                           QStringLiteral("-H"), QStringLiteral("Access-Control-Request-Method: GET"), m_base + QStringLiteral("/studies")}, false);
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("https://viewer.example.org"));
        QVERIFY(r.header("access-control-allow-headers").contains("authorization"));
        r = curl({QStringLiteral("-X"), QStringLiteral("OPTIONS"), QStringLiteral("-H"), QStringLiteral("Origin: https://evil.example.com"),
                  m_base + QStringLiteral("/studies")}, false);
        QCOMPARE(r.status, 403);
        r = get(QStringLiteral("/studies?PatientID=WEB-1"), {QStringLiteral("-H"), QStringLiteral("Origin: https://viewer.example.org")});
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("https://viewer.example.org"));
        r = get(QStringLiteral("/studies?PatientID=WEB-1"), {QStringLiteral("-H"), QStringLiteral("Origin: https://evil.example.com")});
        QVERIFY(r.header("access-control-allow-origin").isEmpty());
    }

    void concurrentFirstRequestsOfANewUserAllSucceed()
    {
        // A browser opens several connections at once with credentials the
        // node has not checked yet: one password check serves them all
        // (the others wait for it), and every request gets its answer.
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("sh"),
                               {QStringLiteral("-c"), QStringLiteral("printf 'Reader-pass-2026\\n' | '%1' --data-dir '%2' users add reader2 --role viewer")
                                                          .arg(test::nodeBinary(), m_data)},
                               &out),
                 0);
        QStringList args{QStringLiteral("-s"), QStringLiteral("--parallel"), QStringLiteral("--parallel-immediate"),
                         QStringLiteral("--parallel-max"), QStringLiteral("8"), QStringLiteral("-u"),
                         QStringLiteral("reader2:Reader-pass-2026"), QStringLiteral("-w"), QStringLiteral("%{http_code}\\n")};
        for (int i = 0; i < 8; ++i)
            args << QStringLiteral("-o") << QStringLiteral("/dev/null") << m_base + QStringLiteral("/studies?limit=1&n=%1").arg(i);
        // (Standard output only: curl's parallel progress meter is on stderr even with -s.)
        QCOMPARE(test::runToolStdout(QStringLiteral("curl"), args, &out, 90000), 0);
        QCOMPARE(out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), QStringList(8, QStringLiteral("200")));
    }

    // Last: it locks 127.0.0.1 out for a minute.
    void repeatedWrongPasswordsAreThrottled()
    {
        // At most 10 failures a minute (one happened in an earlier test).
        int refused = 0;
        for (int i = 0; i < 11; ++i) {
            const int status = get(QStringLiteral("/studies"), {QStringLiteral("-u"), QStringLiteral("admin:guess%1").arg(i)}, false).status;
            QVERIFY(status == 401 || status == 429);
            if (status == 429)
                break;
            ++refused;
        }
        QVERIFY2(refused >= 8 && refused <= 10, qPrintable(QString::number(refused)));
        Response r = get(QStringLiteral("/studies"));   // even the right password, from this address
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("60"));
    }
};

QTEST_GUILESS_MAIN(TestDicomWebServerAuth)
#include "tst_serverauth.moc"
