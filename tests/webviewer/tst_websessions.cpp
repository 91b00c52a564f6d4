// Browser sessions and share links without a server: sessions end after
// their idle and absolute limits (times passed in, nothing waits), cookies
// and CSRF tokens are random and distinct, share tokens are kept only as
// hashes and stop working when revoked, durations parse as people write them.
#include "websession_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/sqlite.h>
#include <kilima/dicomweb/shares.h>

#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using dicomweb::WebSessions;

class TestWebSessions : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;

    static archive::User alice()
    {
        archive::User u;
        u.name = QStringLiteral("alice");
        u.role = archive::Role::Radiologist;
        return u;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto a = archive::Archive::open(core::DataDir(m_tmp.path()), core::Config{});
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = a.take();
    }

    void create_givesRandomDistinctCookieAndCsrfToken()
    {
        WebSessions sessions(60000, 3600000);
        const auto a = sessions.create(alice(), {}, {}, 1000);
        const auto b = sessions.create(alice(), {}, {}, 1000);
        QCOMPARE(a.cookie.size(), 43);   // 256 bits in base64url
        QVERIFY(a.cookie != b.cookie);
        QVERIFY(a.csrfToken != a.cookie);
        QVERIFY(a.csrfToken != b.csrfToken);
        const auto found = sessions.find(a.cookie, 2000);
        QVERIFY(found);
        QCOMPARE(found->user.name, QStringLiteral("alice"));
        QVERIFY(!found->restricted());
        QVERIFY(!sessions.find(a.cookie + "x", 2000));
        QVERIFY(!sessions.find(QByteArray(), 2000));
    }

    void find_endsAnIdleSession()
    {
        WebSessions sessions(60000, 3600000);
        const auto s = sessions.create(alice(), {}, {}, 0);
        QVERIFY(sessions.find(s.cookie, 59999));             // just inside: and restarts the idle time
        QVERIFY(sessions.find(s.cookie, 59999 + 59999));
        QVERIFY(!sessions.find(s.cookie, 59999 + 59999 + 60000));
        QVERIFY(!sessions.find(s.cookie, 59999 + 59999 + 1));   // gone for good
    }

    void find_endsAnActiveSessionAtItsAbsoluteLimit()
    {
        WebSessions sessions(60000, 300000);
        const auto s = sessions.create(alice(), {}, {}, 0);
        qint64 t = 0;
        for (; t + 30000 < 300000; t += 30000)
            QVERIFY2(sessions.find(s.cookie, t + 30000), qPrintable(QString::number(t)));
        QVERIFY(!sessions.find(s.cookie, 300000));
    }

    void remove_endsTheSession()
    {
        WebSessions sessions(60000, 300000);
        const auto s = sessions.create(alice(), {}, {}, 0);
        sessions.remove(s.cookie);
        QVERIFY(!sessions.find(s.cookie, 1));
        QCOMPARE(sessions.size(), 0);
    }

    void shareSession_isRestrictedToItsStudy()
    {
        WebSessions sessions(60000, 300000);
        const auto s = sessions.create(alice(), QStringLiteral("abc"), QStringLiteral("1.2.3"), 0);
        QVERIFY(s.restricted());
        QCOMPARE(sessions.find(s.cookie, 1)->studyUid, QStringLiteral("1.2.3"));
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");   // -1: refused
        QTest::newRow("days") << "7d" << qint64(7 * 86400);
        QTest::newRow("hours") << "12h" << qint64(12 * 3600);
        QTest::newRow("minutes") << "30m" << qint64(1800);
        QTest::newRow("seconds") << "90s" << qint64(90);
        QTest::newRow("no unit") << "7" << qint64(-1);
        QTest::newRow("weeks") << "2w" << qint64(-1);
        QTest::newRow("no number") << "d" << qint64(-1);
        QTest::newRow("zero") << "0s" << qint64(-1);
        QTest::newRow("negative") << "-1d" << qint64(-1);
        QTest::newRow("past a year") << "400d" << qint64(-1);
    }
    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto r = dicomweb::parseDuration(text);
        if (seconds < 0) {
            QVERIFY(!r.ok());
            QVERIFY(!r.error().isEmpty());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error()));
            QCOMPARE(r.value(), seconds);
        }
    }

    void shares_keepOnlyAHashAndStopWhenRevoked()
    {
        dicomweb::Shares shares(m_archive->databasePath());
        auto created = shares.create(QStringLiteral("1.2.3.4"), 3600, QStringLiteral("test"));
        QVERIFY2(created.ok(), qPrintable(created.error()));
        const QString token = created.value().token;
        QCOMPARE(token.size(), 43);
        auto used = shares.use(token);
        QVERIFY2(used.ok(), qPrintable(used.error()));
        QCOMPARE(used.value().studyUid, QStringLiteral("1.2.3.4"));
        QCOMPARE(used.value().uses, 1);
        QVERIFY(!shares.use(token.left(42) + QLatin1Char(token.endsWith(QLatin1Char('A')) ? 'B' : 'A')).ok());

        QString err;
        sqlite3 *db = archive::openConnection(m_archive->databasePath(), &err);
        QVERIFY(db);
        {
            archive::Statement s(db, "SELECT * FROM dicomweb_shares");
            while (s.next()) {
                for (int c = 0; c < s.columnCount(); ++c)
                    QVERIFY(!s.text(c).contains(token));
            }
        }
        sqlite3_close_v2(db);

        const QString id = created.value().share.id;
        QVERIFY(shares.isActive(id));
        QVERIFY(shares.revoke(id).ok());
        QVERIFY(!shares.isActive(id));
        QVERIFY(!shares.use(token).ok());
        QVERIFY(!shares.revoke(QStringLiteral("0000")).ok());
        QVERIFY(shares.byId(id).value().revoked);
    }

    void createShareLink_refusesAStudyNotInTheArchive()
    {
        auto link = dicomweb::createShareLink(*m_archive, QStringLiteral("1.2.3.999"), 3600, QStringLiteral("test"));
        QVERIFY(!link.ok());
        QVERIFY(link.error().contains(QStringLiteral("no study")));
        QVERIFY(!dicomweb::createShareLink(*m_archive, QStringLiteral("not a uid"), 3600, QStringLiteral("test")).ok());
    }

    void urls_startWithPublicUrl()
    {
        core::Config c;
        c.node.bindAddress = QStringLiteral("127.0.0.1");
        c.node.httpPort = 8042;
        QCOMPARE(dicomweb::publicBaseUrl(c), QStringLiteral("http://127.0.0.1:8042"));
        QCOMPARE(dicomweb::viewerUrl(c, QStringLiteral("1.2.3")),
                 QStringLiteral("http://127.0.0.1:8042/viewer/viewer?StudyInstanceUIDs=1.2.3"));
        c.http.publicUrl = QStringLiteral("https://pacs.example.org");
        QCOMPARE(dicomweb::viewerUrl(c), QStringLiteral("https://pacs.example.org/viewer/"));
    }
};

QTEST_GUILESS_MAIN(TestWebSessions)
#include "tst_websessions.moc"
