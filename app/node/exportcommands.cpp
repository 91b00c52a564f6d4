// export: the workstation's exporter (kilima/exchange/exporter.h) from the
// headless node, for a clinic's scripts: studies to a folder, a ZIP file or
// a DICOMDIR set, optionally de-identified. Prints the same summary the
// workstation's dialog shows; the export is audited as "kilima-node (USER)".
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/exchange/exporter.h>

#include <unistd.h>

namespace kilima::node_cli {
namespace {

constexpr const char *kUsage =
    "usage: kilima-node [--data-dir DIR] export STUDY_UID... --out DIR|FILE.zip\n"
    "       [--format folder|zip|dicomdir] [--deidentify] [--patient-name NAME]\n"
    "       [--patient-id ID] [--keep-dates]";

QString operatorName()
{
    const QString user = qEnvironmentVariable("USER");
    return QStringLiteral("kilima-node (%1)").arg(user.isEmpty() ? QStringLiteral("unknown user") : user);
}

int runExport(const Context &ctx, const QStringList &args)
{
    QStringList studies;
    exchange::ExportOptions options;
    QString format;
    bool pseudonymGiven = false;
    auto usage = [](const QString &why) {
        err() << "kilima-node export: " << why << '\n' << kUsage << Qt::endl;
        return kExitUsage;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        auto value = [&](QString *target) {
            if (a.contains(QLatin1Char('='))) {
                *target = a.section(QLatin1Char('='), 1);
                return true;
            }
            if (!hasValue)
                return false;
            *target = args.at(++i);
            return true;
        };
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("--out")) {
            if (!value(&options.destination))
                return usage(QStringLiteral("--out needs a folder or a .zip file"));
        } else if (name == QLatin1String("--format")) {
            if (!value(&format))
                return usage(QStringLiteral("--format needs folder, zip or dicomdir"));
        } else if (name == QLatin1String("--patient-name")) {
            if (!value(&options.deidentifyOptions.patientName))
                return usage(QStringLiteral("--patient-name needs a value"));
            pseudonymGiven = true;
        } else if (name == QLatin1String("--patient-id")) {
            if (!value(&options.deidentifyOptions.patientId))
                return usage(QStringLiteral("--patient-id needs a value"));
            pseudonymGiven = true;
        } else if (a == QLatin1String("--deidentify")) {
            options.deidentify = true;
        } else if (a == QLatin1String("--keep-dates")) {
            options.deidentifyOptions.keepDates = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return usage(QStringLiteral("unknown option ") + a);
        } else {
            studies << a;
        }
    }
    if (studies.isEmpty())
        return usage(QStringLiteral("name at least one Study Instance UID"));
    if (options.destination.isEmpty())
        return usage(QStringLiteral("--out is required"));
    if (format.isEmpty())
        options.format = options.destination.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)
                             ? exchange::ExportOptions::Format::Zip
                             : exchange::ExportOptions::Format::Folder;
    else if (!exchange::parseFormat(format, &options.format))
        return usage(QStringLiteral("unknown format %1 (folder, zip, dicomdir)").arg(format));
    if (options.deidentifyOptions.patientName.trimmed().isEmpty() || options.deidentifyOptions.patientId.trimmed().isEmpty())
        return usage(QStringLiteral("--patient-name and --patient-id may not be empty"));
    if (!options.deidentify && (options.deidentifyOptions.keepDates || pseudonymGiven))
        return usage(QStringLiteral("--patient-name, --patient-id and --keep-dates apply to --deidentify only"));
    options.user = operatorName();
    studies.removeDuplicates();

    auto archive = openArchive(ctx, "export");
    if (!archive)
        return kExitProblems;
    const bool tty = ::isatty(STDERR_FILENO);
    auto result = exchange::Exporter::run(*archive, archive::Level::Study, studies, options, [tty](int done, int total) {
        if (tty)
            err() << '\r' << done << '/' << total << " objects" << (done == total ? "\n" : "") << Qt::flush;
    });
    archive->auditLog().flush();
    if (!result) {
        err() << "kilima-node export: " << result.error() << Qt::endl;
        return kExitProblems;
    }
    out() << result.value().text(options.destination) << Qt::endl;
    return kExitOk;
}

const CommandRegistrar k_export{Command{"export",
    "  export STUDY_UID... --out DIR|FILE.zip [--format folder|zip|dicomdir]\n"
    "       [--deidentify [--patient-name NAME] [--patient-id ID] [--keep-dates]]\n"
    "        Copy studies out of the archive, as the workstation's File >\n"
    "        Export does: to a folder, a ZIP file or a DICOMDIR set (an empty\n"
    "        folder). Format: folder for DIR, zip for *.zip. --deidentify\n"
    "        applies the DICOM Basic Confidentiality Profile and leaves out\n"
    "        what it cannot clean (PDF/CDA documents, SR, presentation\n"
    "        states, Burned In Annotation YES); the summary names every\n"
    "        object left out or cleaned and why. Audited. Exit 1 if a study\n"
    "        is not in the archive or nothing could be written.\n",
    &runExport, 45}};

} // namespace
} // namespace kilima::node_cli
