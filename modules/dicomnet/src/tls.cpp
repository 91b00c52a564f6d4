#include "tls_p.h"

#include "common_p.h"

#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/x509.h>

namespace kilima::dicomnet {

namespace {

core::Status fail(const QString &what, const OFCondition &cond)
{
    return core::Error{QStringLiteral("TLS: %1: %2").arg(what, conditionText(cond))};
}

core::Status checkReadable(const QString &path, const QString &what)
{
    if (path.isEmpty())
        return core::Error{QStringLiteral("TLS: no %1 configured").arg(what)};
    if (!QFileInfo(path).isReadable())
        return core::Error{QStringLiteral("TLS: %1 %2 does not exist or is not readable").arg(what, path)};
    return {};
}

} // namespace

core::Status configureTls(DcmTLSTransportLayer &layer, const TlsConfig &tls, bool server)
{
    // Non-downgrading BCP 195: TLS 1.2 with ECDHE/DHE AES-GCM suites only,
    // or TLS 1.3. The plain BCP 195 profile falls back to TLS 1.0/1.1 and
    // keeps AES-CBC for the retired DICOM AES profile; the Extended one
    // refuses TLS 1.3, which current peers prefer.
    OFCondition cond = layer.setTLSProfile(TSP_Profile_BCP195_ND);
    if (cond.bad())
        return fail(QStringLiteral("cannot select the non-downgrading BCP 195 profile"), cond);
    cond = layer.activateCipherSuites();
    if (cond.bad())
        return fail(QStringLiteral("cannot activate cipher suites"), cond);

    const bool haveCert = !tls.certificateFile.isEmpty() || !tls.privateKeyFile.isEmpty();
    if (server || haveCert) {
        if (auto st = checkReadable(tls.certificateFile, QStringLiteral("certificate file")); !st)
            return st;
        if (auto st = checkReadable(tls.privateKeyFile, QStringLiteral("private key file")); !st)
            return st;
        cond = layer.setPrivateKeyFile(QFile::encodeName(tls.privateKeyFile).constData(), DCF_Filetype_PEM);
        if (cond.bad())
            return fail(QStringLiteral("cannot load private key %1").arg(tls.privateKeyFile), cond);
        cond = layer.setCertificateFile(QFile::encodeName(tls.certificateFile).constData(), DCF_Filetype_PEM);
        if (cond.bad())
            return fail(QStringLiteral("cannot load certificate %1").arg(tls.certificateFile), cond);
        if (!layer.checkPrivateKeyMatchesCertificate())
            return core::Error{QStringLiteral("TLS: private key %1 does not match certificate %2")
                                   .arg(tls.privateKeyFile, tls.certificateFile)};
    }
    if (!tls.trustedCaFile.isEmpty()) {
        if (auto st = checkReadable(tls.trustedCaFile, QStringLiteral("CA file")); !st)
            return st;
        cond = layer.addTrustedCertificateFile(QFile::encodeName(tls.trustedCaFile).constData(), DCF_Filetype_PEM);
        if (cond.bad())
            return fail(QStringLiteral("cannot load CA file %1").arg(tls.trustedCaFile), cond);
    }
    if (server) {
        if (tls.requireClientCertificate) {
            if (tls.trustedCaFile.isEmpty())
                return core::Error{QStringLiteral(
                    "TLS: client certificates are required but no CA file to verify them is configured")};
            layer.setCertificateVerification(DCV_requireCertificate);
        } else {
            layer.setCertificateVerification(tls.trustedCaFile.isEmpty() ? DCV_ignoreCertificate
                                                                         : DCV_checkCertificate);
        }
    } else {
        layer.setCertificateVerification(tls.trustedCaFile.isEmpty() ? DCV_ignoreCertificate
                                                                     : DCV_requireCertificate);
    }
    return {};
}

QString tlsFailureHint(const QString &reason)
{
    // The server side reads "unsupported protocol" / "no shared cipher"; the
    // client side gets the peer's alert.
    if (reason.contains(QLatin1String("unsupported protocol")) || reason.contains(QLatin1String("protocol version")))
        return QStringLiteral(" (the peer offers only TLS older than 1.2, which is refused)");
    if (reason.contains(QLatin1String("no shared cipher")) || reason.contains(QLatin1String("handshake failure")))
        return QStringLiteral(" (the peer offers neither TLS 1.3 nor a TLS 1.2 AES-GCM suite)");
    return {};
}

QString peerCertificateSubject(T_ASC_Association *assoc)
{
    const unsigned long length = ASC_getPeerCertificateLength(assoc);
    if (length == 0)
        return {};
    QByteArray der(int(length), Qt::Uninitialized);
    if (ASC_getPeerCertificate(assoc, der.data(), length) != length)
        return {};
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *cert = d2i_X509(nullptr, &p, long(length));
    if (!cert)
        return {};
    QString subject;
    if (BIO *bio = BIO_new(BIO_s_mem())) {
        X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        subject = QString::fromUtf8(data, int(n));
        BIO_free(bio);
    }
    X509_free(cert);
    return subject;
}

} // namespace kilima::dicomnet
