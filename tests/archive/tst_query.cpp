#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using archive::Level;

class TestQuery : public QObject {
    Q_OBJECT

    QTemporaryDir m_data, m_src;
    std::unique_ptr<archive::Archive> m_archive;

    QStringList match(Level level, const QStringList &keys, unsigned int returned, int limit = 0, int offset = 0)
    {
        archive::Query q;
        q.level = level;
        q.limit = limit;
        q.offset = offset;
        for (const QString &k : keys) {
            const core::Status st = q.addKey(k);
            if (!st)
                qFatal("%s", qPrintable(st.error()));
        }
        const auto rows = m_archive->query(q);
        if (!rows)
            qFatal("%s", qPrintable(rows.error()));
        QStringList values;
        for (const auto &row : rows.value())
            values << (row.count(returned) ? row.at(returned) : QStringLiteral("<absent>"));
        return values;
    }

    QStringList names(const QStringList &keys) { return match(Level::Study, keys, dicom::tagNumber(DCM_PatientName)); }

private Q_SLOTS:
    void initTestCase()
    {
        struct P { const char *name, *id, *date, *modality; };
        const P patients[] = {
            {"DOE^JOHN", "P1", "20200115", "CT"},
            {"Doe^Jane", "P2", "20201231", "MR"},
            {"SMITH^ANNA", "P3", "20210301", "CT"},
            {"Müller^Jürgen", "P4", "20190704", "US"},
            {"O'BRIEN^PAT", "P5", "20200601", "CR"},
            {"DOE^JOHN", "P6", "20220101", "MR"},
        };
        QStringList files;
        int i = 0;
        for (const P &p : patients) {
            test::CtPhantom ph;
            ph.slices = 2;
            ph.rows = ph.columns = 8;
            ph.patientName = QString::fromUtf8(p.name);
            ph.patientId = QString::fromLatin1(p.id);
            ph.studyDate = QString::fromLatin1(p.date);
            ph.modality = QString::fromLatin1(p.modality);
            files << test::writeCtPhantom(m_src.filePath(QString::number(i++)), ph);
        }
        // A second series of another modality in P1's study.
        auto a = archive::Archive::open(core::DataDir(m_data.path()), {});
        QVERIFY(a.ok());
        m_archive = a.take();
        archive::Importer importer(*m_archive);
        QCOMPARE(importer.run(files).imported, 12);
    }

    void universalMatching_ShouldReturnEverything()
    {
        QCOMPARE(names({}).size(), 6);
        QCOMPARE(match(Level::Patient, {}, dicom::tagNumber(DCM_PatientID)).size(), 6);
        QCOMPARE(match(Level::Series, {}, dicom::tagNumber(DCM_Modality)).size(), 6);
        QCOMPARE(match(Level::Instance, {}, dicom::tagNumber(DCM_SOPInstanceUID)).size(), 12);
        QCOMPARE(names({QStringLiteral("PatientName=*")}).size(), 6);
        QCOMPARE(names({QStringLiteral("PatientName=")}).size(), 6);
    }

    void singleValue_ShouldMatchExactly()
    {
        QCOMPARE(names({QStringLiteral("PatientID=P3")}), QStringList{QStringLiteral("SMITH^ANNA")});
        QCOMPARE(names({QStringLiteral("PatientID=P")}), QStringList{});
    }

    void personNames_ShouldMatchCaseInsensitivelyWithWildcards()
    {
        QCOMPARE(names({QStringLiteral("PatientName=doe*")}).size(), 3);
        QCOMPARE(names({QStringLiteral("PatientName=DOE^J?HN")}).size(), 2);
        QCOMPARE(names({QStringLiteral("PatientName=*ANNA")}), QStringList{QStringLiteral("SMITH^ANNA")});
        QCOMPARE(names({QString::fromUtf8("PatientName=müller*")}), QStringList{QString::fromUtf8("Müller^Jürgen")});
    }

