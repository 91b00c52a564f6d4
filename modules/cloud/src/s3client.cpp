#include <kilima/cloud/s3client.h>

#include <QCryptographicHash>
#include <QFile>
#include <QXmlStreamReader>

#include <curl/curl.h>

#include <mutex>

namespace kilima::cloud {

QString md5Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

namespace {

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t writeBody(char *data, size_t size, size_t count, void *user)
{
    static_cast<QByteArray *>(user)->append(data, qsizetype(size * count));
    return size * count;
}

size_t writeHeader(char *data, size_t size, size_t count, void *user)
{
    auto *headers = static_cast<QMap<QByteArray, QByteArray> *>(user);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        headers->clear();   // a new response (after 100 Continue or a redirect)
    } else {
        const int colon = line.indexOf(':');
        if (colon > 0)
            headers->insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return size * count;
}

QString unquote(QByteArray etag)
{
    etag = etag.trimmed();
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    // Some servers send &quot; in XML bodies.
    return QString::fromUtf8(etag).remove(QStringLiteral("&quot;"));
}

QByteArray amzNow()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

ObjectInfo infoFromHeaders(const QString &key, const QMap<QByteArray, QByteArray> &h)
{
    ObjectInfo info;
    info.key = key;
    info.size = h.value("content-length", "-1").toLongLong();
    info.etag = unquote(h.value("etag"));
    info.storageClass = QString::fromLatin1(h.value("x-amz-storage-class", "STANDARD"));
    info.lastModified = QDateTime::fromString(QString::fromLatin1(h.value("last-modified")), Qt::RFC2822Date);
    for (auto it = h.begin(); it != h.end(); ++it) {
        if (it.key().startsWith("x-amz-meta-"))
            info.metadata.insert(QString::fromLatin1(it.key().mid(11)), QString::fromUtf8(it.value()));
    }
    return info;
}

// <Error><Code>..</Code><Message>..</Message></Error>
QString s3ErrorText(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    QString code, message;
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Code"))
            code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            message = xml.readElementText();
    }
    if (code.isEmpty())
        return {};
    return message.isEmpty() ? code : code + QStringLiteral(": ") + message;
}

} // namespace

S3Client::S3Client(S3Settings settings, SigningKey credentials)
    : m_settings(std::move(settings)), m_credentials(std::move(credentials))
{
    globalInit();
    m_curl = curl_easy_init();
    while (m_settings.endpoint.endsWith(QLatin1Char('/')))
        m_settings.endpoint.chop(1);
}

S3Client::~S3Client()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL *>(m_curl));
}

QUrl S3Client::objectUrl(const QString &key) const
{
    QUrl base(m_settings.endpoint);
    const QByteArray encodedKey = sigv4::uriEncode(key.toUtf8(), false);
    QString path;
    if (m_settings.pathStyle) {
        path = QStringLiteral("/") + m_settings.bucket + (key.isEmpty() ? QString() : QStringLiteral("/") + QString::fromLatin1(encodedKey));
    } else {
        base.setHost(m_settings.bucket + QLatin1Char('.') + base.host());
        path = QStringLiteral("/") + QString::fromLatin1(encodedKey);
    }
    base.setPath(path, QUrl::TolerantMode);
    return base;
}

