// The tables beside the index: known nodes, modality worklist, audit log,
// and the schema version guard.
#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>

#include <thread>
#include <kilima/archive/knownnodes.h>
#include <kilima/archive/worklist.h>
#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kilima;

static std::unique_ptr<DcmDataset> worklistItem(const char *name, const char *id, const char *modality, const char *station,
                                                const char *date, const char *time, const char *accession)
{
    auto ds = std::make_unique<DcmDataset>();
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds->putAndInsertString(DCM_PatientName, name);
    ds->putAndInsertString(DCM_PatientID, id);
    ds->putAndInsertString(DCM_AccessionNumber, accession);
    ds->putAndInsertString(DCM_RequestedProcedureID, "RP1");
    DcmItem *sps = nullptr;
    ds->findOrCreateSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0);
    sps->putAndInsertString(DCM_Modality, modality);
    sps->putAndInsertString(DCM_ScheduledStationAETitle, station);
    sps->putAndInsertString(DCM_ScheduledProcedureStepStartDate, date);
    sps->putAndInsertString(DCM_ScheduledProcedureStepStartTime, time);
    sps->putAndInsertString(DCM_ScheduledProcedureStepDescription, "Scheduled exam");
    return ds;
}

class TestNodesTables : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    std::unique_ptr<archive::Archive> m_archive;

