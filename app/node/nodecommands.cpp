// serve, nodes, worklist and audit: the PACS node's commands.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/knownnodes.h>
#include <kilima/archive/worklist.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/shares.h>
#include <kilima/node/node.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <pthread.h>
#include <unistd.h>

namespace kilima::node_cli {

namespace {

// Reads an option value: "--name VALUE" or "--name=VALUE".
bool takeValue(const QStringList &args, int &i, const QString &name, QString *value)
{
    const QString &a = args.at(i);
    if (a == name) {
        if (i + 1 >= args.size())
            return false;
        *value = args.at(++i);
        return true;
    }
    if (a.startsWith(name + QLatin1Char('='))) {
        *value = a.mid(name.size() + 1);
        return true;
    }
    return false;
}

bool parsePort(const QString &text, int *port)
{
    bool ok = false;
    const int p = text.toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    *port = p;
    return true;
}

// The first admin password is shown once, to a person: on the terminal when
// standard output is one. Otherwise standard output is a file, the journal or
// a container log, which others read and keep, so the password goes into an
// owner-only file in the data directory and the message names that file.
void announceInitialPassword(const node::Node &node)
{
    const char *created = "kilima-node: created the first user \"admin\" (role admin)";
    if (::isatty(STDOUT_FILENO)) {
        out() << created << " with password: " << node.initialAdminPassword()
              << "\n  Keep it now: it is not shown again (change it with: kilima-node users passwd admin)" << Qt::endl;
        return;
    }
    const core::Result<QString> path = node.saveInitialAdminPassword();
    if (!path) {
        err() << created << ", but its password is not shown (standard output is not a terminal) and "
              << path.error() << ". Set one with: kilima-node users passwd admin" << Qt::endl;
        return;
    }
    out() << created << "; its password is in " << path.value()
          << " (readable by this account only, as standard output is not a terminal)"
             "\n  Sign in, change it (kilima-node users passwd admin), then delete that file" << Qt::endl;
}

} // namespace

int runServe(const Context &ctx, const QStringList &args)
{
    const core::DataDir dir(ctx.dataDir);
    auto config = core::Config::load(dir.configFile());
    if (!config) {
        err() << "kilima-node serve: " << config.error() << Qt::endl;
        return kExitProblems;
    }
    core::Config c = config.value();
    for (int i = 0; i < args.size(); ++i) {
        QString v;
        if (takeValue(args, i, QStringLiteral("--aet"), &v)) {
            if (v.isEmpty() || v.size() > 16) {
                err() << "kilima-node serve: --aet must be 1 to 16 characters" << Qt::endl;
                return kExitUsage;
            }
            c.node.aeTitle = v;
        } else if (takeValue(args, i, QStringLiteral("--dicom-port"), &v)) {
            if (!parsePort(v, &c.node.dicomPort)) {
                err() << "kilima-node serve: --dicom-port must be a port number" << Qt::endl;
                return kExitUsage;
            }
        } else if (takeValue(args, i, QStringLiteral("--dicom-tls-port"), &v)) {
            if (!parsePort(v, &c.node.dicomTlsPort)) {
                err() << "kilima-node serve: --dicom-tls-port must be a port number" << Qt::endl;
                return kExitUsage;
            }
        } else if (takeValue(args, i, QStringLiteral("--http-port"), &v)) {
            if (!parsePort(v, &c.node.httpPort)) {
                err() << "kilima-node serve: --http-port must be a port number" << Qt::endl;
                return kExitUsage;
            }
        } else if (takeValue(args, i, QStringLiteral("--bind"), &v)) {
            c.node.bindAddress = v;
        } else {
            err() << "kilima-node serve: unknown argument " << args.at(i) << Qt::endl;
            return kExitUsage;
        }
    }

    // Block SIGINT/SIGTERM before any thread starts, so every worker
    // inherits the mask and only this thread receives them (sigwait).
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto archive = archive::Archive::open(dir, c);
    if (!archive) {
        err() << "kilima-node serve: " << archive.error() << Qt::endl;
        return kExitProblems;
    }
    node::Node node(*archive.value(), c);
    const core::Status started = node.start();
    if (!started) {
        err() << "kilima-node serve: " << started.error() << Qt::endl;
        return kExitProblems;
    }
    // Port 0 turns a listener off (configuration.md).
    if (node.dicomPort() && node.dicomTlsPort())
        out() << "kilima-node: " << c.node.aeTitle << " listening on DICOM port " << node.dicomPort() << ", DICOM TLS port "
              << node.dicomTlsPort();
    else if (node.dicomPort())
        out() << "kilima-node: " << c.node.aeTitle << " listening on DICOM port " << node.dicomPort();
    else if (node.dicomTlsPort())
        out() << "kilima-node: " << c.node.aeTitle << " listening on DICOM TLS port " << node.dicomTlsPort();
    else
        out() << "kilima-node: " << c.node.aeTitle << ": no DICOM listener (--dicom-port 0)";
    out() << " (data " << dir.root() << ")" << Qt::endl;
    if (node.httpPort())
        out() << "kilima-node: DICOMweb on " << (c.http.tls ? "https" : "http") << "://" << c.node.bindAddress << ':'
              << node.httpPort() << c.http.basePath << Qt::endl;
    else if (!node.httpError().isEmpty())
        err() << "kilima-node serve: DICOMweb is off: " << node.httpError() << Qt::endl;
    if (node.httpPort()) {
        // The browser's way in (docs/webviewer.md).
        const QString base = QStringLiteral("%1://%2:%3").arg(c.http.tls ? "https" : "http", c.node.bindAddress).arg(node.httpPort());
        if (!dicomweb::webViewerDirectory(c).isEmpty())
            out() << "kilima-node: web viewer on " << base << "/viewer/ (sign in at " << base << "/login)" << Qt::endl;
        else
            out() << "kilima-node: web viewer not installed (installers/install-deps.sh installs it; " << base
                  << "/viewer/ says how)" << Qt::endl;
    }
    if (!node.initialAdminPassword().isEmpty())
        announceInitialPassword(node);

    int signal = 0;
    sigwait(&stopSignals, &signal);
    out() << "kilima-node: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ", stopping" << Qt::endl;
    node.stop();
    out() << "kilima-node: stopped" << Qt::endl;
    return kExitOk;
}

namespace {

// How this data directory's node is set up to serve (from kilima.json; it
// does not ask a running node), with what is unsafe about it.
int runStatus(const Context &ctx, const QStringList &args)
{
    const bool json = args.contains(QLatin1String("--json"));
    for (const QString &a : args) {
        if (a != QLatin1String("--json")) {
            err() << "kilima-node status: unknown argument " << a << Qt::endl;
            return kExitUsage;
        }
    }
    const core::DataDir dir(ctx.dataDir);
    auto config = core::Config::load(dir.configFile());
    if (!config) {
        err() << "kilima-node status: " << config.error() << Qt::endl;
        return kExitProblems;
    }
    const core::Config &c = config.value();
    const QString web = c.node.httpPort == 0 ? QString()
                                             : QStringLiteral("%1://%2:%3%4")
                                                   .arg(c.http.tls ? QStringLiteral("https") : QStringLiteral("http"),
                                                        c.node.bindAddress)
                                                   .arg(c.node.httpPort)
                                                   .arg(c.http.basePath);
    QStringList warnings;
    if (const QString w = node::plainHttpWarning(c); !w.isEmpty())
        warnings << w;
    if (json) {
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("aeTitle"), c.node.aeTitle},
                                                             {QStringLiteral("bindAddress"), c.node.bindAddress},
                                                             {QStringLiteral("dicomPort"), c.node.dicomPort},
                                                             {QStringLiteral("dicomTlsPort"), c.node.dicomTlsPort},
                                                             {QStringLiteral("dicomweb"), web.isEmpty() ? QJsonValue() : web},
                                                             {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}})
                                       .toJson(QJsonDocument::Indented))
              << Qt::flush;
        return kExitOk;
    }
    out() << "node " << c.node.aeTitle << " on " << c.node.bindAddress << ": DICOM port " << c.node.dicomPort;
    if (c.node.dicomTlsPort)
        out() << ", DICOM TLS port " << c.node.dicomTlsPort;
    out() << Qt::endl << "DICOMweb: " << (web.isEmpty() ? QStringLiteral("off") : web) << Qt::endl;
    for (const QString &w : warnings)
        out() << "WARNING: " << w << Qt::endl;
    return kExitOk;
}