S3Client::Response S3Client::request(const QByteArray &method, const QString &key,
                                     const QList<QPair<QByteArray, QByteArray>> &query,
                                     QList<QPair<QByteArray, QByteArray>> headers, const QByteArray &body)
{
    Response r;
    CURL *curl = static_cast<CURL *>(m_curl);
    if (!curl) {
        r.transportError = QStringLiteral("libcurl could not be initialised");
        return r;
    }
    curl_easy_reset(curl);

    const QUrl url = objectUrl(key);
    const QByteArray encodedPath = url.path(QUrl::FullyEncoded).toLatin1();
    // Our own encoding of the path, so that what is signed is what is sent.
    QByteArray path;
    if (m_settings.pathStyle)
        path = '/' + sigv4::uriEncode(m_settings.bucket.toUtf8(), true) + (key.isEmpty() ? QByteArray() : '/' + sigv4::uriEncode(key.toUtf8(), false));
    else
        path = '/' + sigv4::uriEncode(key.toUtf8(), false);
    Q_UNUSED(encodedPath);
    QByteArray hostHeader = url.host().toLatin1();
    if (url.port() > 0)
        hostHeader += ':' + QByteArray::number(url.port());
    const QByteArray canonicalQ = sigv4::canonicalQuery(query);
    const QByteArray fullUrl = url.scheme().toLatin1() + "://" + hostHeader + path + (canonicalQ.isEmpty() ? QByteArray() : '?' + canonicalQ);

    SignRequest sr;
    sr.method = method;
    sr.path = path;
    sr.query = query;
    sr.amzDate = amzNow();
    sr.region = m_settings.region.toLatin1();
    sr.service = "s3";
    sr.payloadHash = sigv4::sha256Hex(body);
    headers.append({"host", hostHeader});
    headers.append({"x-amz-date", sr.amzDate});
    headers.append({"x-amz-content-sha256", sr.payloadHash});
    if (!m_credentials.sessionToken.isEmpty())
        headers.append({"x-amz-security-token", m_credentials.sessionToken.toUtf8()});
    sr.headers = headers;
    const QByteArray auth = sigv4::authorization(sr, m_credentials);

    curl_slist *list = nullptr;
    for (const auto &h : headers)
        list = curl_slist_append(list, QByteArray(h.first + ": " + h.second).constData());
    list = curl_slist_append(list, QByteArray("Authorization: " + auth).constData());
    list = curl_slist_append(list, "Expect:");
    if (!body.isEmpty() || method == "PUT" || method == "POST") {
        bool hasType = false;
        for (const auto &h : headers)
            hasType = hasType || h.first.toLower() == "content-type";
        if (!hasType)
            list = curl_slist_append(list, "Content-Type:");   // no default form type
    }

    curl_easy_setopt(curl, CURLOPT_URL, fullUrl.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(m_settings.connectTimeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_settings.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
    if (!m_settings.caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_settings.caFile.toLocal8Bit().constData());
    if (m_settings.maxSendBytesPerSecond > 0)
        curl_easy_setopt(curl, CURLOPT_MAX_SEND_SPEED_LARGE, curl_off_t(m_settings.maxSendBytesPerSecond));
    if (m_settings.maxRecvBytesPerSecond > 0)
        curl_easy_setopt(curl, CURLOPT_MAX_RECV_SPEED_LARGE, curl_off_t(m_settings.maxRecvBytesPerSecond));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &writeBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &writeHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);

    if (method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
        if (method == "PUT" || method == "POST") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
        }
    }

    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
        r.transportError = QString::fromUtf8(errbuf[0] ? errbuf : curl_easy_strerror(rc));
        m_lastStatus = 0;
        return r;
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    r.status = int(status);
    m_lastStatus = r.status;
    return r;
}

core::Error S3Client::failure(const QString &what, const Response &r) const
{
    if (!r.transportError.isEmpty())
        return core::Error{QStringLiteral("%1: %2").arg(what, r.transportError)};
    QString detail = s3ErrorText(r.body);
    if (detail.isEmpty())
        detail = QStringLiteral("HTTP %1").arg(r.status);
    else
        detail = QStringLiteral("HTTP %1 %2").arg(r.status).arg(detail);
    return core::Error{QStringLiteral("%1: %2").arg(what, detail)};
}

core::Status S3Client::createBucket()
{
    const Response r = request("PUT", {}, {}, {}, {});
    if (r.status == 200 || r.status == 409)   // 409: already exists (owned by us)
        return {};
    return failure(QStringLiteral("creating bucket %1").arg(m_settings.bucket), r);
}

static QList<QPair<QByteArray, QByteArray>> putHeaders(const PutOptions &options)
{
    QList<QPair<QByteArray, QByteArray>> h;
    if (!options.contentType.isEmpty())
        h.append({"content-type", options.contentType.toUtf8()});
    for (auto it = options.metadata.begin(); it != options.metadata.end(); ++it)
        h.append({"x-amz-meta-" + it.key().toLower().toUtf8(), it.value().toUtf8()});
    if (!options.storageClass.isEmpty())
        h.append({"x-amz-storage-class", options.storageClass.toUtf8()});
    return h;
}

core::Result<ObjectInfo> S3Client::putObject(const QString &key, const QByteArray &data, const PutOptions &options)
{
    const QByteArray md5 = QCryptographicHash::hash(data, QCryptographicHash::Md5);
    auto headers = putHeaders(options);
    headers.append({"content-md5", md5.toBase64()});
    QByteArray body = data;
    // Test hook: KILIMA_CLOUD_FAULT_CORRUPT_PUTS=N damages the body of the
    // next N uploads after the checksum was taken (a bad link), so tests
    // can show that a corrupted upload is detected and redone.
    static std::atomic<int> corrupt{qEnvironmentVariableIntValue("KILIMA_CLOUD_FAULT_CORRUPT_PUTS")};
    if (!body.isEmpty() && corrupt.load() > 0 && corrupt.fetch_sub(1) > 0)
        body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x5a);
    const Response r = request("PUT", key, {}, headers, body);
    if (r.status != 200)
        return failure(QStringLiteral("uploading %1").arg(key), r);
    ObjectInfo info;
    info.key = key;
    info.size = data.size();
    info.etag = unquote(r.headers.value("etag"));
    info.storageClass = options.storageClass;
    info.metadata = options.metadata;
    if (info.etag.compare(QString::fromLatin1(md5.toHex()), Qt::CaseInsensitive) != 0)
        return core::Error{QStringLiteral("uploading %1: the server's checksum (ETag %2) does not match the data sent (MD5 %3)")
                               .arg(key, info.etag, QString::fromLatin1(md5.toHex()))};
    return info;
}

