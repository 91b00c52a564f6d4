// The study viewer as a reader meets it: a study from the archive opens on
// worker threads, the first viewport shows the phantom with the file's
// window, the pixel at a known place has the grey level the DICOM window
// function gives, measurements and key images persist.
#include <kilima/archive/archive.h>
#include <kilima/archive/annotations.h>
#include <kilima/archive/auditlog.h>
#include <kilima/viewer/mprview.h>
#include <kilima/viewer/studyviewer.h>
#include <kilima/viewer/volumeview.h>

#include "../support/phantom.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima;

class TestStudyViewer : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    test::CtPhantom m_phantom;

    QString ingestPhantom()
    {
        m_phantom.slices = 24;
        m_phantom.rows = m_phantom.columns = 128;
        m_phantom.pixelSpacing = 0.5;
        m_phantom.sliceSpacing = 2.0;
        m_phantom.studyUid = test::newUid();
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("phantom")), m_phantom);
        for (const QString &f : files) {
            QFile in(f);
            if (!in.open(QIODevice::ReadOnly))
                return {};
            const auto out = m_archive->ingest({in.readAll(), QStringLiteral("test")});
            if (!out.success())
                return {};
        }
        return m_phantom.studyUid;
    }

    static bool waitComplete(viewer::StudyViewer &v)
    {
        return QTest::qWaitFor([&] {
            const auto vols = v.volumes();
            return !vols.isEmpty() && vols.front()->isComplete();
        }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        core::DataDir dir(m_tmp.filePath(QStringLiteral("data")));
        auto a = archive::Archive::open(dir, core::Config{});
        QVERIFY2(a, qPrintable(a.error()));
        m_archive = a.take();
        QVERIFY(!ingestPhantom().isEmpty());
    }

    void openStudy_ShouldShowPhantomWithFileWindowAndRightGreyLevels()
    {
        const QString uid = m_phantom.studyUid;
        viewer::StudyViewer v(*m_archive);
        v.resize(1000, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy loaded(&v, &viewer::StudyViewer::studyLoaded);
        v.openStudy(uid);
        QCOMPARE(v.studyInstanceUid(), uid);
        QVERIFY(loaded.wait(20000));
        QVERIFY(waitComplete(v));
        QCOMPARE(v.volumes().size(), 1);
        QTRY_VERIFY(!v.activeView()->renderedImage().isNull());
        viewer::SliceView *view = v.activeView();
        QCOMPARE(view->window().center, 40.0);
        QCOMPARE(view->window().width, 400.0);
        // Centre pixel: bone rod, 1000 HU, above the window → white. A
        // pixel in the water ring: 0 HU → grey ((0-39.5)/399+0.5)*255 = 102.
        const QImage img = view->renderedImage();
        QCOMPARE(qRed(img.pixel(64, 64)), 255);
        QCOMPARE(qRed(img.pixel(64, 64 + 30)), 102);
        QCOMPARE(qRed(img.pixel(2, 2)), 0);   // air
        // What reaches the screen: grab the widget at the water pixel.
        const QImage screen = view->grab().toImage();
        const QPoint at = view->widgetAtImage(QPointF(64, 64 + 30)).toPoint();
        QCOMPARE(qRed(screen.pixel(at)), 102);
        if (qEnvironmentVariableIsSet("KILIMA_SAVE_RENDERS"))
            v.grab().save(QStringLiteral("/tmp/hv-viewer.png"));
        // Soft tissue → bone preset changes the grey a reader sees.
        v.applyPreset(QStringLiteral("CT Bone"));   // C 400 W 1800: 0 HU → ((0-399.5)/1799+0.5)*255 = 71
        QCOMPARE(qRed(view->renderedImage().pixel(64, 64 + 30)), 71);
        // Audit: opening the study was recorded.
        auto audit = m_archive->auditLog().list({QDateTime(), uid, QString(), 10});
        QVERIFY(audit);
        QVERIFY(!audit.value().isEmpty());
    }

    void mpr_ShouldShowThePhantomsShapeInEachPlane()
    {
        viewer::StudyViewer v(*m_archive);
        v.resize(1200, 900);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.openStudy(m_phantom.studyUid);
        QVERIFY(waitComplete(v));
        v.setMode(viewer::StudyViewer::Mode::Mpr);
        QCOMPARE(v.mode(), viewer::StudyViewer::Mode::Mpr);
        viewer::MprView *mpr = v.mprView();
        QTRY_VERIFY(!mpr->view(imaging::Orientation::Coronal)->renderedImage().isNull());
        const imaging::Vec3 c = mpr->crosshair();
        for (auto o : {imaging::Orientation::Axial, imaging::Orientation::Coronal, imaging::Orientation::Sagittal}) {
            viewer::SliceView *view = mpr->view(o);
            const imaging::Plane plane = view->plane();
            double x, y;
            plane.pixelOf(c, &x, &y);
            const QImage img = view->renderedImage();
            // Centre: bone rod (white); 10 mm to the side: water (102); 25 mm (water radius 21.3 mm): air (black).
            QCOMPARE(qRed(img.pixel(int(std::lround(x)), int(std::lround(y)))), 255);
            QCOMPARE(qRed(img.pixel(int(std::lround(x + 10 / plane.pixelSize)), int(std::lround(y)))), 102);
            QCOMPARE(qRed(img.pixel(int(std::lround(x + 25 / plane.pixelSize)), int(std::lround(y)))), 0);
        }
        // Coronal and sagittal: the cylinder runs head to foot, so 10 mm
        // above the centre is still the rod, and the image spans 24 slices × 2 mm.
        viewer::SliceView *cor = mpr->view(imaging::Orientation::Coronal);
        double x, y;
        cor->plane().pixelOf(c + imaging::Vec3{0, 0, 10}, &x, &y);
        QVERIFY(y < cor->plane().height / 2.0);   // head is up
        QCOMPARE(qRed(cor->renderedImage().pixel(int(std::lround(x)), int(std::lround(y)))), 255);
        QVERIFY(std::abs(cor->plane().height * cor->plane().pixelSize - 46) <= 2 * cor->plane().pixelSize);
        // Moving the crosshair moves the other planes: axial at z + 10 mm.
        mpr->setCrosshair(c + imaging::Vec3{0, 0, 10});
        QVERIFY(std::abs(mpr->view(imaging::Orientation::Axial)->plane().center.z - (c.z + 10)) < 1e-9);
        // Oblique: rotating about the axial normal turns the coronal plane.
        mpr->rotate(imaging::Orientation::Axial, 30);
        const imaging::Vec3 u = mpr->view(imaging::Orientation::Coronal)->plane().u;
        QVERIFY(std::abs(u.x - std::cos(M_PI / 6)) < 1e-9 && std::abs(std::abs(u.y) - 0.5) < 1e-9);
        // The rod still sits at the crosshair in the oblique plane.
        viewer::SliceView *obl = mpr->view(imaging::Orientation::Coronal);
        obl->plane().pixelOf(mpr->crosshair(), &x, &y);
        QCOMPARE(qRed(obl->renderedImage().pixel(int(std::lround(x)), int(std::lround(y)))), 255);
        if (qEnvironmentVariableIsSet("KILIMA_SAVE_RENDERS"))
            v.grab().save(QStringLiteral("/tmp/hv-mpr.png"));
        // Thick slab MIP reaches the rod from a plane 8 mm in front of it.
        mpr->resetRotation();
        mpr->setCrosshair(c + imaging::Vec3{0, -8, 0});
        cor->plane().pixelOf(mpr->crosshair(), &x, &y);
        QCOMPARE(qRed(cor->renderedImage().pixel(int(std::lround(x)), int(std::lround(y)))), 102);
        mpr->setSlab({10, imaging::SlabMode::Mip});
        QCOMPARE(qRed(cor->renderedImage().pixel(int(std::lround(x)), int(std::lround(y)))), 255);
    }

    void volumeRendering_ShouldNotBeBlankAndShouldChangeWithThePreset()
    {
        if (qEnvironmentVariableIsSet("KILIMA_NO_GL"))
            QSKIP("no X server (xvfb-run missing): the 3D view needs OpenGL");
        viewer::StudyViewer v(*m_archive);
        v.resize(1000, 800);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.openStudy(m_phantom.studyUid);
        QVERIFY(waitComplete(v));
        QSignalSpy ready(v.volumeView(), &viewer::VolumeView::ready);
        v.setMode(viewer::StudyViewer::Mode::Volume3D);
        QVERIFY(ready.count() > 0 || ready.wait(20000));
        viewer::VolumeView *vv = v.volumeView();
        auto litPixels = [](const QImage &img) {
            int n = 0;
            for (int y = 0; y < img.height(); y += 2)
                for (int x = 0; x < img.width(); x += 2)
                    n += qGray(img.pixel(x, y)) > 20;
            return n;
        };
        vv->setPreset(QStringLiteral("CT Bone"));
        const QImage bone = vv->grabFramebuffer();
        if (qEnvironmentVariableIsSet("KILIMA_SAVE_RENDERS"))
            bone.save(QStringLiteral("/tmp/hv-bone.png"));
        qInfo("3D ready %d, frame %.1f ms, size %dx%d", vv->isReady(), vv->lastFrameMs(), bone.width(), bone.height());
        QVERIFY2(litPixels(bone) > 200, qPrintable(QString::number(litPixels(bone))));
        vv->setPreset(QStringLiteral("CT Soft tissue"));
        const QImage soft = vv->grabFramebuffer();
        // Soft tissue shows the water cylinder too: more lit pixels than the bone rod alone.
        QVERIFY2(litPixels(soft) > litPixels(bone) * 2, qPrintable(QStringLiteral("%1 vs %2").arg(litPixels(soft)).arg(litPixels(bone))));
        vv->setPreset(QStringLiteral("MIP"));
        const QImage mip = vv->grabFramebuffer();
        QVERIFY(mip != soft);
        // Interactive level of detail renders too, and the alpha is opaque.
        vv->setInteractive(true);
        vv->rotateCamera(30, 10);
        const QImage lod = vv->grabFramebuffer();
        QVERIFY(litPixels(lod) > 200);
        QCOMPARE(qAlpha(lod.pixel(lod.width() / 2, lod.height() / 2)), 255);
        vv->setInteractive(false);
        // Clipping away the left half removes lit pixels.
        vv->setPreset(QStringLiteral("CT Soft tissue"));
        vv->resetCamera();
        const int before = litPixels(vv->grabFramebuffer());
        const double box[6] = {0, 0.5, 0, 1, 0, 1};
        vv->setClipBox(box);
        const int after = litPixels(vv->grabFramebuffer());
        QVERIFY2(after < before * 0.8, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }

    void lengthAndRoiTools_ShouldMeasureInRealUnitsAndPersist()
    {
        viewer::StudyViewer v(*m_archive);
        v.resize(1000, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy changed(&v, &viewer::StudyViewer::measurementsChanged);
        v.openStudy(m_phantom.studyUid);
        QVERIFY(waitComplete(v));
        viewer::SliceView *view = v.activeView();
        QTRY_VERIFY(!view->renderedImage().isNull());
        const int before = v.measurements().size();
        // Length from column 20 to 60 on row 64: 40 px × 0.5 mm = 20.0 mm.
        v.setTool(viewer::Tool::Length);
        const QPoint a = view->widgetAtImage(QPointF(20, 64)).toPoint(), b = view->widgetAtImage(QPointF(60, 64)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, a);
        QTest::mouseMove(view, b);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, b);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(v.measurements().size(), before + 1);
        const archive::Measurement m = v.measurements().back();
        QCOMPARE(m.kind, QStringLiteral("length"));
        QVERIFY2(m.valueText.endsWith(QLatin1String(" mm")), qPrintable(m.valueText));
        QVERIFY2(std::abs(m.valueText.section(QLatin1Char(' '), 0, 0).toDouble() - 20.0) <= 0.5, qPrintable(m.valueText));
        QCOMPARE(m.sopUid, view->currentSopUid());
        QCOMPARE(m.studyUid, m_phantom.studyUid);
        // Ellipse in the water ring: mean 0 HU, SD 0.
        v.setTool(viewer::Tool::Ellipse);
        const QPoint c = view->widgetAtImage(QPointF(28, 54)).toPoint(), d = view->widgetAtImage(QPointF(40, 74)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, c);
        QTest::mouseMove(view, d);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, d);
        const archive::Measurement roi = v.measurements().back();
        QCOMPARE(roi.kind, QStringLiteral("ellipse"));
        QVERIFY2(roi.valueText.startsWith(QLatin1String("mean 0.0 HU, SD 0.0")), qPrintable(roi.valueText));
        QVERIFY(roi.valueText.contains(QStringLiteral("mm²")));
        // Persisted: a fresh Annotations on the same database lists them.
        archive::Annotations again(m_archive->databasePath());
        QCOMPARE(again.measurements(m_phantom.studyUid).value().size(), before + 2);
        // Key image flag on the image shown, with its window.
        QSignalSpy keys(&v, &viewer::StudyViewer::keyImagesChanged);
        v.toggleKeyImage();
        QCOMPARE(keys.count(), 1);
        QCOMPARE(v.keyImages().size(), 1);
        QCOMPARE(v.keyImages().front().windowWidth, 400.0);
        v.toggleKeyImage();
        QCOMPARE(v.keyImages().size(), 0);
        // Help overlay lists the shortcuts.
        QVERIFY(!v.helpVisible());
        v.setHelpVisible(true);
        QVERIFY(v.helpVisible());
        // Scrolling with the keyboard moves through the slices.
        const int k = view->slice();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->slice(), k + 1);
    }

    void seriesSharingAFrameOfReference_ShouldScrollTogether()
    {
        // Series A: 2 mm slices from z = -100; series B: 3 mm slices, same frame of reference.
        test::CtPhantom a;
        a.slices = 20;
        a.rows = a.columns = 32;
        a.studyUid = test::newUid();
        QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("syncA")), a);
        test::CtPhantom b = a;
        b.slices = 12;
        b.sliceSpacing = 3;
        const QStringList filesB = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("syncB")), b);
        DcmFileFormat first;
        QVERIFY(first.loadFile(files.front().toLocal8Bit().constData()).good());
        OFString forUid;
        first.getDataset()->findAndGetOFString(DCM_FrameOfReferenceUID, forUid);
        for (const QString &f : filesB) {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(f.toLocal8Bit().constData()).good());
            ff.getDataset()->putAndInsertString(DCM_FrameOfReferenceUID, forUid.c_str());
            ff.getDataset()->putAndInsertString(DCM_SeriesNumber, "2");
            QVERIFY(ff.saveFile(f.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
        }
        files += filesB;
        viewer::StudyViewer v(*m_archive);
        v.resize(1000, 600);
        v.show();
        QSignalSpy loaded(&v, &viewer::StudyViewer::studyLoaded);
        v.openFiles(files);
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(v.volumes().size() == 2 && v.volumes()[0]->isComplete() && v.volumes()[1]->isComplete());
        v.setGridLayout(1, 2);
        QCOMPARE(v.views().size(), 2);
        viewer::SliceView *va = v.views()[0], *vb = v.views()[1];
        QVERIFY(va->volume() && vb->volume() && va->volume() != vb->volume());
        if (va->volume()->slices() != 20)
            std::swap(va, vb);
        va->setSlice(9);   // z = -100 + 18 = -82 → B's nearest: j = 6 (z = -82)
        QCOMPARE(vb->slice(), 6);
        va->setSlice(10);  // z = -80 → B: -79 (j = 7)
        QCOMPARE(vb->slice(), 7);
        v.setSynchronizedScrolling(false);
        va->setSlice(0);
        QCOMPARE(vb->slice(), 7);
    }

    void measurementsAndKeyImages_ShouldPersistPerStudy()
    {
        archive::Annotations ann(m_archive->databasePath());
        archive::Measurement m;
        m.studyUid = QStringLiteral("1.2.3");
        m.seriesUid = QStringLiteral("1.2.3.4");
        m.sopUid = QStringLiteral("1.2.3.4.5");
        m.kind = QStringLiteral("length");
        m.valueText = QStringLiteral("42.3 mm");
        m.geometry.insert(QStringLiteral("points"), QJsonArray{QJsonArray{1, 2}, QJsonArray{3, 4}});
        auto id = ann.addMeasurement(m);
        QVERIFY2(id, qPrintable(id.error()));
        m.kind = QStringLiteral("banana");
        QVERIFY(!ann.addMeasurement(m));
        auto list = ann.measurements(QStringLiteral("1.2.3"));
        QVERIFY(list);
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().front().valueText, QStringLiteral("42.3 mm"));
        QCOMPARE(list.value().front().geometry.value(QStringLiteral("points")).toArray().size(), 2);
        archive::KeyImage k{QStringLiteral("1.2.3"), QStringLiteral("1.2.3.4"), QStringLiteral("1.2.3.4.5"), 0, 40, 400};
        QVERIFY(ann.setKeyImage(k));
        QVERIFY(ann.setKeyImage(k));   // idempotent
        auto keys = ann.keyImages(QStringLiteral("1.2.3"));
        QVERIFY(keys);
        QCOMPARE(keys.value().size(), 1);
        QCOMPARE(keys.value().front().windowWidth, 400.0);
        QVERIFY(ann.removeMeasurement(id.value()));
        QVERIFY(!ann.removeMeasurement(id.value()));
        QVERIFY(ann.removeKeyImage(k.sopUid, 0));
        QCOMPARE(ann.keyImages(QStringLiteral("1.2.3")).value().size(), 0);
    }
};

QTEST_MAIN(TestStudyViewer)
#include "tst_studyviewer.moc"
