// The reading worklist state kept beside the index: changes persist, are
// seen by a second connection (another workstation on the same node) and
// are audited.
#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/readingstatus.h>

#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using archive::ReadingList;
using archive::ReadingStatus;

class TestReadingStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void persistsAndIsShared()
    {
        QTemporaryDir dir;
        auto opened = archive::Archive::open(core::DataDir(dir.path()), {});
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const QString db = opened.value()->databasePath();

        {
            ReadingList a(db, opened.value()->auditLog());
            QVERIFY2(a.openError().isEmpty(), qPrintable(a.openError()));
            auto fresh = a.state(QStringLiteral("1.2.3"));
            QVERIFY(fresh.ok());
            QCOMPARE(int(fresh.value().status), int(ReadingStatus::Unread));
            QVERIFY(!fresh.value().updatedAt.isValid());

            QVERIFY(a.setStatus(QStringLiteral("1.2.3"), ReadingStatus::InProgress, QStringLiteral("amina")).ok());
            QVERIFY(a.assign(QStringLiteral("1.2.3"), QStringLiteral("amina"), QStringLiteral("head")).ok());
            QVERIFY(a.setStat(QStringLiteral("1.2.4"), true, QStringLiteral("head")).ok());
            QVERIFY(a.assign(QStringLiteral("1.2.4"), QStringLiteral("amina"), QStringLiteral("head")).ok());
            QVERIFY(!a.setStatus(QString(), ReadingStatus::Final, QStringLiteral("x")).ok());
        }
        // A second workstation (new connection) sees the same state.
        ReadingList b(db, opened.value()->auditLog());
        auto st = b.states({QStringLiteral("1.2.4"), QStringLiteral("1.2.3"), QStringLiteral("9.9")});
        QVERIFY(st.ok());
        QCOMPARE(st.value().size(), 3);
        QCOMPARE(int(st.value().at(1).status), int(ReadingStatus::InProgress));
        QCOMPARE(st.value().at(1).assignedTo, QStringLiteral("amina"));
        QCOMPARE(st.value().at(1).updatedBy, QStringLiteral("head"));
        QVERIFY(st.value().at(0).stat);
        QCOMPARE(int(st.value().at(2).status), int(ReadingStatus::Unread));

        // My worklist: STAT first.
        auto mine = b.assignedTo(QStringLiteral("amina"), ReadingStatus::Reported);
        QVERIFY(mine.ok());
        QCOMPARE(mine.value().size(), 2);
        QCOMPARE(mine.value().at(0).studyUid, QStringLiteral("1.2.4"));

        // Audited.
        archive::AuditFilter f;
        f.studyUid = QStringLiteral("1.2.3");
        auto audit = opened.value()->auditLog().list(f);
        QVERIFY(audit.ok());
        QCOMPARE(audit.value().size(), 2);
        QCOMPARE(audit.value().at(0).action, QStringLiteral("reading"));

        ReadingStatus parsed;
        QVERIFY(archive::readingStatusFromString(archive::toString(ReadingStatus::Reported), &parsed));
        QCOMPARE(int(parsed), int(ReadingStatus::Reported));
    }

    // The audit log gathers lines for up to 50 ms before writing them: the
    // list writes into the archive's own log, so a reader of that log sees
    // a change at once, not after the gathering.
    void changeIsInTheArchiveLogAtOnce()
    {
        QTemporaryDir dir;
        auto opened = archive::Archive::open(core::DataDir(dir.path()), {});
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        ReadingList list(opened.value()->databasePath(), opened.value()->auditLog());
        QVERIFY(list.setStatus(QStringLiteral("1.2.9"), ReadingStatus::Reported, QStringLiteral("reader1")).ok());
        archive::AuditFilter f;
        f.studyUid = QStringLiteral("1.2.9");
        const auto lines = opened.value()->auditLog().list(f);
        QVERIFY(lines.ok());
        QCOMPARE(lines.value().size(), 1);
        QCOMPARE(lines.value().first().actor, QStringLiteral("reader1"));
    }
};

QTEST_GUILESS_MAIN(TestReadingStatus)
#include "tst_readingstatus.moc"
