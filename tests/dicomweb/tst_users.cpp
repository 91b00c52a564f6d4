// Users and tokens beside the index: slow salted password hashes, tokens
// kept only as hashes and revocable, the same refusal for unknown names and
// wrong passwords.
#include <kilima/archive/archive.h>
#include <kilima/archive/sqlite.h>
#include <kilima/archive/users.h>

#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestUsers : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;

private Q_SLOTS:
    void initTestCase()
    {
        auto a = archive::Archive::open(core::DataDir(m_tmp.path()), core::Config{});
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = a.take();
    }

    void passwordsAreSaltedSlowHashes()
    {
        archive::Users users(m_archive->databasePath());
        QVERIFY(users.isEmpty());
        QVERIFY(users.add(QStringLiteral("alice"), archive::Role::Radiologist, QStringLiteral("correct horse")).ok());
        QVERIFY(users.add(QStringLiteral("bob"), archive::Role::Viewer, QStringLiteral("correct horse")).ok());
        QVERIFY(!users.isEmpty());

        QString err;
        sqlite3 *db = archive::openConnection(m_archive->databasePath(), &err);
        QVERIFY(db);
        archive::Statement s(db, "SELECT name, salt, iterations, hash FROM users ORDER BY name");
        QList<QString> salts, hashes;
        while (s.next()) {
            QVERIFY(s.int64(2) >= 600000);
            QVERIFY(!s.text(3).contains(QLatin1String("horse")));
            salts << s.text(1);
            hashes << s.text(3);
        }
        sqlite3_close_v2(db);
        QCOMPARE(salts.size(), 2);
        QVERIFY(salts.at(0) != salts.at(1));     // per-user salt
        QVERIFY(hashes.at(0) != hashes.at(1));   // same password, different hash

        auto ok = users.verifyPassword(QStringLiteral("alice"), QStringLiteral("correct horse"));
        QVERIFY(ok.ok());
        QVERIFY(ok.value().role == archive::Role::Radiologist);   // (QCOMPARE would pick archive::toString by ADL)
        const auto wrong = users.verifyPassword(QStringLiteral("alice"), QStringLiteral("Correct horse"));
        const auto unknown = users.verifyPassword(QStringLiteral("mallory"), QStringLiteral("correct horse"));
        QVERIFY(!wrong.ok());
        QVERIFY(!unknown.ok());
        QCOMPARE(wrong.error(), unknown.error());
    }

    void badInputIsRefused()
    {
        archive::Users users(m_archive->databasePath());
        QVERIFY(!users.add(QStringLiteral("alice"), archive::Role::Admin, QStringLiteral("another one")).ok());   // exists
        QVERIFY(!users.add(QStringLiteral("a:b"), archive::Role::Admin, QStringLiteral("long enough")).ok());
        QVERIFY(!users.add(QStringLiteral("carol"), archive::Role::Admin, QStringLiteral("short")).ok());
        QVERIFY(!archive::roleFromString(QStringLiteral("superuser")).ok());
        QVERIFY(archive::roleFromString(QStringLiteral("Technologist")).value() == archive::Role::Technologist);
    }

    void tokensAreHashedAndRevocable()
    {
        archive::Users users(m_archive->databasePath());
        auto token = users.createToken(QStringLiteral("bob"));
        QVERIFY2(token.ok(), qPrintable(token.error()));
        QVERIFY(token.value().secret.size() >= 40);
        QCOMPARE(users.verifyToken(token.value().secret).value().name, QStringLiteral("bob"));
        QVERIFY(!users.verifyToken(token.value().secret + QLatin1Char('x')).ok());

        QString err;
        sqlite3 *db = archive::openConnection(m_archive->databasePath(), &err);
        archive::Statement s(db, "SELECT count(*) FROM tokens WHERE hash LIKE ?");
        s.bind(1, QStringLiteral("%") + token.value().secret.mid(3, 10) + QLatin1Char('%'));
        QVERIFY(s.next());
        QCOMPARE(s.int64(0), qint64(0));   // the secret is not stored
        sqlite3_close_v2(db);

        QVERIFY(users.revokeToken(token.value().id).ok());
        QVERIFY(!users.verifyToken(token.value().secret).ok());
        QVERIFY(!users.revokeToken(QStringLiteral("nope")).ok());
    }

    void removingAUserEndsTheirTokensAndPasswordsChange()
    {
        archive::Users users(m_archive->databasePath());
        auto token = users.createToken(QStringLiteral("alice"));
        QVERIFY(token.ok());
        QVERIFY(users.setPassword(QStringLiteral("alice"), QStringLiteral("new password")).ok());
        QVERIFY(!users.verifyPassword(QStringLiteral("alice"), QStringLiteral("correct horse")).ok());
        QVERIFY(users.verifyPassword(QStringLiteral("alice"), QStringLiteral("new password")).ok());
        QVERIFY(users.setDisabled(QStringLiteral("alice"), true).ok());
        QVERIFY(!users.verifyToken(token.value().secret).ok());
        QVERIFY(users.remove(QStringLiteral("alice")).ok());
        QVERIFY(!users.verifyToken(token.value().secret).ok());
        QCOMPARE(users.list().value().size(), 1);
        QCOMPARE(Users_generated(), 20);
    }

private:
    static int Users_generated() { return int(archive::Users::generatePassword().size()); }
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
