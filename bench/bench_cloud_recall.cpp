// Recall latency: the time for the archive to hand out the files of one
// series whose only copy is in the bucket (evicted), i.e. what a viewer,
// C-MOVE/C-GET or WADO-RS waits for. Run by bench/bench_cloud.sh after an
// eviction pass; prints the figure.
//
//   bench_cloud_recall --data-dir DIR
#include <kilima/archive/archive.h>
#include <kilima/cloud/setup.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/attributes.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

using namespace kilima;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int i = int(args.indexOf(QStringLiteral("--data-dir")));
    if (i < 0 || i + 1 >= args.size()) {
        std::fprintf(stderr, "usage: bench_cloud_recall --data-dir DIR\n");
        return 2;
    }
    cloud::installRecallProviderFactory();
    const core::DataDir dir(args.at(i + 1));
    auto config = core::Config::load(dir.configFile());
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(config.error()));
        return 1;
    }
    auto archive = archive::Archive::open(dir, config.value());
    if (!archive) {
        std::fprintf(stderr, "%s\n", qPrintable(archive.error()));
        return 1;
    }
    archive::Query q;
    q.level = archive::Level::Series;
    q.limit = 1;
    q.keys = {{dicom::tagNumber(0x0020, 0x000E), QString()}};
    auto series = archive.value()->query(q);
    if (!series || series.value().empty()) {
        std::fprintf(stderr, "no series in the archive\n");
        return 1;
    }
    const QString uid = series.value().front().at(dicom::tagNumber(0x0020, 0x000E));
    QElapsedTimer t;
    t.start();
    auto files = archive.value()->instanceFiles(archive::Level::Series, uid);
    const qint64 ms = t.elapsed();
    if (!files) {
        std::fprintf(stderr, "recall failed: %s\n", qPrintable(files.error()));
        return 1;
    }
    qint64 bytes = 0;
    for (const QString &f : files.value())
        bytes += QFileInfo(f).size();
    std::printf("recall of one evicted series: %lld instances, %.1f MB in %lld ms (%.0f instances/s, %.1f MB/s)\n",
                qint64(files.value().size()), bytes / 1048576.0, ms, files.value().size() * 1000.0 / qMax<qint64>(1, ms),
                bytes / 1048576.0 * 1000.0 / qMax<qint64>(1, ms));
    return 0;
}
