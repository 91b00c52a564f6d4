#include "services_p.h"

#include <kilima/archive/knownnodes.h>
#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

namespace kilima::node {

core::Result<QStringList> ArchiveRetrieveHandler::resolve(const dicomnet::Peer &, dicomnet::QueryModel, DcmDataset &identifier)
{
    const QString levelText = dicom::stringValue(identifier, DCM_QueryRetrieveLevel).toUpper();
    struct LevelKey {
        const char *name;
        archive::Level level;
        DcmTagKey key;
    };
    static const LevelKey levels[] = {
        {"PATIENT", archive::Level::Patient, DCM_PatientID},
        {"STUDY", archive::Level::Study, DCM_StudyInstanceUID},
        {"SERIES", archive::Level::Series, DCM_SeriesInstanceUID},
        {"IMAGE", archive::Level::Instance, DCM_SOPInstanceUID},
    };
    for (const LevelKey &l : levels) {
        if (levelText != QLatin1String(l.name))
            continue;
        const QStringList uids = dicom::stringValue(identifier, l.key).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        if (uids.isEmpty())
            return core::Error{QStringLiteral("%1 level retrieve needs %2").arg(levelText, dicom::keywordOf(l.key))};
        QStringList files;
        for (const QString &uid : uids) {
            const auto found = m_archive.instanceFiles(l.level, uid.trimmed());
            if (!found)
                return core::Error{found.error()};
            files << found.value();
        }
        return files;
    }
    return core::Error{QStringLiteral("Query/Retrieve Level \"%1\" is not valid").arg(levelText)};
}

core::Result<dicomnet::RemoteNode> ArchiveRetrieveHandler::moveDestination(const dicomnet::Peer &, const QString &destinationAe)
{
    const auto nodes = m_archive.knownNodes().byAeTitle(destinationAe);
    if (!nodes)
        return core::Error{nodes.error()};
    if (nodes.value().isEmpty())
        return core::Error{QStringLiteral("move destination %1 is not a known node").arg(destinationAe)};
    const archive::KnownNode &n = nodes.value().first();
    dicomnet::RemoteNode r;
    r.name = n.name;
    r.aeTitle = n.aeTitle;
    r.host = n.host;
    r.port = quint16(n.port);
    r.tls = n.tls;
    return r;
}

} // namespace kilima::node
