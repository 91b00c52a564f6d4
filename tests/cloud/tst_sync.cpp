// The cloud tier end to end with real peers: kilima-node's cloud commands
// against s3rver on loopback, awscli as the independent check that every
// instance is in the bucket with a matching checksum. Fault cases: a
// corrupted upload, s3rver killed mid-sync, kilima-node killed mid-sync, a
// bucket copy damaged later; eviction never without a verified copy;
// recall; deletion after the retention delay; restore from the bucket alone.
#include "s3peer.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/cloud/setup.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/node/node.h>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace kilima;

namespace {

const QString kBucket = QStringLiteral("kilima-archive");
const QString kSecret = QStringLiteral("kilima-test-secret-3f9a");

// find --json output in a stable order (by SOP Instance UID).
QByteArray sortedInstances(const QString &json)
{
    QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    QList<QJsonValue> items(a.begin(), a.end());
    auto sop = [](const QJsonValue &v) {
        return v.toObject().value(QStringLiteral("00080018")).toObject().value(QStringLiteral("Value")).toArray().first().toString();
    };
    std::sort(items.begin(), items.end(), [&](const QJsonValue &x, const QJsonValue &y) { return sop(x) < sop(y); });
    QJsonArray out;
    for (const QJsonValue &v : items)
        out.append(v);
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QString md5Of(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Md5).toHex());
}

int runNode(const QString &data, const QStringList &args, QString *out = nullptr, const QStringList &env = {})
{
    for (const QString &e : env)
        qputenv(e.section(QLatin1Char('='), 0, 0).toLatin1(), e.section(QLatin1Char('='), 1).toUtf8());
    const int rc = test::runTool(QStringLiteral(KILIMA_NODE_BIN), QStringList{QStringLiteral("--data-dir"), data} + args, out);
    for (const QString &e : env)
        qunsetenv(e.section(QLatin1Char('='), 0, 0).toLatin1().constData());
    return rc;
}

} // namespace

class TestCloudSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    std::unique_ptr<test::S3Server> m_s3;
    QSet<QString> m_md5s;          // of every instance imported (the bytes Kilima stores)
    QStringList m_seriesUids;

    QString importSeries(int slices, const QString &name)
    {
        test::CtPhantom p;
        p.slices = slices;
        p.seriesUid = test::newUid();
        const QString dir = m_tmp.filePath(name);
        const QStringList files = test::writeCtPhantom(dir, p);
        for (const QString &f : files)
            m_md5s.insert(md5Of(f));
        QString out;
        const int rc = runNode(m_data, {QStringLiteral("import"), dir}, &out);
        if (rc != 0)
            qWarning().noquote() << out;
        m_seriesUids << p.seriesUid;
        return p.seriesUid;
    }

    int configure(const QString &data)
    {
        QProcess p;
        p.start(QStringLiteral(KILIMA_NODE_BIN),
                {QStringLiteral("--data-dir"), data, QStringLiteral("cloud"), QStringLiteral("configure"), QStringLiteral("--endpoint"),
                 m_s3->endpoint(), QStringLiteral("--bucket"), kBucket, QStringLiteral("--path-style")});
        p.waitForStarted();
        p.write(QStringLiteral("S3RVER\n%1\n").arg(kSecret).toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(60000);
        if (p.exitCode() != 0)
            qWarning().noquote() << p.readAllStandardError();
        return p.exitCode();
    }

    void setCloud(const QJsonObject &values)
    {
        const QString path = core::DataDir(m_data).configFile();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject cloud = root.value(QStringLiteral("cloud")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it)
            cloud.insert(it.key(), it.value());
        root.insert(QStringLiteral("cloud"), cloud);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
    }

    QString m_lastStatus;
    QJsonObject status()
    {
        runNode(m_data, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}, &m_lastStatus);
        // Warnings (a reconcile after a kill) may precede the JSON line.
        return QJsonDocument::fromJson(m_lastStatus.mid(m_lastStatus.indexOf(QLatin1Char('{'))).toUtf8()).object();
    }

    // Every instance in the bucket, once, with the checksum of its bytes.
    void verifyBucketMatchesArchive(const QString &where)
    {
        const QMap<QString, QString> objects = m_s3->listEtags(kBucket, QStringLiteral("dicom/"));
        const QJsonObject st = status();
        QCOMPARE(qint64(objects.size()), qint64(st.value(QStringLiteral("instances")).toDouble()));
        QSet<QString> etags;
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            QVERIFY2(m_md5s.contains(it.value()), qPrintable(QStringLiteral("%1: %2 has a checksum of no stored instance").arg(where, it.key())));
            etags.insert(it.value());
        }
        QCOMPARE(etags.size(), objects.size());   // no instance twice
        QCOMPARE(st.value(QStringLiteral("pending")).toInt(), 0);
    }

    QStringList storedFiles()
    {
        QStringList files;
        QDirIterator it(core::DataDir(m_data).storageDir(), {QStringLiteral("*.dcm")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::s3rverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        m_data = m_tmp.filePath(QStringLiteral("data"));
        m_s3 = std::make_unique<test::S3Server>(m_tmp.filePath(QStringLiteral("s3")));
        QVERIFY(m_s3->start());
        QVERIFY(m_s3->createBucket(kBucket));
        importSeries(12, QStringLiteral("a"));
        importSeries(12, QStringLiteral("b"));
    }
    void cleanupTestCase()
    {
        if (m_s3)
            m_s3->stop();
    }

    void configure_keepsTheSecretOutOfTheConfiguration()
    {
        QCOMPARE(configure(m_data), 0);
        QFile config(core::DataDir(m_data).configFile());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray json = config.readAll();
        QVERIFY(json.contains(kBucket.toUtf8()));
        QVERIFY(!json.contains(kSecret.toUtf8()));
        const QFileInfo secrets(m_data + QStringLiteral("/cloud-credentials"));
        QVERIFY(secrets.exists());
        QCOMPARE(int(secrets.permissions() & 0x0FFF & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner)), 0);
        // A secret put into the configuration by hand is refused with a reason.
        QJsonObject bad = QJsonDocument::fromJson(json).object();
        QJsonObject cloud = bad.value(QStringLiteral("cloud")).toObject();
        cloud.insert(QStringLiteral("secretAccessKey"), QStringLiteral("x"));
        bad.insert(QStringLiteral("cloud"), cloud);
        auto parsed = core::Config::fromJson(bad);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(QLatin1String("cloud.secretAccessKey")), qPrintable(parsed.error()));
    }

    void syncRun_uploadsEveryInstanceOnce_awscliAgrees()
    {
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("uploaded 24")), qPrintable(out));
        verifyBucketMatchesArchive(QStringLiteral("first sync"));
        // A second pass has nothing to do.
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("uploaded 0")), qPrintable(out));
        // The object carries the SHA-256 the index records.
        const QString key = m_s3->listEtags(kBucket, QStringLiteral("dicom/")).firstKey();
        QString head;
        QCOMPARE(m_s3->aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"), kBucket,
                            QStringLiteral("--key"), key}, &head), 0);
        QVERIFY2(head.contains(QLatin1String("\"sha256\"")), qPrintable(head));
    }

    void corruptedUpload_isDetectedAndRedone()
    {
        importSeries(10, QStringLiteral("c"));
        QString out;
        // The next 3 uploads are damaged on the way (after their MD5 was taken).
        const int rc = runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out, {QStringLiteral("KILIMA_CLOUD_FAULT_CORRUPT_PUTS=3")});
        if (rc != 0) {
            QVERIFY2(out.contains(QLatin1String("does not match")), qPrintable(out));
            QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        }
        verifyBucketMatchesArchive(QStringLiteral("after corrupted uploads"));
    }

    void damagedBucketCopy_isFoundByReverifyAndUploadedAgain()
    {
        const QString key = m_s3->listEtags(kBucket, QStringLiteral("dicom/")).lastKey();
        const QString junk = m_tmp.filePath(QStringLiteral("junk.bin"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("not a DICOM object");
        j.close();
        QCOMPARE(m_s3->aws({QStringLiteral("s3"), QStringLiteral("cp"), junk, QStringLiteral("s3://%1/%2").arg(kBucket, key)}), 0);
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run"), QStringLiteral("--reverify")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("1 missing or damaged")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("uploaded 1 ")), qPrintable(out));
        verifyBucketMatchesArchive(QStringLiteral("after reverify"));
    }

    void s3ServerKilledMidSync_resumesWithNothingLostOrDuplicated()
    {
        importSeries(40, QStringLiteral("d"));
        importSeries(40, QStringLiteral("e"));
        setCloud({{QStringLiteral("bandwidthLimitKBps"), 150}});
        test::Peer sync;
        QVERIFY(sync.start(QStringLiteral(KILIMA_NODE_BIN), {QStringLiteral("--data-dir"), m_data, QStringLiteral("sync"), QStringLiteral("run")}));
        QThread::msleep(1500);
        m_s3->kill();
        QVERIFY(sync.process().waitForFinished(120000));
        QCOMPARE(sync.process().exitCode(), 1);   // not complete: it says so
        const QJsonObject partial = status();
        QVERIFY2(partial.value(QStringLiteral("pending")).toInt() > 0, "the kill came too late to interrupt the sync");
        QVERIFY(m_s3->start(m_s3->port()));
        setCloud({{QStringLiteral("bandwidthLimitKBps"), 0}});
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        verifyBucketMatchesArchive(QStringLiteral("after s3rver restart"));
    }

    void nodeKilledMidSync_restartCompletes()
    {
        importSeries(40, QStringLiteral("f"));
        importSeries(40, QStringLiteral("g"));
        setCloud({{QStringLiteral("bandwidthLimitKBps"), 150}});
        test::Peer sync;
        QVERIFY(sync.start(QStringLiteral(KILIMA_NODE_BIN), {QStringLiteral("--data-dir"), m_data, QStringLiteral("sync"), QStringLiteral("run")}));
        QThread::msleep(1500);
        sync.kill();
        sync.process().waitForFinished(10000);
        QVERIFY2(status().value(QStringLiteral("pending")).toInt() > 0, qPrintable(QStringLiteral("the kill came too late to interrupt the sync: ") + m_lastStatus + sync.output()));
        setCloud({{QStringLiteral("bandwidthLimitKBps"), 0}});
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        verifyBucketMatchesArchive(QStringLiteral("after kilima-node was killed"));
    }

    void eviction_neverRemovesAFileWithoutAVerifiedUpload()
    {
        setCloud({{QStringLiteral("evictAfterDays"), 0}});
        // The bucket is unreachable: nothing can be verified, nothing is evicted.
        m_s3->stop();
        importSeries(8, QStringLiteral("h"));
        const int before = int(storedFiles().size());
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 1);
        QCOMPARE(int(storedFiles().size()), before);
        QVERIFY(m_s3->start(m_s3->port()));

        // A verified copy damaged in the bucket since: that file stays too.
        const QMap<QString, QString> objects = m_s3->listEtags(kBucket, QStringLiteral("dicom/"));
        const QString damagedKey = objects.firstKey();
        const QString sop = QFileInfo(damagedKey).completeBaseName();
        const QString junk = m_tmp.filePath(QStringLiteral("junk2.bin"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("damaged");
        j.close();
        QCOMPARE(m_s3->aws({QStringLiteral("s3"), QStringLiteral("cp"), junk, QStringLiteral("s3://%1/%2").arg(kBucket, damagedKey)}), 0);

        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        const QStringList left = storedFiles();
        QCOMPARE(left.size(), 1);   // only the file whose bucket copy was damaged
        QString find;
        QCOMPARE(runNode(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                               QStringLiteral("SOPInstanceUID=") + sop, QStringLiteral("--json")}, &find), 0);
        QVERIFY(find.contains(sop));
        // Evicted files are not damage: verify stays consistent.
        QString verify;
        QCOMPARE(runNode(m_data, {QStringLiteral("verify")}, &verify), 0);
        // The next pass re-uploads the damaged copy, then evicts it.
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QCOMPARE(storedFiles().size(), 0);
        verifyBucketMatchesArchive(QStringLiteral("after eviction"));
        QCOMPARE(status().value(QStringLiteral("evicted")).toInt(), status().value(QStringLiteral("instances")).toInt());
    }

    void recall_bringsAnEvictedSeriesBackVerified()
    {
        cloud::installRecallProviderFactory();
        const core::DataDir dir(m_data);
        auto config = core::Config::load(dir.configFile());
        QVERIFY(config.ok());
        auto archive = archive::Archive::open(dir, config.value());
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        QElapsedTimer t;
        t.start();
        auto files = archive.value()->instanceFiles(archive::Level::Series, m_seriesUids.first());
        QVERIFY2(files.ok(), qPrintable(files.error()));
        qInfo() << "recalled a series of" << files.value().size() << "instances in" << t.elapsed() << "ms";
        QCOMPARE(files.value().size(), 12);
        for (const QString &f : files.value()) {
            QVERIFY2(QFile::exists(f), qPrintable(f));
            QVERIFY(m_md5s.contains(md5Of(f)));
        }
        QCOMPARE(archive.value()->verify().consistent(), true);
        archive::Archive::setRecallProviderFactory({});
    }

    void deletion_reachesTheBucketOnlyAfterTheRetentionDelay()
    {
        const QString series = m_seriesUids.at(1);
        {
            const core::DataDir dir(m_data);
            auto archive = archive::Archive::open(dir, core::Config::load(dir.configFile()).value());
            QVERIFY(archive.ok());
            QCOMPARE(archive.value()->remove(archive::Level::Series, series).value(), 12);
        }
        setCloud({{QStringLiteral("deleteRetentionDays"), 1}});
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QCOMPARE(status().value(QStringLiteral("awaitingDeletion")).toInt(), 12);
        QCOMPARE(m_s3->listEtags(kBucket, QStringLiteral("dicom/")).size(), status().value(QStringLiteral("instances")).toInt() + 12);
        setCloud({{QStringLiteral("deleteRetentionDays"), 0}});
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("deleted from bucket 12")), qPrintable(out));
        QCOMPARE(status().value(QStringLiteral("awaitingDeletion")).toInt(), 0);
        verifyBucketMatchesArchive(QStringLiteral("after deletion"));
    }

    void coldTier_movesOldStudiesToTheColdStorageClass()
    {
        setCloud({{QStringLiteral("coldAfterDays"), 0}, {QStringLiteral("coldStorageClass"), QStringLiteral("GLACIER")}});
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        const int instances = status().value(QStringLiteral("instances")).toInt();
        QVERIFY2(out.contains(QStringLiteral("moved to cold %1").arg(instances)), qPrintable(out));
        QCOMPARE(status().value(QStringLiteral("cold")).toInt(), instances);
        const QString key = m_s3->listEtags(kBucket, QStringLiteral("dicom/")).firstKey();
        QString head;
        QCOMPARE(m_s3->aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"), kBucket,
                            QStringLiteral("--key"), key}, &head), 0);
        QVERIFY2(head.contains(QLatin1String("GLACIER")), qPrintable(head));
        QVERIFY2(head.contains(QLatin1String("\"sha256\"")), qPrintable(head));   // metadata kept by the copy
        verifyBucketMatchesArchive(QStringLiteral("after the cold transition"));
        setCloud({{QStringLiteral("coldAfterDays"), -1}});
    }

    void restoreIndex_fromTheBucketAlone_givesTheSameAnswers()
    {
        QString findBefore, verifyBefore, statsBefore;
        QCOMPARE(runNode(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("100000")}, &findBefore), 0);
        QCOMPARE(runNode(m_data, {QStringLiteral("stats")}, &statsBefore), 0);
        QVERIFY(QDir(m_data).removeRecursively());

        QCOMPARE(configure(m_data), 0);
        QString out;
        QCOMPARE(runNode(m_data, {QStringLiteral("restore-index"), QStringLiteral("--from-bucket")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("failed 0")), qPrintable(out));
        QString findAfter, verifyAfter, statsAfter;
        QCOMPARE(runNode(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("100000")}, &findAfter), 0);
        QCOMPARE(runNode(m_data, {QStringLiteral("stats")}, &statsAfter), 0);
        QCOMPARE(runNode(m_data, {QStringLiteral("verify")}, &verifyAfter), 0);
        QVERIFY(findBefore.size() > 1000);
        QCOMPARE(sortedInstances(findAfter), sortedInstances(findBefore));
        QCOMPARE(QJsonDocument::fromJson(findAfter.toUtf8()).array().size(), status().value(QStringLiteral("instances")).toInt());
        QCOMPARE(statsAfter, statsBefore);
        QVERIFY2(verifyAfter.contains(QLatin1String("consistent")), qPrintable(verifyAfter));
        // Restored copies count as verified: nothing is uploaded again.
        QCOMPARE(runNode(m_data, {QStringLiteral("sync"), QStringLiteral("run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("uploaded 0")), qPrintable(out));
    }

    void serve_syncsInTheBackground_andStopsCleanly()
    {
        // Everything is evicted once uploaded: C-GET must recall.
        setCloud({{QStringLiteral("evictAfterDays"), 0}, {QStringLiteral("syncIntervalSeconds"), 5}});
        const QString series = importSeries(6, QStringLiteral("bg"));
        QCOMPARE(runNode(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("scu"), QStringLiteral("--aet"), QStringLiteral("SCU"),
                               QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("104"),
                               QStringLiteral("--allow"), QStringLiteral("echo,find,get")}), 0);
        QVERIFY(status().value(QStringLiteral("pending")).toInt() == 6);
        test::Peer serve;
        const quint16 port = test::freePort();
        QVERIFY(serve.start(QStringLiteral(KILIMA_NODE_BIN), {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                              QString::number(port), QStringLiteral("--http-port"), QStringLiteral("0"),
                                                              QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(port), qPrintable(serve.output()));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000 && status().value(QStringLiteral("pending")).toInt() != 0)
            QThread::msleep(500);
        QCOMPARE(status().value(QStringLiteral("pending")).toInt(), 0);
        t.restart();
        while (t.elapsed() < 30000 && storedFiles().size() != 0)
            QThread::msleep(500);
        QCOMPARE(storedFiles().size(), 0);
        // C-GET of a series that is only in the bucket.
        const QString got = m_tmp.filePath(QStringLiteral("cget"));
        QDir().mkpath(got);
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("getscu"), {QStringLiteral("-S"), QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"),
                                                          QStringLiteral("KILIMA"), QStringLiteral("-od"), got, QStringLiteral("-k"),
                                                          QStringLiteral("QueryRetrieveLevel=SERIES"), QStringLiteral("-k"),
                                                          QStringLiteral("SeriesInstanceUID=") + series, QStringLiteral("127.0.0.1"),
                                                          QString::number(port)}, &log), 0);
        const QStringList received = QDir(got).entryList(QDir::Files);
        QCOMPARE(received.size(), 6);
        for (const QString &f : received)
            QVERIFY2(m_md5s.contains(md5Of(QDir(got).filePath(f))), qPrintable(f + log));
        QCOMPARE(storedFiles().size(), 6);   // recalled and cached hot
        serve.process().terminate();
        QVERIFY(serve.process().waitForFinished(30000));
        QCOMPARE(serve.process().exitStatus(), QProcess::NormalExit);
        verifyBucketMatchesArchive(QStringLiteral("after serve's background sync"));
    }

    void embeddedNode_reportsTheCloudSyncForNodeStatus()
    {
        // The workstation's node status reads this: the same figures as
        // `sync status`, from the node's own background sync.
        const QString series = importSeries(4, QStringLiteral("status"));
        Q_UNUSED(series);
        const core::DataDir dir(m_data);
        auto config = core::Config::load(dir.configFile());
        QVERIFY2(config.ok(), qPrintable(config.error()));
        core::Config c = config.value();
        c.node.dicomPort = test::freePort();
        c.node.httpPort = 0;
        c.node.bindAddress = QStringLiteral("127.0.0.1");
        auto opened = archive::Archive::open(dir, c);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        std::unique_ptr<archive::Archive> archive = opened.take();
        {
            node::Node n(*archive, c);
            QVERIFY(n.start().ok());
            QElapsedTimer t;
            t.start();
            node::CloudSyncState s = n.cloudSync();
            while (t.elapsed() < 60000 && (s.pending != 0 || s.lastPassAt.isEmpty())) {
                QThread::msleep(300);
                s = n.cloudSync();
            }
            QVERIFY(s.configured);
            QVERIFY2(s.syncing, qPrintable(s.error));
            QCOMPARE(s.pending, qint64(0));
            QVERIFY(s.instances > 0);
            QCOMPARE(s.verified, s.instances);
            const QJsonObject cli = status();
            QCOMPARE(s.instances, qint64(cli.value(QStringLiteral("instances")).toDouble()));
            n.stop();
            QVERIFY(!n.cloudSync().syncing);
        }
        // A broken secrets file: configured, not syncing, and the reason said.
        const QString secrets = m_data + QStringLiteral("/cloud-credentials");
        QVERIFY(QFile::exists(secrets));
        QVERIFY(QFile::rename(secrets, secrets + QStringLiteral(".away")));
        {
            node::Node n(*archive, c);
            QVERIFY(n.start().ok());
            const node::CloudSyncState s = n.cloudSync();
            QVERIFY(s.configured);
            QVERIFY(!s.syncing);
            QVERIFY2(!s.error.isEmpty(), "the node says why the cloud tier is off");
            n.stop();
        }
        QVERIFY(QFile::rename(secrets + QStringLiteral(".away"), secrets));
    }
};

QTEST_GUILESS_MAIN(TestCloudSync)
#include "tst_sync.moc"
