#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using browser::StudyListModel;
using Preset = StudyListModel::DatePreset;

namespace {

std::shared_ptr<archive::Archive> openArchive(const QString &dir)
{
    auto opened = archive::Archive::open(core::DataDir(dir), {});
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    return std::shared_ptr<archive::Archive>(opened.take());
}

QString day(int daysAgo)
{
    return QDate::currentDate().addDays(-daysAgo).toString(QStringLiteral("yyyyMMdd"));
}

// Waits until the model has answered the last filter change.
bool settle(StudyListModel &model)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 10000);
}

QString cell(const StudyListModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TestStudyListModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_small, m_large, m_src;
    std::shared_ptr<archive::Archive> m_archive;   // 5 studies
    std::shared_ptr<archive::Archive> m_paged;     // 450 studies

private Q_SLOTS:
    void initTestCase()
    {
        struct S { const char *name, *id; QString date; const char *modality; };
        const S studies[] = {
            {"DOE^JOHN", "P1001", day(0), "CT"},
            {"DOE^JANE", "P1002", day(1), "MR"},
            {"SMITH^ANNA", "P2001", day(3), "CT"},
            {"MILLER^JACK", "X77", QStringLiteral("20190704"), "US"},
            {"O'BRIEN^PAT", "P3001", QStringLiteral("20200601"), "CR"},
        };
        QStringList files;
        int i = 0;
        for (const S &s : studies) {
            test::CtPhantom ph;
            ph.slices = 2;
            ph.rows = ph.columns = 4;
            ph.patientName = QString::fromUtf8(s.name);
            ph.patientId = QString::fromLatin1(s.id);
            ph.studyDate = s.date;
            ph.modality = QString::fromLatin1(s.modality);
            files << test::writeCtPhantom(m_src.filePath(QStringLiteral("small/%1").arg(i++)), ph);
        }
        m_archive = openArchive(m_small.path());
        QCOMPARE(archive::Importer(*m_archive).run(files).imported, 10);

        // 450 one-slice studies on 450 different days, for paging.
        files.clear();
        const QDate first(2020, 1, 1);
        for (int n = 0; n < 450; ++n) {
            test::CtPhantom ph;
            ph.slices = 1;
            ph.rows = ph.columns = 4;
            ph.patientName = QStringLiteral("PAGE^P%1").arg(n, 3, 10, QLatin1Char('0'));
            ph.patientId = QStringLiteral("PG%1").arg(n, 3, 10, QLatin1Char('0'));
            ph.studyDate = first.addDays(n).toString(QStringLiteral("yyyyMMdd"));
            files << test::writeCtPhantom(m_src.filePath(QStringLiteral("large/%1").arg(n)), ph);
        }
        m_paged = openArchive(m_large.path());
        QCOMPARE(archive::Importer(*m_paged).run(files).imported, 450);
    }

    void rowCount_ShouldEqualStudiesInArchive()
    {
        StudyListModel model(m_archive);
        QCOMPARE(model.rowCount(), 0);   // nothing until the count arrives
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.totalCount(), m_archive->stats().value().studies);
        QCOMPARE(model.columnCount(), int(StudyListModel::ColumnCount));
        QVERIFY(model.lastError().isEmpty());
    }

    void firstRow_ShouldShowNewestStudyFormatted()
    {
        StudyListModel model(m_archive);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(cell(model, 0, StudyListModel::PatientNameColumn), QStringLiteral("DOE, JOHN"));
        QCOMPARE(cell(model, 0, StudyListModel::PatientIdColumn), QStringLiteral("P1001"));
        QVERIFY(cell(model, 0, StudyListModel::StudyDateColumn)
                    .startsWith(QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"))));
        QCOMPARE(cell(model, 0, StudyListModel::ModalitiesColumn), QStringLiteral("CT"));
        QCOMPARE(cell(model, 0, StudyListModel::SeriesColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, StudyListModel::InstancesColumn), QStringLiteral("2"));
        QVERIFY(!model.data(model.index(0, 0), StudyListModel::StudyInstanceUidRole).toString().isEmpty());
        // Oldest last.
        QCOMPARE(cell(model, 4, StudyListModel::PatientNameColumn), QStringLiteral("MILLER, JACK"));
        QCOMPARE(cell(model, 4, StudyListModel::StudyDateColumn).left(10), QStringLiteral("2019-07-04"));
    }

    void filterText_ShouldMatchNameOrIdPrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("empty") << QString() << 5;
        QTest::newRow("family name, lower case") << "doe" << 2;
        QTest::newRow("inside the name") << "brien" << 1;
        QTest::newRow("as displayed") << "Doe, Jane" << 1;
        QTest::newRow("space between parts") << "doe john" << 1;
        QTest::newRow("id prefix") << "P1" << 2;
        QTest::newRow("whole id") << "P2001" << 1;
        QTest::newRow("id is a prefix, not a substring") << "1001" << 0;
        QTest::newRow("no match") << "nobody" << 0;
    }
    void filterText_ShouldMatchNameOrIdPrefix()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        StudyListModel model(m_archive);
        model.refresh();
        QVERIFY(settle(model));
        model.setFilterText(text);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), rows);
    }

    void filterModality_ShouldMatchModalitiesInStudy()
    {
        StudyListModel model(m_archive);
        model.setModality(QStringLiteral("CT"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2);
        model.setModality(QStringLiteral("mr"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, StudyListModel::PatientNameColumn), QStringLiteral("DOE, JANE"));
        model.setModality(QStringLiteral("PT"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 0);
        model.setModality(QString());
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 5);
    }

    void filterDate_ShouldMatchStudyDateRange()
    {
        StudyListModel model(m_archive);
        model.setDatePreset(Preset::Today);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        model.setDatePreset(Preset::Yesterday);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, StudyListModel::PatientIdColumn), QStringLiteral("P1002"));
        model.setDatePreset(Preset::Last7Days);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 3);
        model.setDateRange(QDate(2019, 1, 1), QDate(2020, 12, 31));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2);
        model.setDateRange(QDate(), QDate(2019, 12, 31));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        model.setDatePreset(Preset::Any);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 5);
    }

    void filters_ShouldCombine()
    {
        StudyListModel model(m_archive);
        model.setFilterText(QStringLiteral("doe"));
        model.setDatePreset(Preset::Last7Days);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2);
        model.setModality(QStringLiteral("CT"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, StudyListModel::PatientIdColumn), QStringLiteral("P1001"));
    }

    void paging_ShouldFetchOnlyPagesAskedFor()
    {
        StudyListModel model(m_paged);
        QCOMPARE(model.pageSize(), 200);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(model.pagesLoaded(), 1);
        QCOMPARE(model.fetchedRows(), 200);
        QCOMPARE(cell(model, 0, StudyListModel::PatientIdColumn), QStringLiteral("PG449"));

        // The last row's page is fetched when asked for, not before, and
        // the page between is never fetched.
        QVERIFY(model.data(model.index(449, 0), StudyListModel::LoadingRole).toBool());
        QVERIFY(cell(model, 449, StudyListModel::PatientIdColumn).isEmpty());
        QTRY_COMPARE(model.pagesLoaded(), 2);
        QCOMPARE(model.fetchedRows(), 250);
        QCOMPARE(cell(model, 449, StudyListModel::PatientIdColumn), QStringLiteral("PG000"));
        QCOMPARE(cell(model, 400, StudyListModel::PatientIdColumn), QStringLiteral("PG049"));
    }

    void paging_ViewShouldFetchOnlyVisiblePages()
    {
        StudyListModel model(m_paged);
        model.setPageSize(50);
        QTableView view;
        view.setModel(&model);
        view.resize(800, 400);   // about 15 rows: the first page only
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.refresh();
        QVERIFY(settle(model));
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(model.pagesLoaded(), 1);
        QVERIFY(model.fetchedRows() <= 50);

        // Scrolling to the end fetches the last page only.
        view.scrollToBottom();
        QTRY_COMPARE(model.pagesLoaded(), 2);
        QTest::qWait(200);
        QCOMPARE(model.pagesLoaded(), 2);
        QCOMPARE(cell(model, 449, StudyListModel::PatientIdColumn), QStringLiteral("PG000"));
    }

    void cache_ShouldDropLeastRecentlyUsedPages()
    {
        StudyListModel model(m_paged);
        model.setPageSize(20);
        model.setMaxCachedPages(3);
        model.refresh();
        QVERIFY(settle(model));
        for (int row : {100, 200, 300, 400}) {
            model.data(model.index(row, 0));
            QTRY_VERIFY(!cell(model, row, 0).isEmpty());
        }
        QCOMPARE(model.pagesLoaded(), 5);
        QCOMPARE(model.fetchedRows(), 60);
    }

    void browserFilterEdit_ShouldFilterTheModelAsYouType()
    {
        StudyListModel model(m_archive);
        browser::StudyBrowser browser(&model);
        browser.resize(1000, 500);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(browser.statusText(), QStringLiteral("5 studies"));

        QTest::keyClicks(browser.filterEdit(), QStringLiteral("smith"));
        QTRY_COMPARE(model.filterText(), QStringLiteral("smith"));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(browser.view()->model()->index(0, 0).data().toString(), QStringLiteral("SMITH, ANNA"));
        QCOMPARE(browser.statusText(), QStringLiteral("1 study"));

        browser.filterEdit()->clear();
        browser.modalityCombo()->setCurrentIndex(browser.modalityCombo()->findData(QStringLiteral("CT")));
        QTRY_COMPARE(model.filterText(), QString());
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2);

        browser.dateCombo()->setCurrentIndex(browser.dateCombo()->findData(int(Preset::Today)));
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
    }

    void formatting_ShouldReadLikeAList_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("family^given") << "pn" << "DOE^JOHN" << "DOE, JOHN";
        QTest::newRow("all components") << "pn" << "DOE^JOHN^A^DR^JR" << "DOE, DR JOHN A JR";
        QTest::newRow("family only") << "pn" << "DOE" << "DOE";
        QTest::newRow("trailing carets") << "pn" << "DOE^^^^" << "DOE";
        QTest::newRow("ideographic group dropped") << "pn" << "YAMADA^TARO=山田^太郎" << "YAMADA, TARO";
        QTest::newRow("date") << "da" << "20240115" << "2024-01-15";
        QTest::newRow("bad date kept") << "da" << "2024" << "2024";
        QTest::newRow("time with fraction") << "tm" << "143015.123" << "14:30";
        QTest::newRow("hour only") << "tm" << "09" << "09:00";
        QTest::newRow("ACR-NEMA time") << "tm" << "14:30:15" << "14:30";
    }
    void formatting_ShouldReadLikeAList()
    {
        QFETCH(QString, kind);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString got = kind == QLatin1String("pn")   ? StudyListModel::formatPersonName(input)
                            : kind == QLatin1String("da") ? StudyListModel::formatDate(input)
                                                          : StudyListModel::formatTime(input);
        QCOMPARE(got, expected);
    }
};

QTEST_MAIN(TestStudyListModel)
#include "tst_studylistmodel.moc"