const CommandRegistrar k_status{Command{"status",
    "  status [--json]\n"
    "        How this data directory's node is set up to serve (kilima.json):\n"
    "        AE title, address, ports, DICOMweb URL, and a WARNING when\n"
    "        DICOMweb would send passwords in clear (plain HTTP beyond\n"
    "        loopback) with the setting that turns on HTTPS.\n",
    &runStatus, 55}};

} // namespace

int runNodes(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add")) {
        archive::KnownNode n;
        n.name = args.value(1);
        if (n.name.isEmpty() || n.name.startsWith(QLatin1String("--"))) {
            err() << "usage: kilima-node nodes add NAME --aet AET --host HOST --port PORT [--allow echo,store,...] [--tls]" << Qt::endl;
            return kExitUsage;
        }
        for (int i = 2; i < args.size(); ++i) {
            QString v;
            if (takeValue(args, i, QStringLiteral("--aet"), &v))
                n.aeTitle = v;
            else if (takeValue(args, i, QStringLiteral("--host"), &v))
                n.host = v;
            else if (takeValue(args, i, QStringLiteral("--port"), &v)) {
                if (!parsePort(v, &n.port) || n.port == 0) {
                    err() << "kilima-node nodes add: --port must be a port number" << Qt::endl;
                    return kExitUsage;
                }
            } else if (takeValue(args, i, QStringLiteral("--allow"), &v))
                n.permissions = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
            else if (args.at(i) == QLatin1String("--tls"))
                n.tls = true;
            else {
                err() << "kilima-node nodes add: unknown argument " << args.at(i) << Qt::endl;
                return kExitUsage;
            }
        }
        if (n.aeTitle.isEmpty() || n.host.isEmpty()) {
            err() << "kilima-node nodes add: --aet and --host are required" << Qt::endl;
            return kExitUsage;
        }
        auto archive = openArchive(ctx, "nodes");
        if (!archive)
            return kExitProblems;
        const core::Status st = archive->knownNodes().put(n);
        if (!st) {
            err() << "kilima-node nodes add: " << st.error() << Qt::endl;
            return kExitUsage;
        }
        out() << "node " << n.name << " saved" << Qt::endl;
        return kExitOk;
    }
    if (sub == QLatin1String("list")) {
        const bool json = args.contains(QLatin1String("--json"));
        auto archive = openArchive(ctx, "nodes");
        if (!archive)
            return kExitProblems;
        const auto nodes = archive->knownNodes().list();
        if (!nodes) {
            err() << "kilima-node nodes list: " << nodes.error() << Qt::endl;
            return kExitProblems;
        }
        QJsonArray arr;
        for (const archive::KnownNode &n : nodes.value()) {
            if (json) {
                arr.append(QJsonObject{{QStringLiteral("name"), n.name}, {QStringLiteral("aeTitle"), n.aeTitle},
                                       {QStringLiteral("host"), n.host}, {QStringLiteral("port"), n.port},
                                       {QStringLiteral("tls"), n.tls},
                                       {QStringLiteral("allow"), QJsonArray::fromStringList(n.permissions)}});
            } else {
                out() << n.name << '\t' << n.aeTitle << '\t' << n.host << ':' << n.port << (n.tls ? "\ttls" : "\t-") << '\t'
                      << (n.permissions.isEmpty() ? QStringLiteral("-") : n.permissions.join(QLatin1Char(','))) << Qt::endl;
            }
        }
        if (json)
            out() << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)) << Qt::flush;
        return kExitOk;
    }
    if (sub == QLatin1String("remove") && args.size() == 2) {
        auto archive = openArchive(ctx, "nodes");
        if (!archive)
            return kExitProblems;
        const core::Status st = archive->knownNodes().remove(args.at(1));
        if (!st) {
            err() << "kilima-node nodes remove: " << st.error() << Qt::endl;
            return kExitProblems;
        }
        out() << "node " << args.at(1) << " removed" << Qt::endl;
        return kExitOk;
    }
    err() << "usage: kilima-node nodes add NAME --aet AET --host HOST --port PORT [--allow LIST] [--tls]\n"
             "       kilima-node nodes list [--json]\n"
             "       kilima-node nodes remove NAME" << Qt::endl;
    return kExitUsage;
}