core::Result<ObjectInfo> S3Client::putFile(const QString &key, const QString &path, const PutOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())};
    const qint64 size = f.size();
    if (size < m_settings.multipartThreshold)
        return putObject(key, f.readAll(), options);
    f.close();
    return putMultipart(key, path, size, options);
}

core::Result<ObjectInfo> S3Client::putMultipart(const QString &key, const QString &path, qint64 size, const PutOptions &options)
{
    Response r = request("POST", key, {{"uploads", ""}}, putHeaders(options), {});
    if (r.status != 200)
        return failure(QStringLiteral("starting the multipart upload of %1").arg(key), r);
    QString uploadId;
    {
        QXmlStreamReader xml(r.body);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("UploadId"))
                uploadId = xml.readElementText();
        }
    }
    if (uploadId.isEmpty())
        return core::Error{QStringLiteral("starting the multipart upload of %1: no UploadId in the answer").arg(key)};
    const QByteArray id = uploadId.toUtf8();
    auto abort = [&](const core::Error &e) -> core::Result<ObjectInfo> {
        request("DELETE", key, {{"uploadId", id}}, {}, {});
        return e;
    };

    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return abort(core::Error{QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())});
    QByteArray complete = "<CompleteMultipartUpload>";
    QByteArray md5s;
    QCryptographicHash whole(QCryptographicHash::Md5);
    int part = 0;
    for (qint64 offset = 0; offset < size; offset += m_settings.partSize) {
        ++part;
        const QByteArray chunk = f.read(m_settings.partSize);
        const QByteArray md5 = QCryptographicHash::hash(chunk, QCryptographicHash::Md5);
        md5s += md5;
        whole.addData(chunk);
        r = request("PUT", key, {{"partNumber", QByteArray::number(part)}, {"uploadId", id}},
                    {{"content-md5", md5.toBase64()}}, chunk);
        if (r.status != 200)
            return abort(failure(QStringLiteral("uploading part %1 of %2").arg(part).arg(key), r));
        const QString etag = unquote(r.headers.value("etag"));
        if (etag.compare(QString::fromLatin1(md5.toHex()), Qt::CaseInsensitive) != 0)
            return abort(core::Error{QStringLiteral("uploading part %1 of %2: checksum mismatch").arg(part).arg(key)});
        complete += "<Part><PartNumber>" + QByteArray::number(part) + "</PartNumber><ETag>\"" + md5.toHex() + "\"</ETag></Part>";
    }
    complete += "</CompleteMultipartUpload>";
    r = request("POST", key, {{"uploadId", id}}, {{"content-type", "application/xml"}}, complete);
    if (r.status != 200 || r.body.contains("<Error>"))
        return abort(failure(QStringLiteral("completing the multipart upload of %1").arg(key), r));
    // The ETag of a multipart object is MD5(concatenated part MD5s)-parts on
    // AWS and MinIO; some servers give the MD5 of the whole object instead.
    // Either proves the server holds exactly what was sent.
    const QString multipartEtag = QString::fromLatin1(QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex()) +
                                  QStringLiteral("-%1").arg(part);
    auto head = headObject(key);
    if (!head)
        return core::Error{head.error()};
    if (head.value().size != size ||
        (head.value().etag.compare(multipartEtag, Qt::CaseInsensitive) != 0 &&
         head.value().etag.compare(QString::fromLatin1(whole.result().toHex()), Qt::CaseInsensitive) != 0))
        return core::Error{QStringLiteral("uploading %1: the server holds %2 bytes with ETag %3, expected %4 bytes with ETag %5")
                               .arg(key).arg(head.value().size).arg(head.value().etag).arg(size).arg(multipartEtag)};
    ObjectInfo info = head.value();
    info.metadata = options.metadata;
    info.storageClass = options.storageClass;
    return info;
}

core::Result<QByteArray> S3Client::getObject(const QString &key, qint64 offset, qint64 length)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const bool ranged = offset > 0 || length >= 0;
    if (ranged) {
        QByteArray range = "bytes=" + QByteArray::number(offset) + '-';
        if (length >= 0)
            range += QByteArray::number(offset + length - 1);
        headers.append({"range", range});
    }
    Response r = request("GET", key, {}, headers, {});
    if (r.status != 200 && r.status != 206)
        return failure(QStringLiteral("downloading %1").arg(key), r);
    if (ranged && r.status == 200 && length >= 0)   // a server that ignores Range
        return r.body.mid(offset, length);
    return std::move(r.body);
}

