// UI responsiveness while the embedded node receives studies: the real main
// window (study list refreshing as studies arrive, live node status, series
// panel) runs its event loop while 4 storescu associations send N instances
// (default 2,000) to the embedded node. A 5 ms timer records how late the
// event loop serves it; the largest delay is the stall a user would feel.
// Goal: never more than 50 ms. The same probe on the idle window gives the
// baseline, and dcmtk's storescp receiving the same files over 4
// associations gives the peer's throughput, both in the same run.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_ui [instances]
#include "mainwindow.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/browser/studylistmodel.h>
#include <kilima/node/node.h>

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kilima;

namespace {

struct Probe {
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    std::vector<double> delays;   // ms beyond the interval
    static constexpr int IntervalMs = 5;

    void start()
    {
        delays.clear();
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(IntervalMs);
        clock.start();
        last = clock.nsecsElapsed();
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.nsecsElapsed();
            delays.push_back(std::max(0.0, (now - last) / 1e6 - IntervalMs));
            last = now;
        });
        timer.start();
    }
    void stop()
    {
        timer.stop();
        QObject::disconnect(&timer, nullptr, nullptr, nullptr);
    }
    double max() const { return delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end()); }
    double percentile(double p) const
    {
        if (delays.empty())
            return 0;
        std::vector<double> d = delays;
        std::sort(d.begin(), d.end());
        return d[size_t(std::min<double>(d.size() - 1, p * d.size()))];
    }
};

// Runs 4 storescu at once, one folder each; returns seconds, -1 on failure.
double sendFour(const QString &called, quint16 port, const QStringList &dirs)
{
    QList<QProcess *> procs;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < dirs.size(); ++i) {
        auto *p = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral("storescu"), {QStringLiteral("-aet"), QStringLiteral("SENDER%1").arg(i),
                                              QStringLiteral("-aec"), called, QStringLiteral("+sd"), QStringLiteral("+r"),
                                              QStringLiteral("127.0.0.1"), QString::number(port), dirs.at(i)});
        procs << p;
    }
    bool ok = true;
    // Wait while serving the event loop (the window must stay live).
    while (std::any_of(procs.begin(), procs.end(), [](QProcess *p) { return p->state() != QProcess::NotRunning; }))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    for (QProcess *p : procs) {
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
            ok = false;
            std::fprintf(stderr, "storescu failed: %s\n", p->readAll().constData());
        }
        delete p;
    }
    return ok ? t.elapsed() / 1000.0 : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int total = argc > 1 ? std::max(4, QByteArray(argv[1]).toInt()) : 2000;
    QTemporaryDir tmp;

    // 4 series (one per association) of total/4 CT slices, 128x128.
    std::printf("writing %d instances...\n", total);
    QStringList dirs;
    for (int i = 0; i < 4; ++i) {
        test::CtPhantom ph;
        ph.slices = total / 4;
        ph.rows = ph.columns = 128;
        ph.patientName = QStringLiteral("BENCH^UI%1").arg(i);
        ph.patientId = QStringLiteral("UI%1").arg(i);
        const QString dir = tmp.filePath(QStringLiteral("in/%1").arg(i));
        test::writeCtPhantom(dir, ph);
        dirs << dir;
    }
    const int sent = (total / 4) * 4;

    // Peer: storescp over the same 4 associations.
    const quint16 scpPort = test::freePort();
    QDir().mkpath(tmp.filePath(QStringLiteral("storescp")));
    test::Peer storescp;
    storescp.start(QStringLiteral("storescp"), {QStringLiteral("--fork"), QStringLiteral("-od"),
                                               tmp.filePath(QStringLiteral("storescp")), QString::number(scpPort)},
                   {QStringLiteral("TCP_NODELAY=1")});
    if (!test::waitForPort(scpPort)) {
        std::fprintf(stderr, "storescp did not start\n");
        return 1;
    }
    const double scpSeconds = sendFour(QStringLiteral("STORESCP"), scpPort, dirs);
    storescp.terminate();

    // The workstation with its embedded node.
    core::Config config;
    config.node.aeTitle = QStringLiteral("BENCHWS");
    config.node.bindAddress = QStringLiteral("127.0.0.1");
    config.node.dicomPort = test::freePort();
    config.node.httpPort = 0;
    config.node.allowUnknownStore = true;
    config.node.allowUnknownEcho = true;
    const core::DataDir dataDir(tmp.filePath(QStringLiteral("data")));
    auto opened = archive::Archive::open(dataDir, config);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    std::shared_ptr<archive::Archive> archive(opened.take());
    node::Node node(*archive, config);
    if (const core::Status st = node.start(); !st) {
        std::fprintf(stderr, "node: %s\n", qPrintable(st.error()));
        return 1;
    }
    workstation::MainWindow window(archive, config, dataDir.configFile(), &node);
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        app.processEvents(QEventLoop::AllEvents, 10);

    Probe probe;
    // Baseline: the idle window for 3 s.
    probe.start();
    settle.restart();
    while (settle.elapsed() < 3000)
        app.processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    const double idleMax = probe.max(), idleP99 = probe.percentile(0.99);

    // Under load.
    probe.start();
    const double seconds = sendFour(config.node.aeTitle, quint16(config.node.dicomPort), dirs);
    // The list refresh that follows the last images is part of the load.
    settle.restart();
    while (settle.elapsed() < 2500)
        app.processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    node.stop();

    const qint64 shown = window.studyModel()->totalCount();
    std::printf("instances sent            %d over 4 associations\n", sent);
    std::printf("kilima node (UI running)  %.2f s  %.0f instances/s\n", seconds, sent / seconds);
    std::printf("storescp (peer)           %.2f s  %.0f instances/s\n", scpSeconds, sent / scpSeconds);
    std::printf("event-loop stall, idle    max %.1f ms  p99 %.1f ms\n", idleMax, idleP99);
    std::printf("event-loop stall, load    max %.1f ms  p99 %.1f ms  (%zu samples)\n", probe.max(),
                probe.percentile(0.99), probe.delays.size());
    std::printf("studies listed after load %lld (expected 4)\n", shown);
    std::printf("goal: max stall <= 50 ms: %s\n", probe.max() <= 50 ? "met" : "NOT met");
    return seconds > 0 && shown == 4 ? 0 : 1;
}
