#include <kilima/core/config.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace kilima::core {

namespace {

// Reads one optional member of `obj`, checking its JSON type. `path` names
// the key in messages ("archive.duplicatePolicy").
class Reader {
public:
    explicit Reader(QString *error) : m_error(error) {}

    bool ok() const { return m_error->isEmpty(); }

    void integer(const QJsonObject &obj, const char *key, const QString &path, int &out, int min, int max)
    {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble() || v.toDouble() != double(v.toInt())) {
            fail(path + QStringLiteral(" must be an integer"));
            return;
        }
        const int i = v.toInt();
        if (i < min || i > max) {
            fail(QStringLiteral("%1 is %2, must be between %3 and %4").arg(path).arg(i).arg(min).arg(max));
            return;
        }
        out = i;
    }

    void string(const QJsonObject &obj, const char *key, const QString &path, QString &out)
    {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isString()) {
            fail(path + QStringLiteral(" must be a string"));
            return;
        }
        out = v.toString();
    }

    void boolean(const QJsonObject &obj, const char *key, const QString &path, bool &out)
    {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isBool()) {
            fail(path + QStringLiteral(" must be true or false"));
            return;
        }
        out = v.toBool();
    }

    QJsonObject section(const QJsonObject &root, const char *key)
    {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(QString::fromLatin1(key) + QStringLiteral(" must be an object"));
        return v.toObject();
    }

    void fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
    }

private:
    QString *m_error;
};

bool isValidAeTitle(const QString &ae)
{
    if (ae.isEmpty() || ae.size() > 16 || ae.trimmed().isEmpty())
        return false;
    for (QChar c : ae) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

} // namespace

QString toString(DuplicatePolicy policy)
{
    return policy == DuplicatePolicy::Overwrite ? QStringLiteral("overwrite") : QStringLiteral("keep-first");
}

QJsonObject Config::toJson() const
{
    return QJsonObject{
        {QStringLiteral("node"),
         QJsonObject{{QStringLiteral("aeTitle"), node.aeTitle},
                     {QStringLiteral("bindAddress"), node.bindAddress},
                     {QStringLiteral("dicomPort"), node.dicomPort},
                     {QStringLiteral("dicomTlsPort"), node.dicomTlsPort},
                     {QStringLiteral("httpPort"), node.httpPort},
                     {QStringLiteral("maxAssociations"), node.maxAssociations},
                     {QStringLiteral("maxPduSize"), node.maxPduSize},
                     {QStringLiteral("acseTimeoutSeconds"), node.acseTimeoutSeconds},
                     {QStringLiteral("dimseTimeoutSeconds"), node.dimseTimeoutSeconds},
                     {QStringLiteral("allowUnknownEcho"), node.allowUnknownEcho},
                     {QStringLiteral("allowUnknownStore"), node.allowUnknownStore}}},
        {QStringLiteral("tls"),
         QJsonObject{{QStringLiteral("certificateFile"), tls.certificateFile},
                     {QStringLiteral("privateKeyFile"), tls.privateKeyFile},
                     {QStringLiteral("trustedCaFile"), tls.trustedCaFile},
                     {QStringLiteral("requireClientCertificate"), tls.requireClientCertificate}}},
        {QStringLiteral("http"),
         QJsonObject{{QStringLiteral("basePath"), http.basePath},
                     {QStringLiteral("tls"), http.tls},
                     {QStringLiteral("certificateFile"), http.certificateFile},
                     {QStringLiteral("privateKeyFile"), http.privateKeyFile},
                     {QStringLiteral("corsAllowedOrigins"), QJsonArray::fromStringList(http.corsAllowedOrigins)},
                     {QStringLiteral("maxBodyMegabytes"), http.maxBodyMegabytes},
                     {QStringLiteral("threads"), http.threads},
                     {QStringLiteral("readTimeoutSeconds"), http.readTimeoutSeconds},
                     {QStringLiteral("keepAliveSeconds"), http.keepAliveSeconds},
                     {QStringLiteral("maxConnections"), http.maxConnections},
                     {QStringLiteral("maxConnectionsPerAddress"), http.maxConnectionsPerAddress},
                     {QStringLiteral("gzip"), http.gzip},
                     {QStringLiteral("viewerDir"), http.viewerDir},
                     {QStringLiteral("publicUrl"), http.publicUrl},
                     {QStringLiteral("sessionIdleSeconds"), http.sessionIdleSeconds},
                     {QStringLiteral("sessionMaxSeconds"), http.sessionMaxSeconds}}},
        {QStringLiteral("archive"),
         QJsonObject{{QStringLiteral("storageDir"), archive.storageDir},
                     {QStringLiteral("duplicatePolicy"), toString(archive.duplicatePolicy)},
                     {QStringLiteral("reconcileOnOpen"), archive.reconcileOnOpen},
                     {QStringLiteral("minFreeMegabytes"), archive.minFreeMegabytes}}},
        {QStringLiteral("import"), QJsonObject{{QStringLiteral("threads"), import.threads}}},
        {QStringLiteral("logging"), QJsonObject{{QStringLiteral("verbose"), logging.verbose}}},
        {QStringLiteral("routing"), routing.json},
        {QStringLiteral("cloud"),
         QJsonObject{{QStringLiteral("endpoint"), cloud.endpoint},
                     {QStringLiteral("bucket"), cloud.bucket},
                     {QStringLiteral("region"), cloud.region},
                     {QStringLiteral("pathStyle"), cloud.pathStyle},
                     {QStringLiteral("keyPrefix"), cloud.keyPrefix},
                     {QStringLiteral("caFile"), cloud.caFile},
                     {QStringLiteral("backgroundSync"), cloud.backgroundSync},
                     {QStringLiteral("syncIntervalSeconds"), cloud.syncIntervalSeconds},
                     {QStringLiteral("parallelUploads"), cloud.parallelUploads},
                     {QStringLiteral("bandwidthLimitKBps"), cloud.bandwidthLimitKBps},
                     {QStringLiteral("evictAfterDays"), cloud.evictAfterDays},
                     {QStringLiteral("evictWhenDiskAbovePercent"), cloud.evictWhenDiskAbovePercent},
                     {QStringLiteral("coldAfterDays"), cloud.coldAfterDays},
                     {QStringLiteral("coldStorageClass"), cloud.coldStorageClass},
                     {QStringLiteral("deleteRetentionDays"), cloud.deleteRetentionDays}}},
    };
}

