#include <kilima/browser/remotestudies.h>

#include <kilima/archive/archive.h>
#include <kilima/node/archivestore.h>
#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <kilima/dicomweb/client.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <atomic>

namespace kilima::browser {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kilima::browser::RemoteStudies", text);
}

QString dicomDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyyMMdd")) : QString();
}

void put(DcmDataset &ds, const DcmTagKey &tag, const QString &value)
{
    ds.putAndInsertString(tag, value.toUtf8().constData());
}

// Ingests what a C-GET brings on the association, streamed into the
// archive like the node's own Storage SCP, and counts the outcomes.
class IngestSink : public node::ArchiveStoreHandler {
public:
    IngestSink(archive::Archive &archive, QString source) : ArchiveStoreHandler(archive, std::move(source)) {}
    std::atomic<int> stored{0};
    std::atomic<int> failed{0};
    QString lastError;

protected:
    void ingested(const archive::IngestOutcome &out) override
    {
        if (out.success()) {
            ++stored;
        } else {
            ++failed;
            lastError = out.reason;
        }
    }
};

QString jsonValue(const QJsonObject &item, const char *tag)
{
    const QJsonArray values = item.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
    QStringList out;
    for (const QJsonValue &v : values) {
        if (v.isObject())
            out << v.toObject().value(QLatin1String("Alphabetic")).toString();
        else if (v.isDouble())
            out << QString::number(v.toDouble());
        else
            out << v.toString();
    }
    return out.join(QLatin1Char('\\'));
}

QString explainWeb(const QString &error, const WebServer &server)
{
    const QString e = error.toLower();
    if (e.contains(QLatin1String("401")) || e.contains(QLatin1String("403")) || e.contains(QLatin1String("unauthor")))
        return tr("%1 refused the user name or password (%2). Check them in Settings > DICOMweb servers.")
            .arg(server.name, error);
    if (e.contains(QLatin1String("connect")) || e.contains(QLatin1String("timeout")) || e.contains(QLatin1String("resolve")))
        return tr("%1 did not answer at %2 (%3). Check the address and that the server runs.")
            .arg(server.name, server.baseUrl, error);
    return tr("%1: %2").arg(server.name, error);
}

dicomweb::ClientConfig clientConfig(const WebServer &server)
{
    dicomweb::ClientConfig c;
    c.baseUrl = server.baseUrl;
    c.user = server.user;
    c.password = server.password;
    return c;
}

} // namespace

core::Result<QList<RemoteStudy>> RemoteStudies::find(const WebServer &server, const RemoteFilter &f)
{
    dicomweb::Client client(clientConfig(server));
    QList<QPair<QString, QString>> params;
    if (!f.patientId.isEmpty()) {
        params << qMakePair(QStringLiteral("PatientID"), f.patientId);
    } else {
        const QString text = f.text.trimmed();
        static const QRegularExpression digit(QStringLiteral("\\d"));
        static const QRegularExpression separators(QStringLiteral("[\\s,^]+"));
        if (text.contains(digit))
            params << qMakePair(QStringLiteral("PatientID"), text.endsWith(QLatin1Char('*')) ? text : text + QLatin1Char('*'));
        else if (!text.isEmpty())
            params << qMakePair(QStringLiteral("PatientName"),
                                QLatin1Char('*') + QString(text).replace(separators, QStringLiteral("*")) + QLatin1Char('*'));
    }
    if (f.from.isValid() || f.to.isValid())
        params << qMakePair(QStringLiteral("StudyDate"),
                            f.from == f.to ? dicomDate(f.from) : dicomDate(f.from) + QLatin1Char('-') + dicomDate(f.to));
    if (!f.modality.isEmpty())
        params << qMakePair(QStringLiteral("ModalitiesInStudy"), f.modality);
    params << qMakePair(QStringLiteral("includefield"), QStringLiteral("all"));
    auto found = client.search(archive::Level::Study, params);
    if (!found)
        return core::Error{explainWeb(found.error(), server)};
    QList<RemoteStudy> out;
    for (const QJsonObject &o : found.value()) {
        RemoteStudy s;
        s.studyUid = jsonValue(o, "0020000D");
        s.patientName = jsonValue(o, "00100010");
        s.patientId = jsonValue(o, "00100020");
        s.birthDate = jsonValue(o, "00100030");
        s.sex = jsonValue(o, "00100040");
        s.studyDate = jsonValue(o, "00080020");
        s.studyTime = jsonValue(o, "00080030");
        s.modalities = jsonValue(o, "00080061").split(QLatin1Char('\\'), Qt::SkipEmptyParts).join(QStringLiteral(", "));
        s.description = jsonValue(o, "00081030");
        s.accession = jsonValue(o, "00080050");
        s.instances = jsonValue(o, "00201208").toInt();
        if (!s.studyUid.isEmpty())
            out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const RemoteStudy &a, const RemoteStudy &b) {
        return a.studyDate + a.studyTime > b.studyDate + b.studyTime;
    });
    return out;
}

