// Report model, templates and macros, the report store's rules (final is
// immutable, history of every change) and the draft journal.
#include "phantom.h"
#include "testdata.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/sqlite.h>
#include <kilima/reporting/dicomreport.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reporting/pdfexport.h>
#include <kilima/reporting/report.h>
#include <kilima/reporting/reportstore.h>
#include <kilima/reporting/templates.h>

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::reporting;

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templates_ShouldShipTheFiveBuiltInsAsResources()
    {
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        QVERIFY2(lib.errors().isEmpty(), qPrintable(lib.errors().join(QLatin1Char('\n'))));
        for (const char *id : {"ct-chest", "ct-head", "mr-brain", "cr-chest", "us-abdomen", "us-echo"}) {
            const ReportTemplate *t = lib.find(QLatin1String(id));
            QVERIFY2(t, id);
            QVERIFY(t->builtIn);
            QVERIFY(!t->sections.value(QStringLiteral("technique")).isEmpty());
        }
    }

    void bestMatch_ShouldPickByModalityAndBodyPart()
    {
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        StudyFields s;
        s.modality = QStringLiteral("CT");
        s.studyDescription = QStringLiteral("CT HEAD W/O CONTRAST");
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("ct-head"));
        s.studyDescription = QStringLiteral("CT thorax");
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("ct-chest"));
        s.modality = QStringLiteral("MR");
        s.bodyPart = QStringLiteral("BRAIN");
        s.studyDescription.clear();
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("mr-brain"));
        s.modality = QStringLiteral("DX");
        s.bodyPart = QStringLiteral("CHEST");
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("cr-chest"));
        s.modality = QStringLiteral("US");
        s.bodyPart = QStringLiteral("ABDOMEN");
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("us-abdomen"));
        s.modality = QStringLiteral("NM");
        QVERIFY(!lib.bestMatch(s));
    }

    void bestMatch_ShouldNeverPickOnModalityAlone()
    {
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        StudyFields s;
        s.modality = QStringLiteral("CT");   // a CT without body part or description
        QVERIFY(!lib.bestMatch(s));
        s.modality = QStringLiteral("US");
        s.studyDescription = QStringLiteral("US Doppler");
        QVERIFY(!lib.bestMatch(s));
        // Words, not substrings ("Pathead" is no head); wildcards and
        // procedure codes count.
        s.modality = QStringLiteral("CT");
        s.studyDescription = QStringLiteral("Pathead phantom");
        QVERIFY(!lib.bestMatch(s));
        s.studyDescription = QStringLiteral("CT cerebrum w/o contrast");
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("ct-head"));
        s.studyDescription.clear();
        s.modality = QStringLiteral("US");
        s.descriptions = {QStringLiteral("TTE complete")};
        QCOMPARE(lib.bestMatch(s)->id, QStringLiteral("us-echo"));
        ReportTemplate custom;
        custom.id = QStringLiteral("us-carotid");
        custom.name = QStringLiteral("Carotid Doppler");
        custom.modalities = {QStringLiteral("US")};
        custom.procedureCodes = {QStringLiteral("RPID:RPID2545")};
        QVERIFY(lib.save(custom).ok());
        s.descriptions.clear();
        s.procedureCodes = {QStringLiteral("RPID:RPID2545")};
        const auto ranked = lib.matches(s);
        QCOMPARE(ranked.size(), 1);
        QCOMPARE(ranked.first().tpl->id, QStringLiteral("us-carotid"));
        QVERIFY(!ranked.first().reasons.isEmpty());
    }

    void bestMatch_ShouldFitTheRealStudies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");   // empty: blank report, the reader chooses
        const QString d = test::sharedTestData();
        if (d.isEmpty())
            return;
        const QString ct = QDir(d + QStringLiteral("/ct_invesalius_0051")).entryInfoList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name).first().filePath();
        const QString mr = QDir(d + QStringLiteral("/mr_fnndsc_sag_mprage")).entryInfoList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name).first().filePath();
        // InVesalius head CT: Body Part Examined "BASE 3MM", no description;
        // it used to get "CT chest" with "Lungs: clear".
        QTest::newRow("CT head, no usable body part") << ct << QString();
        // Philips EPIQ echo: Procedure Code Sequence "ECHOCARDIOGRAM"; it used
        // to get "Ultrasound of the abdomen".
        QTest::newRow("US echo, procedure code") << d + QStringLiteral("/robustness/pydicom_extra/JPGLosslessP14SV1_1s_1f_8b.dcm") << QStringLiteral("us-echo");
        // ACUSON cine, "US Dopler": could be any vessel or the heart.
        QTest::newRow("US Doppler, no anatomy") << d + QStringLiteral("/robustness/dicomparser_encapsulation/encapsulated/multi-frame/IM00001.implicit_little_endian.dcm") << QString();
        QTest::newRow("MR brain") << mr << QStringLiteral("mr-brain");
    }

    void bestMatch_ShouldFitTheRealStudies()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
        QFETCH(QString, file);
        QFETCH(QString, expected);
        auto header = StudyHeader::fromFile(file);
        QVERIFY2(header, qPrintable(header.error()));
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        const ReportTemplate *t = lib.bestMatch(header.value().fields());
        QCOMPARE(t ? t->id : QString(), expected);
        // A draft from no template has the blank structure, no normal findings.
        Report r = Report::forStudy(header.value().fields());
        if (t)
            TemplateLibrary::apply(*t, r);
        else
            QVERIFY(r.items.isEmpty() && r.plainText().trimmed().isEmpty());
    }

    void replace_ShouldSwapTemplateItemsAndKeepWhatTheReaderTyped()
    {
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        StudyFields s;
        s.modality = QStringLiteral("CT");
        s.studyDate = QStringLiteral("20240115");
        Report r = Report::forStudy(s);
        TemplateLibrary::apply(*lib.find(QStringLiteral("ct-chest")), r);
        r.setSectionText(QStringLiteral("findings"), QStringLiteral("Small subdural collection."));
        r.items.append({QStringLiteral("findings"), QStringLiteral("Own item"), QStringLiteral("typed")});
        for (StructuredItem &i : r.items) {
            if (i.name == QLatin1String("Pleura"))
                i.value = QStringLiteral("Small left effusion.");   // the reader edited it
        }
        const ReportTemplate *chest = lib.find(QStringLiteral("ct-chest"));
        QCOMPARE(TemplateLibrary::editedItems(*chest, r).size(), 1);
        TemplateLibrary::replace(chest, lib.find(QStringLiteral("ct-head")), r, false);
        QCOMPARE(r.templateId, QStringLiteral("ct-head"));
        QStringList names;
        for (const StructuredItem &i : r.items)
            names << i.name;
        QVERIFY2(!names.contains(QStringLiteral("Lungs")) && !names.contains(QStringLiteral("Pleura")), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(names.contains(QStringLiteral("Brain parenchyma")));
        QVERIFY(names.contains(QStringLiteral("Own item")));
        QVERIFY(r.section(QStringLiteral("technique")).text.contains(QStringLiteral("CT of the head")));
        QCOMPARE(r.section(QStringLiteral("findings")).text, QStringLiteral("Small subdural collection."));
        // Keeping the reader's edits, and back to the blank structure.
        Report k = Report::forStudy(s);
        TemplateLibrary::apply(*chest, k);
        k.items[1].value = QStringLiteral("Small left effusion.");
        TemplateLibrary::replace(chest, nullptr, k, true);
        QVERIFY(k.templateId.isEmpty());
        QCOMPARE(k.items.size(), 1);
        QCOMPARE(k.items.first().value, QStringLiteral("Small left effusion."));
        QVERIFY(k.section(QStringLiteral("technique")).text.isEmpty());
    }

    void apply_ShouldFillStudyFieldsAndStructuredItems()
    {
        QTemporaryDir tmp;
        TemplateLibrary lib(tmp.filePath(QStringLiteral("templates")));
        StudyFields s;
        s.patientName = QStringLiteral("Иванов^Пётр");
        s.studyDate = QStringLiteral("20240115");
        s.referringPhysician = QStringLiteral("House^Gregory");
        s.modality = QStringLiteral("CT");
        Report r = Report::forStudy(s);
        TemplateLibrary::apply(*lib.find(QStringLiteral("ct-chest")), r);
        QVERIFY2(r.section(QStringLiteral("technique")).text.contains(QStringLiteral("2024-01-15")), qPrintable(r.section(QStringLiteral("technique")).text));
        QVERIFY(r.section(QStringLiteral("clinical")).text.contains(QStringLiteral("House, Gregory")));
        QVERIFY(r.sectionBody(QStringLiteral("findings")).contains(QStringLiteral("Pleura: No effusion or pneumothorax.")));
        QCOMPARE(fillFields(QStringLiteral("{{PatientName}}"), s), QStringLiteral("Иванов, Пётр"));
        // Typed text is never overwritten by a template applied later.
        r.setSectionText(QStringLiteral("impression"), QStringLiteral("Typed."));
        TemplateLibrary::apply(*lib.find(QStringLiteral("ct-head")), r);
        QCOMPARE(r.section(QStringLiteral("impression")).text, QStringLiteral("Typed."));
    }

    void userTemplatesAndMacros_ShouldBeEditableAndAddable()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("templates"));
        TemplateLibrary lib(dir);
        QCOMPARE(lib.expandMacro(QStringLiteral(".nad")), QStringLiteral("No acute abnormality."));
        QCOMPARE(lib.expandMacro(QStringLiteral("noich"), QStringLiteral("ct-head")), QStringLiteral("No intracranial haemorrhage."));
        QVERIFY(lib.expandMacro(QStringLiteral("noich"), QStringLiteral("ct-chest")).isEmpty());
        QVERIFY(lib.saveMacro(QStringLiteral(".lr"), QStringLiteral("Lung-RADS 2.")).ok());
        ReportTemplate t = *lib.find(QStringLiteral("ct-chest"));
        t.sections.insert(QStringLiteral("recommendation"), QStringLiteral("Our clinic's text."));
        QVERIFY(lib.save(t).ok());
        ReportTemplate mine;
        mine.id = QStringLiteral("ct-sinus");
        mine.name = QStringLiteral("CT sinuses");
        mine.modalities = {QStringLiteral("CT")};
        mine.bodyParts = {QStringLiteral("SINUS")};
        mine.sections.insert(QStringLiteral("technique"), QStringLiteral("Low-dose CT of the paranasal sinuses."));
        QVERIFY(lib.save(mine).ok());

        TemplateLibrary again(dir);   // a new session sees the user's edits
        QCOMPARE(again.expandMacro(QStringLiteral("lr")), QStringLiteral("Lung-RADS 2."));
        QCOMPARE(again.find(QStringLiteral("ct-chest"))->sections.value(QStringLiteral("recommendation")), QStringLiteral("Our clinic's text."));
        QVERIFY(!again.find(QStringLiteral("ct-chest"))->builtIn);
        QVERIFY(again.find(QStringLiteral("ct-sinus")));
        QVERIFY(!again.remove(QStringLiteral("mr-brain")).ok());    // built-in
        QVERIFY(again.remove(QStringLiteral("ct-sinus")).ok());
        QVERIFY(!again.find(QStringLiteral("ct-sinus")));
    }

    void json_ShouldRoundTripEveryField()
    {
        Report r;
        r.studyUid = QStringLiteral("1.2.3");
        r.status = ReportStatus::Preliminary;
        r.setSectionText(QStringLiteral("findings"), QStringLiteral("Line 1\nЛиния 2"), QStringLiteral("<p>x</p>"));
        r.items.append({QStringLiteral("findings"), QStringLiteral("Lungs"), QStringLiteral("Clear")});
        Measurement m;
        m.label = QStringLiteral("Nodule");
        m.value = 7.25;
        m.unit = QStringLiteral("mm");
        m.sopInstanceUid = QStringLiteral("1.2.3.4");
        r.measurements.append(m);
        KeyImage k;
        k.sopInstanceUid = QStringLiteral("1.2.3.5");
        k.windowCenter = 40;
        k.windowWidth = 400;
        r.keyImages.append(k);
        r.signedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        r.addenda.append({QStringLiteral("Add"), QStringLiteral("dr"), r.signedAt, QString(), QString()});
        const Report back = Report::fromJson(r.toJson());
        QCOMPARE(back.toJson(), r.toJson());
        QCOMPARE(back.plainText(), QStringLiteral("Findings:\nLine 1\nЛиния 2\nLungs: Clear"));
    }

    void store_ShouldKeepFinalReportsImmutableAndAuditEveryChange()
    {
        QTemporaryDir tmp;
        core::DataDir dir(tmp.filePath(QStringLiteral("data")));
        auto archive = archive::Archive::open(dir, core::Config{});
        QVERIFY2(archive, qPrintable(archive.error()));
        ReportStore store(archive.value()->databasePath(), &archive.value()->auditLog());
        QVERIFY2(store.openError().isEmpty(), qPrintable(store.openError()));
        Report r;
        r.studyUid = QStringLiteral("1.2.840.99.1");
        r.setSectionText(QStringLiteral("findings"), QStringLiteral("First words."));
        auto saved = store.save(r, QStringLiteral("drwho"), QStringLiteral("create"));
        QVERIFY2(saved, qPrintable(saved.error()));
        QVERIFY(saved.value().id > 0);
        Report s = saved.value();
        s.setSectionText(QStringLiteral("findings"), QStringLiteral("Second words."));
        QVERIFY(store.save(s, QStringLiteral("drwho"), QStringLiteral("save")));
        s.status = ReportStatus::Final;
        s.signedBy = QStringLiteral("drwho");
        s.signedAt = QDateTime::currentDateTimeUtc();
        auto fin = store.save(s, QStringLiteral("drwho"), QStringLiteral("sign"));
        QVERIFY(fin);
        // The store refuses a change ...
        Report changed = fin.value();
        changed.setSectionText(QStringLiteral("findings"), QStringLiteral("Tampered."));
        auto refused = store.save(changed, QStringLiteral("drwho"), QStringLiteral("save"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("addendum")), qPrintable(refused.error()));
        // ... and so does the database, whoever writes to it.
        QString error;
        sqlite3 *db = archive::openConnection(archive.value()->databasePath(), &error);
        QVERIFY(db);
        QVERIFY(!archive::execSql(db, "UPDATE reports SET content = 'x'", &error));
        QVERIFY2(error.contains(QStringLiteral("immutable")), qPrintable(error));
        QVERIFY(!archive::execSql(db, "DELETE FROM reports", &error));
        sqlite3_close_v2(db);
        // An addendum appends; it cannot change what was signed.
        Report add = fin.value();
        add.addenda.append({QStringLiteral("Correction: left, not right."), QStringLiteral("drwho"), QDateTime::currentDateTimeUtc(), {}, {}});
        QVERIFY(store.save(add, QStringLiteral("drwho"), QStringLiteral("addendum")));
        QCOMPARE(store.latest(r.studyUid).value().section(QStringLiteral("findings")).text, QStringLiteral("Second words."));
        QCOMPARE(store.latest(r.studyUid).value().addenda.size(), 1);

        auto history = store.history(fin.value().id);
        QVERIFY(history);
        QStringList actions;
        for (const auto &h : history.value())
            actions << h.action;
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("save"), QStringLiteral("sign"), QStringLiteral("addendum")}));
        archive::AuditFilter f;
        f.studyUid = r.studyUid;
        auto audit = archive.value()->auditLog().list(f);
        QVERIFY(audit);
        QStringList audited;
        for (const auto &a : audit.value())
            audited << a.action;
        QVERIFY2(audited.contains(QStringLiteral("report sign")) && audited.contains(QStringLiteral("report addendum")) &&
                     audited.contains(QStringLiteral("report create")),
                 qPrintable(audited.join(QLatin1Char(','))));
    }

    void renderKeyImage_ShouldDrawRealImagesOfEveryEncoding_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("frame");
        QTest::addColumn<double>("center");
        QTest::addColumn<double>("width");
        const QString d = test::sharedTestData();
        if (d.isEmpty())
            return;
        const QString r = d + QStringLiteral("/robustness/");
        QTest::newRow("CT implicit LE, own window") << QDir(d + QStringLiteral("/ct_invesalius_0051")).entryInfoList({QStringLiteral("*")}, QDir::Files, QDir::Name).first().filePath() << 0 << 0.0 << 0.0;
        QTest::newRow("CT lung window") << QDir(d + QStringLiteral("/ct_invesalius_0051")).entryInfoList({QStringLiteral("*")}, QDir::Files, QDir::Name).first().filePath() << 0 << -600.0 << 1500.0;
        QTest::newRow("US JPEG baseline multi-frame, frame 4") << r + QStringLiteral("dicomparser_encapsulation/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm") << 3 << 0.0 << 0.0;
        QTest::newRow("US RLE 2 frames, frame 2") << r + QStringLiteral("pydicom_extra/OBXXXX1A_rle_2frame.dcm") << 1 << 0.0 << 0.0;
        QTest::newRow("US JPEG 2000 colour") << r + QStringLiteral("pydicom_extra/US1_J2KR.dcm") << 0 << 0.0 << 0.0;
        QTest::newRow("US planar colour") << r + QStringLiteral("pydicom_extra/color-pl.dcm") << 0 << 0.0 << 0.0;
        QTest::newRow("US big endian") << r + QStringLiteral("pydicom_extra/OBXXXX1A_expb.dcm") << 0 << 0.0 << 0.0;
    }

    void renderKeyImage_ShouldDrawRealImagesOfEveryEncoding()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
        QFETCH(QString, file);
        QFETCH(int, frame);
        QFETCH(double, center);
        QFETCH(double, width);
        KeyImage k;
        k.frame = frame;
        k.windowCenter = center;
        k.windowWidth = width;
        double usedCenter = 0, usedWidth = 0;
        auto img = renderKeyImage(file, k, &usedCenter, &usedWidth);
        QVERIFY2(img, qPrintable(img.error()));
        QVERIFY(img.value().width() > 16 && img.value().height() > 16);
        QSet<QRgb> colours;
        for (int y = 0; y < img.value().height(); y += 3)
            for (int x = 0; x < img.value().width(); x += 3)
                colours.insert(img.value().pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        if (width > 0) {
            QCOMPARE(usedCenter, center);
            QCOMPARE(usedWidth, width);
        }
    }

    void journal_ShouldWriteAfterBurstsAndWhileTyping()
    {
        QTemporaryDir tmp;
        DraftJournal journal(tmp.filePath(QStringLiteral("journal")));
        Report r;
        r.studyUid = QStringLiteral("1.2.840.99.2");
        Autosaver saver(&journal, [&r] { return r; }, nullptr, 400, 150);
        QSignalSpy spy(&saver, &Autosaver::saved);
        // Continuous typing (a change every 50 ms for 1.2 s) is written by the interval timer.
        for (int i = 0; i < 24; ++i) {
            r.section(QStringLiteral("findings")).text += QLatin1Char('a' + i % 26);
            saver.changed();
            QTest::qWait(50);
        }
        QVERIFY2(spy.count() >= 2, qPrintable(QString::number(spy.count())));
        QTRY_VERIFY(!saver.isDirty());
        QCOMPARE(journal.read(r.studyUid).value().section(QStringLiteral("findings")).text, r.section(QStringLiteral("findings")).text);
        QCOMPARE(journal.pendingStudies(), QStringList{r.studyUid});
        journal.discard(r.studyUid);
        QVERIFY(!journal.has(r.studyUid));
        QVERIFY(!journal.write(Report()).ok());    // no study UID: refused, nothing written
    }
};

QTEST_MAIN(TestModel)
#include "tst_model.moc"
