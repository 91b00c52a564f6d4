// QIDO-RS: /studies, /series, /instances and the nested forms, over the
// archive's one query API (DICOM matching from the index, never files).
#include "fuzzyname_p.h"
#include "service_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomjson.h>
#include <kilima/dicomweb/mediatype.h>

#include <dcmtk/dcmdata/dctagkey.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kilima::dicomweb {

using archive::Level;

namespace {

// Answers past this many need paging: the rest is announced in a Warning.
constexpr int kMaxResults = 10000;

// A keyword or an 8-digit hex tag; 0 when neither.
unsigned int parseTag(const QString &text)
{
    if (text.size() == 8) {
        bool ok = false;
        const unsigned int t = text.toUInt(&ok, 16);
        if (ok)
            return t;
    }
    DcmTagKey key;
    if (dicom::tagFromKeyword(text, &key))
        return dicom::tagNumber(key);
    return 0;
}

bool parseCount(const QString &text, int *out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 0)
        return false;
    *out = v;
    return true;
}

// A Warning's text is a quoted-string of visible ASCII: a client's
// parameter name may hold anything else.
QByteArray warningText(const QString &text)
{
    QByteArray out = text.toLatin1();
    for (char &c : out) {
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            c = '?';
    }
    return out;
}

QJsonObject urlAttribute(const QString &url)
{
    return QJsonObject{{QStringLiteral("vr"), QStringLiteral("UR")}, {QStringLiteral("Value"), QJsonArray{url}}};
}

} // namespace