core::Result<RetrieveResult> RemoteStudies::retrieve(const WebServer &server, archive::Archive &archive,
                                                     const QString &studyUid)
{
    dicomweb::Client client(clientConfig(server));
    auto r = client.retrieveInto(archive, studyUid);
    if (!r)
        return core::Error{explainWeb(r.error(), server)};
    RetrieveResult out;
    out.received = r.value().stored;
    out.failed = int(r.value().failures.size());
    if (out.failed)
        out.warning = tr("%1 images could not be stored here: %2").arg(out.failed).arg(r.value().failures.value(0));
    return out;
}

dicomnet::ScuConfig RemoteStudies::scuConfig(const archive::KnownNode &node, const QString &callingAe)
{
    dicomnet::ScuConfig c;
    c.callingAe = callingAe;
    c.remote.name = node.name;
    c.remote.aeTitle = node.aeTitle;
    c.remote.host = node.host;
    c.remote.port = quint16(node.port);
    c.remote.tls = node.tls;
    c.acseTimeoutSeconds = 10;
    c.dimseTimeoutSeconds = 60;
    return c;
}

core::Status RemoteStudies::echo(const dicomnet::ScuConfig &config)
{
    const core::Status st = dicomnet::Scu::echo(config);
    if (!st)
        return core::Error{explain(st.error(), config)};
    return {};
}

