// Time to first image and to the full volume: Kilima's series loader
// (header scan + multithreaded decode, first slice first) beside ITK's
// ImageSeriesReader with GDCMImageIO on the same files in the same run.
// Data: the 108-slice real CT (../shared/testdata) and a generated
// 512×512×N CT phantom (default N = 1000). Also the peak memory with the
// big volume open and resliced as MPR, measured before ITK runs.
//
//   bench_volume [--slices N] [--keep DIR] [--runs R]
#include <kilima/imaging/mpr.h>
#include <kilima/imaging/seriesloader.h>

#include "../tests/support/phantom.h"
#include "../tests/support/testdata.h"

#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThreadPool>
#include <atomic>
#include <cstdio>

using namespace kilima;

namespace {

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return 0;
}

struct KilimaTimes {
    double scanMs = 0, firstMs = 0, fullMs = 0;
    imaging::VolumePtr volume;
};

KilimaTimes kilimaLoad(const QStringList &files)
{
    KilimaTimes t;
    QElapsedTimer clock;
    clock.start();
    imaging::ScanResult r = imaging::scanFiles(files);
    t.scanMs = clock.nsecsElapsed() / 1e6;
    if (r.volumes.empty())
        return t;
    imaging::VolumePtr v = r.volumes.front();
    for (const auto &o : r.volumes)
        if (o->slices() > v->slices())
            v = o;
    std::atomic<qint64> first{-1};
    imaging::decode(v, QThreadPool::globalInstance(), 0, [&](int k) {
        if (k == 0)
            first = clock.nsecsElapsed();
    });
    const double queued = clock.nsecsElapsed() / 1e6;
    v->waitUntilComplete();
    if (qEnvironmentVariableIsSet("KILIMA_BENCH_TRACE"))
        std::fprintf(stderr, "scan %.0f ms, decode queued at %.0f ms, first slice at %.0f ms\n", t.scanMs, queued, first.load() / 1e6);
    t.fullMs = clock.nsecsElapsed() / 1e6;
    t.firstMs = first.load() / 1e6;
    t.volume = v;
    return t;
}

double itkLoad(const QString &dir, size_t *voxels)
{
    using ImageType = itk::Image<short, 3>;
    QElapsedTimer clock;
    clock.start();
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetUseSeriesDetails(false);
    names->SetDirectory(dir.toStdString());
    const auto series = names->GetSeriesUIDs();
    if (series.empty())
        return -1;
    auto io = itk::GDCMImageIO::New();
    auto reader = itk::ImageSeriesReader<ImageType>::New();
    reader->SetImageIO(io);
    reader->SetFileNames(names->GetFileNames(series.front()));
    try {
        reader->Update();
    } catch (const itk::ExceptionObject &e) {
        std::fprintf(stderr, "ITK: %s\n", e.what());
        return -1;
    }
    const auto size = reader->GetOutput()->GetLargestPossibleRegion().GetSize();
    *voxels = size[0] * size[1] * size[2];
    return clock.nsecsElapsed() / 1e6;
}

void warm(const QStringList &files)
{
    // Read every file once so both readers start from the page cache.
    for (const QString &f : files) {
        QFile in(f);
        if (in.open(QIODevice::ReadOnly))
            in.readAll();
    }
}

void compare(const QString &name, const QString &dir, const QStringList &files, int runs, bool reportMemory)
{
    warm(files);
    double kScan = 1e9, kFirst = 1e9, kFull = 1e9, iFull = 1e9;
    size_t itkVoxels = 0;
    imaging::VolumePtr keep;
    for (int r = 0; r < runs; ++r) {
        KilimaTimes k = kilimaLoad(files);
        kFirst = std::min(kFirst, k.firstMs);
        kScan = std::min(kScan, k.scanMs);
        kFull = std::min(kFull, k.fullMs);
        if (r == 0 && reportMemory)
            keep = k.volume;
        if (reportMemory && r == 0) {
            // Open in MPR: three orthogonal reslices plus an oblique one.
            const imaging::Vec3 c = imaging::volumeCenter(*keep);
            for (auto o : {imaging::Orientation::Axial, imaging::Orientation::Coronal, imaging::Orientation::Sagittal})
                imaging::reslice(*keep, imaging::standardPlane(*keep, o, c));
            std::printf("%s: voxel bytes %.0f MB, peak RSS with the volume open in MPR %.0f MB (goal <= %.0f MB)\n",
                        qPrintable(name), keep->voxelBytes() / 1048576.0, peakRssMb(),
                        keep->voxelBytes() / 1048576.0 * 1.3 + 300);
            keep.reset();
        }
    }
    for (int r = 0; r < runs; ++r)
        iFull = std::min(iFull, itkLoad(dir, &itkVoxels));
    std::printf("%s (%d files): Kilima header scan %.0f ms, first image %.0f ms, full volume %.0f ms | ITK ImageSeriesReader+GDCMImageIO full "
                "volume %.0f ms (%zu voxels; first image only with the whole volume) | full-volume ratio ITK/Kilima %.2fx\n",
                qPrintable(name), int(files.size()), kScan, kFirst, kFull, iFull, itkVoxels, iFull / kFull);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int slices = 1000, runs = 2;
    QString keepDir;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--slices") && i + 1 < args.size())
            slices = args[++i].toInt();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keepDir = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_volume [--slices N] [--runs R] [--keep DIR]\n");
            return 2;
        }
    }
    std::printf("threads: %d (QThreadPool ideal count)\n", QThread::idealThreadCount());
    const QString real = test::sharedTestData() + QStringLiteral("/ct_invesalius_0051");
    if (QDir(real).exists())
        compare(QStringLiteral("real CT 512x512x108"), real, test::filesBelow(real), runs, false);
    QTemporaryDir tmp;
    const QString dir = keepDir.isEmpty() ? tmp.filePath(QStringLiteral("big")) : keepDir;
    QStringList files = QDir(dir).entryList({QStringLiteral("*.dcm")}, QDir::Files);
    if (files.size() != slices) {
        test::CtPhantom p;
        p.slices = slices;
        p.rows = p.columns = 512;
        p.pixelSpacing = 0.7;
        p.sliceSpacing = 0.5;
        QElapsedTimer w;
        w.start();
        files = test::writeCtPhantom(dir, p);
        std::printf("generated %d slices in %.1f s\n", slices, w.elapsed() / 1000.0);
    } else {
        for (QString &f : files)
            f = dir + QLatin1Char('/') + f;
    }
    compare(QStringLiteral("generated CT 512x512x%1").arg(slices), dir, files, runs, true);
    return 0;
}
