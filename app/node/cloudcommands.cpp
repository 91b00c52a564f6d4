// cloud configure, sync run|status, restore-index: the cloud tier's commands.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/cloud/cloudtier.h>
#include <kilima/cloud/credentials.h>
#include <kilima/cloud/setup.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

namespace kilima::node_cli {
namespace {

// Every archive this program opens recalls evicted files transparently
// (find, verify, serve's C-MOVE/C-GET, WADO-RS).
const bool k_recall = [] {
    cloud::installRecallProviderFactory();
    return true;
}();

class Progress {
public:
    explicit Progress(const char *what) : m_what(what), m_tty(::isatty(STDERR_FILENO)) {}
    void operator()(int done, int total)
    {
        if (!m_tty || total <= 0 || (done != total && done % 25 != 0))
            return;
        err() << '\r' << m_what << ' ' << done << '/' << total << Qt::flush;
        m_drawn = true;
    }
    ~Progress()
    {
        if (m_drawn)
            err() << Qt::endl;
    }

private:
    const char *m_what;
    bool m_tty;
    bool m_drawn = false;
};

int runCloud(const Context &ctx, const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("configure")) {
        err() << "usage: kilima-node cloud configure --endpoint URL --bucket NAME [--region R] [--path-style] [--prefix P]" << Qt::endl;
        return kExitUsage;
    }
    const core::DataDir dir(ctx.dataDir);
    if (const core::Status st = dir.ensure(); !st) {
        err() << "kilima-node: " << st.error() << Qt::endl;
        return kExitProblems;
    }
    core::Result<core::Config> loaded = core::Config::load(dir.configFile());
    if (!loaded) {
        err() << "kilima-node: " << loaded.error() << Qt::endl;
        return kExitProblems;
    }
    core::Config config = loaded.take();
    core::Config::Cloud c = config.cloud;
    bool noCheck = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString &out) {
            if (i + 1 >= args.size())
                return false;
            out = args.at(++i);
            return true;
        };
        bool ok = true;
        if (a == QLatin1String("--endpoint"))
            ok = value(c.endpoint);
        else if (a == QLatin1String("--bucket"))
            ok = value(c.bucket);
        else if (a == QLatin1String("--region"))
            ok = value(c.region);
        else if (a == QLatin1String("--prefix"))
            ok = value(c.keyPrefix);
        else if (a == QLatin1String("--path-style"))
            c.pathStyle = true;
        else if (a == QLatin1String("--no-check"))
            noCheck = true;
        else
            ok = false;
        if (!ok) {
            err() << "kilima-node cloud configure: unknown or incomplete option " << a << Qt::endl;
            return kExitUsage;
        }
    }
    if (c.endpoint.isEmpty() || c.bucket.isEmpty()) {
        err() << "kilima-node cloud configure: --endpoint URL and --bucket NAME are required" << Qt::endl;
        return kExitUsage;
    }
    config.cloud = c;
    // Validate through the same path as loading.
    if (auto check = core::Config::fromJson(config.toJson()); !check) {
        err() << "kilima-node cloud configure: " << check.error() << Qt::endl;
        return kExitUsage;
    }

    cloud::SigningKey key;
    key.accessKeyId = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
    key.secretAccessKey = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
    key.sessionToken = qEnvironmentVariable("AWS_SESSION_TOKEN");
    if (key.accessKeyId.isEmpty() || key.secretAccessKey.isEmpty()) {
        if (::isatty(STDIN_FILENO))
            err() << "Access key ID and secret access key, one per line:" << Qt::endl;
        std::string id, secret;
        std::getline(std::cin, id);
        std::getline(std::cin, secret);
        key.accessKeyId = QString::fromStdString(id).trimmed();
        key.secretAccessKey = QString::fromStdString(secret).trimmed();
        key.sessionToken.clear();
    }
    if (key.accessKeyId.isEmpty() || key.secretAccessKey.isEmpty()) {
        err() << "kilima-node cloud configure: give the access key ID and the secret as two lines on standard input, "
                 "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
              << Qt::endl;
        return kExitUsage;
    }

    if (!noCheck) {
        cloud::S3Settings s;
        s.endpoint = c.endpoint;
        s.bucket = c.bucket;
        s.region = c.region;
        s.pathStyle = c.pathStyle;
        s.caFile = c.caFile;
        s.timeoutSeconds = 30;
        cloud::S3Client client(s, key);
        auto page = client.listObjects(c.keyPrefix, {}, 1);
        if (!page) {
            err() << "kilima-node cloud configure: cannot reach bucket " << c.bucket << " at " << c.endpoint << ": "
                  << page.error() << Qt::endl
                  << "(nothing saved; --no-check saves without this test)" << Qt::endl;
            return kExitProblems;
        }
    }
    cloud::FileCredentialStore store(cloud::FileCredentialStore::defaultPath(dir.root()));
    if (const core::Status st = store.save(key); !st) {
        err() << "kilima-node: " << st.error() << Qt::endl;
        return kExitProblems;
    }
    if (const core::Status st = config.save(dir.configFile()); !st) {
        err() << "kilima-node: " << st.error() << Qt::endl;
        return kExitProblems;
    }
    out() << "cloud tier: bucket " << c.bucket << " at " << c.endpoint << " (" << c.region
          << (c.pathStyle ? ", path-style" : ", virtual-hosted") << "); credentials in " << store.describe() << " (mode 0600)"
          << Qt::endl;
    return kExitOk;
}