core::Result<QList<RemoteStudy>> RemoteStudies::find(const dicomnet::ScuConfig &config, const RemoteFilter &f)
{
    DcmDataset id;
    put(id, DCM_QueryRetrieveLevel, QStringLiteral("STUDY"));
    put(id, DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
    QString name, pid;
    if (!f.patientId.isEmpty()) {
        pid = f.patientId;
    } else {
        const QString text = f.text.trimmed();
        static const QRegularExpression digit(QStringLiteral("\\d"));
        static const QRegularExpression separators(QStringLiteral("[\\s,^]+"));
        if (text.contains(digit))
            pid = text.endsWith(QLatin1Char('*')) ? text : text + QLatin1Char('*');
        else if (!text.isEmpty())
            name = QLatin1Char('*') + QString(text).replace(separators, QStringLiteral("*")) + QLatin1Char('*');
    }
    put(id, DCM_PatientName, name);
    put(id, DCM_PatientID, pid);
    put(id, DCM_PatientBirthDate, QString());
    put(id, DCM_PatientSex, QString());
    QString date;
    if (f.from.isValid() || f.to.isValid())
        date = f.from == f.to ? dicomDate(f.from) : dicomDate(f.from) + QLatin1Char('-') + dicomDate(f.to);
    put(id, DCM_StudyDate, date);
    put(id, DCM_StudyTime, QString());
    put(id, DCM_ModalitiesInStudy, f.modality);
    put(id, DCM_StudyDescription, QString());
    put(id, DCM_AccessionNumber, QString());
    put(id, DCM_StudyInstanceUID, QString());
    put(id, DCM_NumberOfStudyRelatedInstances, QString());

    auto found = dicomnet::Scu::find(config, dicomnet::QueryModel::StudyRoot, id);
    if (!found)
        return core::Error{explain(found.error(), config)};
    QList<RemoteStudy> out;
    for (const auto &ds : found.value()) {
        RemoteStudy s;
        s.studyUid = dicom::stringValue(*ds, DCM_StudyInstanceUID);
        s.patientName = dicom::stringValue(*ds, DCM_PatientName);
        s.patientId = dicom::stringValue(*ds, DCM_PatientID);
        s.birthDate = dicom::stringValue(*ds, DCM_PatientBirthDate);
        s.sex = dicom::stringValue(*ds, DCM_PatientSex);
        s.studyDate = dicom::stringValue(*ds, DCM_StudyDate);
        s.studyTime = dicom::stringValue(*ds, DCM_StudyTime);
        s.modalities = dicom::stringValue(*ds, DCM_ModalitiesInStudy).split(QLatin1Char('\\'), Qt::SkipEmptyParts).join(QStringLiteral(", "));
        s.description = dicom::stringValue(*ds, DCM_StudyDescription);
        s.accession = dicom::stringValue(*ds, DCM_AccessionNumber);
        s.instances = dicom::stringValue(*ds, DCM_NumberOfStudyRelatedInstances).toInt();
        if (!s.studyUid.isEmpty())
            out.append(s);
    }
    // Newest first, as the local list.
    std::sort(out.begin(), out.end(), [](const RemoteStudy &a, const RemoteStudy &b) {
        return a.studyDate + a.studyTime > b.studyDate + b.studyTime;
    });
    return out;
}

core::Result<RetrieveResult> RemoteStudies::retrieve(const dicomnet::ScuConfig &config, archive::Archive &archive,
                                                     const QString &studyUid, RetrieveMethod method,
                                                     const QString &moveDestination,
                                                     const std::function<void(int, int)> &progress)
{
    DcmDataset id;
    put(id, DCM_QueryRetrieveLevel, QStringLiteral("STUDY"));
    put(id, DCM_StudyInstanceUID, studyUid);
    auto onProgress = [&progress](const dicomnet::RetrieveSummary &s) {
        if (progress)
            progress(s.completed + s.failed + s.warning, 0);
    };
    RetrieveResult result;
    if (method == RetrieveMethod::Get) {
        IngestSink sink(archive, QStringLiteral("C-GET from %1@%2").arg(config.remote.aeTitle, config.remote.host));
        auto r = dicomnet::Scu::get(config, dicomnet::QueryModel::StudyRoot, id, sink, onProgress);
        if (!r)
            return core::Error{explain(r.error(), config)};
        result.received = sink.stored;
        result.failed = sink.failed + r.value().failed;
        if (sink.failed)
            result.warning = tr("%1 images could not be stored here: %2").arg(sink.failed.load()).arg(sink.lastError);
        else if (r.value().failed)
            result.warning = tr("the node could not send %1 images (status 0x%2 %3)")
                                 .arg(r.value().failed)
                                 .arg(r.value().finalStatus, 4, 16, QLatin1Char('0'))
                                 .arg(r.value().comment);
        return result;
    }
    if (moveDestination.isEmpty())
        return core::Error{tr("C-MOVE needs this workstation's node running: start it in Node status, or use C-GET")};
    auto r = dicomnet::Scu::move(config, dicomnet::QueryModel::StudyRoot, id, moveDestination, onProgress);
    if (!r)
        return core::Error{explain(r.error(), config)};
    result.received = r.value().completed + r.value().warning;
    result.failed = r.value().failed;
    if (r.value().finalStatus == 0xA801)
        return core::Error{tr("%1 does not know this workstation as \"%2\": add it to that node's known nodes "
                              "with its host and port, or retrieve with C-GET")
                               .arg(config.remote.aeTitle, moveDestination)};
    if (r.value().failed)
        result.warning = tr("%1 images were not sent (status 0x%2 %3)")
                             .arg(r.value().failed)
                             .arg(r.value().finalStatus, 4, 16, QLatin1Char('0'))
                             .arg(r.value().comment);
    return result;
}

QString RemoteStudies::explain(const QString &error, const dicomnet::ScuConfig &config)
{
    const QString where = QStringLiteral("%1 (%2:%3)").arg(config.remote.aeTitle, config.remote.host).arg(config.remote.port);
    const QString e = error.toLower();
    if (e.contains(QLatin1String("refused")) || e.contains(QLatin1String("connect")) ||
        e.contains(QLatin1String("timeout")) || e.contains(QLatin1String("timed out")) ||
        e.contains(QLatin1String("unreachable")) || e.contains(QLatin1String("resolve")))
        return tr("%1 did not answer (%2). Check that the node runs and that its host and port are right, "
                  "and that no firewall blocks the port.")
            .arg(where, error);
    if (e.contains(QLatin1String("reject")) || e.contains(QLatin1String("calling ae")) ||
        e.contains(QLatin1String("called ae")))
        return tr("%1 refused the association (%2). Check the AE titles: that node must know this workstation's "
                  "AE title \"%3\" and allow it this service.")
            .arg(where, error, config.callingAe);
    return tr("%1: %2").arg(where, error);
}

} // namespace kilima::browser