    void dateRanges_ShouldIncludeBothEnds()
    {
        QCOMPARE(names({QStringLiteral("StudyDate=20200101-20201231")}).size(), 3);
        QCOMPARE(names({QStringLiteral("StudyDate=20210301")}).size(), 1);
        QCOMPARE(names({QStringLiteral("StudyDate=-20191231")}), QStringList{QString::fromUtf8("Müller^Jürgen")});
        QCOMPARE(names({QStringLiteral("StudyDate=20210101-")}).size(), 2);
    }

    void modalitiesInStudy_ShouldMatchAnyOfList()
    {
        QCOMPARE(names({QStringLiteral("ModalitiesInStudy=CT")}).size(), 2);
        QCOMPARE(names({QStringLiteral("ModalitiesInStudy=CT\\MR")}).size(), 4);
        QCOMPARE(names({QStringLiteral("StudyDate=20200101-20201231"), QStringLiteral("ModalitiesInStudy=MR")}),
                 QStringList{QStringLiteral("Doe^Jane")});
    }

    void uidList_ShouldMatchAnyListedUid()
    {
        const QStringList uids = match(Level::Study, {}, dicom::tagNumber(DCM_StudyInstanceUID));
        QCOMPARE(match(Level::Study, {QStringLiteral("StudyInstanceUID=") + uids.at(0) + QLatin1Char('\\') + uids.at(2)},
                       dicom::tagNumber(DCM_StudyInstanceUID)).size(), 2);
        QCOMPARE(match(Level::Series, {QStringLiteral("StudyInstanceUID=") + uids.at(1)}, dicom::tagNumber(DCM_SeriesInstanceUID)).size(), 1);
    }

    void limitAndOffset_ShouldPage()
    {
        const QStringList all = names({});
        QCOMPARE(match(Level::Study, {}, dicom::tagNumber(DCM_PatientName), 2, 0), all.mid(0, 2));
        QCOMPARE(match(Level::Study, {}, dicom::tagNumber(DCM_PatientName), 2, 4), all.mid(4, 2));
        // Newest study first.
        QCOMPARE(match(Level::Study, {}, dicom::tagNumber(DCM_StudyDate), 1).first(), QStringLiteral("20220101"));
    }

    void hostileValues_ShouldMatchNothingAndBreakNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("quote") << "PatientName=O'BRIEN*";
        QTest::newRow("sql") << "PatientID=P1' OR '1'='1";
        QTest::newRow("comment") << "PatientID=P1; DROP TABLE studies; --";
        QTest::newRow("brackets") << "PatientName=[A-Z]*";
        QTest::newRow("percent") << "PatientName=%";
    }

    void hostileValues_ShouldMatchNothingAndBreakNothing()
    {
        QFETCH(QString, key);
        const QStringList found = names({key});
        if (key.startsWith(QLatin1String("PatientName=O'")))
            QCOMPARE(found, QStringList{QStringLiteral("O'BRIEN^PAT")});
        else
            QCOMPARE(found, QStringList{});
        QCOMPARE(names({}).size(), 6);
    }

    void badKeys_ShouldBeRefusedWithMessage()
    {
        archive::Query q;
        q.level = Level::Patient;
        QVERIFY(!q.addKey(QStringLiteral("Modality=CT")));   // series key at patient level
        QVERIFY(!q.addKey(QStringLiteral("NoSuchThing=1")));
        QVERIFY(!q.addKey(QStringLiteral("PatientName")));
        archive::Query d;
        d.level = Level::Study;
        QVERIFY(d.addKey(QStringLiteral("StudyDate=2020-2021")));
        const auto r = m_archive->query(d);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("StudyDate")), qPrintable(r.error()));
    }

    void countsInAnswers_ShouldMatchIndex()
    {
        const QStringList counts = match(Level::Patient, {QStringLiteral("PatientID=P1")},
                                         dicom::tagNumber(DCM_NumberOfPatientRelatedInstances));
        QCOMPARE(counts, QStringList{QStringLiteral("2")});
    }
};

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
