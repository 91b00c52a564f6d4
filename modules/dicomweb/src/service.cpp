#include "service_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace kilima::dicomweb {

Q_LOGGING_CATEGORY(lcWeb, "kilima.dicomweb")

using archive::Level;

HttpReply HttpReply::error(int status, const QString &message)
{
    HttpReply r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = message.toUtf8() + '\n';
    return r;
}

bool isValidUid(const QString &uid)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
    return !uid.isEmpty() && uid.size() <= 64 && re.match(uid).hasMatch();
}

QString queryValue(const HttpRequest &req, const char *name)
{
    for (const auto &p : req.query) {
        if (p.first == QLatin1String(name))
            return p.second;
    }
    return {};
}

bool hasQuery(const HttpRequest &req, const char *name)
{
    for (const auto &p : req.query) {
        if (p.first == QLatin1String(name))
            return true;
    }
    return false;
}

WebService::WebService(archive::Archive &archive, const core::Config &config)
    : m_archive(archive), m_config(config), m_metadata(archive.databasePath())
{
}

WebService::~WebService() = default;

void WebService::audit(const HttpRequest &request, const QString &action, const QString &studyUid, const QString &outcome,
                       const QString &detail)
{
    archive::AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.actor = request.user;
    r.peerHost = request.peer;
    r.action = action;
    r.studyUid = studyUid;
    r.outcome = outcome;
    r.detail = detail;
    m_archive.auditLog().append(r);
}

QStringList WebService::filesOf(Level level, const QString &studyUid, const QString &seriesUid, const QString &sopUid,
                                HttpReply *reply)
{
    if (level != Level::Study) {
        archive::Query q;
        q.level = level;
        q.ordered = false;
        q.limit = 1;
        q.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
        q.keys.append({dicom::tagNumber(0x0020, 0x000E), seriesUid});
        if (level == Level::Instance)
            q.keys.append({dicom::tagNumber(0x0008, 0x0018), sopUid});
        auto found = m_archive.count(q);
        if (!found) {
            *reply = HttpReply::error(500, found.error());
            return {};
        }
        if (found.value() == 0) {
            *reply = HttpReply::error(404, level == Level::Series
                                               ? QStringLiteral("no series %1 in study %2").arg(seriesUid, studyUid)
                                               : QStringLiteral("no instance %1 in series %2 of study %3").arg(sopUid, seriesUid, studyUid));
            return {};
        }
    }
    const QString uid = level == Level::Study ? studyUid : level == Level::Series ? seriesUid : sopUid;
    auto files = m_archive.instanceFiles(level, uid);
    if (!files) {
        *reply = HttpReply::error(500, files.error());
        return {};
    }
    if (files.value().isEmpty()) {
        *reply = HttpReply::error(404, QStringLiteral("no %1 %2").arg(archive::toString(level).toLower(), uid));
        return {};
    }
    return files.value();
}

namespace {

struct Route {
    QString study, series, sop;
    Level level = Level::Study;   // the object the resource is about
    QString resource;              // "", metadata, rendered, thumbnail, frames, bulk, series, instances
    QString frames;                // frame list of /frames/{list}
    QString frameResource;         // rendered/thumbnail after /frames/{list}
    QStringList bulkPath;
};

} // namespace

