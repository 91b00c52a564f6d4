// A de-identified export, as a privacy officer would check it: a study
// whose patient (the real test data's CT patient when that data is here)
// has a signed report (Encapsulated PDF, SR with the name and ID in its
// text, Key Object Selection), an image with Burned In Annotation YES and
// identifiers hidden in nested sequences, private tags, overlays, curves
// and free text. `kilima-node export --deidentify` to a ZIP, a folder and a
// DICOMDIR set; then every byte of every file, PDF text (pdftotext), every
// dcmdump value and SR content (dsrdump), ZIP members (unzip) are searched
// for the name, its parts, the ID, birth date and accession number
// (ASCII, UTF-16), and the original UIDs. The summary must name every
// object left out. Real test data, a sample per vendor folder, goes
// through the same scan.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"
#include "privacyscan.h"
#include "testdata.h"

#include <kilima/archive/annotations.h>
#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/users.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/reporting/reportworkflow.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcvrlo.h>
#include <dcmtk/dcmdata/dcvrobow.h>

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

const QString kUser = QStringLiteral("drprivacy");
const QString kPassword = QStringLiteral("long enough password 7");

QString value(const QString &file, const DcmTagKey &tag)
{
    auto f = dicom::DicomFile::load(file);
    return f ? dicom::stringValue(f.value().dataset(), tag).trimmed() : QString();
}

// Hides the patient's identifiers where the Basic Profile's attribute list
// alone does not reach: nested sequences (depth 2), private tags, overlay
// and curve groups, other patient IDs, request attributes, free text.
bool plantIdentifiers(const QString &file, const test::PatientIdentity &p)
{
    DcmFileFormat ff;
    if (ff.loadFile(QFile::encodeName(file).constData()).bad())
        return false;
    DcmDataset &ds = *ff.getDataset();
    const QByteArray name = p.name.toUtf8(), id = p.id.toUtf8(), acc = p.accession.toUtf8(), birth = p.birthDate.toUtf8();
    const QByteArray prose = "Patient " + name + " (ID " + id + "), born " + birth.right(2) + '.' + birth.mid(4, 2) + '.' +
                             birth.left(4) + ", accession " + acc;
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds.putAndInsertString(DCM_PatientBirthDate, birth.constData());
    ds.putAndInsertString(DCM_AccessionNumber, acc.constData());
    ds.putAndInsertString(DCM_RETIRED_OtherPatientIDs, id.constData());
    ds.putAndInsertString(DCM_ImageComments, prose.constData());
    ds.putAndInsertString(DCM_DerivationDescription, prose.constData());
    DcmItem *item = nullptr;
    ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, item, 0);
    item->putAndInsertString(DCM_PatientID, id.constData());
    ds.findOrCreateSequenceItem(DCM_RequestAttributesSequence, item, 0);
    item->putAndInsertString(DCM_AccessionNumber, acc.constData());
    item->putAndInsertString(DCM_RequestedProcedureID, acc.constData());
    ds.findOrCreateSequenceItem(DCM_ReferencedPatientSequence, item, 0);
    item->putAndInsertString(DCM_ReferencedSOPInstanceUID, p.uids.value(0).toLatin1().constData());
    // Depth 2, in a sequence the profile keeps.
    DcmItem *series = nullptr, *image = nullptr;
    ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, 0);
    series->putAndInsertString(DCM_SeriesInstanceUID, p.uids.value(1).toLatin1().constData());
    series->findOrCreateSequenceItem(DCM_ReferencedImageSequence, image, 0);
    image->putAndInsertString(DCM_ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
    image->putAndInsertString(DCM_ReferencedSOPInstanceUID, p.uids.value(0).toLatin1().constData());
    image->putAndInsertString(DCM_PatientName, name.constData());
    image->putAndInsertString(DCM_OperatorsName, name.constData());
    image->putAndInsertString(DCM_ContentCreatorName, name.constData());
    image->putAndInsertString(DCM_PatientBirthDate, birth.constData());
    image->putAndInsertString(DCM_ImageComments, prose.constData());
    // Private block, overlay text and bits, a curve label.
    ds.putAndInsertString(DcmTagKey(0x0029, 0x0010), "KILIMA TEST");
    auto *priv = new DcmLongString(DcmTag(0x0029, 0x1010, EVR_LO));
    priv->putString(prose.left(64).constData());
    ds.insert(priv, true);
    ds.putAndInsertString(DcmTagKey(0x6000, 0x0022), prose.constData());
    ds.putAndInsertString(DcmTagKey(0x6000, 0x1500), name.constData());
    ds.putAndInsertString(DcmTagKey(0x6000, 0x4000), prose.constData());
    ds.putAndInsertString(DcmTagKey(0x5000, 0x2500), name.constData());
    return ff.saveFile(QFile::encodeName(file).constData(), EXS_LittleEndianExplicit).good();
}