HttpReply WebService::qido(const HttpRequest &req, Level level, const QString &studyUid, const QString &seriesUid)
{
    archive::Query q;
    q.level = level;
    q.ordered = true;
    QList<unsigned int> include;
    bool includeAll = false;
    bool fuzzy = false;
    int limit = 0;
    int offset = 0;
    QStringList keyNames;
    // PS3.18 8.3.4 / 6.6: a parameter or matching key this server does not
    // support is ignored, and a Warning says so; only malformed values of
    // supported ones fail the query.
    QStringList ignored;
    for (const auto &p : req.query) {
        const QString &name = p.first;
        const QString &value = p.second;
        if (name == QLatin1String("includefield")) {
            for (const QString &f : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (f.trimmed() == QLatin1String("all")) {
                    includeAll = true;
                    continue;
                }
                const unsigned int tag = parseTag(f.trimmed());
                if (!tag)
                    return HttpReply::error(400, QStringLiteral("includefield: unknown attribute \"%1\"").arg(f.left(80)));
                include << tag;
            }
        } else if (name == QLatin1String("limit")) {
            if (!parseCount(value, &limit))
                return HttpReply::error(400, QStringLiteral("limit must be a non-negative integer, not \"%1\"").arg(value.left(40)));
        } else if (name == QLatin1String("offset")) {
            if (!parseCount(value, &offset))
                return HttpReply::error(400, QStringLiteral("offset must be a non-negative integer, not \"%1\"").arg(value.left(40)));
        } else if (name == QLatin1String("fuzzymatching")) {
            if (value != QLatin1String("true") && value != QLatin1String("false"))
                return HttpReply::error(400, QStringLiteral("fuzzymatching must be true or false"));
            fuzzy = value == QLatin1String("true");
        } else if (name == QLatin1String("accept")) {
            continue;   // taken by WebService::get (PS3.18 8.3.3.1)
        } else {
            const unsigned int tag = parseTag(name);
            if (!tag) {
                ignored << QStringLiteral("The %1 parameter is not supported.").arg(name.left(80));
                continue;
            }
            if (!archive::isQueryable(level, tag)) {
                ignored << QStringLiteral("%1 is not a matching key for %2 queries on this server.")
                               .arg(dicom::keywordOf(tag), archive::toString(level).toLower());
                continue;
            }
            if (value.size() > 1024)
                return HttpReply::error(400, QStringLiteral("the value of %1 is longer than 1024 characters").arg(name.left(80)));
            q.keys.append({tag, value});
            keyNames << dicom::keywordOf(tag);
        }
    }
    const QList<MediaType> accept = parseAccept(req.accept);
    bool acceptable = accept.isEmpty();
    for (const MediaType &m : accept)
        acceptable = acceptable || m.is("application/dicom+json") || m.is("application/json") || m.is("*/*") || m.is("application/*");
    if (!acceptable)
        return HttpReply::error(406, QStringLiteral("QIDO-RS answers are served as application/dicom+json"));
    // Person-name keys under fuzzymatching are matched here on what the
    // archive returns for the other keys; paging then applies after that.
    QList<QPair<unsigned int, QString>> fuzzyKeys;
    if (fuzzy) {
        for (int i = q.keys.size() - 1; i >= 0; --i) {
            if (dicom::vrOf(DcmTagKey(Uint16(q.keys.at(i).first >> 16), Uint16(q.keys.at(i).first & 0xffff))) == QLatin1String("PN")) {
                fuzzyKeys.prepend({q.keys.at(i).first, q.keys.at(i).second});
                q.keys.removeAt(i);
            }
        }
    }
    if (!studyUid.isEmpty())
        q.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
    if (!seriesUid.isEmpty())
        q.keys.append({dicom::tagNumber(0x0020, 0x000E), seriesUid});

    QList<unsigned int> returnKeys = archive::defaultReturnKeys(level);
    if (includeAll) {
        for (Level l : {Level::Patient, Level::Study, Level::Series, Level::Instance}) {
            for (unsigned int t : archive::defaultReturnKeys(l)) {
                if (archive::isQueryable(level, t) && !returnKeys.contains(t))
                    returnKeys << t;
            }
        }
    }
    // Attributes the index does not hold are left out (the standard lets a
    // server return only what it has).
    for (unsigned int t : include) {
        if (archive::isQueryable(level, t) && !returnKeys.contains(t))
            returnKeys << t;
    }
    if (level != Level::Study && !returnKeys.contains(dicom::tagNumber(0x0020, 0x000D)))
        returnKeys << dicom::tagNumber(0x0020, 0x000D);
    if (level == Level::Instance && !returnKeys.contains(dicom::tagNumber(0x0020, 0x000E)))
        returnKeys << dicom::tagNumber(0x0020, 0x000E);
    for (const auto &k : fuzzyKeys) {
        if (!returnKeys.contains(k.first))
            returnKeys << k.first;
    }
    q.returnKeys = returnKeys;
    const int cap = limit > 0 ? qMin(limit, kMaxResults) : kMaxResults;
    q.limit = fuzzyKeys.isEmpty() ? cap + 1 : 0;
    q.offset = fuzzyKeys.isEmpty() ? offset : 0;

    auto result = m_archive.query(q);
    if (!result) {
        audit(req, QStringLiteral("QIDO-RS"), studyUid, QStringLiteral("failure"), result.error());
        return HttpReply::error(400, result.error());
    }
    QList<dicom::AttributeMap> rows = result.take();
    if (!fuzzyKeys.isEmpty()) {
        QList<dicom::AttributeMap> kept;
        int skipped = 0;
        for (dicom::AttributeMap &row : rows) {
            bool match = true;
            for (const auto &k : fuzzyKeys) {
                auto it = row.find(k.first);
                match = match && fuzzyNameMatches(k.second, it == row.end() ? QString() : it->second);
            }
            if (!match)
                continue;
            if (skipped++ < offset)
                continue;
            kept.append(std::move(row));
            if (kept.size() > cap)
                break;
        }
        rows = std::move(kept);
    }
    const bool more = rows.size() > cap;
    if (more)
        rows.removeLast();

    QByteArray body = "[";
    const unsigned int tStudy = dicom::tagNumber(0x0020, 0x000D), tSeries = dicom::tagNumber(0x0020, 0x000E),
                       tSop = dicom::tagNumber(0x0008, 0x0018);
    for (int i = 0; i < rows.size(); ++i) {
        const dicom::AttributeMap &row = rows.at(i);
        QJsonObject o = dicom::toDicomJson(row);
        const auto get = [&row](unsigned int t) {
            auto it = row.find(t);
            return it == row.end() ? QString() : it->second;
        };
        QString url = req.baseUrl + QStringLiteral("/studies/") + get(tStudy);
        if (level != Level::Study)
            url += QStringLiteral("/series/") + get(tSeries);
        if (level == Level::Instance)
            url += QStringLiteral("/instances/") + get(tSop);
        o.insert(QStringLiteral("00081190"), urlAttribute(url));
        if (i)
            body += ',';
        body += QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    body += ']';

    HttpReply reply;
    reply.contentType = "application/dicom+json";
    reply.body = body;
    reply.json = true;
    if (more && (limit == 0 || limit > kMaxResults))
        reply.headers.append(qMakePair(QByteArray("Warning"),
                                       QByteArray(QByteArray("299 kilima \"There are additional results that can be requested; at most ") +
                                                  QByteArray::number(kMaxResults) + " are returned per request\"")));
    for (const QString &w : ignored)
        reply.headers.append(qMakePair(QByteArray("Warning"), QByteArray("299 kilima \"") + warningText(w) + " It was ignored.\""));
    audit(req, QStringLiteral("QIDO-RS"), studyUid, QStringLiteral("success"),
          QStringLiteral("%1 search on %2: %3 matches").arg(archive::toString(level).toLower(),
                                                            keyNames.isEmpty() ? QStringLiteral("(all)") : keyNames.join(QLatin1Char(',')))
              .arg(rows.size()));
    return reply;
}

} // namespace kilima::dicomweb
