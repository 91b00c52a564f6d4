// MPR and 3D frame rates on this machine (no GPU: Mesa llvmpipe under
// xvfb-run): oblique reslice of 512×512 pixels, a 20 mm thick MIP slab,
// and the 3D view rotating in its interactive level of detail vs full
// quality. Data: a generated 512×512×N CT phantom (default N = 300) or the
// files of --dir.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" bench_mpr [--slices N] [--dir DIR] [--frames F]
#include <kilima/imaging/mpr.h>
#include <kilima/imaging/seriesloader.h>
#include <kilima/viewer/volumeview.h>

#include "../tests/support/phantom.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <cstdio>

using namespace kilima;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int slices = 300, frames = 40;
    QString dir;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--slices") && i + 1 < args.size())
            slices = args[++i].toInt();
        else if (args[i] == QLatin1String("--dir") && i + 1 < args.size())
            dir = args[++i];
        else if (args[i] == QLatin1String("--frames") && i + 1 < args.size())
            frames = args[++i].toInt();
        else {
            std::fprintf(stderr, "usage: bench_mpr [--slices N] [--dir DIR] [--frames F]\n");
            return 2;
        }
    }
    QTemporaryDir tmp;
    QStringList files;
    if (dir.isEmpty()) {
        test::CtPhantom p;
        p.slices = slices;
        p.rows = p.columns = 512;
        p.pixelSpacing = 0.7;
        p.sliceSpacing = 0.7;
        files = test::writeCtPhantom(tmp.filePath(QStringLiteral("ct")), p);
    } else {
        for (const QString &f : QDir(dir).entryList(QDir::Files))
            files << dir + QLatin1Char('/') + f;
    }
    auto r = imaging::loadFiles(files);
    if (r.volumes.empty()) {
        std::fprintf(stderr, "no volume\n");
        return 1;
    }
    imaging::VolumePtr v = r.volumes.front();
    std::printf("volume %dx%dx%d, threads %d\n", v->columns, v->rows, v->slices(), QThread::idealThreadCount());
    const imaging::Vec3 c = imaging::volumeCenter(*v);
    imaging::Plane plane = imaging::standardPlane(*v, imaging::Orientation::Coronal, c);
    plane.width = plane.height = 512;
    plane = imaging::rotated(imaging::rotated(plane, {0, 0, 1}, 30), {1, 0, 0}, 20);
    auto timeIt = [&](const imaging::SlabOptions &slab) {
        QElapsedTimer t;
        t.start();
        imaging::Image2D img;   // reused frame to frame, as the viewport does
        std::vector<quint32> px(size_t(plane.width) * size_t(plane.height));
        for (int f = 0; f < frames; ++f) {
            imaging::Plane p = plane;
            p.center = c + p.normal() * (f - frames / 2.0);
            imaging::reslice(*v, p, slab, 0, &img);
            imaging::DisplayOptions opt;
            opt.window = {40, 400};
            imaging::render(img, opt, px.data());   // what the viewport does per frame
        }
        return frames * 1000.0 / t.elapsed();
    };
    const double oblique = timeIt({});
    const double mip = timeIt({20, imaging::SlabMode::Mip});
    std::printf("oblique reslice 512x512 + window: %.1f fps (goal >= 30)\n", oblique);
    std::printf("oblique 20 mm MIP slab 512x512 + window: %.1f fps (goal >= 15)\n", mip);

    viewer::VolumeView view;
    view.resize(800, 600);
    view.show();
    QSignalSpy ready(&view, &viewer::VolumeView::ready);
    view.setVolume(v);
    if (!ready.wait(120000)) {
        std::fprintf(stderr, "3D view not ready\n");
        return 1;
    }
    view.setPreset(QStringLiteral("CT Bone"));
    auto fps3d = [&](bool interactive, int n) {
        view.setInteractive(interactive);
        view.grabFramebuffer();   // warm up (shader compile, texture upload)
        double total = 0;
        for (int f = 0; f < n; ++f) {
            view.rotateCamera(5, 0);
            view.grabFramebuffer();
            total += view.lastFrameMs();
        }
        return n * 1000.0 / total;
    };
    const double lod = fps3d(true, frames);
    const double full = fps3d(false, 5);
    std::printf("3D 800x600 rotating, interactive LOD: %.1f fps (goal >= 10); full quality: %.2f fps\n", lod, full);
    return 0;
}
