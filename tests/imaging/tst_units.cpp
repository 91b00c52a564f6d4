// A CT measurement's unit reads "HU" wherever a person sees it: the UCUM
// code "[hnsf'U]" that reports and SR carry is shown as text, and the ROI
// description of a CT region says HU.
#include <kilima/dicom/units.h>
#include <kilima/imaging/roi.h>

#include <QtTest>

using namespace kilima;

class TestUnits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unitText_ShouldShowUcumCodesAsReadersWriteThem_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("Hounsfield") << QStringLiteral("[hnsf'U]") << QStringLiteral("HU");
        QTest::newRow("area mm2") << QStringLiteral("mm2") << QStringLiteral("mm²");
        QTest::newRow("area cm2") << QStringLiteral("cm2") << QStringLiteral("cm²");
        QTest::newRow("angle") << QStringLiteral("deg") << QStringLiteral("°");
        QTest::newRow("no units") << QStringLiteral("1") << QString();
        QTest::newRow("annotation") << QStringLiteral("{ratio}") << QStringLiteral("ratio");
        QTest::newRow("already text") << QStringLiteral("HU") << QStringLiteral("HU");
        QTest::newRow("length") << QStringLiteral("mm") << QStringLiteral("mm");
        QTest::newRow("empty") << QString() << QString();
    }

    void unitText_ShouldShowUcumCodesAsReadersWriteThem()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        QCOMPARE(dicom::unitText(code), text);
    }

    void roiDescription_ShouldSayHuForACtRegion()
    {
        imaging::RoiStats s;
        s.pixels = 10;
        s.mean = 35.25;
        s.sd = 4.1;
        s.min = 20;
        s.max = 50;
        s.areaMm2 = 120;
        for (const QString &unit : {QStringLiteral("[hnsf'U]"), QStringLiteral("HU")}) {
            const QString text = imaging::describe(s, unit);
            QVERIFY2(text.startsWith(QStringLiteral("mean 35.2 HU, SD 4.1")) || text.startsWith(QStringLiteral("mean 35.3 HU, SD 4.1")),
                     qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("hnsf")), qPrintable(text));
        }
        QVERIFY(imaging::describe(s, QString()).startsWith(QStringLiteral("mean 35.2, SD")) ||
                imaging::describe(s, QString()).startsWith(QStringLiteral("mean 35.3, SD")));
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