void printStatus(const cloud::SyncStatus &st, bool json)
{
    if (json) {
        const QJsonObject o{{QStringLiteral("instances"), st.instances},
                            {QStringLiteral("verified"), st.verified},
                            {QStringLiteral("pending"), st.pending},
                            {QStringLiteral("evicted"), st.evicted},
                            {QStringLiteral("cold"), st.cold},
                            {QStringLiteral("awaitingDeletion"), st.awaitingDeletion},
                            {QStringLiteral("bytesVerified"), st.bytesVerified},
                            {QStringLiteral("lastPassAt"), st.lastPassAt},
                            {QStringLiteral("lastPassResult"), st.lastPassResult},
                            {QStringLiteral("lastError"), st.lastError}};
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    const double pct = st.instances > 0 ? 100.0 * double(st.verified) / double(st.instances) : 100.0;
    out() << "instances:          " << st.instances << Qt::endl
          << "in the bucket:      " << st.verified << " verified (" << QString::number(pct, 'f', 1) << "%, "
          << QString::number(double(st.bytesVerified) / 1048576.0, 'f', 1) << " MiB)" << Qt::endl
          << "pending upload:     " << st.pending << Qt::endl
          << "only in the bucket: " << st.evicted << " (evicted, recalled on access)" << Qt::endl
          << "cold storage class: " << st.cold << Qt::endl
          << "awaiting deletion:  " << st.awaitingDeletion << Qt::endl
          << "last pass:          " << (st.lastPassAt.isEmpty() ? QStringLiteral("never") : st.lastPassAt + QStringLiteral(": ") + st.lastPassResult)
          << Qt::endl;
    if (!st.lastError.isEmpty())
        out() << "last error:         " << st.lastError << Qt::endl;
}

int runSync(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    bool json = false, reverify = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--json"))
            json = true;
        else if (args.at(i) == QLatin1String("--reverify"))
            reverify = true;
        else {
            err() << "kilima-node sync: unknown option " << args.at(i) << Qt::endl;
            return kExitUsage;
        }
    }
    if (sub != QLatin1String("run") && sub != QLatin1String("status")) {
        err() << "usage: kilima-node sync run [--reverify] | sync status [--json]" << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;
    auto tier = cloud::openConfiguredTier(*archive);
    if (!tier) {
        err() << "kilima-node: " << tier.error() << Qt::endl;
        return kExitProblems;
    }
    if (sub == QLatin1String("status")) {
        printStatus(tier.value()->status(), json);
        return kExitOk;
    }
    if (reverify) {
        const cloud::PassReport r = tier.value()->reverify();
        out() << "reverified " << r.reverified << " bucket copies, " << r.corrupt << " missing or damaged (uploaded again now)" << Qt::endl;
    }
    cloud::PassReport report;
    {
        Progress progress("uploading");
        report = tier.value()->runPass([&](int d, int t) { progress(d, t); });
    }
    out() << "uploaded " << report.uploaded << " (" << QString::number(double(report.bytesUploaded) / 1048576.0, 'f', 1)
          << " MiB), failed " << report.failed << ", pending " << report.pending << ", evicted " << report.evicted
          << ", moved to cold " << report.transitioned << ", deleted from bucket " << report.deleted << Qt::endl;
    for (const QString &e : report.errors)
        err() << "  " << e << Qt::endl;
    const cloud::SyncStatus st = tier.value()->status();
    return (report.complete() && st.pending == 0) ? kExitOk : kExitProblems;
}

int runRestoreIndex(const Context &ctx, const QStringList &args)
{
    if (args != QStringList{QStringLiteral("--from-bucket")}) {
        err() << "usage: kilima-node restore-index --from-bucket" << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx);
    if (!archive)
        return kExitProblems;
    const core::DataDir dir(ctx.dataDir);
    const cloud::FileCredentialStore store(cloud::FileCredentialStore::defaultPath(dir.root()));
    auto key = cloud::resolveCredentials(store);
    if (!key) {
        err() << "kilima-node: " << key.error() << Qt::endl;
        return kExitProblems;
    }
    core::Result<cloud::RestoreReport> report = core::Error{};
    {
        Progress progress("restoring");
        report = cloud::CloudTier::restoreFromBucket(*archive, archive->config().cloud, key.value(),
                                                     [&](int d, int t) { progress(d, t); });
    }
    if (!report) {
        err() << "kilima-node: " << report.error() << Qt::endl;
        return kExitProblems;
    }
    const cloud::RestoreReport &r = report.value();
    out() << "restored " << r.restored << " of " << r.objects << " objects from bucket " << archive->config().cloud.bucket
          << ", failed " << r.failed << Qt::endl;
    for (const QString &e : r.errors)
        err() << "  " << e << Qt::endl;
    return r.failed == 0 ? kExitOk : kExitProblems;
}

const CommandRegistrar k_cloud{Command{"cloud",
    "  cloud configure --endpoint URL --bucket NAME [--region R] [--path-style]\n"
    "        [--prefix P] [--no-check]\n"
    "        Set up the cloud tier (any S3-compatible service). The access key\n"
    "        ID and secret are read as two lines on standard input, or taken\n"
    "        from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and kept in\n"
    "        <data-dir>/cloud-credentials (mode 0600), never in kilima.json.\n"
    "        The bucket is checked first unless --no-check.\n",
    &runCloud, 110}};

const CommandRegistrar k_sync{Command{"sync",
    "  sync run [--reverify] | sync status [--json]\n"
    "        run: one complete pass in the foreground (upload and verify every\n"
    "        instance not yet in the bucket, cold transitions, eviction,\n"
    "        deletions past their retention); exit 0 when everything is\n"
    "        uploaded and verified. --reverify first checks every bucket copy\n"
    "        (size, checksum) and uploads damaged or missing ones again.\n"
    "        status: progress of the cloud tier. serve syncs in the background.\n",
    &runSync, 120}};

const CommandRegistrar k_restore{Command{"restore-index",
    "  restore-index --from-bucket\n"
    "        Disaster recovery: rebuild the archive and its index from the\n"
    "        configured bucket alone (after `cloud configure` on an empty\n"
    "        data directory).\n",
    &runRestoreIndex, 130}};

} // namespace
} // namespace kilima::node_cli
