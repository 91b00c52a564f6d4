// STOW-RS: multipart/related application/dicom bodies, parsed as they
// arrive; every part goes through Archive::ingest (the C-STORE path) and
// the response is the PS3.18 Store Instances Response.
#include "service_p.h"
#include "stowjson_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kilima::dicomweb {

namespace {

// Failure reasons (PS3.18 Table 10.5.3-3 / PS3.4 Annex B).
constexpr int kProcessingFailure = 0x0110;
constexpr int kDuplicateSop = 0x0111;
constexpr int kOutOfResources = 0xA700;
constexpr int kCannotUnderstand = 0xC000;
constexpr int kStudyMismatch = 0xC409;   // not in the requested study (as dcm4chee reports it)

QJsonObject ui(const QString &v)
{
    return QJsonObject{{QStringLiteral("vr"), QStringLiteral("UI")}, {QStringLiteral("Value"), QJsonArray{v}}};
}
QJsonObject us(int v)
{
    return QJsonObject{{QStringLiteral("vr"), QStringLiteral("US")}, {QStringLiteral("Value"), QJsonArray{v}}};
}
QJsonObject ur(const QString &v)
{
    return QJsonObject{{QStringLiteral("vr"), QStringLiteral("UR")}, {QStringLiteral("Value"), QJsonArray{v}}};
}
QJsonObject text(const char *vr, const QString &v)
{
    return QJsonObject{{QStringLiteral("vr"), QLatin1String(vr)}, {QStringLiteral("Value"), QJsonArray{v}}};
}
QJsonObject sq(const QJsonArray &items)
{
    return QJsonObject{{QStringLiteral("vr"), QStringLiteral("SQ")}, {QStringLiteral("Value"), items}};
}

class Session : public StowSession {
public:
    Session(WebService &service, HttpRequest request, const QByteArray &boundary, QString studyUid, qint64 maxPart, bool json)
        : m_service(service), m_request(std::move(request)), m_study(std::move(studyUid)),
          m_parser(boundary, [this](Part &p) { return onPart(p); }, maxPart), m_json(json)
    {
    }

    bool feed(const char *data, qint64 size) override { return m_parser.feed(data, size); }

    HttpReply finish() override
    {
        const bool complete = m_parser.finish();
        // DICOM JSON with bulk data: the datasets can only be built once
        // every part they refer to has arrived.
        for (const QByteArray &json : std::as_const(m_jsonParts)) {
            for (JsonInstance &i : part10FromJson(json, m_bulk)) {
                if (!i.error.isEmpty())
                    fail(i.sopClassUid, i.sopInstanceUid, kCannotUnderstand, i.error);
                else
                    store(std::move(i.part10));
            }
        }
        m_jsonParts.clear();
        m_bulk.clear();
        if (m_referenced.isEmpty() && m_failed.isEmpty()) {
            m_service.audit(m_request, QStringLiteral("STOW-RS"), m_study, QStringLiteral("failure"), m_parser.error());
            return HttpReply::error(400, m_parser.error().isEmpty() ? QStringLiteral("the request holds no instances") : m_parser.error());
        }
        QJsonObject response;
        if (!m_study.isEmpty() || m_studies.size() == 1)
            response.insert(QStringLiteral("00081190"),
                            ur(m_request.baseUrl + QStringLiteral("/studies/") + (m_study.isEmpty() ? *m_studies.begin() : m_study)));
        if (!m_referenced.isEmpty())
            response.insert(QStringLiteral("00081199"), sq(m_referenced));
        if (!m_failed.isEmpty())
            response.insert(QStringLiteral("00081198"), sq(m_failed));
        HttpReply reply;
        reply.contentType = "application/dicom+json";
        reply.json = true;
        reply.body = QJsonDocument(response).toJson(QJsonDocument::Compact);
        reply.status = m_failed.isEmpty() ? 200 : m_referenced.isEmpty() ? 409 : 202;
        if (!complete) {
            // Parts before the damage are stored (and listed); say why the rest is not.
            reply.status = m_referenced.isEmpty() ? 400 : 202;
            reply.headers.append(qMakePair(QByteArray("Warning"),
                                           QByteArray(QByteArray("299 kilima \"") + m_parser.error().toUtf8().replace('"', '\'') + '"')));
        }
        m_service.audit(m_request, QStringLiteral("STOW-RS"), m_study.isEmpty() && m_studies.size() == 1 ? *m_studies.begin() : m_study,
                        m_failed.isEmpty() ? QStringLiteral("success") : QStringLiteral("warning"),
                        QStringLiteral("%1 stored, %2 failed%3")
                            .arg(m_referenced.size())
                            .arg(m_failed.size())
                            .arg(complete ? QString() : QStringLiteral(", body: ") + m_parser.error()));
        return reply;
    }

private:
    // Failure Reason is a code; the words a person can act on ("sequences
    // nested deeper than 64 levels ...") go in Kilima's private block,
    // (0009,10xx) reserved by creator "KILIMA 1.0": (0009,1001) LT.
    void fail(const QString &sopClass, const QString &sopInstance, int reason, const QString &why = {})
    {
        QJsonObject item;
        if (!sopClass.isEmpty())
            item.insert(QStringLiteral("00081150"), ui(sopClass));
        if (!sopInstance.isEmpty())
            item.insert(QStringLiteral("00081155"), ui(sopInstance));
        item.insert(QStringLiteral("00081197"), us(reason));
        if (!why.isEmpty()) {
            item.insert(QStringLiteral("00090010"), text("LO", QStringLiteral("KILIMA 1.0")));
            item.insert(QStringLiteral("00091001"), text("LT", why.left(10240)));
        }
        m_failed.append(item);
    }

