// De-identification's removal of private attributes and overlay text, at
// the top level and inside sequences, for an ordinary object and one of
// 100,000 private elements (removal looked each element up from the start
// of the list again: quadratic). What a user exporting a study would see:
// no private tag left anywhere, the rest of the object intact. Identity at
// any sequence depth, UIDs mapped consistently, one pseudonym per patient,
// and which objects a de-identified export must leave out.
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/deidentify.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrlo.h>

#include <dcmtk/dcmdata/dcfilefo.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

void addPrivate(DcmItem &item, int k)
{
    auto *e = new DcmLongString(DcmTag(Uint16(0x0009 + 2 * (k / 0xf000)), Uint16(0x1000 + k % 0xf000), EVR_LO));
    e->putString("SECRET");
    item.insert(e);
}

int privateCount(DcmItem &item)
{
    int n = 0;
    for (DcmObject *o = item.nextInContainer(nullptr); o; o = item.nextInContainer(o)) {
        if (o->getTag().isPrivate())
            ++n;
        if (o->ident() == EVR_SQ) {
            auto *sq = static_cast<DcmSequenceOfItems *>(o);
            for (DcmObject *i = sq->nextInContainer(nullptr); i; i = sq->nextInContainer(i))
                n += privateCount(*static_cast<DcmItem *>(i));
        }
    }
    return n;
}