HttpReply WebService::get(const HttpRequest &request)
{
    // PS3.18 8.3.3.1: the accept query parameter, where a resource allows
    // it, wins over the Accept header (a browser's <img> or OHIF's
    // thumbnails cannot set the header). Routes it does not apply to
    // (retrieve, frames, bulk data) keep the header.
    HttpRequest withParam;
    const bool acceptParam = hasQuery(request, "accept");
    if (acceptParam) {
        withParam = request;
        withParam.accept = queryValue(request, "accept").toUtf8();
    }
    const HttpRequest &req = acceptParam ? withParam : request;
    const QStringList s = req.path.split(QLatin1Char('/'), Qt::KeepEmptyParts);
    const int n = int(s.size());
    if (n == 1 && s.at(0) == QLatin1String("studies"))
        return qido(req, Level::Study, {}, {});
    if (n == 1 && s.at(0) == QLatin1String("series"))
        return qido(req, Level::Series, {}, {});
    if (n == 1 && s.at(0) == QLatin1String("instances"))
        return qido(req, Level::Instance, {}, {});
    if (n == 1 && s.at(0) == QLatin1String("wado"))
        return wadoUri(req);
    if (n < 2 || s.at(0) != QLatin1String("studies"))
        return HttpReply::error(404, QStringLiteral("no such resource: %1").arg(req.path.left(200)));

    Route r;
    r.study = s.at(1);
    int i = 2;
    if (!isValidUid(r.study))
        return HttpReply::error(400, QStringLiteral("\"%1\" is not a valid Study Instance UID").arg(r.study.left(80)));
    if (n > i + 1 && s.at(i) == QLatin1String("series")) {
        r.series = s.at(i + 1);
        if (!isValidUid(r.series))
            return HttpReply::error(400, QStringLiteral("\"%1\" is not a valid Series Instance UID").arg(r.series.left(80)));
        r.level = Level::Series;
        i += 2;
        if (n > i + 1 && s.at(i) == QLatin1String("instances")) {
            r.sop = s.at(i + 1);
            if (!isValidUid(r.sop))
                return HttpReply::error(400, QStringLiteral("\"%1\" is not a valid SOP Instance UID").arg(r.sop.left(80)));
            r.level = Level::Instance;
            i += 2;
        }
    }
    if (i < n)
        r.resource = s.at(i++);
    if (r.resource == QLatin1String("frames") && r.level == Level::Instance && i < n) {
        r.frames = s.at(i++);
        if (i < n)
            r.frameResource = s.at(i++);
    } else if (r.resource == QLatin1String("bulk") && r.level == Level::Instance) {
        r.bulkPath = s.mid(i);
        i = n;
    }
    if (i != n)
        return HttpReply::error(404, QStringLiteral("no such resource: %1").arg(req.path.left(200)));

    if (r.resource.isEmpty())
        return retrieve(request, r.level, r.study, r.series, r.sop);
    if (r.resource == QLatin1String("metadata"))
        return metadata(req, r.level, r.study, r.series, r.sop);
    if (r.resource == QLatin1String("series") && r.level == Level::Study)
        return qido(req, Level::Series, r.study, {});
    if (r.resource == QLatin1String("instances") && r.level != Level::Instance)
        return qido(req, Level::Instance, r.study, r.series);
    if (r.resource == QLatin1String("rendered") || r.resource == QLatin1String("thumbnail"))
        return rendered(req, r.level, r.study, r.series, r.sop, 0, r.resource == QLatin1String("thumbnail"));
    if (r.resource == QLatin1String("frames") && !r.frames.isEmpty()) {
        if (r.frameResource.isEmpty())
            return frames(request, r.study, r.series, r.sop, r.frames);
        if (r.frameResource == QLatin1String("rendered") || r.frameResource == QLatin1String("thumbnail")) {
            bool ok = false;
            const int frame = r.frames.toInt(&ok);
            if (!ok || frame < 1)
                return HttpReply::error(400, QStringLiteral("rendered frames are served one at a time: /frames/N/rendered with N >= 1"));
            return rendered(req, Level::Instance, r.study, r.series, r.sop, frame - 1,
                            r.frameResource == QLatin1String("thumbnail"));
        }
    }
    if (r.resource == QLatin1String("bulk") && !r.bulkPath.isEmpty())
        return bulk(request, r.study, r.series, r.sop, r.bulkPath);
    return HttpReply::error(404, QStringLiteral("no such resource: %1").arg(req.path.left(200)));
}

} // namespace kilima::dicomweb
