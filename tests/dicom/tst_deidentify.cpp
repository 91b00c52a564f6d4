// De-identification's removal of private attributes and overlay text, at
// the top level and inside sequences, for an ordinary object and one of
// 100,000 private elements (removal looked each element up from the start
// of the list again: quadratic). What a user exporting a study would see:
// no private tag left anywhere, the rest of the object intact.
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/deidentify.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrlo.h>

#include <QElapsedTimer>
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