Result<Config> Config::fromJson(const QJsonObject &json)
{
    static const QStringList knownSections{QStringLiteral("node"), QStringLiteral("tls"), QStringLiteral("http"), QStringLiteral("archive"),
                                           QStringLiteral("import"), QStringLiteral("logging"),
                                           QStringLiteral("routing"), QStringLiteral("cloud")};
    QString error;
    Reader r(&error);
    Config c;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!knownSections.contains(it.key()))
            r.fail(QStringLiteral("unknown configuration section \"%1\"").arg(it.key()));
    }

    const QJsonObject node = r.section(json, "node");
    r.string(node, "aeTitle", QStringLiteral("node.aeTitle"), c.node.aeTitle);
    if (r.ok() && !isValidAeTitle(c.node.aeTitle))
        r.fail(QStringLiteral("node.aeTitle \"%1\" is not a valid AE title (1-16 printable ASCII characters, no backslash)")
                   .arg(c.node.aeTitle));
    r.string(node, "bindAddress", QStringLiteral("node.bindAddress"), c.node.bindAddress);
    r.integer(node, "dicomPort", QStringLiteral("node.dicomPort"), c.node.dicomPort, 0, 65535);
    r.integer(node, "dicomTlsPort", QStringLiteral("node.dicomTlsPort"), c.node.dicomTlsPort, 0, 65535);
    r.integer(node, "httpPort", QStringLiteral("node.httpPort"), c.node.httpPort, 0, 65535);
    r.integer(node, "maxAssociations", QStringLiteral("node.maxAssociations"), c.node.maxAssociations, 1, 1024);
    r.integer(node, "maxPduSize", QStringLiteral("node.maxPduSize"), c.node.maxPduSize, 4096, 131072);
    r.integer(node, "acseTimeoutSeconds", QStringLiteral("node.acseTimeoutSeconds"), c.node.acseTimeoutSeconds, 1, 3600);
    r.integer(node, "dimseTimeoutSeconds", QStringLiteral("node.dimseTimeoutSeconds"), c.node.dimseTimeoutSeconds, 1, 3600);
    r.boolean(node, "allowUnknownEcho", QStringLiteral("node.allowUnknownEcho"), c.node.allowUnknownEcho);
    r.boolean(node, "allowUnknownStore", QStringLiteral("node.allowUnknownStore"), c.node.allowUnknownStore);
    if (r.ok() && c.node.dicomTlsPort != 0 && c.node.dicomTlsPort == c.node.dicomPort)
        r.fail(QStringLiteral("node.dicomTlsPort must differ from node.dicomPort"));

    const QJsonObject tls = r.section(json, "tls");
    r.string(tls, "certificateFile", QStringLiteral("tls.certificateFile"), c.tls.certificateFile);
    r.string(tls, "privateKeyFile", QStringLiteral("tls.privateKeyFile"), c.tls.privateKeyFile);
    r.string(tls, "trustedCaFile", QStringLiteral("tls.trustedCaFile"), c.tls.trustedCaFile);
    r.boolean(tls, "requireClientCertificate", QStringLiteral("tls.requireClientCertificate"), c.tls.requireClientCertificate);
    if (r.ok() && c.node.dicomTlsPort != 0 && (c.tls.certificateFile.isEmpty() || c.tls.privateKeyFile.isEmpty()))
        r.fail(QStringLiteral("node.dicomTlsPort is set: tls.certificateFile and tls.privateKeyFile are required"));

    const QJsonObject http = r.section(json, "http");
    r.string(http, "basePath", QStringLiteral("http.basePath"), c.http.basePath);
    if (r.ok() && (!c.http.basePath.startsWith(QLatin1Char('/')) || c.http.basePath.contains(QLatin1Char(' '))))
        r.fail(QStringLiteral("http.basePath \"%1\" must start with / and contain no spaces").arg(c.http.basePath));
    while (c.http.basePath.size() > 1 && c.http.basePath.endsWith(QLatin1Char('/')))
        c.http.basePath.chop(1);
    r.boolean(http, "tls", QStringLiteral("http.tls"), c.http.tls);
    r.string(http, "certificateFile", QStringLiteral("http.certificateFile"), c.http.certificateFile);
    r.string(http, "privateKeyFile", QStringLiteral("http.privateKeyFile"), c.http.privateKeyFile);
    if (const QJsonValue origins = http.value(QLatin1String("corsAllowedOrigins")); !origins.isUndefined()) {
        if (!origins.isArray())
            r.fail(QStringLiteral("http.corsAllowedOrigins must be an array of strings"));
        for (const QJsonValue &o : origins.toArray()) {
            if (!o.isString())
                r.fail(QStringLiteral("http.corsAllowedOrigins must be an array of strings"));
            else
                c.http.corsAllowedOrigins << o.toString();
        }
    }
    r.integer(http, "maxBodyMegabytes", QStringLiteral("http.maxBodyMegabytes"), c.http.maxBodyMegabytes, 1, 1048576);
    r.integer(http, "threads", QStringLiteral("http.threads"), c.http.threads, 1, 256);
    r.integer(http, "readTimeoutSeconds", QStringLiteral("http.readTimeoutSeconds"), c.http.readTimeoutSeconds, 1, 3600);
    r.integer(http, "keepAliveSeconds", QStringLiteral("http.keepAliveSeconds"), c.http.keepAliveSeconds, 0, 3600);
    r.integer(http, "maxConnections", QStringLiteral("http.maxConnections"), c.http.maxConnections, 1, 65536);
    r.integer(http, "maxConnectionsPerAddress", QStringLiteral("http.maxConnectionsPerAddress"),
              c.http.maxConnectionsPerAddress, 1, 65536);
    r.boolean(http, "gzip", QStringLiteral("http.gzip"), c.http.gzip);
    r.string(http, "viewerDir", QStringLiteral("http.viewerDir"), c.http.viewerDir);
    r.string(http, "publicUrl", QStringLiteral("http.publicUrl"), c.http.publicUrl);
    while (c.http.publicUrl.endsWith(QLatin1Char('/')))
        c.http.publicUrl.chop(1);
    if (r.ok() && !c.http.publicUrl.isEmpty() && !c.http.publicUrl.startsWith(QLatin1String("http://"))
        && !c.http.publicUrl.startsWith(QLatin1String("https://")))
        r.fail(QStringLiteral("http.publicUrl \"%1\" must start with http:// or https://").arg(c.http.publicUrl));
    r.integer(http, "sessionIdleSeconds", QStringLiteral("http.sessionIdleSeconds"), c.http.sessionIdleSeconds, 1, 7 * 86400);
    r.integer(http, "sessionMaxSeconds", QStringLiteral("http.sessionMaxSeconds"), c.http.sessionMaxSeconds, 1, 30 * 86400);
    if (r.ok() && c.http.tls
        && (c.http.certificateFile.isEmpty() ? c.tls.certificateFile : c.http.certificateFile).isEmpty())
        r.fail(QStringLiteral("http.tls is true: set http.certificateFile and http.privateKeyFile (or those of the tls section)"));

    const QJsonObject archive = r.section(json, "archive");
    r.string(archive, "storageDir", QStringLiteral("archive.storageDir"), c.archive.storageDir);
    QString policy = toString(c.archive.duplicatePolicy);
    r.string(archive, "duplicatePolicy", QStringLiteral("archive.duplicatePolicy"), policy);
    if (policy == QLatin1String("keep-first"))
        c.archive.duplicatePolicy = DuplicatePolicy::KeepFirst;
    else if (policy == QLatin1String("overwrite"))
        c.archive.duplicatePolicy = DuplicatePolicy::Overwrite;
    else
        r.fail(QStringLiteral("archive.duplicatePolicy is \"%1\", must be \"keep-first\" or \"overwrite\"").arg(policy));
    r.boolean(archive, "reconcileOnOpen", QStringLiteral("archive.reconcileOnOpen"), c.archive.reconcileOnOpen);
    r.integer(archive, "minFreeMegabytes", QStringLiteral("archive.minFreeMegabytes"), c.archive.minFreeMegabytes, 0,
              1 << 30);

    const QJsonObject import = r.section(json, "import");
    r.integer(import, "threads", QStringLiteral("import.threads"), c.import.threads, 0, 256);

    const QJsonObject logging = r.section(json, "logging");
    r.boolean(logging, "verbose", QStringLiteral("logging.verbose"), c.logging.verbose);

    c.routing.json = r.section(json, "routing");

    const QJsonObject cloud = r.section(json, "cloud");
    r.string(cloud, "endpoint", QStringLiteral("cloud.endpoint"), c.cloud.endpoint);
    r.string(cloud, "bucket", QStringLiteral("cloud.bucket"), c.cloud.bucket);
    r.string(cloud, "region", QStringLiteral("cloud.region"), c.cloud.region);
    r.boolean(cloud, "pathStyle", QStringLiteral("cloud.pathStyle"), c.cloud.pathStyle);
    r.string(cloud, "keyPrefix", QStringLiteral("cloud.keyPrefix"), c.cloud.keyPrefix);
    r.string(cloud, "caFile", QStringLiteral("cloud.caFile"), c.cloud.caFile);
    r.boolean(cloud, "backgroundSync", QStringLiteral("cloud.backgroundSync"), c.cloud.backgroundSync);
    r.integer(cloud, "syncIntervalSeconds", QStringLiteral("cloud.syncIntervalSeconds"), c.cloud.syncIntervalSeconds, 1, 86400);
    r.integer(cloud, "parallelUploads", QStringLiteral("cloud.parallelUploads"), c.cloud.parallelUploads, 1, 64);
    r.integer(cloud, "bandwidthLimitKBps", QStringLiteral("cloud.bandwidthLimitKBps"), c.cloud.bandwidthLimitKBps, 0, 100000000);
    r.integer(cloud, "evictAfterDays", QStringLiteral("cloud.evictAfterDays"), c.cloud.evictAfterDays, -1, 36500);
    r.integer(cloud, "evictWhenDiskAbovePercent", QStringLiteral("cloud.evictWhenDiskAbovePercent"), c.cloud.evictWhenDiskAbovePercent, 0, 99);
    r.integer(cloud, "coldAfterDays", QStringLiteral("cloud.coldAfterDays"), c.cloud.coldAfterDays, -1, 36500);
    r.string(cloud, "coldStorageClass", QStringLiteral("cloud.coldStorageClass"), c.cloud.coldStorageClass);
    r.integer(cloud, "deleteRetentionDays", QStringLiteral("cloud.deleteRetentionDays"), c.cloud.deleteRetentionDays, 0, 36500);
    if (r.ok() && (c.cloud.endpoint.isEmpty() != c.cloud.bucket.isEmpty()))
        r.fail(QStringLiteral("cloud.endpoint and cloud.bucket must be given together"));
    if (r.ok() && !c.cloud.endpoint.isEmpty() && !c.cloud.endpoint.startsWith(QLatin1String("https://")) &&
        !c.cloud.endpoint.startsWith(QLatin1String("http://")))
        r.fail(QStringLiteral("cloud.endpoint \"%1\" must start with https:// or http://").arg(c.cloud.endpoint));
    if (r.ok()) {
        for (const QString &k : cloud.keys()) {
            static const QStringList known{QStringLiteral("accessKeyId"), QStringLiteral("secretAccessKey")};
            if (known.contains(k))
                r.fail(QStringLiteral("cloud.%1: secrets never belong in the configuration; use `kilima-node cloud configure` "
                                      "(0600 credentials file) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY").arg(k));
        }
    }

    if (!error.isEmpty())
        return Error{error};
    return c;
}

Result<Config> Config::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Config{};
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("%1: invalid JSON at offset %2: %3")
                         .arg(path)
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    if (!doc.isObject())
        return Error{QStringLiteral("%1: the configuration must be a JSON object").arg(path)};
    Result<Config> c = fromJson(doc.object());
    if (!c)
        return Error{QStringLiteral("%1: %2").arg(path, c.error())};
    return c;
}

Status Config::save(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("%1: cannot write: %2").arg(path, f.errorString())};
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error{QStringLiteral("%1: cannot write: %2").arg(path, f.errorString())};
    return {};
}

} // namespace kilima::core
