// report export / report list: headless access to a study's reports for
// automation. PDF layout needs Qt Gui, so this command runs under a
// QGuiApplication on the offscreen platform (no display needed).
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/reporting/reportworkflow.h>

#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>

namespace kilima::node_cli {
namespace {

std::unique_ptr<QCoreApplication> makeGuiApp(int &argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

// The report tables could not be opened: says why.
bool workflowReady(const reporting::ReportWorkflow &workflow)
{
    if (workflow.openError().isEmpty())
        return true;
    err() << "kilima-node report: " << workflow.openError() << Qt::endl;
    return false;
}

QString operatorName()
{
    const QString user = qEnvironmentVariable("USER");
    return QStringLiteral("kilima-node report (%1)").arg(user.isEmpty() ? QStringLiteral("unknown user") : user);
}

int reportExport(const Context &ctx, const QStringList &args)
{
    QString study, outPath;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--out") && i + 1 < args.size())
            outPath = args.at(++i);
        else if (a.startsWith(QLatin1String("--out=")))
            outPath = a.section(QLatin1Char('='), 1);
        else if (a.startsWith(QLatin1String("-"))) {
            err() << "kilima-node report export: unknown option " << a << Qt::endl;
            return kExitUsage;
        } else if (study.isEmpty())
            study = a;
        else {
            err() << "kilima-node report export: one study UID only" << Qt::endl;
            return kExitUsage;
        }
    }
    if (study.isEmpty() || outPath.isEmpty()) {
        err() << "usage: kilima-node [--data-dir DIR] report export STUDY_UID --out FILE.pdf" << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx, "report");
    if (!archive)
        return kExitProblems;
    reporting::ReportWorkflow workflow(*archive);
    if (!workflowReady(workflow))
        return kExitProblems;
    auto report = workflow.store().latest(study);
    if (!report) {
        err() << "kilima-node report export: " << report.error() << Qt::endl;
        return kExitProblems;
    }
    auto pdf = workflow.exportPdf(report.value(), operatorName());
    if (!pdf) {
        err() << "kilima-node report export: " << pdf.error() << Qt::endl;
        return kExitProblems;
    }
    QSaveFile f(outPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf.value()) != pdf.value().size() || !f.commit()) {
        err() << "kilima-node report export: cannot write " << outPath << ": " << f.errorString() << Qt::endl;
        return kExitProblems;
    }
    out() << "report " << report.value().id << " (" << reporting::toString(report.value().status) << ") written to " << outPath
          << ", " << pdf.value().size() << " bytes" << Qt::endl;
    return kExitOk;
}

int reportList(const Context &ctx, const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        err() << "usage: kilima-node [--data-dir DIR] report list STUDY_UID" << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx, "report");
    if (!archive)
        return kExitProblems;
    reporting::ReportWorkflow workflow(*archive);
    if (!workflowReady(workflow))
        return kExitProblems;
    auto reports = workflow.store().forStudy(args.first());
    if (!reports) {
        err() << "kilima-node report list: " << reports.error() << Qt::endl;
        return kExitProblems;
    }
    archive::AuditRecord rec;
    rec.time = QDateTime::currentDateTimeUtc();
    rec.actor = operatorName();
    rec.action = QStringLiteral("report list");
    rec.studyUid = args.first();
    rec.outcome = QStringLiteral("success");
    archive->auditLog().append(rec);
    out() << "ID\tSTATUS\tAUTHOR\tUPDATED\tSIGNED BY\tSIGNED AT\tADDENDA\tPDF SOP UID\tSR SOP UID\tKOS SOP UID" << Qt::endl;
    for (const reporting::Report &r : reports.value()) {
        auto t = [](const QDateTime &d) { return d.isValid() ? d.toUTC().toString(Qt::ISODate) : QStringLiteral("-"); };
        auto v = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
        out() << r.id << '\t' << reporting::toString(r.status) << '\t' << v(r.author) << '\t' << t(r.updatedAt) << '\t'
              << v(r.signedBy) << '\t' << t(r.signedAt) << '\t' << r.addenda.size() << '\t' << v(r.pdfSopInstanceUid) << '\t'
              << v(r.srSopInstanceUid) << '\t' << v(r.kosSopInstanceUid) << Qt::endl;
    }
    if (reports.value().isEmpty())
        out() << "(no reports for this study)" << Qt::endl;
    return kExitOk;
}

int runReport(const Context &ctx, const QStringList &args)
{
    if (args.isEmpty()) {
        err() << "usage: kilima-node [--data-dir DIR] report export STUDY_UID --out FILE.pdf | report list STUDY_UID" << Qt::endl;
        return kExitUsage;
    }
    const QString sub = args.first();
    if (sub == QLatin1String("export"))
        return reportExport(ctx, args.mid(1));
    if (sub == QLatin1String("list"))
        return reportList(ctx, args.mid(1));
    err() << "kilima-node report: unknown subcommand " << sub << " (export, list)" << Qt::endl;
    return kExitUsage;
}

const CommandRegistrar k_report{Command{"report",
    "  report export STUDY_UID --out FILE.pdf\n"
    "        Write the latest report of the study as PDF (letterhead from\n"
    "        <data-dir>/reporting/settings.json; a report that is not final\n"
    "        carries a PRELIMINARY watermark). Exit 1 if the study has none.\n"
    "  report list STUDY_UID\n"
    "        The study's reports, newest first: id, status, author, times,\n"
    "        signer, addenda and the SOP Instance UIDs of the stored\n"
    "        Encapsulated PDF, SR and Key Object Selection.\n",
    &runReport, 140, &makeGuiApp}};

} // namespace
} // namespace kilima::node_cli
