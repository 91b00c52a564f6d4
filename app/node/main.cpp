// kilima-node: the headless Kilima PACS node and its command-line tools.
#include "cli.h"

#include <kilima/core/datadir.h>
#include <kilima/core/logging.h>
#include <kilima/dicom/codecs.h>

#include <QCoreApplication>

using namespace kilima::node_cli;

static const char kUsage[] =
    "usage: kilima-node [--data-dir DIR] [--verbose] COMMAND [ARGS...]\n"
    "\n"
    "Kilima's headless PACS node and archive tools.\n"
    "\n"
    "Global options:\n"
    "  --data-dir DIR   archive location (default $KILIMA_DATA_DIR, else\n"
    "                   $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima)\n"
    "  --verbose        debug logging\n"
    "  --help, -h       this help;  --version  the version\n"
    "\n"
    "Commands:\n"
    "  import [--list] PATH...\n"
    "        Import files, folders (recursive) and DICOMDIR sets. Prints a\n"
    "        progress bar on a terminal, then 'imported N, duplicates D,\n"
    "        rejected R' and one line per rejected file with its reason.\n"
    "        --list prints 'STATUS<TAB>SOPInstanceUID<TAB>FILE' per file once\n"
    "        it is committed. Exit 0: nothing rejected; 1: some rejected.\n"
    "  find --level patient|study|series|instance [Keyword=Value ...]\n"
    "       [--limit N] [--offset N] [--json]\n"
    "        Query the archive with DICOM matching: PatientName=DOE*,\n"
    "        StudyDate=20200101-20201231, ModalitiesInStudy=CT,\n"
    "        StudyInstanceUID=1.2.3\\1.2.4 (list). Keyword= returns the\n"
    "        attribute. --json prints a DICOM JSON (PS3.18 F) array.\n"
    "  stats [--json]\n"
    "        Counts of patients, studies, series, instances and stored bytes.\n"
    "  verify\n"
    "        Check that every indexed file exists and matches its SHA-256;\n"
    "        exit 0 only when the archive is consistent.\n"
    "  serve [--aet AET] [--dicom-port N] [--dicom-tls-port N] [--http-port N]\n"
    "        [--bind ADDRESS]\n"
    "        Run the PACS node in the foreground until SIGTERM/SIGINT: C-ECHO,\n"
    "        C-STORE, C-FIND, C-MOVE, C-GET (Patient and Study Root) and\n"
    "        Modality Worklist. Defaults from kilima.json: AE KILIMA, port 11112.\n"
    "  nodes add NAME --aet AET --host HOST --port PORT\n"
    "        [--allow echo,store,find,move,get,worklist] [--tls]\n"
    "  nodes list [--json] | nodes remove NAME\n"
    "        The known nodes: who may associate and use which service, and\n"
    "        where C-MOVE destinations are.\n"
    "  worklist add --patient-name PN --patient-id ID --modality MOD\n"
    "        --date YYYYMMDD [--time HHMM] [--station-aet AET] [--accession A]\n"
    "        [--requested-procedure-id ID] [--requested-procedure TEXT]\n"
    "        [--description TEXT] [--step-id ID] [--performing PN] [--referring PN]\n"
    "        [--birth-date YYYYMMDD] [--sex M|F|O] [--study-uid UID]\n"
    "  worklist import FILE.json    (an array of items in DICOM JSON)\n"
    "  worklist list [--date D|RANGE] [--modality M] [--station-aet AET]\n"
    "        [--patient-name PN] [--patient-id ID] [--json]\n"
    "  worklist remove ID\n"
    "        Scheduled procedure steps answered to Modality Worklist C-FIND.\n"
    "  audit [--since ISO-TIME] [--study UID] [--actor AET] [--limit N] [--json]\n"
    "        The audit log, newest first: every association and DIMSE\n"
    "        operation (who, from where, what, which study, result).\n"
    "\n"
    "Exit status: 0 success, 1 problems found, 2 usage error.\n";

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kilima-node"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KILIMA_VERSION));

    QStringList args = app.arguments().mid(1);
    Context ctx;
    QString dataDir;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--data-dir")) {
            if (args.isEmpty()) {
                err() << "kilima-node: --data-dir needs a folder\n" << kUsage << Qt::flush;
                return kExitUsage;
            }
            dataDir = args.takeFirst();
        } else if (a.startsWith(QLatin1String("--data-dir="))) {
            dataDir = a.section(QLatin1Char('='), 1);
        } else if (a == QLatin1String("--verbose")) {
            ctx.verbose = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out() << kUsage << Qt::flush;
            return kExitOk;
        } else if (a == QLatin1String("--version")) {
            out() << "kilima-node " << KILIMA_VERSION << Qt::endl;
            return kExitOk;
        } else {
            err() << "kilima-node: unknown option " << a << "\n" << kUsage << Qt::flush;
            return kExitUsage;
        }
    }
    if (args.isEmpty()) {
        err() << kUsage << Qt::flush;
        return kExitUsage;
    }
    kilima::core::initLogging(ctx.verbose);
    kilima::dicom::registerCodecs();
    ctx.dataDir = kilima::core::DataDir::resolve(dataDir);

    const QString command = args.takeFirst();
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out() << kUsage << Qt::flush;
        return kExitOk;
    }
    if (command == QLatin1String("import"))
        return runImport(ctx, args);
    if (command == QLatin1String("find"))
        return runFind(ctx, args);
    if (command == QLatin1String("stats"))
        return runStats(ctx, args);
    if (command == QLatin1String("verify"))
        return runVerify(ctx, args);
    if (command == QLatin1String("serve"))
        return runServe(ctx, args);
    if (command == QLatin1String("nodes"))
        return runNodes(ctx, args);
    if (command == QLatin1String("worklist"))
        return runWorklist(ctx, args);
    if (command == QLatin1String("audit"))
        return runAudit(ctx, args);
    err() << "kilima-node: unknown command " << command << "\n" << kUsage << Qt::flush;
    return kExitUsage;
}