// dcmdump's view of `ds` written to a file: what a reader of the copy sees.
QString dump(DcmDataset &ds, const QString &dir)
{
    const QString path = dir + QStringLiteral("/copy.dcm");
    DcmFileFormat ff(&ds);
    if (ff.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).bad())
        return {};
    QProcess p;
    p.start(QStringLiteral("dcmdump"), {QStringLiteral("-q"), QStringLiteral("+L"), QStringLiteral("-Un"), path});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestDeidentify : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void privateAndOverlayText_ShouldGoEverywhereAndTheRestStay()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_PatientName, "DOE^JANE");
        ds.putAndInsertString(DCM_Modality, "CT");
        ds.putAndInsertString(DCM_StudyDescription, "CHEST");
        addPrivate(ds, 1);
        addPrivate(ds, 2);
        ds.putAndInsertString(DcmTagKey(0x6000, 0x0022), "OVERLAY NAMES THE PATIENT");
        DcmItem *item = nullptr;
        QVERIFY(ds.findOrCreateSequenceItem(DCM_ReferencedImageSequence, item, -2).good());
        item->putAndInsertString(DCM_ReferencedSOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        addPrivate(*item, 3);
        QCOMPARE(privateCount(ds), 3);

        dicom::Deidentifier deidentifier;
        QVERIFY(deidentifier.apply(ds).ok());
        QCOMPARE(privateCount(ds), 0);
        QVERIFY(!ds.tagExists(DcmTagKey(0x6000, 0x0022)));
        QCOMPARE(dicom::stringValue(ds, DCM_Modality), QStringLiteral("CT"));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), QStringLiteral("ANONYMOUS"));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientIdentityRemoved), QStringLiteral("YES"));
        QVERIFY(ds.findAndGetSequenceItem(DCM_ReferencedImageSequence, item, 0).good());
        QCOMPARE(dicom::stringValue(*item, DCM_ReferencedSOPClassUID), QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
    }

    void identityAtAnyDepth_ShouldGoAndUidsMapConsistently()
    {
        QTemporaryDir tmp;
        const char *study = "1.2.3.4.5.6.7.8.1";
        const char *sop = "1.2.3.4.5.6.7.8.2";
        auto make = [&](DcmDataset &ds, const char *name, const char *id) {
            ds.putAndInsertString(DCM_SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
            ds.putAndInsertString(DCM_SOPInstanceUID, sop);
            ds.putAndInsertString(DCM_StudyInstanceUID, study);
            ds.putAndInsertString(DCM_PatientName, name);
            ds.putAndInsertString(DCM_PatientID, id);
            ds.putAndInsertString(DCM_PatientBirthDate, "19581107");
            ds.putAndInsertString(DCM_AccessionNumber, "ACC778812");
            ds.putAndInsertString(DCM_SeriesNumber, id);   // a number that repeats the ID
            ds.putAndInsertString(DCM_RETIRED_OtherPatientIDs, "OTHER-1");
            DcmItem *a = nullptr, *b = nullptr, *c = nullptr;
            ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, a, 0);
            a->findOrCreateSequenceItem(DCM_ReferencedImageSequence, b, 0);
            b->putAndInsertString(DCM_ReferencedSOPInstanceUID, sop);
            b->findOrCreateSequenceItem(DCM_SourceImageSequence, c, 0);   // depth 3
            c->putAndInsertString(DCM_ReferencedSOPInstanceUID, study);
            c->putAndInsertString(DCM_OperatorsName, name);
            c->putAndInsertString(DCM_ContentCreatorName, name);
            c->putAndInsertString(DCM_LossyImageCompressionMethod, "seen by MWANGI");
            c->putAndInsertString(DCM_AcquisitionDate, "20240115");
            ds.findOrCreateSequenceItem(DCM_RequestAttributesSequence, a, 0);
            a->putAndInsertString(DCM_AccessionNumber, "ACC778812");
            ds.putAndInsertString(DcmTagKey(0x6002, 0x0022), "overlay");
            ds.putAndInsertString(DcmTagKey(0x6002, 0x4000), "MWANGI");
        };
        DcmDataset first, second, other;
        make(first, "MWANGI^WANJIRU", "4055947867");
        make(second, "MWANGI^WANJIRU", "4055947867");
        make(other, "OTIENO^ACHIENG", "000042");
        dicom::Deidentifier d;
        dicom::DeidentifyReport report;
        QVERIFY(d.apply(first, &report).ok());
        QVERIFY(d.apply(second).ok());
        QVERIFY(d.apply(other).ok());
        const QString a = dump(first, tmp.path());
        for (const char *gone : {"MWANGI", "WANJIRU", "4055947867", "19581107", "ACC778812", "OTHER-1", "20240115",
                                 "1.2.3.4.5.6.7.8", "overlay", "(6002,"}) {
            QVERIFY2(!a.contains(QLatin1String(gone)), qPrintable(QLatin1String(gone) + QLatin1Char('\n') + a));
        }
        QVERIFY2(a.contains(QLatin1String("(0008,0016) UI [1.2.840.10008.5.1.4.1.1.2]")), qPrintable(a));
        QVERIFY(report.overlayOrCurveRemoved == 2 && report.residualRemoved >= 1);
        // The same original UID, at the top and at depth 3, maps to one new
        // UID, in this object and the next; a second patient gets a second
        // pseudonym.
        const QString newSop = dicom::stringValue(first, DCM_SOPInstanceUID);
        const QString newStudy = dicom::stringValue(first, DCM_StudyInstanceUID);
        QCOMPARE(dicom::stringValue(second, DCM_SOPInstanceUID), newSop);
        // SOP: meta header, dataset, reference at depth 2; study: dataset,
        // reference at depth 3.
        QVERIFY2(a.count(newSop) == 3 && a.count(newStudy) == 2, qPrintable(a));
        QCOMPARE(dicom::stringValue(second, DCM_PatientID), QStringLiteral("ANON"));
        QCOMPARE(dicom::stringValue(other, DCM_PatientID), QStringLiteral("ANON-2"));
        QCOMPARE(dicom::stringValue(other, DCM_PatientName), QStringLiteral("ANONYMOUS-2"));
    }

    void keepDates_ShouldKeepDatesButNotTheBirthDate()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_PatientBirthDate, "19581107");
        ds.putAndInsertString(DCM_StudyDate, "20240115");
        ds.putAndInsertString(DCM_AcquisitionDate, "20240115");
        dicom::DeidentifyOptions o;
        o.keepDates = true;
        dicom::Deidentifier d(o);
        QVERIFY(d.apply(ds).ok());
        QCOMPARE(dicom::stringValue(ds, DCM_StudyDate), QStringLiteral("20240115"));
        QCOMPARE(dicom::stringValue(ds, DCM_AcquisitionDate), QStringLiteral("20240115"));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientBirthDate), QString());
    }

    void assess_ShouldLeaveOutDocumentsReportsAndBurnedInPixels_data()
    {
        QTest::addColumn<QString>("sopClass");
        QTest::addColumn<QString>("burnedIn");
        QTest::addColumn<bool>("drop");
        QTest::newRow("encapsulated PDF") << "1.2.840.10008.5.1.4.1.1.104.1" << "" << true;
        QTest::newRow("encapsulated CDA") << "1.2.840.10008.5.1.4.1.1.104.2" << "" << true;
        QTest::newRow("comprehensive SR") << "1.2.840.10008.5.1.4.1.1.88.33" << "" << true;
        QTest::newRow("key object selection") << "1.2.840.10008.5.1.4.1.1.88.59" << "" << true;
        QTest::newRow("grayscale presentation state") << "1.2.840.10008.5.1.4.1.1.11.1" << "" << true;
        QTest::newRow("CT burned in") << "1.2.840.10008.5.1.4.1.1.2" << "YES" << true;
        QTest::newRow("CT burned in, lower case") << "1.2.840.10008.5.1.4.1.1.2" << "yes" << true;
        QTest::newRow("CT clean") << "1.2.840.10008.5.1.4.1.1.2" << "NO" << false;
        QTest::newRow("CT unstated") << "1.2.840.10008.5.1.4.1.1.2" << "" << false;
        QTest::newRow("secondary capture unstated") << "1.2.840.10008.5.1.4.1.1.7" << "" << false;
    }

    void assess_ShouldLeaveOutDocumentsReportsAndBurnedInPixels()
    {
        QFETCH(QString, sopClass);
        QFETCH(QString, burnedIn);
        QFETCH(bool, drop);
        DcmDataset ds;
        ds.putAndInsertString(DCM_SOPClassUID, sopClass.toLatin1().constData());
        if (!burnedIn.isEmpty())
            ds.putAndInsertString(DCM_BurnedInAnnotation, burnedIn.toLatin1().constData());
        const dicom::DeidentifyVerdict v = dicom::Deidentifier::assess(ds);
        QCOMPARE(v.drop, drop);
        QCOMPARE(v.reason.isEmpty(), !drop && !sopClass.endsWith(QLatin1String(".7")));
    }

    void hundredThousandPrivateElements_ShouldAllGoInSeconds()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_Modality, "MR");
        for (int k = 0; k < 100000; ++k)
            addPrivate(ds, k);
        ds.putAndInsertString(DCM_SliceThickness, "1.5");
        QElapsedTimer timer;
        timer.start();
        dicom::Deidentifier deidentifier;
        QVERIFY(deidentifier.apply(ds).ok());
        const qint64 ms = timer.elapsed();
        QCOMPARE(privateCount(ds), 0);
        QCOMPARE(dicom::stringValue(ds, DCM_SliceThickness), QStringLiteral("1.5"));
        // Room for a loaded machine and ASan; the quadratic removal took 299 s.
        QVERIFY2(ms < 30000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }
};

QTEST_GUILESS_MAIN(TestDeidentify)
#include "tst_deidentify.moc"
