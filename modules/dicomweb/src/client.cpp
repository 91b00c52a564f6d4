#include <kilima/dicomweb/client.h>

#include "gzip_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicomweb/multipart.h>

#include <httplib.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace kilima::dicomweb {

namespace {

QString levelPath(archive::Level level)
{
    switch (level) {
    case archive::Level::Series: return QStringLiteral("series");
    case archive::Level::Instance: return QStringLiteral("instances");
    default: return QStringLiteral("studies");
    }
}

QString httpError(const httplib::Result &r)
{
    return QString::fromStdString(httplib::to_string(r.error()));
}

QString statusError(const httplib::Response &res)
{
    QString body = QString::fromUtf8(QByteArray::fromStdString(res.body).left(300)).trimmed();
    return QStringLiteral("HTTP %1%2").arg(res.status).arg(body.isEmpty() ? QString() : QStringLiteral(": ") + body);
}

// /studies/{study}[/series/{series}[/instances/{sop}]]: the resource a
// retrieve or metadata request names.
QString resourcePath(const QString &studyUid, const QString &seriesUid, const QString &sopUid)
{
    QString path = QStringLiteral("/studies/") + studyUid;
    if (!seriesUid.isEmpty()) {
        path += QStringLiteral("/series/") + seriesUid;
        if (!sopUid.isEmpty())
            path += QStringLiteral("/instances/") + sopUid;
    }
    return path;
}

} // namespace

struct Client::Impl {
    ClientConfig config;
    std::unique_ptr<httplib::Client> http;
    QString prefix;   // path part of the base URL, no trailing slash
    QString setupError;

    httplib::Headers headers(const char *accept) const
    {
        httplib::Headers h{{"Accept", accept}};
        return h;
    }

    QString url(const QString &path) const { return prefix + path; }
};

Client::Client(ClientConfig config) : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    const QUrl url(d->config.baseUrl);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()) {
        d->setupError = QStringLiteral("\"%1\" is not an http:// or https:// URL").arg(d->config.baseUrl);
        return;
    }
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QString host = url.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + url.host() + QLatin1Char(']') : url.host();
    d->http = std::make_unique<httplib::Client>(
        QStringLiteral("%1://%2:%3").arg(url.scheme(), host).arg(port).toStdString());
    d->prefix = url.path();
    while (d->prefix.endsWith(QLatin1Char('/')))
        d->prefix.chop(1);
    if (!d->http->is_valid()) {
        d->setupError = QStringLiteral("cannot set up a client for %1").arg(d->config.baseUrl);
        return;
    }
    d->http->set_keep_alive(true);
    d->http->set_connection_timeout(d->config.connectTimeoutSeconds, 0);
    d->http->set_read_timeout(d->config.readTimeoutSeconds, 0);
    d->http->set_write_timeout(d->config.readTimeoutSeconds, 0);
    d->http->set_decompress(true);
    d->http->set_tcp_nodelay(true);
    if (!d->config.bearerToken.isEmpty())
        d->http->set_bearer_token_auth(d->config.bearerToken.toStdString());
    else if (!d->config.user.isEmpty())
        d->http->set_basic_auth(d->config.user.toStdString(), d->config.password.toStdString());
    if (url.scheme() == QLatin1String("https")) {
        if (!d->config.caFile.isEmpty())
            d->http->set_ca_cert_path(d->config.caFile.toStdString());
        d->http->enable_server_certificate_verification(d->config.verifyPeer);
    }
}

Client::~Client() = default;

core::Result<QList<QJsonObject>> Client::search(archive::Level level, const QList<QPair<QString, QString>> &params,
                                                const QString &studyUid, const QString &seriesUid)
{
    if (!d->http)
        return core::Error{d->setupError};
    QString path;
    if (!studyUid.isEmpty()) {
        path = QStringLiteral("/studies/") + studyUid;
        if (!seriesUid.isEmpty())
            path += QStringLiteral("/series/") + seriesUid;
    }
    path += QLatin1Char('/') + levelPath(level);
    QUrlQuery q;
    for (const auto &p : params)
        q.addQueryItem(p.first, p.second);
    const QString query = q.toString(QUrl::FullyEncoded);
    const std::string target = QString(d->url(path) + (query.isEmpty() ? QString() : QString(QLatin1Char('?') + query))).toStdString();
    auto res = d->http->Get(target, httplib::Headers{{"Accept", "application/dicom+json"}, {"Accept-Encoding", "gzip"}});
    if (!res)
        return core::Error{QStringLiteral("QIDO-RS %1: %2").arg(d->config.baseUrl, httpError(res))};
    if (res->status == 204)
        return QList<QJsonObject>{};
    if (res->status != 200)
        return core::Error{QStringLiteral("QIDO-RS: %1").arg(statusError(*res))};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(res->body), &err);
    if (!doc.isArray())
        return core::Error{QStringLiteral("QIDO-RS: the answer is not a JSON array (%1)").arg(err.errorString())};
    QList<QJsonObject> out;
    for (const QJsonValue &v : doc.array())
        out << v.toObject();
    return out;
}

