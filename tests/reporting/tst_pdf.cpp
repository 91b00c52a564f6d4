// The report PDF as it leaves the workstation: black on white whatever the
// application palette (the dark theme's text is #DCDCDC), fonts embedded for
// every script of the patient's name, text that extraction returns as typed.
// Checked with poppler (pdftoppm, pdftotext, pdffonts), not with Qt.
#include "pdfprobe.h"

#include <kilima/reporting/pdfexport.h>
#include <kilima/reporting/report.h>

#include <QFile>
#include <QGuiApplication>
#include <QPalette>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::reporting;

namespace {

// The workstation's dark palette (modules/widgets/src/theme.cpp), which
// QGuiApplication hands to every QTextDocument that does not say otherwise.
QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xdc, 0xdc, 0xdc);
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::ButtonText, text);
    return p;
}

Report sampleReport(const QString &patientName)
{
    StudyFields s;
    s.patientName = patientName;
    s.patientId = QStringLiteral("PID4711");
    s.studyDate = QStringLiteral("20240115");
    s.modality = QStringLiteral("CT");
    s.studyDescription = QStringLiteral("CT chest");
    Report r = Report::forStudy(s);
    r.setSectionText(QStringLiteral("findings"), QStringLiteral("Calcified granuloma in the right upper lobe."));
    // Rich text pasted from a dark-themed source keeps its light grey.
    r.setSectionText(QStringLiteral("impression"), QStringLiteral("Benign sequela."),
                     QStringLiteral("<html><body><p><span style=\"color:#dcdcdc; background-color:#1e1e1e;\">Benign sequela.</span></p></body></html>"));
    r.status = ReportStatus::Final;
    r.signedBy = QStringLiteral("Dr Rad");
    r.signedAt = QDateTime(QDate(2024, 1, 16), QTime(9, 30), Qt::UTC);
    return r;
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

} // namespace

class TestPdf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::havePoppler())
            QSKIP("poppler-utils (pdftotext, pdftoppm, pdffonts) are not installed");
        QGuiApplication::setPalette(darkPalette());
    }

    void renderPdf_ShouldPrintBlackOnWhiteUnderTheDarkPalette()
    {
        QTemporaryDir tmp;
        auto pdf = renderPdf(sampleReport(QStringLiteral("Doe^Jane")), ReportSettings{}, {});
        QVERIFY2(pdf, qPrintable(pdf.error()));
        const QString path = writeTemp(tmp, QStringLiteral("r.pdf"), pdf.value());
        const QString text = test::pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("Calcified granuloma in the right upper lobe.")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Benign sequela.")));
        const int dpi = 150;
        const QImage page = test::pdfPage(path, 1, dpi);
        QVERIFY(!page.isNull());
        QCOMPARE(qGray(page.pixel(3, 3)), 255);                                      // paper
        QCOMPARE(qGray(page.pixel(page.width() - 4, page.height() / 2)), 255);
        // Body text, a header value and the pasted rich text; the first
        // occurrence of each (the page footer repeats the ID in grey).
        QStringList wanted{QStringLiteral("granuloma"), QStringLiteral("PID4711"), QStringLiteral("sequela.")};
        for (const test::PdfWord &w : test::pdfWords(path)) {
            if (wanted.removeOne(w.text)) {
                const int darkest = test::darkestIn(page, w.box, dpi);
                QVERIFY2(darkest < 60, qPrintable(QStringLiteral("\"%1\" darkest grey %2, expected near-black").arg(w.text).arg(darkest)));
            }
        }
        QVERIFY2(wanted.isEmpty(), qPrintable(wanted.join(QLatin1Char(' '))));
    }

    void renderPdf_ShouldEmbedFontsForCjkGreekAndCyrillicNames_data()
    {
        QTest::addColumn<QString>("patientName");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("cjk");
        QTest::newRow("Japanese, ideographic and phonetic") << QStringLiteral("山田^太郎=やまだ^たろう")
                                                           << QStringList{QStringLiteral("山田"), QStringLiteral("太郎"), QStringLiteral("やまだ"), QStringLiteral("たろう")} << true;
        QTest::newRow("Japanese with romaji") << QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう")
                                              << QStringList{QStringLiteral("Yamada"), QStringLiteral("山田"), QStringLiteral("太郎")} << true;
        QTest::newRow("Korean") << QStringLiteral("Hong^Gildong=洪^吉洞=홍^길동")
                                << QStringList{QStringLiteral("Hong"), QStringLiteral("洪"), QStringLiteral("吉洞"), QStringLiteral("홍"), QStringLiteral("길동")} << true;
        QTest::newRow("Chinese") << QStringLiteral("Wang^XiaoDong=王^小東=")
                                 << QStringList{QStringLiteral("王"), QStringLiteral("小東")} << true;
        QTest::newRow("Greek") << QStringLiteral("Παπαδόπουλος^Γιώργος") << QStringList{QStringLiteral("Παπαδόπουλος"), QStringLiteral("Γιώργος")} << false;
        QTest::newRow("Cyrillic") << QStringLiteral("Иванов^Пётр") << QStringList{QStringLiteral("Иванов"), QStringLiteral("Пётр")} << false;
    }

    void renderPdf_ShouldEmbedFontsForCjkGreekAndCyrillicNames()
    {
        QFETCH(QString, patientName);
        QFETCH(QStringList, expected);
        QFETCH(bool, cjk);
        QTemporaryDir tmp;
        auto pdf = renderPdf(sampleReport(patientName), ReportSettings{}, {});
        QVERIFY2(pdf, qPrintable(pdf.error()));
        const QString path = writeTemp(tmp, QStringLiteral("r.pdf"), pdf.value());
        if (cjk) {
            const QStringList fonts = test::embeddedFonts(path, QStringLiteral("CJK"));
            QVERIFY2(!fonts.isEmpty(), qPrintable(test::pdfFonts(path)));
        }
        const QString text = test::pdfText(path);
        for (const QString &e : expected)
            QVERIFY2(text.contains(e), qPrintable(QStringLiteral("\"%1\" missing from the extracted text:\n%2").arg(e, text)));
        // No glyph drawn as a box: every embedded font is a real font (no
        // Type 3 stand-ins) and none is substituted by the viewer.
        QVERIFY2(!test::pdfFonts(path).contains(QLatin1String("Type 3")), qPrintable(test::pdfFonts(path)));
    }

    void fixPdfTextMapping_ShouldMapRadicalsToIdeographsAndKeepOffsets()
    {
        QByteArray pdf("%PDF-1.4\n1 0 obj\n<< /Length 80 >>\nstream\n2 beginbfrange\n<0001> <0002> [<2F2D> <2F65> ]\n<0003> <0003> <2F00>\n"
                       "endbfrange\n1 beginbfchar\n<0004> <0009>\nendbfchar\nendstream\nendobj\n");
        const qsizetype size = pdf.size();
        QCOMPARE(fixPdfTextMapping(pdf), 4);
        QCOMPARE(pdf.size(), size);
        QVERIFY(pdf.contains("[<5C71> <7530> ]"));   // 山 田
        QVERIFY(pdf.contains("<0003> <0003> <4E00>"));   // 一
        QVERIFY(pdf.contains("<0004> <0020>"));
    }
};

QTEST_MAIN(TestPdf)
#include "tst_pdf.moc"
