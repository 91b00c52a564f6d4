// SR content trees as a reader reads them, with DCMTK's dsrdump as the
// independent oracle: every concept name, text, code meaning and number
// with its unit that dsrdump prints must be in the viewer's text. A TID 2000
// basic diagnostic report is generated with DCMTK's dcmsr; the TID 1500
// measurement report is the real dcmqi one (skipped when the shared test
// data is absent). Also the one-line summaries of KOS/PDF/other objects.
#include <kilima/dicom/srdocument.h>

#include "../support/phantom.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima;

namespace {

// dsrdump's quoted strings per line, with the value type of the line.
struct DumpLine {
    QString valueType;
    QStringList quoted;
    QString unitCode;   // NUM: the UCUM code dsrdump shows before the unit's meaning
};

QList<DumpLine> dsrdump(const QString &path, QString *error)
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("dsrdump"));
    if (exe.isEmpty()) {
        *error = QStringLiteral("dsrdump not installed");
        return {};
    }
    QProcess p;
    p.start(exe, {QStringLiteral("-Ee"), QStringLiteral("-Ec"), path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QList<DumpLine> out;
    static const QRegularExpression item(QStringLiteral("^\\s*<(?:[a-z ]+ )?([A-Z0-9]+):"));
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    for (const QString &l : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const auto m = item.match(l);
        if (!m.hasMatch())
            continue;
        DumpLine d;
        d.valueType = m.captured(1);
        for (auto it = quoted.globalMatch(l); it.hasNext();)
            d.quoted.append(it.next().captured(1));
        static const QRegularExpression unit(QStringLiteral("\\(([^,()]+),UCUM,\""));
        const auto u = unit.match(l);
        if (d.valueType == QLatin1String("NUM") && u.hasMatch())
            d.unitCode = u.captured(1) == QLatin1String("[hnsf'U]") ? QStringLiteral("HU") : u.captured(1);
        out.append(d);
    }
    return out;
}

// Every string dsrdump shows for names, texts, codes and numbers must be
// in `text` (dates, times, UIDs and person names are formatted for reading).
void expectOracleInText(const QList<DumpLine> &dump, const QString &text)
{
    static const QStringList reformatted{QStringLiteral("DATE"), QStringLiteral("TIME"), QStringLiteral("DATETIME"),
                                         QStringLiteral("UIDREF"), QStringLiteral("PNAME")};
    int checked = 0;
    for (const DumpLine &d : dump) {
        for (int i = 0; i < d.quoted.size(); ++i) {
            QString q = d.quoted[i];
            if (q.isEmpty() || (i > 0 && reformatted.contains(d.valueType)))
                continue;
            if (q.endsWith(QLatin1String("...")))
                q.chop(3);
            // A number's unit reads as its UCUM code ("mm", "HU") or its meaning.
            const bool isUnit = d.valueType == QLatin1String("NUM") && i == d.quoted.size() - 1 && i >= 2;
            if (isUnit && !d.unitCode.isEmpty() && text.contains(QLatin1Char(' ') + d.unitCode)) {
                ++checked;
                continue;
            }
            QVERIFY2(text.contains(q), qPrintable(QStringLiteral("dsrdump shows \"%1\" (%2), the viewer's text does not").arg(q, d.valueType)));
            ++checked;
        }
    }
    QVERIFY(checked > 3);
}

QString writeBasicDiagnosticReport(const QString &path)
{
    DSRDocument doc(DSRTypes::DT_ComprehensiveSR);
    doc.setPatientName("PHANTOM^SR");
    doc.setPatientID("SR0001");
    doc.createNewSeriesInStudy(test::newUid().toLatin1().constData());
    DSRDocumentTree &t = doc.getTree();
    t.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("18748-4", "LN", "Diagnostic Imaging Report"));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container, DSRTypes::AM_belowCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("121070", "DCM", "Findings"));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Text, DSRTypes::AM_belowCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("121071", "DCM", "Finding"));
    t.getCurrentContentItem().setStringValue("Hypodense lesion in liver segment 7, likely a cyst.");
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Num, DSRTypes::AM_afterCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("410668003", "SCT", "Length"));
    t.getCurrentContentItem().setNumericValue(DSRNumericMeasurementValue("12.5", DSRCodedEntryValue("mm", "UCUM", "millimeter")));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Num, DSRTypes::AM_afterCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("112031", "DCM", "Attenuation Coefficient"));
    t.getCurrentContentItem().setNumericValue(DSRNumericMeasurementValue("8", DSRCodedEntryValue("[hnsf'U]", "UCUM", "Hounsfield unit")));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Code, DSRTypes::AM_afterCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("363698007", "SCT", "Finding Site"));
    t.getCurrentContentItem().setCodeValue(DSRCodedEntryValue("10200004", "SCT", "Liver"));
    t.goUp();
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container, DSRTypes::AM_afterCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("121072", "DCM", "Impressions"));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Text, DSRTypes::AM_belowCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("121073", "DCM", "Impression"));
    t.getCurrentContentItem().setStringValue("Benign-appearing hepatic cyst. No follow-up needed.");
    DcmFileFormat ff;
    if (doc.write(*ff.getDataset()).bad() || ff.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return path;
}

} // namespace