core::Result<int> Client::retrieve(const QString &studyUid, const QString &seriesUid, const QString &sopUid,
                                   const std::function<bool(QByteArray &)> &onInstance, const QString &transferSyntax)
{
    if (!d->http)
        return core::Error{d->setupError};
    QString path = resourcePath(studyUid, seriesUid, sopUid);
    const std::string accept = QStringLiteral("multipart/related; type=\"application/dicom\"; transfer-syntax=%1")
                                   .arg(transferSyntax).toStdString();
    std::unique_ptr<MultipartParser> parser;
    int count = 0;
    int status = 0;
    QString contentType;
    QByteArray errorBody;
    auto res = d->http->Get(
        d->url(path).toStdString(), httplib::Headers{{"Accept", accept}},
        [&](const httplib::Response &r) {
            status = r.status;
            contentType = QString::fromStdString(r.get_header_value("Content-Type"));
            if (status != 200)
                return true;   // read the error body
            const QByteArray boundary = boundaryOf(contentType.toLatin1());
            if (boundary.isEmpty())
                return false;
            parser = std::make_unique<MultipartParser>(boundary, [&](Part &p) {
                ++count;
                return onInstance(p.body);
            });
            return true;
        },
        [&](const char *data, size_t size) {
            if (!parser) {
                if (errorBody.size() < 4096)
                    errorBody.append(data, int(size));
                return true;
            }
            return parser->feed(data, qint64(size));
        });
    if (status != 0 && status != 200)
        return core::Error{QStringLiteral("WADO-RS %1: HTTP %2 %3").arg(path).arg(status).arg(QString::fromUtf8(errorBody).trimmed())};
    if (status == 200 && !parser)
        return core::Error{QStringLiteral("WADO-RS %1: the answer is not multipart (%2)").arg(path, contentType)};
    if (parser && parser->stoppedByHandler())
        return count;
    if (!res)
        return core::Error{QStringLiteral("WADO-RS %1: %2%3").arg(path, httpError(res),
                                                                 parser && !parser->error().isEmpty() ? QStringLiteral(" (") + parser->error() + QLatin1Char(')') : QString())};
    if (!parser->finish())
        return core::Error{QStringLiteral("WADO-RS %1: %2").arg(path, parser->error())};
    return count;
}

core::Result<RetrieveReport> Client::retrieveInto(archive::Archive &archive, const QString &studyUid, const QString &seriesUid,
                                                  const QString &sopUid)
{
    RetrieveReport report;
    const QString source = QStringLiteral("WADO-RS from %1").arg(d->config.baseUrl);
    auto r = retrieve(studyUid, seriesUid, sopUid, [&](QByteArray &bytes) {
        ++report.received;
        const archive::IngestOutcome o = archive.ingest({std::move(bytes), source});
        if (o.success())
            ++report.stored;
        else
            report.failures << QStringLiteral("%1: %2").arg(o.sopInstanceUid.isEmpty() ? QStringLiteral("instance %1").arg(report.received) : o.sopInstanceUid, o.reason);
        return true;
    });
    if (!r)
        return core::Error{r.error()};
    return report;
}

core::Result<QList<QJsonObject>> Client::metadata(const QString &studyUid, const QString &seriesUid, const QString &sopUid)
{
    if (!d->http)
        return core::Error{d->setupError};
    QString path = resourcePath(studyUid, seriesUid, sopUid);
    path += QStringLiteral("/metadata");
    auto res = d->http->Get(d->url(path).toStdString(), httplib::Headers{{"Accept", "application/dicom+json"}, {"Accept-Encoding", "gzip"}});
    if (!res)
        return core::Error{QStringLiteral("WADO-RS metadata: %1").arg(httpError(res))};
    if (res->status != 200)
        return core::Error{QStringLiteral("WADO-RS metadata: %1").arg(statusError(*res))};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(res->body));
    if (!doc.isArray())
        return core::Error{QStringLiteral("WADO-RS metadata: the answer is not a JSON array")};
    QList<QJsonObject> out;
    for (const QJsonValue &v : doc.array())
        out << v.toObject();
    return out;
}