private Q_SLOTS:
    void initTestCase()
    {
        auto a = archive::Archive::open(core::DataDir(m_data.path()), {});
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = a.take();
    }

    void knownNodes_ShouldBeSavedListedAndRemoved()
    {
        archive::KnownNodes &nodes = m_archive->knownNodes();
        archive::KnownNode ct{QStringLiteral("ct-scanner"), QStringLiteral("CT01"), QStringLiteral("127.0.0.1"), 104, false,
                              {QStringLiteral("echo"), QStringLiteral("store"), QStringLiteral("worklist")}};
        QVERIFY(nodes.put(ct).ok());
        archive::KnownNode ws{QStringLiteral("reading-2"), QStringLiteral("WS2"), QStringLiteral("10.0.0.2"), 11112, true,
                              {QStringLiteral("find"), QStringLiteral("move")}};
        QVERIFY(nodes.put(ws).ok());
        const auto list = nodes.list().value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().name, QStringLiteral("ct-scanner"));
        QVERIFY(list.first().allows(QStringLiteral("store")));
        QVERIFY(!list.first().allows(QStringLiteral("move")));
        QCOMPARE(nodes.byAeTitle(QStringLiteral("WS2")).value().first().port, 11112);
        QVERIFY(nodes.byAeTitle(QStringLiteral("WS2")).value().first().tls);
        // Replacing by name keeps one row.
        ws.port = 4242;
        QVERIFY(nodes.put(ws).ok());
        QCOMPARE(nodes.byName(QStringLiteral("reading-2")).value().port, 4242);
        QVERIFY(nodes.remove(QStringLiteral("reading-2")).ok());
        QVERIFY(!nodes.remove(QStringLiteral("reading-2")).ok());
        QCOMPARE(nodes.list().value().size(), 1);
    }

    void knownNodes_ShouldRefuseInvalidEntries_data()
    {
        QTest::addColumn<QString>("ae");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("permission");
        QTest::newRow("AE too long") << "ABCDEFGHIJKLMNOPQ" << 104 << "echo";
        QTest::newRow("AE with backslash") << "A\\B" << 104 << "echo";
        QTest::newRow("port 0") << "OK" << 0 << "echo";
        QTest::newRow("unknown permission") << "OK" << 104 << "delete";
    }

    void knownNodes_ShouldRefuseInvalidEntries()
    {
        QFETCH(QString, ae);
        QFETCH(int, port);
        QFETCH(QString, permission);
        const core::Status st = m_archive->knownNodes().put({QStringLiteral("bad"), ae, QStringLiteral("h"), port, false, {permission}});
        QVERIFY(!st.ok());
        QVERIFY(!st.error().isEmpty());
    }

    void worklist_ShouldMatchDateRangeModalityStationAndPatient()
    {
        archive::Worklist &wl = m_archive->worklist();
        QVERIFY(wl.add(*worklistItem("DOE^JANE", "P1", "CT", "CT01", "20261122", "0930", "A1")).ok());
        QVERIFY(wl.add(*worklistItem("ROE^RICHARD", "P2", "MR", "MR01", "20261122", "1400", "A2")).ok());
        QVERIFY(wl.add(*worklistItem("Doe^John", "P3", "CT", "CT02", "20261125", "0800", "A3")).ok());

        auto count = [&](archive::WorklistQuery q) { return wl.find(q).value().size(); };
        QCOMPARE(count({}), 3);
        archive::WorklistQuery q;
        q.startDate = QStringLiteral("20261122");
        QCOMPARE(count(q), 2);
        q.modality = QStringLiteral("CT");
        QCOMPARE(count(q), 1);
        archive::WorklistQuery range;
        range.startDate = QStringLiteral("20261120-20261130");
        range.modality = QStringLiteral("CT");
        QCOMPARE(count(range), 2);
        archive::WorklistQuery station;
        station.stationAeTitle = QStringLiteral("MR01");
        QCOMPARE(count(station), 1);
        archive::WorklistQuery name;
        name.patientName = QStringLiteral("doe*");
        QCOMPARE(count(name), 2);
        archive::WorklistQuery morning;
        morning.startTime = QStringLiteral("0700-1000");
        QCOMPARE(count(morning), 2);

        // The stored item is the full DICOM JSON.
        const auto found = wl.find(station).value();
        const QJsonObject item = found.first().item;
        QCOMPARE(item.value(QStringLiteral("00100010")).toObject().value(QStringLiteral("Value")).toArray().first().toObject()
                     .value(QStringLiteral("Alphabetic")).toString(), QStringLiteral("ROE^RICHARD"));
        QVERIFY(wl.remove(found.first().id).ok());
        QCOMPARE(count(station), 0);
    }

    void worklist_ShouldRefuseItemsWithoutAStep()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_PatientName, "NO^STEP");
        const auto id = m_archive->worklist().add(ds);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().contains(QStringLiteral("Scheduled Procedure Step Sequence")), qPrintable(id.error()));
        auto noDate = worklistItem("A^B", "P9", "CT", "CT01", "", "", "A9");
        QVERIFY(!m_archive->worklist().add(*noDate).ok());
    }

    void audit_ShouldListNewestFirstAndFilterByStudy()
    {
        archive::AuditLog &log = m_archive->auditLog();
        for (int i = 0; i < 5; ++i) {
            archive::AuditRecord r;
            r.callingAe = QStringLiteral("CT01");
            r.peerHost = QStringLiteral("127.0.0.1");
            r.action = QStringLiteral("C-STORE");
            r.studyUid = i % 2 ? QStringLiteral("1.2.3") : QStringLiteral("1.2.4");
            r.outcome = QStringLiteral("success");
            r.detail = QString::number(i);
            log.append(r);
        }
        const auto all = log.list({}).value();
        QCOMPARE(all.size(), 5);
        QCOMPARE(all.first().detail, QStringLiteral("4"));
        QCOMPARE(all.first().actor, QStringLiteral("CT01"));
        archive::AuditFilter f;
        f.studyUid = QStringLiteral("1.2.3");
        QCOMPARE(log.list(f).value().size(), 2);
    }

    // Lines are written by a batching thread: many appenders at once lose
    // none, list() sees every line appended before it, and a closed
    // archive has written the rest to the database (another process reads
    // them there).
    void auditFromManyThreads_ShouldKeepEveryLineAndSurviveClose()
    {
        QTemporaryDir dir;
        {
            auto a = archive::Archive::open(core::DataDir(dir.path()), {});
            QVERIFY(a.ok());
            archive::AuditLog &log = a.value()->auditLog();
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t) {
                threads.emplace_back([&log, t] {
                    for (int i = 0; i < 250; ++i) {
                        archive::AuditRecord r;
                        r.callingAe = QStringLiteral("AE%1").arg(t);
                        r.action = QStringLiteral("C-STORE");
                        r.outcome = QStringLiteral("success");
                        r.detail = QString::number(i);
                        log.append(r);
                    }
                });
            }
            for (std::thread &t : threads)
                t.join();
            archive::AuditFilter all;
            all.limit = 0;
            QCOMPARE(log.list(all).value().size(), 1000);
            archive::AuditRecord last;
            last.callingAe = QStringLiteral("LAST");
            last.action = QStringLiteral("release");
            log.append(last);   // not listed before the archive closes
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(core::DataDir(dir.path()).indexFile().toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*), sum(actor = 'LAST') FROM audit", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 1001);
        QCOMPARE(sqlite3_column_int(st, 1), 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    // The writer gathers lines for a moment, but never holds one: with no
    // reader and no close, a single line still reaches the database, where
    // another process (kilima-node audit) reads it.
    void auditLine_ShouldReachTheDatabaseWithoutAReader()
    {
        QTemporaryDir dir;
        auto a = archive::Archive::open(core::DataDir(dir.path()), {});
        QVERIFY(a.ok());
        archive::AuditRecord r;
        r.callingAe = QStringLiteral("ALONE");
        r.action = QStringLiteral("C-ECHO");
        r.outcome = QStringLiteral("success");
        a.value()->auditLog().append(r);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(core::DataDir(dir.path()).indexFile().toUtf8().constData(), &db), SQLITE_OK);
        auto count = [db] {
            sqlite3_stmt *st = nullptr;
            int n = -1;
            if (sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE actor = 'ALONE'", -1, &st, nullptr) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW)
                n = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(count(), 1, 5000);
        sqlite3_close(db);
    }

    void newerSchema_ShouldBeRefusedWithMessage()
    {
        QTemporaryDir dir;
        {
            auto a = archive::Archive::open(core::DataDir(dir.path()), {});
            QVERIFY(a.ok());
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(core::DataDir(dir.path()).indexFile().toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto a = archive::Archive::open(core::DataDir(dir.path()), {});
        QVERIFY(!a.ok());
        QVERIFY2(a.error().contains(QStringLiteral("newer")), qPrintable(a.error()));
    }
};

QTEST_GUILESS_MAIN(TestNodesTables)
#include "tst_nodestables.moc"