class TestSrDocument : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void basicDiagnosticReport_ShouldReadHeadingsTextCodesAndNumbersWithUnits()
    {
        const QString path = writeBasicDiagnosticReport(m_tmp.filePath(QStringLiteral("tid2000.dcm")));
        QVERIFY(!path.isEmpty());
        auto doc = dicom::loadSrDocument(path);
        QVERIFY2(doc, qPrintable(doc.error()));
        QCOMPARE(doc.value().title, QStringLiteral("Diagnostic Imaging Report"));
        const QString text = dicom::srText(doc.value());
        // What the radiologist must read, as a radiologist writes it.
        QVERIFY2(text.contains(QStringLiteral("\n  Findings\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Finding: Hypodense lesion in liver segment 7, likely a cyst.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Length: 12.5 mm")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Attenuation Coefficient: 8 HU")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Finding Site: Liver")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n  Impressions\n")), qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("Findings")) < text.indexOf(QStringLiteral("Impressions")), qPrintable(text));
        QString error;
        const auto dump = dsrdump(path, &error);
        if (dump.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no dsrdump oracle: ") + error));
        expectOracleInText(dump, text);
    }

    void measurementReport_ShouldShowWhatDsrdumpShows()
    {
        const QString path = QStringLiteral(KILIMA_SHARED_TESTDATA "/robustness/dcmqi_seg_sr_pm/sr-example/sr.dcm");
        if (!QFile::exists(path))
            QSKIP("shared test data (dcmqi TID 1500 SR) absent");
        auto doc = dicom::loadSrDocument(path);
        QVERIFY2(doc, qPrintable(doc.error()));
        QCOMPARE(doc.value().title, QStringLiteral("Imaging Measurement Report"));
        const QString text = dicom::srText(doc.value());
        QVERIFY2(text.contains(QStringLiteral("\n  Imaging Measurements\n")), qPrintable(text));
        QString error;
        const auto dump = dsrdump(path, &error);
        if (dump.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no dsrdump oracle: ") + error));
        expectOracleInText(dump, text);
    }

    void summary_ShouldSayWhatAnObjectWithoutPixelsIs()
    {
        const QString sr = writeBasicDiagnosticReport(m_tmp.filePath(QStringLiteral("sr.dcm")));
        const dicom::ObjectSummary s = dicom::summarizeObject(sr);
        QCOMPARE(s.kind, QStringLiteral("SR"));
        QCOMPARE(s.heading, QStringLiteral("Diagnostic Imaging Report"));
        QVERIFY(s.text.contains(QStringLiteral("Length: 12.5 mm")));

        // Key Object Selection: three flagged images.
        DSRDocument ko(DSRTypes::DT_KeyObjectSelectionDocument);
        ko.setPatientName("PHANTOM^KO");
        DSRDocumentTree &t = ko.getTree();
        t.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
        t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("113000", "DCM", "Of Interest"));
        t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Text, DSRTypes::AM_belowCurrent);
        t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("113012", "DCM", "Key Object Description"));
        t.getCurrentContentItem().setStringValue("Lesion on three slices");
        OFString studyUid;
        ko.getStudyInstanceUID(studyUid);
        for (int i = 0; i < 3; ++i) {
            t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Image, DSRTypes::AM_afterCurrent);
            const QString uid = test::newUid();
            t.getCurrentContentItem().setImageReference(DSRImageReferenceValue(UID_CTImageStorage, uid.toLatin1().constData()), false);
            ko.getCurrentRequestedProcedureEvidence().addItem(studyUid.c_str(), test::newUid().toLatin1().constData(),
                                                              UID_CTImageStorage, uid.toLatin1().constData());
        }
        DcmFileFormat ff;
        QVERIFY(ko.write(*ff.getDataset()).good());
        const QString koPath = m_tmp.filePath(QStringLiteral("ko.dcm"));
        QVERIFY(ff.saveFile(koPath.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
        const dicom::ObjectSummary k = dicom::summarizeObject(koPath);
        QCOMPARE(k.kind, QStringLiteral("KO"));
        QVERIFY2(k.heading.startsWith(QStringLiteral("Key Object Selection — 3 images flagged")), qPrintable(k.heading));
        QVERIFY2(k.text.contains(QStringLiteral("Lesion on three slices")), qPrintable(k.text));

        // Encapsulated PDF.
        DcmFileFormat pdf;
        DcmDataset *ds = pdf.getDataset();
        ds->putAndInsertString(DCM_SOPClassUID, UID_EncapsulatedPDFStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, test::newUid().toLatin1().constData());
        ds->putAndInsertString(DCM_Modality, "DOC");
        ds->putAndInsertString(DCM_DocumentTitle, "Referral letter");
        ds->putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
        ds->putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8 *>("%PDF-1.4\n%%EOF\n"), 16);
        const QString pdfPath = m_tmp.filePath(QStringLiteral("pdf.dcm"));
        QVERIFY(pdf.saveFile(pdfPath.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
        const dicom::ObjectSummary p = dicom::summarizeObject(pdfPath);
        QCOMPARE(p.kind, QStringLiteral("PDF"));
        QCOMPARE(p.heading, QStringLiteral("Encapsulated PDF: open externally"));
        QVERIFY(p.text.contains(QStringLiteral("Referral letter")));
    }
};

QTEST_GUILESS_MAIN(TestSrDocument)
#include "tst_srdocument.moc"