core::Result<StoreReport> Client::store(const QStringList &files, const QString &studyUid)
{
    if (!d->http)
        return core::Error{d->setupError};
    if (files.isEmpty())
        return core::Error{QStringLiteral("STOW-RS: nothing to store")};
    const QByteArray boundary = newBoundary();
    const QByteArray header = partHeader(boundary, "application/dicom");
    const QByteArray end = closingDelimiter(boundary);
    // Body = for each file: header, bytes, CRLF; then the closing delimiter.
    QList<qint64> sizes;
    qint64 total = end.size();
    for (const QString &f : files) {
        const QFileInfo fi(f);
        if (!fi.isFile())
            return core::Error{QStringLiteral("STOW-RS: %1 is not a file").arg(f)};
        sizes << fi.size();
        total += header.size() + fi.size() + 2;
    }
    // Streams the body from the files; httplib asks for ranges in order.
    struct Cursor {
        int file = -1;           // -1 before the first header
        qint64 pos = 0;          // position in the current segment
        int segment = 0;         // 0 header, 1 file bytes, 2 CRLF
        QFile in;
    };
    auto cursor = std::make_shared<Cursor>();
    QString ioError;
    auto provider = [&, cursor](size_t, size_t length, httplib::DataSink &sink) -> bool {
        QByteArray buffer;
        qint64 left = qint64(length);
        while (left > 0) {
            if (cursor->file < 0) {
                cursor->file = 0;
                cursor->segment = 0;
                cursor->pos = 0;
            }
            if (cursor->file >= files.size()) {
                const qint64 n = qMin(left, qint64(end.size()) - cursor->pos);
                if (n <= 0)
                    return false;
                if (!sink.write(end.constData() + cursor->pos, size_t(n)))
                    return false;
                cursor->pos += n;
                left -= n;
                continue;
            }
            if (cursor->segment == 0) {
                const qint64 n = qMin(left, qint64(header.size()) - cursor->pos);
                if (!sink.write(header.constData() + cursor->pos, size_t(n)))
                    return false;
                cursor->pos += n;
                left -= n;
                if (cursor->pos == header.size()) {
                    cursor->segment = 1;
                    cursor->pos = 0;
                    cursor->in.setFileName(files.at(cursor->file));
                    if (!cursor->in.open(QIODevice::ReadOnly)) {
                        ioError = QStringLiteral("cannot read %1").arg(files.at(cursor->file));
                        return false;
                    }
                }
            } else if (cursor->segment == 1) {
                const qint64 n = qMin(left, qMin<qint64>(sizes.at(cursor->file) - cursor->pos, 1 << 20));
                if (n > 0) {
                    buffer.resize(int(n));
                    if (cursor->in.read(buffer.data(), n) != n) {
                        ioError = QStringLiteral("%1 changed while it was being sent").arg(files.at(cursor->file));
                        return false;
                    }
                    if (!sink.write(buffer.constData(), size_t(n)))
                        return false;
                    cursor->pos += n;
                    left -= n;
                }
                if (cursor->pos == sizes.at(cursor->file)) {
                    cursor->in.close();
                    cursor->segment = 2;
                    cursor->pos = 0;
                }
            } else {
                const qint64 n = qMin(left, qint64(2) - cursor->pos);
                if (!sink.write("\r\n" + cursor->pos, size_t(n)))
                    return false;
                cursor->pos += n;
                left -= n;
                if (cursor->pos == 2) {
                    ++cursor->file;
                    cursor->segment = 0;
                    cursor->pos = 0;
                }
            }
        }
        return true;
    };
    QString path = QStringLiteral("/studies");
    if (!studyUid.isEmpty())
        path += QLatin1Char('/') + studyUid;
    auto res = d->http->Post(d->url(path).toStdString(), httplib::Headers{{"Accept", "application/dicom+json"}}, size_t(total),
                             provider,
                             QByteArray(QByteArray("multipart/related; type=\"application/dicom\"; boundary=") + boundary).toStdString());
    if (!res)
        return core::Error{QStringLiteral("STOW-RS %1: %2%3").arg(d->config.baseUrl, httpError(res),
                                                                   ioError.isEmpty() ? QString() : QStringLiteral(" (") + ioError + QLatin1Char(')'))};
    StoreReport report;
    report.httpStatus = res->status;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(res->body));
    const QJsonObject o = doc.isArray() ? doc.array().first().toObject() : doc.object();
    if (res->status != 200 && res->status != 202 && res->status != 409)
        return core::Error{QStringLiteral("STOW-RS: %1").arg(statusError(*res))};
    auto uidOf = [](const QJsonObject &item, const char *tag) {
        return item.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first().toString();
    };
    for (const QJsonValue &v : o.value(QStringLiteral("00081199")).toObject().value(QStringLiteral("Value")).toArray())
        report.storedSopUids << uidOf(v.toObject(), "00081155");
    for (const QJsonValue &v : o.value(QStringLiteral("00081198")).toObject().value(QStringLiteral("Value")).toArray()) {
        const QJsonObject item = v.toObject();
        const int reason = item.value(QStringLiteral("00081197")).toObject().value(QStringLiteral("Value")).toArray().first().toInt();
        report.failures << QStringLiteral("%1: failure reason 0x%2").arg(uidOf(item, "00081155")).arg(reason, 4, 16, QLatin1Char('0'));
    }
    return report;
}

} // namespace kilima::dicomweb
