// The study list's search box as a radiologist types into it: one text
// finds the patient by name (names may hold digits: "CT 0051 - InVesalius
// Sample"), by patient ID (IDs may hold no digit: "DEV") or by accession
// number, with DICOM wildcards. Before, the text was guessed to be an ID
// when it held a digit and a name otherwise, so all three cases missed.
#include "phantom.h"
#include "testdata.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>
#include <kilima/core/datadir.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using browser::StudyListModel;

namespace {

std::shared_ptr<archive::Archive> openArchive(const QString &root)
{
    core::Config config;
    auto opened = archive::Archive::open(core::DataDir(root), config);
    if (!opened)
        qFatal("archive: %s", qPrintable(opened.error()));
    return std::shared_ptr<archive::Archive>(opened.take());
}

bool settle(StudyListModel &m)
{
    return QTest::qWaitFor([&m] { return !m.isLoading(); }, 15000);
}

QStringList found(StudyListModel &m, const QString &text)
{
    m.setFilterText(text);
    if (!settle(m))
        return {QStringLiteral("<timeout>")};
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.data(m.index(r, StudyListModel::PatientIdColumn)).toString();
    ids.sort();
    return ids;
}

bool setAccession(const QString &file, const char *accession)
{
    DcmFileFormat ff;
    const OFFilename name(QFile::encodeName(file).constData());
    if (ff.loadFile(name).bad())
        return false;
    ff.getDataset()->putAndInsertString(DCM_AccessionNumber, accession);
    return ff.saveFile(name, EXS_LittleEndianExplicit).good();
}

// The first DICOM file of a folder of the shared test data.
QString firstFile(const QString &dir)
{
    const QStringList files = test::filesBelow(dir);
    for (const QString &f : files)
        if (f.endsWith(QLatin1String(".dcm")))
            return f;
    return {};
}

} // namespace

class TestStudySearch : public QObject {
    Q_OBJECT

    QTemporaryDir m_data, m_src;
    std::shared_ptr<archive::Archive> m_archive;

private Q_SLOTS:
    void initTestCase()
    {
        struct S { const char *name, *id, *accession; };
        const S studies[] = {
            {"ROOM 12^WARD", "ABC", "A7001"},       // name with digits, ID without
            {"DOE^JOHN", "P1001", "ACC555"},
            {"DOE^JANE", "P1002", ""},
            {"ABCDEF^NOT AN ID", "Q9", "ZZ1"},       // "abc" must find both ABC and this name
        };
        QStringList files;
        int i = 0;
        for (const S &s : studies) {
            test::CtPhantom ph;
            ph.slices = 1;
            ph.rows = ph.columns = 4;
            ph.patientName = QString::fromLatin1(s.name);
            ph.patientId = QString::fromLatin1(s.id);
            const QStringList written = test::writeCtPhantom(m_src.filePath(QString::number(i++)), ph);
            for (const QString &f : written)
                QVERIFY(setAccession(f, s.accession));
            files << written;
        }
        m_archive = openArchive(m_data.path());
        QCOMPARE(archive::Importer(*m_archive).run(files).imported, files.size());
    }

    void search_ShouldMatchNameIdOrAccession_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("name with digits") << "room 12" << QStringList{"ABC"};
        QTest::newRow("digits inside a name") << "12" << QStringList{"ABC"};
        QTest::newRow("ID without digits") << "ABC" << QStringList{"ABC", "Q9"};
        QTest::newRow("ID typed in lower case") << "abc" << QStringList{"ABC", "Q9"};
        QTest::newRow("ID prefix") << "P100" << QStringList{"P1001", "P1002"};
        QTest::newRow("accession number") << "ACC555" << QStringList{"P1001"};
        QTest::newRow("accession prefix") << "A70" << QStringList{"ABC"};
        QTest::newRow("name as displayed") << "Doe, Jane" << QStringList{"P1002"};
        QTest::newRow("wildcard '?' in an ID") << "P100?" << QStringList{"P1001", "P1002"};
        QTest::newRow("wildcard '*' in an accession") << "*555" << QStringList{"P1001"};
        QTest::newRow("wildcards match the whole value") << "P1?" << QStringList{};
        QTest::newRow("no match") << "nobody" << QStringList{};
    }
    void search_ShouldMatchNameIdOrAccession()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        StudyListModel model(m_archive);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(found(model, text), ids);
    }

    // Type, ↓, Enter: the search box hands over to the list and the study
    // opens, with no mouse (Tab led to the date filter, where ↓ set "Today").
    void searchBox_DownThenEnter_ShouldOpenTheStudy()
    {
        StudyListModel model(m_archive);
        browser::StudyBrowser browser(&model);
        browser.show();
        browser.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&browser));
        auto *box = browser.findChild<QLineEdit *>(QStringLiteral("studyFilter"));
        QVERIFY(box);
        box->setFocus();
        QTest::keyClicks(box, QStringLiteral("ACC555"));
        QTest::keyClick(box, Qt::Key_Return);
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(browser.view()));
        QSignalSpy opened(&browser, &browser::StudyBrowser::studyActivated);
        QTest::keyClick(browser.view(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
    }

    // The public test data, imported: its names, IDs and accession numbers
    // are the kind a radiologist meets (a sample CT named with digits, a
    // regression MR with the ID "DEV", an anonymised MR found by accession).
    void search_ShouldFindRealStudies_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("patientId");
        QTest::newRow("digits of the CT's name") << "0051" << "4055947867";
        QTest::newRow("words of the CT's name") << "invesalius sample" << "4055947867";
        QTest::newRow("the CT's patient ID") << "4055947867" << "4055947867";
        QTest::newRow("ID without digits") << "DEV" << "DEV";
        QTest::newRow("the MR's accession number") << "98edede8b2" << "1449c1d";
        QTest::newRow("wildcard accession") << "98ed*" << "1449c1d";
    }
    void search_ShouldFindRealStudies()
    {
        QFETCH(QString, text);
        QFETCH(QString, patientId);
        const QString shared = test::sharedTestData();
        if (shared.isEmpty())
            QSKIP("../shared/testdata/dicom is absent: the real-data search runs where it exists");
        static std::shared_ptr<archive::Archive> real;
        static QTemporaryDir realDir;
        if (!real) {
            QStringList files;
            for (const char *dir : {"ct_invesalius_0051", "mr_fnndsc_sag_mprage", "mr_nih_ge_siemens"}) {
                const QString f = firstFile(QDir(shared).filePath(QString::fromLatin1(dir)));
                QVERIFY2(!f.isEmpty(), dir);
                files << f;
            }
            real = openArchive(realDir.path());
            QCOMPARE(archive::Importer(*real).run(files).imported, files.size());
        }
        StudyListModel model(real);
        model.refresh();
        QVERIFY(settle(model));
        QCOMPARE(found(model, text), QStringList{patientId});
    }
};

QTEST_MAIN(TestStudySearch)
#include "tst_studysearch.moc"