// Study Instance UIDs of `files`, in order of first appearance.
QStringList studiesOf(const QStringList &files)
{
    QStringList uids;
    for (const QString &f : files) {
        const QString uid = value(f, DCM_StudyInstanceUID);
        if (!uid.isEmpty() && !uids.contains(uid))
            uids << uid;
    }
    return uids;
}

} // namespace

class TestPrivacy : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    QString m_study;
    test::PatientIdentity m_patient;
    QString m_pdfSop, m_srSop, m_kosSop, m_burnedSop;
    QStringList m_imageSops;

    QString path(const QString &rel) const { return m_tmp.filePath(rel); }

    // Exports the study de-identified; returns the summary (stdout).
    QString exportStudy(const QStringList &extra, int expectedExit = 0)
    {
        QString out;
        const int rc = test::nodeStdout(m_data, QStringList{QStringLiteral("export"), m_study, QStringLiteral("--deidentify")} + extra, &out);
        if (rc != expectedExit)
            qWarning("exit %d: %s", rc, qPrintable(out));
        return rc == expectedExit ? out : QString();
    }

    void verifySummary(const QString &summary)
    {
        QVERIFY2(!summary.isEmpty(), "export failed");
        const QStringList lines = summary.split(QLatin1Char('\n'));
        auto droppedLine = [&lines](const QString &sop) {
            for (const QString &l : lines) {
                if (l.trimmed().startsWith(QLatin1String("dropped")) && l.contains(sop))
                    return l;
            }
            return QString();
        };
        QVERIFY2(droppedLine(m_pdfSop).contains(QLatin1String("encapsulated document")), qPrintable(summary));
        QVERIFY2(droppedLine(m_srSop).contains(QLatin1String("structured report")), qPrintable(summary));
        QVERIFY2(!droppedLine(m_kosSop).isEmpty(), qPrintable(summary));
        QVERIFY2(droppedLine(m_burnedSop).contains(QLatin1String("Burned In Annotation")), qPrintable(summary));
        for (const QString &sop : m_imageSops) {
            const bool cleaned = std::any_of(lines.begin(), lines.end(), [&sop](const QString &l) {
                return l.trimmed().startsWith(QLatin1String("cleaned")) && l.contains(sop);
            });
            QVERIFY2(cleaned, qPrintable(sop + QLatin1Char('\n') + summary));
        }
        QVERIFY2(summary.contains(QStringLiteral("%1 object(s) cleaned, 4 left out").arg(m_imageSops.size())), qPrintable(summary));
    }

    // `dir`: scanned byte by byte (ZIP files unpacked too); `dicomDir`:
    // where the exported objects lie as files (the same, or the unpacked
    // ZIP).
    void verifyNoIdentity(const QString &dir, QString dicomDir = {})
    {
        if (dicomDir.isEmpty())
            dicomDir = dir;
        QTemporaryDir scratch;
        int files = 0;
        const QStringList findings = test::scanTree(dir, test::identityNeedles(m_patient), scratch.path(), 0, &files);
        for (const QString &f : findings)
            qWarning("%s", qPrintable(f));
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(files >= m_imageSops.size());
        // One pseudonym for the patient, one new study UID, in every image.
        QSet<QString> names, ids, studies;
        QDirIterator it(dicomDir, QDir::Files, QDirIterator::Subdirectories);
        int images = 0;
        while (it.hasNext()) {
            const QString f = it.next();
            QString out;
            if (f.endsWith(QLatin1String("DICOMDIR")) ||
                test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("-q"), QStringLiteral("-Un"), QStringLiteral("+P"), QStringLiteral("0010,0010"),
                                                          QStringLiteral("+P"), QStringLiteral("0010,0020"), QStringLiteral("+P"),
                                                          QStringLiteral("0020,000d"), QStringLiteral("+P"), QStringLiteral("0008,0016"), f},
                              &out) != 0)
                continue;
            ++images;
            // No SR, no encapsulated document, no presentation state.
            QVERIFY2(!out.contains(QLatin1String("1.2.840.10008.5.1.4.1.1.88.")) && !out.contains(QLatin1String("1.2.840.10008.5.1.4.1.1.104.")) &&
                         !out.contains(QLatin1String("1.2.840.10008.5.1.4.1.1.11.")),
                     qPrintable(f + QLatin1Char('\n') + out));
            const QStringList l = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &line : l) {
                if (line.startsWith(QLatin1String("(0010,0010)")))
                    names << line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
                if (line.startsWith(QLatin1String("(0010,0020)")))
                    ids << line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
                if (line.startsWith(QLatin1String("(0020,000d)")))
                    studies << line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
            }
        }
        QCOMPARE(images, int(m_imageSops.size()));
        QCOMPARE(names, QSet<QString>{QStringLiteral("ANONYMOUS")});
        QCOMPARE(ids, QSet<QString>{QStringLiteral("ANON")});
        QCOMPARE(studies.size(), 1);
        QVERIFY(!studies.contains(m_study));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = path(QStringLiteral("data"));
        // The real CT patient's identifiers when the test data is here.
        m_patient = {QStringLiteral("MWANGIKARIUKI^WANJIRU^AMANI"), QStringLiteral("KLM-778812"), QStringLiteral("19581107"),
                     QStringLiteral("ACC-778812"), {}};
        const QString real = test::sharedTestData();
        if (!real.isEmpty()) {
            const QStringList ct = QDir(real + QStringLiteral("/ct_invesalius_0051")).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
            if (!ct.isEmpty()) {
                const QString f = real + QStringLiteral("/ct_invesalius_0051/") + ct.first();
                m_patient.name = value(f, DCM_PatientName);
                m_patient.id = value(f, DCM_PatientID);
                m_patient.birthDate = value(f, DCM_PatientBirthDate);
                m_patient.accession = QStringLiteral("ACC-0051-7731");   // the CT has none
            }
        }
        QVERIFY(!m_patient.name.isEmpty() && !m_patient.id.isEmpty() && m_patient.birthDate.size() == 8);

        test::CtPhantom p;
        p.slices = 3;
        p.rows = p.columns = 32;
        p.patientName = m_patient.name;
        p.patientId = m_patient.id;
        p.studyUid = test::newUid();
        m_study = p.studyUid;
        const QString src = path(QStringLiteral("src"));
        const QStringList files = test::writeCtPhantom(src, p);
        QCOMPARE(files.size(), 3);
        m_patient.uids = {value(files.at(0), DCM_SOPInstanceUID), value(files.at(0), DCM_SeriesInstanceUID), m_study};
        for (const QString &f : files) {
            QVERIFY(plantIdentifiers(f, m_patient));
            m_imageSops << value(f, DCM_SOPInstanceUID);
        }
        // The burned-in copy, made by dcmodify.
        const QString burned = src + QStringLiteral("/burned.dcm");
        QVERIFY(QFile::copy(files.first(), burned));
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("dcmodify"), {QStringLiteral("-nb"), QStringLiteral("-gin"), QStringLiteral("-i"),
                                                            QStringLiteral("(0028,0301)=YES"), burned}, &out), 0);
        m_burnedSop = value(burned, DCM_SOPInstanceUID);
        QVERIFY(!m_burnedSop.isEmpty() && !m_imageSops.contains(m_burnedSop));
        QCOMPARE(test::node(m_data, {QStringLiteral("import"), src}, &out), 0);

        // The signed report: its text names the patient, so the PDF and SR
        // carry the identity in their content, not only in attributes.
        core::DataDir dir(m_data);
        auto a = archive::Archive::open(dir, core::Config{});
        QVERIFY2(a, qPrintable(a.error()));
        std::unique_ptr<archive::Archive> archive = a.take();
        archive::Users users(archive->databasePath());
        QVERIFY(users.add(kUser, archive::Role::Radiologist, kPassword).ok());
        // A key image, so that sign-off stores a Key Object Selection too.
        archive::Annotations annotations(archive->databasePath());
        archive::KeyImage key;
        key.studyUid = m_study;
        key.seriesUid = m_patient.uids.at(1);
        key.sopUid = m_imageSops.first();
        key.windowCenter = 40;
        key.windowWidth = 400;
        QVERIFY(annotations.setKeyImage(key).ok());
        reporting::ReportWorkflow workflow(*archive);
        QVERIFY2(workflow.openError().isEmpty(), qPrintable(workflow.openError()));
        auto draft = workflow.newDraft(m_study, kUser, QStringLiteral("ct-chest"));
        QVERIFY2(draft, qPrintable(draft.error()));
        reporting::Report r = draft.take();
        const QString b = m_patient.birthDate;
        r.setSectionText(QStringLiteral("clinical"), QStringLiteral("%1, ID %2, born %3-%4-%5, accession %6.")
                                                         .arg(QString(m_patient.name).replace(QLatin1Char('^'), QLatin1Char(' ')),
                                                              m_patient.id, b.left(4), b.mid(4, 2), b.right(2), m_patient.accession));
        r.setSectionText(QStringLiteral("findings"), QStringLiteral("Rod as expected for patient %1.").arg(m_patient.id));
        r.setSectionText(QStringLiteral("impression"), QStringLiteral("Normal phantom."));
        auto saved = workflow.saveDraft(r, kUser);
        QVERIFY2(saved, qPrintable(saved.error()));
        auto prelim = workflow.makePreliminary(saved.value(), kUser);
        QVERIFY2(prelim, qPrintable(prelim.error()));
        auto signedReport = workflow.sign(prelim.value(), kUser, kPassword);
        QVERIFY2(signedReport, qPrintable(signedReport.error()));
        m_pdfSop = signedReport.value().pdfSopInstanceUid;
        m_srSop = signedReport.value().srSopInstanceUid;
        m_kosSop = signedReport.value().kosSopInstanceUid;
        QVERIFY(!m_pdfSop.isEmpty() && !m_srSop.isEmpty() && !m_kosSop.isEmpty());
        // The scan can fail: the stored originals do show the identity.
        QTemporaryDir scratch;
        const QStringList needles = test::identityNeedles(m_patient);
        for (const QString &sop : {m_pdfSop, m_srSop}) {
            const QString f = archive->instanceFiles(archive::Level::Instance, sop).value().value(0);
            const QStringList hits = test::scanFile(f, needles, scratch.path());
            QVERIFY2(hits.join(QLatin1Char('\n')).contains(m_patient.id.toLower()), qPrintable(f + QLatin1Char('\n') + hits.join(QLatin1Char('\n'))));
        }
        const QStringList pdfHits = test::scanFile(archive->instanceFiles(archive::Level::Instance, m_pdfSop).value().value(0), needles, scratch.path());
        QVERIFY2(pdfHits.join(QLatin1Char('\n')).contains(QLatin1String("PDF text contains")), qPrintable(pdfHits.join(QLatin1Char('\n'))));
        QVERIFY(!test::scanTree(src, needles, scratch.path()).isEmpty());
    }

    void deidentifiedZip_ShouldCarryNoIdentityAndNameWhatWasLeftOut()
    {
        const QString zip = path(QStringLiteral("out/study.zip"));
        const QString summary = exportStudy({QStringLiteral("--out"), zip});
        verifySummary(summary);
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("unzip"), {QStringLiteral("-t"), zip}, &out), 0);
        const QString unpacked = path(QStringLiteral("unpacked"));
        QCOMPARE(test::runTool(QStringLiteral("unzip"), {QStringLiteral("-q"), zip, QStringLiteral("-d"), unpacked}, &out), 0);
        verifyNoIdentity(path(QStringLiteral("out")), unpacked);
    }

    void deidentifiedFolder_ShouldCarryNoIdentity()
    {
        const QString dir = path(QStringLiteral("folder"));
        verifySummary(exportStudy({QStringLiteral("--out"), dir}));
        verifyNoIdentity(dir);
    }

    void deidentifiedDicomdir_ShouldCarryNoIdentityAndBeReadable()
    {
        const QString dir = path(QStringLiteral("cd"));
        verifySummary(exportStudy({QStringLiteral("--out"), dir, QStringLiteral("--format"), QStringLiteral("dicomdir")}));
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("dcmdump"), {dir + QStringLiteral("/DICOMDIR")}, &out), 0);
        QCOMPARE(out.count(QStringLiteral("[IMAGE]")), int(m_imageSops.size()));
        verifyNoIdentity(dir);
    }

    void exports_ShouldBeAuditedWithTheStudy()
    {
        core::DataDir dir(m_data);
        auto a = archive::Archive::open(dir, core::Config{});
        QVERIFY2(a, qPrintable(a.error()));
        archive::AuditFilter f;
        f.studyUid = m_study;
        auto audit = a.value()->auditLog().list(f);
        QVERIFY(audit.ok());
        int exports = 0;
        for (const archive::AuditRecord &r : audit.value()) {
            if (r.action == QLatin1String("export")) {
                ++exports;
                QVERIFY2(r.actor.startsWith(QLatin1String("kilima-node")), qPrintable(r.actor));
                QCOMPARE(r.outcome, QStringLiteral("success"));
                QVERIFY2(r.detail.contains(QLatin1String("de-identified")), qPrintable(r.detail));
            }
        }
        QCOMPARE(exports, 3);
    }

    void cli_ShouldNameAnUnknownStudyAndRefuseBadUsage()
    {
        QString out;
        const QString unknown = QStringLiteral("1.2.826.0.1.3680043.10.1083.77.1");
        QCOMPARE(test::node(m_data, {QStringLiteral("export"), unknown, QStringLiteral("--out"), path(QStringLiteral("x"))}, &out), 1);
        QVERIFY2(out.contains(unknown), qPrintable(out));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("x/study001"))));
        QCOMPARE(test::node(m_data, {QStringLiteral("export"), m_study}, &out), 2);
        QVERIFY2(out.contains(QLatin1String("--out")), qPrintable(out));
        QCOMPARE(test::node(m_data, {QStringLiteral("export"), m_study, QStringLiteral("--out"), path(QStringLiteral("y")),
                                     QStringLiteral("--format"), QStringLiteral("tar")}, &out), 2);
        QCOMPARE(test::node(m_data, {QStringLiteral("export"), QStringLiteral("--out"), path(QStringLiteral("y"))}, &out), 2);
        QCOMPARE(test::node(m_data, {QStringLiteral("--help")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("export STUDY_UID... --out DIR|FILE.zip")), qPrintable(out));
    }

    void realData_DeidentifiedExport_ShouldCarryNoIdentity()
    {
        const QString real = test::sharedTestData();
        if (real.isEmpty())
            QSKIP("../shared/testdata/dicom is absent (a fresh machine): the real-data sweep needs it");
        // A sample per folder (the first files with a Part 10 preamble), and
        // every SR there is.
        QFile index(real + QStringLiteral("/INDEX.tsv"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QHash<QString, int> perFolder;
        QStringList sample;
        for (const QByteArray &line : index.readAll().split('\n')) {
            const QStringList c = QString::fromUtf8(line).split(QLatin1Char('\t'));
            if (c.size() < 4 || c.at(1) != QLatin1String("DICM"))
                continue;
            const QString folder = c.at(0).section(QLatin1Char('/'), 0, -2);
            if (perFolder[folder]++ < 3 || c.at(3).contains(QLatin1String("SR")))
                sample << real + QLatin1Char('/') + c.at(0);
        }
        QVERIFY(sample.size() > 20);
        const QString src = path(QStringLiteral("real-src"));
        QDir().mkpath(src);
        QStringList needles;
        for (int i = 0; i < sample.size(); ++i) {
            QVERIFY(QFile::copy(sample.at(i), src + QStringLiteral("/%1.dcm").arg(i)));
            test::PatientIdentity p{value(sample.at(i), DCM_PatientName), value(sample.at(i), DCM_PatientID),
                                    value(sample.at(i), DCM_PatientBirthDate), value(sample.at(i), DCM_AccessionNumber),
                                    {value(sample.at(i), DCM_SOPInstanceUID)}};
            // A real patient already named like Kilima's pseudonym cannot be
            // told from it.
            for (const QString &n : test::identityNeedles(p, 5)) {
                if (!needles.contains(n) && !QStringLiteral("anonymous").contains(n))
                    needles << n;
            }
        }
        const QString data = path(QStringLiteral("real-data"));
        QString out;
        test::node(data, {QStringLiteral("import"), src}, &out);
        const QStringList studies = studiesOf(test::filesBelow(src));
        const QString zip = path(QStringLiteral("real-out/all.zip"));
        QCOMPARE(test::nodeStdout(data, QStringList{QStringLiteral("export")} + studies +
                                            QStringList{QStringLiteral("--out"), zip, QStringLiteral("--deidentify")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("structured report")), qPrintable(out));   // the real SRs were left out
        QTemporaryDir scratch;
        int files = 0;
        // Raw bytes: needles of 6 characters and more (pixel data holds
        // every short byte string somewhere); dcmdump values: all.
        const QStringList findings = test::scanTree(path(QStringLiteral("real-out")), needles, scratch.path(), 6, &files);
        for (const QString &f : findings)
            qWarning("%s", qPrintable(f));
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(files > 20);
    }
};

QTEST_MAIN(TestPrivacy)
#include "tst_privacy.moc"
