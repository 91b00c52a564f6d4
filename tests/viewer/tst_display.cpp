// What a radiologist sees in the 2D viewer (issue 16): each image's own
// window until the reader picks one, the probe following the slice after
// wheel/key scrolling, angles and lengths in mm on anisotropic pixels,
// orientation letters of CR/DX from Patient Orientation, text pages for
// objects without pixels, SEG shown as a coloured overlay.
#include <kilima/archive/archive.h>
#include <kilima/imaging/seriesloader.h>
#include <kilima/viewer/mprview.h>
#include <kilima/viewer/sliceview.h>
#include <kilima/viewer/studyviewer.h>

#include "../support/phantom.h"
#include "segsupport.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

using namespace kilima;

namespace {

// A CT-like volume built in memory: slice k holds `hu[k]` everywhere and
// carries the window `windows[k]` (center, width) as its own.
imaging::VolumePtr makeVolume(int size, const QVector<double> &hu, const QVector<QPair<double, double>> &windows,
                              double columnSpacing = 1, double rowSpacing = 1)
{
    auto v = std::make_shared<imaging::Volume>();
    v->modality = QStringLiteral("CT");
    v->rescaleUnit = QStringLiteral("HU");
    v->columns = v->rows = size;
    v->photometric = QStringLiteral("MONOCHROME2");
    v->hasGeometry = v->spacingKnown = true;
    v->columnSpacing = columnSpacing;
    v->rowSpacing = rowSpacing;
    v->sliceThickness = 1;
    v->studyUid = v->seriesUid = test::newUid();
    for (int k = 0; k < hu.size(); ++k) {
        v->positions.push_back({0, 0, double(k)});
        imaging::SliceSource s;
        s.sopUid = test::newUid();
        s.intercept = -1024;
        if (k < windows.size()) {
            s.windowCenters = {windows[k].first};
            s.windowWidths = {windows[k].second};
        }
        v->sources.push_back(s);
    }
    v->windowCenters = v->sources.front().windowCenters;
    v->windowWidths = v->sources.front().windowWidths;
    v->allocate();
    for (int k = 0; k < hu.size(); ++k) {
        std::fill(v->sliceData(k), v->sliceData(k) + v->sliceSamples(), quint16(hu[k] + 1024));
        v->markSliceReady(k);
    }
    return v;
}

QString writeReport(const QString &path)
{
    DSRDocument doc(DSRTypes::DT_ComprehensiveSR);
    doc.setPatientName("PHANTOM^SR");
    DSRDocumentTree &t = doc.getTree();
    t.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("18748-4", "LN", "Diagnostic Imaging Report"));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Container, DSRTypes::AM_belowCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("121070", "DCM", "Findings"));
    t.addContentItem(DSRTypes::RT_contains, DSRTypes::VT_Num, DSRTypes::AM_belowCurrent);
    t.getCurrentContentItem().setConceptName(DSRCodedEntryValue("410668003", "SCT", "Length"));
    t.getCurrentContentItem().setNumericValue(DSRNumericMeasurementValue("12.5", DSRCodedEntryValue("mm", "UCUM", "millimeter")));
    DcmFileFormat ff;
    if (doc.write(*ff.getDataset()).bad() || ff.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return path;
}

// A 64x64 CR without Image Orientation (Patient), only Patient Orientation.
QString writeCr(const QString &path, const char *orientation)
{
    DcmFileFormat ff;
    DcmDataset *ds = ff.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_ComputedRadiographyImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, test::newUid().toLatin1().constData());
    ds->putAndInsertString(DCM_StudyInstanceUID, test::newUid().toLatin1().constData());
    ds->putAndInsertString(DCM_SeriesInstanceUID, test::newUid().toLatin1().constData());
    ds->putAndInsertString(DCM_Modality, "CR");
    ds->putAndInsertString(DCM_PatientOrientation, orientation);
    ds->putAndInsertUint16(DCM_Rows, 64);
    ds->putAndInsertUint16(DCM_Columns, 64);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    std::vector<Uint16> px(64 * 64);
    for (size_t i = 0; i < px.size(); ++i)
        px[i] = Uint16(i % 4096);
    ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
    if (ff.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return path;
}

// KILIMA_SCREENSHOTS=dir saves what the reader sees (docs/screenshots/).
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KILIMA_SCREENSHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name);
}

