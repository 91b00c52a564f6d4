// DICOM TLS (dcmtls) set-up for both ends: TLS 1.2 with AEAD suites or
// TLS 1.3 only (non-downgrading BCP 195 profile), server certificate and key, optional client certificates, and
// the subject of the certificate a peer presented.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicomnet/server.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmtls/tlslayer.h>

namespace kilima::dicomnet {

// Loads certificates into `layer` (made for NET_ACCEPTOR or NET_REQUESTOR).
// A server requires a certificate and key; it verifies client certificates
// against trustedCaFile when one is presented, and refuses clients without
// one when requireClientCertificate. A client presents its certificate when
// configured and verifies the server against trustedCaFile when given.
core::Status configureTls(DcmTLSTransportLayer &layer, const TlsConfig &tls, bool server);

// What a failed handshake's OpenSSL reason means for whoever set up the
// peer, " (…)" to append to it; empty when it says nothing about the
// protocol or suites.
QString tlsFailureHint(const QString &reason);

// RFC 2253 subject of the certificate the peer presented; empty when none.
QString peerCertificateSubject(T_ASC_Association *assoc);

} // namespace kilima::dicomnet