core::Result<ObjectInfo> S3Client::headObject(const QString &key)
{
    const Response r = request("HEAD", key, {}, {}, {});
    if (r.status != 200)
        return failure(QStringLiteral("checking %1").arg(key), r);
    return infoFromHeaders(key, r.headers);
}

core::Result<ListPage> S3Client::listObjects(const QString &prefix, const QString &continuationToken, int maxKeys)
{
    QList<QPair<QByteArray, QByteArray>> query{{"list-type", "2"}, {"max-keys", QByteArray::number(maxKeys)}};
    if (!prefix.isEmpty())
        query.append({"prefix", prefix.toUtf8()});
    if (!continuationToken.isEmpty())
        query.append({"continuation-token", continuationToken.toUtf8()});
    const Response r = request("GET", {}, query, {}, {});
    if (r.status != 200)
        return failure(QStringLiteral("listing %1").arg(prefix.isEmpty() ? m_settings.bucket : prefix), r);
    ListPage page;
    QXmlStreamReader xml(r.body);
    ObjectInfo current;
    bool inContents = false;
    bool truncated = false;
    while (!xml.atEnd()) {
        const auto t = xml.readNext();
        if (t == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == QLatin1String("Contents")) {
                inContents = true;
                current = ObjectInfo{};
            } else if (inContents && name == QLatin1String("Key")) {
                current.key = xml.readElementText();
            } else if (inContents && name == QLatin1String("Size")) {
                current.size = xml.readElementText().toLongLong();
            } else if (inContents && name == QLatin1String("ETag")) {
                current.etag = unquote(xml.readElementText().toUtf8());
            } else if (inContents && name == QLatin1String("StorageClass")) {
                current.storageClass = xml.readElementText();
            } else if (inContents && name == QLatin1String("LastModified")) {
                current.lastModified = QDateTime::fromString(xml.readElementText(), Qt::ISODateWithMs);
            } else if (name == QLatin1String("NextContinuationToken")) {
                page.nextContinuationToken = xml.readElementText();
            } else if (name == QLatin1String("IsTruncated")) {
                truncated = xml.readElementText() == QLatin1String("true");
            }
        } else if (t == QXmlStreamReader::EndElement && xml.name() == QLatin1String("Contents")) {
            inContents = false;
            page.objects.append(current);
        }
    }
    if (xml.hasError())
        return core::Error{QStringLiteral("listing %1: malformed answer: %2").arg(m_settings.bucket, xml.errorString())};
    if (!truncated)
        page.nextContinuationToken.clear();
    else if (page.nextContinuationToken.isEmpty())
        return core::Error{QStringLiteral("listing %1: truncated answer without a continuation token").arg(m_settings.bucket)};
    return page;
}

core::Result<QList<ObjectInfo>> S3Client::listAll(const QString &prefix)
{
    QList<ObjectInfo> all;
    QString token;
    do {
        auto page = listObjects(prefix, token);
        if (!page)
            return core::Error{page.error()};
        all += page.value().objects;
        token = page.value().nextContinuationToken;
    } while (!token.isEmpty());
    return all;
}

core::Status S3Client::deleteObject(const QString &key)
{
    const Response r = request("DELETE", key, {}, {}, {});
    if (r.status == 204 || r.status == 200 || r.status == 404)
        return {};
    return failure(QStringLiteral("deleting %1").arg(key), r);
}

core::Status S3Client::copyObject(const QString &sourceKey, const QString &destinationKey, const QString &storageClass)
{
    // REPLACE with the object's own metadata: a copy onto itself that only
    // changes the storage class is refused by some servers with COPY.
    auto head = headObject(sourceKey);
    if (!head)
        return core::Error{head.error()};
    QList<QPair<QByteArray, QByteArray>> headers{
        {"x-amz-copy-source", '/' + sigv4::uriEncode(m_settings.bucket.toUtf8(), true) + '/' + sigv4::uriEncode(sourceKey.toUtf8(), false)},
        {"x-amz-metadata-directive", "REPLACE"},
        {"content-type", "application/dicom"}};
    for (auto it = head.value().metadata.begin(); it != head.value().metadata.end(); ++it)
        headers.append({"x-amz-meta-" + it.key().toUtf8(), it.value().toUtf8()});
    if (!storageClass.isEmpty())
        headers.append({"x-amz-storage-class", storageClass.toUtf8()});
    const Response r = request("PUT", destinationKey, {}, headers, {});
    if (r.status != 200 || r.body.contains("<Error>"))
        return failure(QStringLiteral("copying %1").arg(sourceKey), r);
    return {};
}

} // namespace kilima::cloud
