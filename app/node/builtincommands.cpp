// The built-in command groups of kilima-node: archive tools and the node.
#include "cli.h"

namespace kilima::node_cli {
namespace {

const CommandRegistrar k_import{Command{"import",
    "  import [--list] PATH...\n"
    "        Import files, folders (recursive) and DICOMDIR sets. Prints a\n"
    "        progress bar on a terminal, then 'imported N, duplicates D,\n"
    "        rejected R' and one line per rejected file with its reason.\n"
    "        --list prints 'STATUS<TAB>SOPInstanceUID<TAB>FILE' per file once\n"
    "        it is committed. Exit 0: nothing rejected; 1: some rejected.\n",
    &runImport, 10}};

const CommandRegistrar k_find{Command{"find",
    "  find --level patient|study|series|instance [Keyword=Value ...]\n"
    "       [--limit N] [--offset N] [--json]\n"
    "        Query the archive with DICOM matching: PatientName=DOE*,\n"
    "        StudyDate=20200101-20201231, ModalitiesInStudy=CT,\n"
    "        StudyInstanceUID=1.2.3\\1.2.4 (list). Keyword= returns the\n"
    "        attribute. --json prints a DICOM JSON (PS3.18 F) array.\n",
    &runFind, 20}};

const CommandRegistrar k_stats{Command{"stats",
    "  stats [--json]\n"
    "        Counts of patients, studies, series, instances and stored bytes.\n",
    &runStats, 30}};

const CommandRegistrar k_verify{Command{"verify",
    "  verify\n"
    "        Check that every indexed file exists and matches its SHA-256;\n"
    "        exit 0 only when the archive is consistent.\n",
    &runVerify, 40}};

const CommandRegistrar k_serve{Command{"serve",
    "  serve [--aet AET] [--dicom-port N] [--dicom-tls-port N] [--http-port N]\n"
    "        [--bind ADDRESS]\n"
    "        Run the PACS node in the foreground until SIGTERM/SIGINT: C-ECHO,\n"
    "        C-STORE, C-FIND, C-MOVE, C-GET (Patient and Study Root) and\n"
    "        Modality Worklist. Defaults from kilima.json: AE KILIMA, port 11112;\n"
    "        a port of 0 turns that listener off (never a random port).\n"
    "        DICOMweb (QIDO/WADO/STOW-RS, WADO-URI) on --http-port (default 8042,\n"
    "        0 = off) under /dicom-web; the first start creates user \"admin\"\n"
    "        and prints its password once (docs/dicomweb.md).\n",
    &runServe, 50}};

const CommandRegistrar k_nodes{Command{"nodes",
    "  nodes add NAME --aet AET --host HOST --port PORT\n"
    "        [--allow echo,store,find,move,get,worklist] [--tls]\n"
    "  nodes list [--json] | nodes remove NAME\n"
    "        The known nodes: who may associate and use which service, and\n"
    "        where C-MOVE destinations are.\n",
    &runNodes, 60}};

const CommandRegistrar k_worklist{Command{"worklist",
    "  worklist add --patient-name PN --patient-id ID --modality MOD\n"
    "        --date YYYYMMDD [--time HHMM] [--station-aet AET] [--accession A]\n"
    "        [--requested-procedure-id ID] [--requested-procedure TEXT]\n"
    "        [--description TEXT] [--step-id ID] [--performing PN] [--referring PN]\n"
    "        [--birth-date YYYYMMDD] [--sex M|F|O] [--study-uid UID]\n"
    "  worklist import FILE.json    (an array of items in DICOM JSON)\n"
    "  worklist list [--date D|RANGE] [--modality M] [--station-aet AET]\n"
    "        [--patient-name PN] [--patient-id ID] [--json]\n"
    "  worklist remove ID\n"
    "        Scheduled procedure steps answered to Modality Worklist C-FIND.\n",
    &runWorklist, 70}};

const CommandRegistrar k_audit{Command{"audit",
    "  audit [--since ISO-TIME] [--study UID] [--actor AET] [--limit N] [--json]\n"
    "        The audit log, newest first: every association and DIMSE\n"
    "        operation (who, from where, what, which study, result).\n"
    ,
    &runAudit, 80}};

} // namespace
} // namespace kilima::node_cli
