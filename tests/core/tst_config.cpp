#include <kilima/core/config.h>
#include <kilima/core/datadir.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima::core;

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void missingFile_ShouldGiveDocumentedDefaults()
    {
        QTemporaryDir dir;
        const Result<Config> c = Config::load(dir.filePath(QStringLiteral("none.json")));
        QVERIFY(c.ok());
        QCOMPARE(c.value().node.aeTitle, QStringLiteral("KILIMA"));
        QCOMPARE(c.value().node.dicomPort, 11112);
        QCOMPARE(c.value().node.httpPort, 8042);
        QVERIFY(c.value().archive.duplicatePolicy == DuplicatePolicy::KeepFirst);
    }

    void saveThenLoad_ShouldRoundTrip()
    {
        QTemporaryDir dir;
        Config c;
        c.node.aeTitle = QStringLiteral("READING1");
        c.node.dicomPort = 4242;
        c.archive.duplicatePolicy = DuplicatePolicy::Overwrite;
        const QString path = dir.filePath(QStringLiteral("kilima.json"));
        QVERIFY(c.save(path).ok());
        const Result<Config> back = Config::load(path);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value().node.aeTitle, QStringLiteral("READING1"));
        QCOMPARE(back.value().node.dicomPort, 4242);
        QVERIFY(back.value().archive.duplicatePolicy == DuplicatePolicy::Overwrite);
    }

    void badValues_ShouldNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port out of range") << QByteArray(R"({"node":{"dicomPort":70000}})") << "node.dicomPort";
        QTest::newRow("port not a number") << QByteArray(R"({"node":{"dicomPort":"x"}})") << "node.dicomPort";
        QTest::newRow("long AE title") << QByteArray(R"({"node":{"aeTitle":"ABCDEFGHIJKLMNOPQ"}})") << "node.aeTitle";
        QTest::newRow("bad policy") << QByteArray(R"({"archive":{"duplicatePolicy":"newest"}})") << "archive.duplicatePolicy";
        QTest::newRow("unknown section") << QByteArray(R"({"nodes":{}})") << "nodes";
        QTest::newRow("broken JSON") << QByteArray(R"({"node":)") << "invalid JSON";
    }

    void badValues_ShouldNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kilima.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        const Result<Config> c = Config::load(path);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(mentions), qPrintable(c.error()));
    }

    void dataDir_ShouldPreferExplicitThenEnvironment()
    {
        qputenv("KILIMA_DATA_DIR", "/tmp/from-env");
        QCOMPARE(DataDir::resolve(QStringLiteral("/tmp/explicit")), QStringLiteral("/tmp/explicit"));
        QCOMPARE(DataDir::resolve(QString()), QStringLiteral("/tmp/from-env"));
        qunsetenv("KILIMA_DATA_DIR");
        qputenv("XDG_DATA_HOME", "/tmp/xdg");
        QCOMPARE(DataDir::resolve(QString()), QStringLiteral("/tmp/xdg/kilima"));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