void wheel(QWidget *w, QPoint at, int delta)
{
    QWheelEvent e(at, w->mapToGlobal(at), {}, QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestDisplay : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;

    bool waitShown(viewer::StudyViewer &v, int volumes)
    {
        return QTest::qWaitFor([&] {
            const auto vols = v.volumes();
            if (vols.size() != volumes)
                return false;
            for (const auto &vol : vols) {
                if (!vol->isComplete())
                    return false;
            }
            return true;
        }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        core::DataDir dir(m_tmp.filePath(QStringLiteral("data")));
        auto a = archive::Archive::open(dir, core::Config{});
        QVERIFY2(a, qPrintable(a.error()));
        m_archive = a.take();
    }

    void window_ShouldBeEachImagesOwnUntilTheReaderSetsOne()
    {
        // Slice 0 carries a narrow window (like the MPRAGE's W22 L11); slice 1 its own.
        const auto v = makeVolume(32, {40, 40}, {{11, 22}, {40, 400}});
        viewer::SliceView view;
        view.resize(300, 300);
        view.setVolume(v, 0);
        QCOMPARE(view.window().width, 22.0);
        QCOMPARE(qGray(view.renderedImage().pixel(16, 16)), 255);
        view.setSlice(1);
        QCOMPARE(view.window().center, 40.0);
        QCOMPARE(view.window().width, 400.0);
        QCOMPARE(qGray(view.renderedImage().pixel(16, 16)), imaging::greyLevel(40, {40, 400}));
        // The reader's window stays while scrolling.
        view.setWindow({0, 1000});
        view.setSlice(0);
        QCOMPARE(view.window().width, 1000.0);
        // "Default (file)": back to the displayed image's own.
        view.useFileWindow();
        QCOMPARE(view.window().width, 22.0);
        view.setSlice(1);
        QCOMPARE(view.window().width, 400.0);
    }

    void mprDefaultFile_ShouldUseTheSourceSliceUnderTheCrosshair()
    {
        // Each slice its own window (slice file i: centre 10 + 100 i, width
        // 20 + 200 i); slice 0's is not the one to show in the middle.
        test::CtPhantom p;
        p.slices = 5;
        p.rows = p.columns = 32;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("mprwin")), p);
        QCOMPARE(files.size(), 5);
        for (int i = 0; i < files.size(); ++i) {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(files[i].toLocal8Bit().constData()).good());
            ff.getDataset()->putAndInsertString(DCM_WindowCenter, QByteArray::number(10 + 100 * i).constData());
            ff.getDataset()->putAndInsertString(DCM_WindowWidth, QByteArray::number(20 + 200 * i).constData());
            QVERIFY(ff.saveFile(files[i].toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
        }
        viewer::StudyViewer v(*m_archive);
        v.resize(900, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.openFiles(files);
        QVERIFY(waitShown(v, 1));
        const auto vol = v.volumes().front();
        v.setMode(viewer::StudyViewer::Mode::Mpr);
        for (int k : {3, 1}) {
            v.mprView()->setCrosshair(vol->voxelToPatient(p.columns / 2, p.rows / 2, k));
            v.applyPreset(QStringLiteral("Default (file)"));
            // The window the slice's own file gives, read back with DCMTK.
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(vol->sources[size_t(k)].path.toLocal8Bit().constData()).good());
            Float64 c = 0, w = 0;
            QVERIFY(ff.getDataset()->findAndGetFloat64(DCM_WindowCenter, c).good());
            QVERIFY(ff.getDataset()->findAndGetFloat64(DCM_WindowWidth, w).good());
            const viewer::SliceView *axial = v.mprView()->view(imaging::Orientation::Axial);
            QCOMPARE(axial->window().center, double(c));
            QCOMPARE(axial->window().width, double(w));
        }
    }

    void window_RealMprage_ShouldNotShowTheBrainSolidWhite()
    {
        const QString dir = QStringLiteral(KILIMA_SHARED_TESTDATA "/mr_fnndsc_sag_mprage");
        if (!QDir(dir).exists())
            QSKIP("shared test data (SAG MPRAGE) absent");
        QStringList files;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.dcm")}))
            files.append(dir + QLatin1Char('/') + f);
        const imaging::ScanResult r = imaging::loadFiles(files);
        QVERIFY(!r.volumes.empty());
        const auto v = r.volumes.front();
        viewer::SliceView view;
        view.resize(400, 400);
        view.setVolume(v, 0);
        const int mid = v->slices() / 2;
        for (int k = 1; k <= mid; ++k)   // scrolled there as a reader does
            view.setSlice(k);
        const auto own = imaging::fileWindows(*v, mid);
        QVERIFY(!own.isEmpty());
        QCOMPARE(view.window().center, own.front().center);
        QCOMPARE(view.window().width, own.front().width);
        // Brain, not a white sheet: fewer than half of the pixels saturate.
        const QImage img = view.renderedImage();
        int white = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                white += qGray(img.pixel(x, y)) == 255 ? 1 : 0;
        QVERIFY2(white < img.width() * img.height() / 2, qPrintable(QString::number(white)));
        screenshot(&view, QStringLiteral("viewer-mprage-own-window.png"));
    }

    void probe_ShouldFollowTheSliceAfterWheelAndKeys()
    {
        const auto v = makeVolume(32, {0, 100, 200}, {});
        viewer::SliceView view;
        view.resize(300, 300);
        view.setTool(viewer::Tool::Scroll);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setVolume(v, 0);
        const QPoint at = view.widgetAtImage(QPointF(10, 12)).toPoint();
        QTest::mouseMove(&view, at);
        QTRY_COMPARE(view.probeText(), QStringLiteral("(10, 12) 0 HU"));
        wheel(&view, at, -120);
        QCOMPARE(view.slice(), 1);
        QCOMPARE(view.probeText(), QStringLiteral("(10, 12) 100 HU"));
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.slice(), 2);
        QCOMPARE(view.probeText(), QStringLiteral("(10, 12) 200 HU"));
    }

    void angleAndLength_ShouldMeasureInMmOnAnisotropicPixels()
    {
        // Pixels 0.5 mm wide, 1 mm high.
        const auto v = makeVolume(100, {0}, {}, 0.5, 1.0);
        viewer::SliceView view;
        view.resize(400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setVolume(v, 0);
        QSignalSpy created(&view, &viewer::SliceView::measurementCreated);
        auto clickAt = [&](QPointF image) {
            const QPoint p = view.widgetAtImage(image).toPoint();
            QTest::mouseMove(&view, p);
            QTest::mouseClick(&view, Qt::LeftButton, {}, p);
        };
        auto pointAt = [&](QPointF image) { return view.widgetAtImage(image).toPoint(); };
        view.setTool(viewer::Tool::Angle);
        // 20 px right = 10 mm, 20 px down = 20 mm: a right angle.
        clickAt({40, 20});
        clickAt({20, 20});
        clickAt({20, 40});
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.at(0).at(0).value<archive::Measurement>().valueText, QStringLiteral("90.0°"));
        // 45° in pixels is atan(40 mm / 20 mm) = 63.4° on the patient.
        clickAt({60, 20});
        clickAt({20, 20});
        clickAt({60, 60});
        QCOMPARE(created.count(), 2);
        QCOMPARE(created.at(1).at(0).value<archive::Measurement>().valueText, QStringLiteral("63.4°"));
        // Lengths: 40 px across = 20 mm, 20 px down = 20 mm.
        view.setTool(viewer::Tool::Length);
        QTest::mousePress(&view, Qt::LeftButton, {}, pointAt({20, 20}));
        QTest::mouseMove(&view, pointAt({60, 20}));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, pointAt({60, 20}));
        QCOMPARE(created.count(), 3);
        QCOMPARE(created.at(2).at(0).value<archive::Measurement>().valueText, QStringLiteral("20.0 mm"));
    }

    void crMarkers_ShouldComeFromPatientOrientation()
    {
        const QString cr = writeCr(m_tmp.filePath(QStringLiteral("cr.dcm")), "L\\F");
        QVERIFY(!cr.isEmpty());
        viewer::StudyViewer v(*m_archive);
        v.resize(900, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.openFiles({cr});
        QVERIFY(waitShown(v, 1));
        viewer::SliceView *view = v.views().front();
        QTRY_COMPARE(view->orientationMarkers(), (QStringList{QStringLiteral("R"), QStringLiteral("H"), QStringLiteral("L"), QStringLiteral("F")}));
        view->flipHorizontal();
        QCOMPARE(view->orientationMarkers(), (QStringList{QStringLiteral("L"), QStringLiteral("H"), QStringLiteral("R"), QStringLiteral("F")}));

        const QString real = QStringLiteral(KILIMA_SHARED_TESTDATA "/robustness/wg04_nema_compression/REF/RG3_UNC");
        if (!QFile::exists(real))
            QSKIP("shared test data (WG04 RG3, Patient Orientation R\\F) absent");
        viewer::StudyViewer rv(*m_archive);   // a fresh viewer: no flip left over
        rv.resize(900, 700);
        rv.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rv));
        rv.openFiles({real});
        QTRY_VERIFY_WITH_TIMEOUT(!rv.volumes().isEmpty() && rv.volumes().front()->isComplete(), 60000);
        QTRY_COMPARE(rv.views().front()->orientationMarkers(),
                     (QStringList{QStringLiteral("L"), QStringLiteral("H"), QStringLiteral("R"), QStringLiteral("F")}));
        screenshot(rv.views().front(), QStringLiteral("viewer-cr-markers.png"));
    }

    void objectsWithoutPixels_ShouldShowTextNotABlackViewport()
    {
        const QString sr = writeReport(m_tmp.filePath(QStringLiteral("sr.dcm")));
        QVERIFY(!sr.isEmpty());
        viewer::StudyViewer v(*m_archive);
        v.resize(900, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy loaded(&v, &viewer::StudyViewer::studyLoaded);
        v.openFiles({sr});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(v.documents().size(), 1);
        viewer::SliceView *view = v.views().front();
        QVERIFY(view->hasDocument());
        QVERIFY2(view->documentText().contains(QStringLiteral("Length: 12.5 mm")), qPrintable(view->documentText()));
        QVERIFY(view->documentText().contains(QStringLiteral("Findings")));
        // The reader sees text: the viewport is not a black rectangle.
        const QImage shot = view->grab().toImage();
        int lit = 0;
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x)
                lit += qGray(shot.pixel(x, y)) > 100 ? 1 : 0;
        QVERIFY2(lit > 200, qPrintable(QString::number(lit)));
        screenshot(view, QStringLiteral("viewer-sr-text.png"));
    }

    void seg_ShouldBeAColouredOverlayOnItsSeries()
    {
        test::CtPhantom ph;
        ph.slices = 8;
        ph.rows = ph.columns = 64;
        ph.studyUid = test::newUid();
        const QStringList ct = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("segct")), ph);
        QString why;
        const QString seg = test::writeSeg(m_tmp.filePath(QStringLiteral("seg.dcm")), 20, 30, 6, {4}, ct, &why);
        if (seg.isEmpty())
            QSKIP(qPrintable(why));
        viewer::StudyViewer v(*m_archive);
        v.resize(900, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.openFiles(ct + QStringList{seg});
        QVERIFY(waitShown(v, 1));   // the SEG is not a series of its own (no white image)
        viewer::SliceView *view = v.views().front();
        QVERIFY(view->hasSegmentations());
        view->setSlice(ph.slices - 4);   // instance 4
        const QPoint inside(20, 30), outside(20, 50);
        QRgb c = view->renderedImage().pixel(inside);
        QVERIFY2(qRed(c) > qGreen(c) + 60 && qRed(c) > qBlue(c) + 60, qPrintable(QString::number(c, 16)));
        c = view->renderedImage().pixel(outside);
        QCOMPARE(qRed(c), qGreen(c));
        // What the reader sees on screen, too.
        const QImage shot = view->grab().toImage();
        c = shot.pixel(view->widgetAtImage(QPointF(20, 30)).toPoint());
        QVERIFY2(qRed(c) > qGreen(c) + 60, qPrintable(QString::number(c, 16)));
        screenshot(view, QStringLiteral("viewer-seg-overlay.png"));
        // Another slice: no overlay. Toggle off: grey again.
        view->setSlice(0);
        c = view->renderedImage().pixel(inside);
        QCOMPARE(qRed(c), qGreen(c));
        view->setSlice(ph.slices - 4);
        v.setShowSegmentations(false);
        c = view->renderedImage().pixel(inside);
        QCOMPARE(qRed(c), qGreen(c));
    }
};

QTEST_MAIN(TestDisplay)
#include "tst_display.moc"