namespace {

// Builds a worklist item from `worklist add` options.
std::unique_ptr<DcmDataset> itemFromOptions(const QStringList &args, QString *error)
{
    auto ds = std::make_unique<DcmDataset>();
    DcmItem *sps = nullptr;
    ds->findOrCreateSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0);
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    struct Opt {
        const char *name;
        DcmTagKey tag;
        bool inStep;
    };
    static const Opt opts[] = {
        {"--patient-name", DCM_PatientName, false}, {"--patient-id", DCM_PatientID, false},
        {"--birth-date", DCM_PatientBirthDate, false}, {"--sex", DCM_PatientSex, false},
        {"--accession", DCM_AccessionNumber, false}, {"--requested-procedure-id", DCM_RequestedProcedureID, false},
        {"--requested-procedure", DCM_RequestedProcedureDescription, false},
        {"--study-uid", DCM_StudyInstanceUID, false}, {"--referring", DCM_ReferringPhysicianName, false},
        {"--modality", DCM_Modality, true}, {"--station-aet", DCM_ScheduledStationAETitle, true},
        {"--date", DCM_ScheduledProcedureStepStartDate, true}, {"--time", DCM_ScheduledProcedureStepStartTime, true},
        {"--description", DCM_ScheduledProcedureStepDescription, true}, {"--step-id", DCM_ScheduledProcedureStepID, true},
        {"--performing", DCM_ScheduledPerformingPhysicianName, true},
    };
    for (int i = 0; i < args.size(); ++i) {
        bool matched = false;
        for (const Opt &o : opts) {
            QString v;
            if (takeValue(args, i, QLatin1String(o.name), &v)) {
                (o.inStep ? static_cast<DcmItem *>(sps) : ds.get())->putAndInsertString(o.tag, v.toUtf8().constData());
                matched = true;
                break;
            }
        }
        if (!matched) {
            *error = QStringLiteral("unknown argument %1").arg(args.at(i));
            return nullptr;
        }
    }
    return ds;
}

} // namespace

