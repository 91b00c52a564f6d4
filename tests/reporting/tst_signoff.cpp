// Writing and signing a report on a real archive: draft -> preliminary ->
// final with the signer's password; the Encapsulated PDF, TID 2000 SR and
// Key Object Selection land in the study (dciodvfy: no errors), the SR's text
// equals the report's, a non-Latin patient name is encoded as ISO_IR 192 and
// rendered in the PDF (pdftotext), pages render (pdftoppm), the reading
// status follows, addenda keep the original, and `kilima-node report
// export|list` work headless.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/annotations.h>
#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/archive/users.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/reporting/reportworkflow.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::reporting;

namespace {

const QString kName = QStringLiteral("Иванов^Пётр");
const QString kUser = QStringLiteral("drsmith");
const QString kPassword = QStringLiteral("correct horse 42");

QString pdfText(const QString &pdfPath)
{
    QString out;
    test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdfPath, QStringLiteral("-")}, &out);
    return out;
}

// dciodvfy's "Error" lines for a file (empty: valid).
QStringList dciodvfyErrors(const QString &path, QString *all = nullptr)
{
    QString out;
    test::runTool(QStringLiteral("dciodvfy"), {path}, &out);
    if (all)
        *all = out;
    QStringList errors;
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Error")) || line.startsWith(QLatin1String("E:")))
            errors.append(line);
    }
    return errors;
}

} // namespace