    bool onPart(Part &part)
    {
        const MediaType type = parseMediaType(part.header("content-type"));
        if (m_json) {
            // The metadata parts are JSON; every other part is bulk data
            // that a BulkDataURI names by its Content-Location.
            if (type.is("application/dicom+json") || type.is("application/json") ||
                (type.type.isEmpty() && part.header("content-location").isEmpty()))
                m_jsonParts << std::move(part.body);
            else if (auto it = m_bulk.find(QString::fromUtf8(part.header("content-location"))); it != m_bulk.end())
                it->further << std::move(part.body);   // the next frame of compressed pixel data
            else
                m_bulk.insert(QString::fromUtf8(part.header("content-location")),
                              BulkPart{part.header("content-type"), std::move(part.body), {}});
            return true;
        }
        if (!type.type.isEmpty() && !type.is("application/dicom")) {
            fail({}, {}, kCannotUnderstand);
            return true;
        }
        store(std::move(part.body));
        return true;
    }

    void store(QByteArray part10)
    {
        if (!m_study.isEmpty()) {
            auto parsed = dicom::DicomFile::parse(part10, QStringLiteral("STOW-RS part %1").arg(m_parser.partCount()));
            if (parsed) {
                DcmDataset &ds = parsed.value().dataset();
                const QString study = dicom::stringValue(ds, DCM_StudyInstanceUID);
                if (study != m_study) {
                    fail(dicom::stringValue(ds, DCM_SOPClassUID), dicom::stringValue(ds, DCM_SOPInstanceUID), kStudyMismatch);
                    return;
                }
            }
        }
        archive::Incoming in;
        in.bytes = std::move(part10);
        in.source = QStringLiteral("STOW-RS from %1@%2").arg(m_request.user, m_request.peer);
        const archive::IngestOutcome o = m_service.archive().ingest(in);
        switch (o.status) {
        case archive::IngestStatus::Stored:
        case archive::IngestStatus::Duplicate:
        case archive::IngestStatus::Replaced: {
            QJsonObject item{{QStringLiteral("00081150"), ui(o.sopClassUid)},
                             {QStringLiteral("00081155"), ui(o.sopInstanceUid)},
                             {QStringLiteral("00081190"),
                              ur(m_request.baseUrl + QStringLiteral("/studies/") + o.studyInstanceUid + QStringLiteral("/series/") +
                                 o.seriesInstanceUid + QStringLiteral("/instances/") + o.sopInstanceUid)}};
            m_referenced.append(item);
            m_studies.insert(o.studyInstanceUid);
            break;
        }
        case archive::IngestStatus::DuplicateConflict:
            fail(o.sopClassUid, o.sopInstanceUid, kDuplicateSop);
            break;
        case archive::IngestStatus::Rejected:
            fail(o.sopClassUid, o.sopInstanceUid, kCannotUnderstand,
                 o.reason.startsWith(in.source + QStringLiteral(": ")) ? o.reason.mid(in.source.size() + 2) : o.reason);
            break;
        case archive::IngestStatus::Failed:
            fail(o.sopClassUid, o.sopInstanceUid, o.reason.contains(QLatin1String("space")) ? kOutOfResources : kProcessingFailure);
            break;
        }
    }

    WebService &m_service;
    HttpRequest m_request;
    QString m_study;
    MultipartParser m_parser;
    QJsonArray m_referenced;
    QJsonArray m_failed;
    QSet<QString> m_studies;
    bool m_json = false;
    QList<QByteArray> m_jsonParts;
    QHash<QString, BulkPart> m_bulk;
};

} // namespace

std::unique_ptr<StowSession> WebService::beginStow(const HttpRequest &req, HttpReply *early)
{
    const QStringList s = req.path.split(QLatin1Char('/'));
    QString study;
    if (s.size() == 2 && s.at(0) == QLatin1String("studies")) {
        study = s.at(1);
        if (!isValidUid(study)) {
            *early = HttpReply::error(400, QStringLiteral("\"%1\" is not a valid Study Instance UID").arg(study.left(80)));
            return nullptr;
        }
    } else if (!(s.size() == 1 && s.at(0) == QLatin1String("studies"))) {
        *early = HttpReply::error(405, QStringLiteral("POST is accepted on /studies and /studies/{StudyInstanceUID} only"));
        return nullptr;
    }
    const MediaType ct = parseMediaType(req.contentType);
    if (!ct.is("multipart/related")) {
        *early = HttpReply::error(415, QStringLiteral("STOW-RS takes multipart/related; type=\"application/dicom\""));
        return nullptr;
    }
    const QByteArray type = ct.param("type").toLower();
    const bool json = type == "application/dicom+json";
    if (!type.isEmpty() && type != "application/dicom" && !json) {
        *early = HttpReply::error(415, QStringLiteral("this server stores application/dicom parts, or application/dicom+json "
                                                      "with bulk data parts, not %1")
                                           .arg(QString::fromLatin1(type)));
        return nullptr;
    }
    const QByteArray boundary = boundaryOf(req.contentType);
    if (boundary.isEmpty()) {
        *early = HttpReply::error(400, QStringLiteral("the Content-Type has no valid boundary parameter"));
        return nullptr;
    }
    bool acceptable = req.accept.isEmpty();
    for (const MediaType &m : parseAccept(req.accept))
        acceptable = acceptable || m.is("application/dicom+json") || m.is("application/json") || m.is("*/*") || m.is("application/*");
    if (!acceptable) {
        *early = HttpReply::error(406, QStringLiteral("the STOW-RS response is application/dicom+json"));
        return nullptr;
    }
    return std::make_unique<Session>(*this, req, boundary, study, qint64(config().http.maxBodyMegabytes) << 20, json);
}

} // namespace kilima::dicomweb