int runWorklist(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add")) {
        QString error;
        auto item = itemFromOptions(args.mid(1), &error);
        if (!item) {
            err() << "kilima-node worklist add: " << error << Qt::endl;
            return kExitUsage;
        }
        auto archive = openArchive(ctx, "worklist");
        if (!archive)
            return kExitProblems;
        const auto id = archive->worklist().add(*item);
        if (!id) {
            err() << "kilima-node worklist add: " << id.error() << Qt::endl;
            return kExitUsage;
        }
        out() << "worklist item " << id.value() << " added" << Qt::endl;
        return kExitOk;
    }
    if (sub == QLatin1String("import") && args.size() == 2) {
        QFile f(args.at(1));
        if (!f.open(QIODevice::ReadOnly)) {
            err() << "kilima-node worklist import: " << args.at(1) << ": " << f.errorString() << Qt::endl;
            return kExitProblems;
        }
        auto items = dicom::fromDicomJsonArray(f.readAll());
        if (!items) {
            err() << "kilima-node worklist import: " << args.at(1) << ": " << items.error() << Qt::endl;
            return kExitProblems;
        }
        auto archive = openArchive(ctx, "worklist");
        if (!archive)
            return kExitProblems;
        int added = 0, rejected = 0;
        for (size_t i = 0; i < items.value().size(); ++i) {
            const auto id = archive->worklist().add(*items.value()[i]);
            if (id) {
                ++added;
            } else {
                ++rejected;
                out() << "rejected item " << i << ": " << id.error() << Qt::endl;
            }
        }
        out() << "imported " << added << " worklist items, rejected " << rejected << Qt::endl;
        return rejected ? kExitProblems : kExitOk;
    }
    if (sub == QLatin1String("list")) {
        archive::WorklistQuery q;
        bool json = false;
        for (int i = 1; i < args.size(); ++i) {
            QString v;
            if (args.at(i) == QLatin1String("--json"))
                json = true;
            else if (takeValue(args, i, QStringLiteral("--date"), &v))
                q.startDate = v;
            else if (takeValue(args, i, QStringLiteral("--modality"), &v))
                q.modality = v;
            else if (takeValue(args, i, QStringLiteral("--station-aet"), &v))
                q.stationAeTitle = v;
            else if (takeValue(args, i, QStringLiteral("--patient-name"), &v))
                q.patientName = v;
            else if (takeValue(args, i, QStringLiteral("--patient-id"), &v))
                q.patientId = v;
            else {
                err() << "kilima-node worklist list: unknown argument " << args.at(i) << Qt::endl;
                return kExitUsage;
            }
        }
        auto archive = openArchive(ctx, "worklist");
        if (!archive)
            return kExitProblems;
        const auto items = archive->worklist().find(q);
        if (!items) {
            err() << "kilima-node worklist list: " << items.error() << Qt::endl;
            return kExitUsage;
        }
        QJsonArray arr;
        for (const archive::WorklistItem &item : items.value()) {
            if (json) {
                QJsonObject o = item.item;
                arr.append(o);
                continue;
            }
            auto ds = dicom::fromDicomJson(item.item);
            if (!ds)
                continue;
            DcmDataset &d = *ds.value();
            DcmItem *sps = nullptr;
            d.findAndGetSequenceItem(DCM_ScheduledProcedureStepSequence, sps, 0);
            auto step = [&](const DcmTagKey &t) { return sps ? dicom::stringValue(*sps, t) : QString(); };
            out() << item.id << '\t' << step(DCM_ScheduledProcedureStepStartDate) << ' ' << step(DCM_ScheduledProcedureStepStartTime)
                  << '\t' << step(DCM_Modality) << '\t' << step(DCM_ScheduledStationAETitle) << '\t'
                  << dicom::stringValue(d, DCM_PatientName) << '\t' << dicom::stringValue(d, DCM_PatientID) << '\t'
                  << dicom::stringValue(d, DCM_AccessionNumber) << '\t' << step(DCM_ScheduledProcedureStepDescription) << Qt::endl;
        }
        if (json)
            out() << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)) << Qt::flush;
        return kExitOk;
    }
    if (sub == QLatin1String("remove") && args.size() == 2) {
        bool ok = false;
        const qint64 id = args.at(1).toLongLong(&ok);
        if (!ok) {
            err() << "kilima-node worklist remove: ID must be a number (see worklist list)" << Qt::endl;
            return kExitUsage;
        }
        auto archive = openArchive(ctx, "worklist");
        if (!archive)
            return kExitProblems;
        const core::Status st = archive->worklist().remove(id);
        if (!st) {
            err() << "kilima-node worklist remove: " << st.error() << Qt::endl;
            return kExitProblems;
        }
        out() << "worklist item " << id << " removed" << Qt::endl;
        return kExitOk;
    }
    err() << "usage: kilima-node worklist add --patient-name PN --patient-id ID --modality MOD --date YYYYMMDD [options]\n"
             "       kilima-node worklist import FILE.json\n"
             "       kilima-node worklist list [--date D|RANGE] [--modality M] [--station-aet AET] [--json]\n"
             "       kilima-node worklist remove ID" << Qt::endl;
    return kExitUsage;
}

