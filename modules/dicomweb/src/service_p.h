// The DICOMweb resources (QIDO-RS, WADO-RS, WADO-URI, STOW-RS) without the
// HTTP library: a request comes in as a plain struct, a reply goes out as a
// status, headers and either a body or a streaming writer. server.cpp maps
// cpp-httplib onto this; the unit tests call it directly.
// Thread safe: one WebService serves all connections.
#pragma once

#include "metadatacache_p.h"

#include <kilima/archive/query.h>
#include <kilima/core/config.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::dicomweb {

struct HttpRequest {
    QByteArray method;
    // The path below the base path, decoded, without a leading slash
    // ("studies/1.2.3/series"); "wado" for WADO-URI.
    QString path;
    QList<QPair<QString, QString>> query;   // decoded, in order
    QByteArray accept;
    QByteArray contentType;
    QString user;        // authenticated user name
    QString peer;        // remote address
    QString baseUrl;     // scheme://host[:port]/base, for RetrieveURL and BulkDataURI
};

// Returns false when the client went away: the writer stops.
using Sink = std::function<bool(const char *data, qint64 size)>;
// Sends `size` bytes of open file `fd` from `offset` unchanged (zero copy
// where the transport allows it); false as for Sink.
using FileSink = std::function<bool(int fd, qint64 offset, qint64 size)>;

struct HttpReply {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // When set the body is produced by this writer (chunked), never
    // buffered whole: large retrieves stream file by file.
    std::function<bool(const Sink &sink)> stream;
    // Exact length of what `stream` writes when known up front (files
    // served as stored): sent with Content-Length instead of chunked.
    qint64 streamLength = -1;
    // Instead of `stream`, for bodies that are mostly stored files sent
    // unchanged: the writer hands those to the FileSink.
    std::function<bool(const Sink &sink, const FileSink &files)> fileStream;
    bool json = false;   // eligible for gzip

    static HttpReply error(int status, const QString &message);
};

// One STOW-RS request body, fed as it arrives.
class StowSession {
public:
    virtual ~StowSession() = default;
    virtual bool feed(const char *data, qint64 size) = 0;   // false: stop reading, call finish()
    virtual HttpReply finish() = 0;
};

class WebService {
public:
    WebService(archive::Archive &archive, const core::Config &config);
    ~WebService();

    HttpReply get(const HttpRequest &request);
    // A STOW-RS session for POST requests to /studies[/{uid}], or a reply
    // right away (bad path, content type, role) in `early`.
    std::unique_ptr<StowSession> beginStow(const HttpRequest &request, HttpReply *early);

    MetadataCache &metadataCache() { return m_metadata; }

    // The pieces, public for tests and for server.cpp.
    HttpReply qido(const HttpRequest &request, archive::Level level, const QString &studyUid, const QString &seriesUid);
    HttpReply retrieve(const HttpRequest &request, archive::Level level, const QString &studyUid,
                       const QString &seriesUid, const QString &sopUid);
    HttpReply metadata(const HttpRequest &request, archive::Level level, const QString &studyUid,
                       const QString &seriesUid, const QString &sopUid);
    HttpReply frames(const HttpRequest &request, const QString &studyUid, const QString &seriesUid,
                     const QString &sopUid, const QString &frameList);
    HttpReply rendered(const HttpRequest &request, archive::Level level, const QString &studyUid,
                       const QString &seriesUid, const QString &sopUid, int frame, bool thumbnail);
    HttpReply bulk(const HttpRequest &request, const QString &studyUid, const QString &seriesUid,
                   const QString &sopUid, const QStringList &tagPath);
    HttpReply wadoUri(const HttpRequest &request);

    void audit(const HttpRequest &request, const QString &action, const QString &studyUid, const QString &outcome,
               const QString &detail);

    archive::Archive &archive() { return m_archive; }
    const core::Config &config() const { return m_config; }

    // The files of an object after checking that it lies under the given
    // study/series; empty with `reply` set (404) otherwise.
    QStringList filesOf(archive::Level level, const QString &studyUid, const QString &seriesUid,
                        const QString &sopUid, HttpReply *reply);

private:
    archive::Archive &m_archive;
    core::Config m_config;
    MetadataCache m_metadata;
};

bool isValidUid(const QString &uid);

// The first value of query parameter `name`, or empty; whether it is there.
QString queryValue(const HttpRequest &req, const char *name);
bool hasQuery(const HttpRequest &req, const char *name);

} // namespace kilima::dicomweb