class TestSignoff : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<ReportWorkflow> m_workflow;
    QString m_studyUid;
    QStringList m_sops;
    QString m_seriesUid;
    Report m_final;

    QString fileOf(const QString &sop) const
    {
        auto f = m_archive->instanceFiles(archive::Level::Instance, sop);
        return f && !f.value().isEmpty() ? f.value().first() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_tmp.filePath(QStringLiteral("data"));
        test::CtPhantom p;
        p.slices = 6;
        p.patientName = kName;
        p.patientId = QStringLiteral("RPT-001");
        p.studyUid = test::newUid();
        m_studyUid = p.studyUid;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("phantom")), p);
        core::DataDir dir(m_data);
        auto a = archive::Archive::open(dir, core::Config{});
        QVERIFY2(a, qPrintable(a.error()));
        m_archive = a.take();
        for (const QString &f : files) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({in.readAll(), f}).success());
            auto df = dicom::DicomFile::load(f);
            m_sops << dicom::stringValue(df.value().dataset(), DCM_SOPInstanceUID);
            m_seriesUid = dicom::stringValue(df.value().dataset(), DCM_SeriesInstanceUID);
        }
        archive::Users users(m_archive->databasePath());
        QVERIFY(users.add(kUser, archive::Role::Radiologist, kPassword).ok());
        QVERIFY(users.add(QStringLiteral("tech"), archive::Role::Technologist, kPassword).ok());
        ReportSettings settings;
        settings.institutionName = QStringLiteral("Kilima General Hospital");
        settings.letterheadLines = {QStringLiteral("Department of Radiology"), QStringLiteral("1 Hospital Road")};
        QImage logo(64, 32, QImage::Format_RGB32);
        logo.fill(QColor(20, 60, 160));
        QDir().mkpath(m_data + QStringLiteral("/reporting"));
        QVERIFY(logo.save(m_data + QStringLiteral("/reporting/logo.png")));
        settings.logoPath = QStringLiteral("logo.png");
        QVERIFY(settings.save(m_data).ok());
        // The viewer's annotations: a key image and a measurement.
        archive::Annotations ann(m_archive->databasePath());
        archive::KeyImage k;
        k.studyUid = m_studyUid;
        k.seriesUid = m_seriesUid;
        k.sopUid = m_sops.at(2);
        k.windowCenter = 40;
        k.windowWidth = 400;
        QVERIFY(ann.setKeyImage(k).ok());
        archive::Measurement m;
        m.studyUid = m_studyUid;
        m.seriesUid = m_seriesUid;
        m.sopUid = m_sops.at(2);
        m.kind = QStringLiteral("length");
        m.label = QStringLiteral("Rod diameter");
        m.valueText = QStringLiteral("6.4 mm");
        m.geometry = QJsonObject{{QStringLiteral("points"), QJsonArray{QJsonArray{26, 32}, QJsonArray{38, 32}}}};
        m.createdBy = kUser;
        QVERIFY(ann.addMeasurement(m));
        m_workflow = std::make_unique<ReportWorkflow>(*m_archive);
        QVERIFY2(m_workflow->openError().isEmpty(), qPrintable(m_workflow->openError()));
    }

    void draft_ShouldBeFilledFromTemplateAndStudy()
    {
        auto draft = m_workflow->newDraft(m_studyUid, kUser, QStringLiteral("ct-chest"));
        QVERIFY2(draft, qPrintable(draft.error()));
        Report r = draft.take();
        QCOMPARE(r.study.patientName, kName);
        QCOMPARE(r.study.patientId, QStringLiteral("RPT-001"));
        QVERIFY(r.section(QStringLiteral("technique")).text.contains(QStringLiteral("2024-01-15")));
        QCOMPARE(r.keyImages.size(), 1);
        QCOMPARE(r.keyImages.first().sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
        QCOMPARE(r.measurements.size(), 1);
        QCOMPARE(r.measurements.first().value, 6.4);
        r.setSectionText(QStringLiteral("clinical"), QStringLiteral("Cough for three weeks. Smoker."));
        r.setSectionText(QStringLiteral("findings"), QStringLiteral("Dense rod in the centre of the water cylinder.\nNo other finding."));
        r.setSectionText(QStringLiteral("impression"), QStringLiteral("Phantom as expected."));
        r.setSectionText(QStringLiteral("recommendation"), QStringLiteral("None."));
        auto saved = m_workflow->saveDraft(r, kUser);
        QVERIFY2(saved, qPrintable(saved.error()));
        archive::ReadingList reading(m_archive->databasePath(), m_archive->auditLog());
        QCOMPARE(archive::toString(reading.state(m_studyUid).value().status), archive::toString(archive::ReadingStatus::InProgress));

        auto prelim = m_workflow->makePreliminary(saved.value(), kUser);
        QVERIFY2(prelim, qPrintable(prelim.error()));
        QCOMPARE(archive::toString(reading.state(m_studyUid).value().status), archive::toString(archive::ReadingStatus::Reported));
        // A preliminary PDF carries the watermark and no signature.
        auto pdf = m_workflow->exportPdf(prelim.value(), kUser);
        QVERIFY2(pdf, qPrintable(pdf.error()));
        const QString path = m_tmp.filePath(QStringLiteral("prelim.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf.value());
        f.close();
        const QString text = pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("PRELIMINARY")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Electronically signed")));
        m_final = prelim.value();
    }

    void sign_ShouldRefuseWrongPasswordOrRole()
    {
        auto wrong = m_workflow->sign(m_final, kUser, QStringLiteral("not the password"));
        QVERIFY(!wrong);
        auto tech = m_workflow->sign(m_final, QStringLiteral("tech"), kPassword);
        QVERIFY(!tech);
        QVERIFY2(tech.error().contains(QStringLiteral("radiologist")), qPrintable(tech.error()));
        QCOMPARE(reporting::toString(m_workflow->store().latest(m_studyUid).value().status), reporting::toString(ReportStatus::Preliminary));
        archive::Query q;
        q.level = archive::Level::Series;
        q.keys.append({dicom::tagNumber(0x0020, 0x000D), m_studyUid});
        QCOMPARE(m_archive->count(q).value(), qint64(1));   // nothing stored
    }

    void sign_ShouldStoreValidPdfSrAndKosInTheStudy()
    {
        auto signedReport = m_workflow->sign(m_final, kUser, kPassword);
        QVERIFY2(signedReport, qPrintable(signedReport.error()));
        m_final = signedReport.take();
        QCOMPARE(reporting::toString(m_final.status), reporting::toString(ReportStatus::Final));
        QCOMPARE(m_final.signedBy, kUser);
        archive::ReadingList reading(m_archive->databasePath(), m_archive->auditLog());
        QCOMPARE(archive::toString(reading.state(m_studyUid).value().status), archive::toString(archive::ReadingStatus::Final));

        const QString pdfFile = fileOf(m_final.pdfSopInstanceUid);
        const QString srFile = fileOf(m_final.srSopInstanceUid);
        const QString kosFile = fileOf(m_final.kosSopInstanceUid);
        QVERIFY(!pdfFile.isEmpty() && !srFile.isEmpty() && !kosFile.isEmpty());
        for (const QString &f : {pdfFile, srFile, kosFile}) {
            QString all;
            const QStringList errors = dciodvfyErrors(f, &all);
            QVERIFY2(errors.isEmpty(), qPrintable(f + QLatin1Char('\n') + all));
        }
        // Same study, new series, right classes and references.
        for (const auto &[file, cls, modality] : {std::tuple{pdfFile, kEncapsulatedPdfClass, "DOC"},
                                                  std::tuple{srFile, kComprehensiveSrClass, "SR"},
                                                  std::tuple{kosFile, kKeyObjectSelectionClass, "KO"}}) {
            auto df = dicom::DicomFile::load(file);
            QVERIFY(df);
            DcmDataset &ds = df.value().dataset();
            QCOMPARE(dicom::stringValue(ds, DCM_StudyInstanceUID), m_studyUid);
            QCOMPARE(dicom::stringValue(ds, DCM_SOPClassUID), QString::fromLatin1(cls));
            QCOMPARE(dicom::stringValue(ds, DCM_Modality), QString::fromLatin1(modality));
            QVERIFY(dicom::stringValue(ds, DCM_SeriesInstanceUID) != m_seriesUid);
            // Non-Latin name: UTF-8 bytes under ISO_IR 192.
            QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
            const char *raw = nullptr;
            QVERIFY(ds.findAndGetString(DCM_PatientName, raw).good());
            QCOMPARE(QByteArray(raw), kName.toUtf8());
        }
        auto kos = dicom::DicomFile::load(kosFile);
        DcmItem *evidence = nullptr;
        QVERIFY(kos.value().dataset().findAndGetSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, evidence, 0).good());
        DcmItem *series = nullptr;
        QVERIFY(evidence->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good());
        QCOMPARE(dicom::stringValue(*series, DCM_SeriesInstanceUID), m_seriesUid);
        DcmItem *sop = nullptr;
        QVERIFY(series->findAndGetSequenceItem(DCM_ReferencedSOPSequence, sop, 0).good());
        QCOMPARE(dicom::stringValue(*sop, DCM_ReferencedSOPInstanceUID), m_sops.at(2));

        // The SR's text is the report's text.
        QFile sr(srFile);
        QVERIFY(sr.open(QIODevice::ReadOnly));
        auto text = srPlainText(sr.readAll());
        QVERIFY2(text, qPrintable(text.error()));
        QCOMPARE(text.value(), m_final.plainText());
        QVERIFY(text.value().contains(QStringLiteral("Dense rod in the centre of the water cylinder.\nNo other finding.")));

        // The stored PDF is the signed report.
        auto pdfObject = dicom::DicomFile::load(pdfFile);
        const Uint8 *bytes = nullptr;
        unsigned long length = 0;
        QVERIFY(pdfObject.value().dataset().findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &length).good());
        QVERIFY(QByteArray(reinterpret_cast<const char *>(bytes), 5) == "%PDF-");
    }

    void finalReport_ShouldBeImmutable()
    {
        Report tampered = m_final;
        tampered.setSectionText(QStringLiteral("impression"), QStringLiteral("Changed after signing."));
        QVERIFY(!m_workflow->saveDraft(tampered, kUser));
        QVERIFY(!m_workflow->store().save(tampered, kUser, QStringLiteral("save")));
        QCOMPARE(m_workflow->store().latest(m_studyUid).value().section(QStringLiteral("impression")).text, QStringLiteral("Phantom as expected."));
    }

    void exportCommand_ShouldWritePdfWithPatientSectionsSignatureAndPages()
    {
        const QString pdf = m_tmp.filePath(QStringLiteral("final.pdf"));
        m_archive.reset();   // the command opens the archive itself
        m_workflow.reset();
        QString out;
        QCOMPARE(test::node(m_data, {QStringLiteral("report"), QStringLiteral("export"), m_studyUid, QStringLiteral("--out"), pdf}, &out), 0);
        const QString text = pdfText(pdf);
        for (const QString &expected : {QStringLiteral("Иванов, Пётр"), QStringLiteral("RPT-001"), QStringLiteral("Kilima General Hospital"),
                                        QStringLiteral("Clinical information"), QStringLiteral("Technique"), QStringLiteral("Findings"),
                                        QStringLiteral("Impression"), QStringLiteral("Recommendation"), QStringLiteral("Measurements"),
                                        QStringLiteral("Rod diameter"), QStringLiteral("Key images"), QStringLiteral("W 400 / L 40"),
                                        QStringLiteral("Electronically signed by drsmith"), QStringLiteral("Page 1 of")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
        }
        QVERIFY(!text.contains(QStringLiteral("PRELIMINARY")));
        // Pages render and are not blank.
        QString info;
        test::runTool(QStringLiteral("pdfinfo"), {pdf}, &info);
        const int pages = info.section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
        QVERIFY2(pages >= 1, qPrintable(info));
        const QString prefix = m_tmp.filePath(QStringLiteral("page"));
        QCOMPARE(test::runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), pdf, prefix}), 0);
        const QStringList pngs = QDir(m_tmp.path()).entryList({QStringLiteral("page*.png")});
        QCOMPARE(pngs.size(), pages);
        for (const QString &png : pngs) {
            QImage img(m_tmp.filePath(png));
            QVERIFY(!img.isNull());
            int dark = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    dark += qGray(img.pixel(x, y)) < 128;
            QVERIFY2(dark > 200, qPrintable(png));
        }
        // The key image is drawn with its window: a CT image region, not white.
        QString list;
        QCOMPARE(test::node(m_data, {QStringLiteral("report"), QStringLiteral("list"), m_studyUid}, &list), 0);
        QVERIFY2(list.contains(QStringLiteral("\tfinal\tdrsmith\t")), qPrintable(list));
        QVERIFY(list.contains(m_final.srSopInstanceUid));
        QCOMPARE(test::node(m_data, {QStringLiteral("report"), QStringLiteral("export"), QStringLiteral("1.2.3.999"), QStringLiteral("--out"),
                                     m_tmp.filePath(QStringLiteral("none.pdf"))}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("no report")), qPrintable(out));
        QCOMPARE(test::node(m_data, {QStringLiteral("report"), QStringLiteral("export"), m_studyUid}, &out), 2);
    }

    void addendum_ShouldKeepOriginalAndStoreAmendedSr()
    {
        auto a = archive::Archive::open(core::DataDir(m_data), core::Config{});
        QVERIFY(a);
        m_archive = a.take();
        m_workflow = std::make_unique<ReportWorkflow>(*m_archive);
        auto amended = m_workflow->addAddendum(m_final.id, QStringLiteral("Correction: the rod is 6.5 mm."), kUser, kPassword);
        QVERIFY2(amended, qPrintable(amended.error()));
        QCOMPARE(amended.value().addenda.size(), 1);
        QCOMPARE(amended.value().section(QStringLiteral("impression")).text, QStringLiteral("Phantom as expected."));
        QVERIFY(amended.value().srSopInstanceUid != m_final.srSopInstanceUid);
        QVERIFY(!fileOf(m_final.srSopInstanceUid).isEmpty());    // the original SR stays
        const QString srFile = fileOf(amended.value().srSopInstanceUid);
        QString all;
        QVERIFY2(dciodvfyErrors(srFile, &all).isEmpty(), qPrintable(all));
        auto df = dicom::DicomFile::load(srFile);
        DcmItem *pred = nullptr;
        QVERIFY(df.value().dataset().findAndGetSequenceItem(DCM_PredecessorDocumentsSequence, pred, 0).good());
        const QString pdfFile = fileOf(amended.value().pdfSopInstanceUid);
        QVERIFY2(dciodvfyErrors(pdfFile, &all).isEmpty(), qPrintable(all));
        archive::AuditFilter f;
        f.studyUid = m_studyUid;
        f.limit = 500;
        QStringList actions;
        for (const auto &r : m_archive->auditLog().list(f).value())
            actions << r.action + QLatin1Char('/') + r.outcome;
        for (const QString &expected : {QStringLiteral("report create/success"), QStringLiteral("report preliminary/success"),
                                        QStringLiteral("report sign/denied"), QStringLiteral("report sign/success"),
                                        QStringLiteral("report export/success"), QStringLiteral("report addendum/success")})
            QVERIFY2(actions.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + actions.join(QLatin1Char(','))));
    }
};

QTEST_MAIN(TestSignoff)
#include "tst_signoff.moc"