int runAudit(const Context &ctx, const QStringList &args)
{
    archive::AuditFilter f;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        QString v;
        if (args.at(i) == QLatin1String("--json")) {
            json = true;
        } else if (takeValue(args, i, QStringLiteral("--study"), &v)) {
            f.studyUid = v;
        } else if (takeValue(args, i, QStringLiteral("--actor"), &v)) {
            f.actor = v;
        } else if (takeValue(args, i, QStringLiteral("--since"), &v)) {
            f.since = QDateTime::fromString(v, Qt::ISODate);
            if (!f.since.isValid()) {
                err() << "kilima-node audit: --since needs an ISO date/time (2026-11-22T08:00:00Z)" << Qt::endl;
                return kExitUsage;
            }
        } else if (takeValue(args, i, QStringLiteral("--limit"), &v)) {
            bool ok = false;
            f.limit = v.toInt(&ok);
            if (!ok || f.limit < 0) {
                err() << "kilima-node audit: --limit needs a number" << Qt::endl;
                return kExitUsage;
            }
        } else {
            err() << "kilima-node audit: unknown argument " << args.at(i) << Qt::endl;
            return kExitUsage;
        }
    }
    auto archive = openArchive(ctx, "audit");
    if (!archive)
        return kExitProblems;
    const auto records = archive->auditLog().list(f);
    if (!records) {
        err() << "kilima-node audit: " << records.error() << Qt::endl;
        return kExitProblems;
    }
    QJsonArray arr;
    for (const archive::AuditRecord &r : records.value()) {
        if (json) {
            arr.append(QJsonObject{{QStringLiteral("time"), r.time.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("actor"), r.actor},
                                   {QStringLiteral("host"), r.peerHost},
                                   {QStringLiteral("callingAe"), r.callingAe},
                                   {QStringLiteral("calledAe"), r.calledAe},
                                   {QStringLiteral("association"), qint64(r.association)},
                                   {QStringLiteral("action"), r.action},
                                   {QStringLiteral("study"), r.studyUid},
                                   {QStringLiteral("outcome"), r.outcome},
                                   {QStringLiteral("detail"), r.detail}});
        } else {
            out() << r.time.toString(Qt::ISODateWithMs) << '\t' << r.actor << '@' << r.peerHost << '\t' << r.action << '\t'
                  << r.outcome << '\t' << (r.studyUid.isEmpty() ? QStringLiteral("-") : r.studyUid) << '\t' << r.detail << Qt::endl;
        }
    }
    if (json)
        out() << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)) << Qt::flush;
    return kExitOk;
}

} // namespace kilima::node_cli
