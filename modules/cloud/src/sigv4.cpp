#include <kilima/cloud/sigv4.h>

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace kilima::cloud::sigv4 {

QByteArray uriEncode(const QByteArray &raw, bool encodeSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

QByteArray canonicalQuery(const QList<QPair<QByteArray, QByteArray>> &query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    for (const auto &q : query)
        encoded.append({uriEncode(q.first, true), uriEncode(q.second, true)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &q : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += q.first + '=' + q.second;
    }
    return out;
}

namespace {

QList<QPair<QByteArray, QByteArray>> canonicalHeaderList(const SignRequest &request)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &h : request.headers) {
        // Trim and collapse sequential spaces, as the specification says.
        headers.append({h.first.toLower().trimmed(), h.second.simplified()});
    }
    std::stable_sort(headers.begin(), headers.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    // Repeated names are joined with commas.
    QList<QPair<QByteArray, QByteArray>> merged;
    for (const auto &h : headers) {
        if (!merged.isEmpty() && merged.last().first == h.first)
            merged.last().second += ',' + h.second;
        else
            merged.append(h);
    }
    return merged;
}

} // namespace

QByteArray signedHeaders(const SignRequest &request)
{
    QByteArray out;
    for (const auto &h : canonicalHeaderList(request)) {
        if (!out.isEmpty())
            out += ';';
        out += h.first;
    }
    return out;
}

QByteArray canonicalRequest(const SignRequest &request)
{
    QByteArray headers;
    for (const auto &h : canonicalHeaderList(request))
        headers += h.first + ':' + h.second + '\n';
    return request.method + '\n' + (request.path.isEmpty() ? QByteArray("/") : request.path) + '\n' +
           canonicalQuery(request.query) + '\n' + headers + '\n' + signedHeaders(request) + '\n' + request.payloadHash;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

static QByteArray scope(const SignRequest &request)
{
    return request.amzDate.left(8) + '/' + request.region + '/' + request.service + "/aws4_request";
}

QByteArray stringToSign(const SignRequest &request)
{
    return "AWS4-HMAC-SHA256\n" + request.amzDate + '\n' + scope(request) + '\n' + sha256Hex(canonicalRequest(request));
}

QByteArray signature(const SignRequest &request, const SigningKey &key)
{
    const QByteArray kDate = hmacSha256("AWS4" + key.secretAccessKey.toUtf8(), request.amzDate.left(8));
    const QByteArray kRegion = hmacSha256(kDate, request.region);
    const QByteArray kService = hmacSha256(kRegion, request.service);
    const QByteArray kSigning = hmacSha256(kService, "aws4_request");
    return hmacSha256(kSigning, stringToSign(request)).toHex();
}

QByteArray authorization(const SignRequest &request, const SigningKey &key)
{
    return "AWS4-HMAC-SHA256 Credential=" + key.accessKeyId.toUtf8() + '/' + scope(request) +
           ", SignedHeaders=" + signedHeaders(request) + ", Signature=" + signature(request, key);
}

} // namespace kilima::cloud::sigv4
