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
    }

    void openStudy_ShouldShowPhantomWithFileWindowAndRightGreyLevels()
    {
        const QString uid = ingestPhantom();
        QVERIFY(!uid.isEmpty());
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
        // Soft tissue → bone preset changes the grey a reader sees.
        v.applyPreset(QStringLiteral("CT Bone"));   // C 400 W 1800: 0 HU → ((0-399.5)/1799+0.5)*255 = 71
        QCOMPARE(qRed(view->renderedImage().pixel(64, 64 + 30)), 71);
        // Audit: opening the study was recorded.
        auto audit = m_archive->auditLog().list({QDateTime(), uid, QString(), 10});
        QVERIFY(audit);
        QVERIFY(!audit.value().isEmpty());
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
