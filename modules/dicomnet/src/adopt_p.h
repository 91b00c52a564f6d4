// Hands a socket that Kilima accepted itself to DCMTK's association
// machinery. DCMTK's own listener binds every interface and reads the
// A-ASSOCIATE-RQ on the accepting thread, so one stalled peer would hold up
// every other; instead the server accepts on its own socket and each worker
// passes its connection to ASC_receiveAssociation through
// dcmExternalSocketHandle. That global is process wide, so it is set under a
// lock that the transport layer releases as soon as DCMTK adopts the socket
// (before any byte is read), keeping the slow part of every handshake
// parallel.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dcmlayer.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <utility>

namespace kilima::dicomnet {

// Called by the adopting layers when DCMTK takes the socket over.
void releaseSocketHandoff();
// SO_RCVTIMEO/SO_SNDTIMEO on a socket, so a peer that stalls inside a PDU
// is cut off (DCMTK's select() timeouts only cover waiting for a PDU).
void setSocketTimeouts(int fd, int seconds);
void setNoDelay(int fd);

template <class Base>
class AdoptingLayer : public Base {
public:
    template <class... Args>
    explicit AdoptingLayer(int timeoutSeconds, Args &&...args)
        : Base(std::forward<Args>(args)...), m_timeout(timeoutSeconds)
    {
    }
    DcmTransportConnection *createConnection(DcmNativeSocketType sock, OFBool secure) override
    {
        releaseSocketHandoff();
        DcmTransportConnection *connection = Base::createConnection(sock, secure);
        setSocketTimeouts(sock, m_timeout);   // after DCMTK applied its global defaults
        return connection;
    }

private:
    int m_timeout;
};

using PlainAdoptingLayer = AdoptingLayer<DcmTransportLayer>;
using TlsAdoptingLayer = AdoptingLayer<DcmTLSTransportLayer>;

// ASC_receiveAssociation on an accepted socket. *adopted tells whether DCMTK
// took ownership of `fd` (it closes it when the association is dropped);
// otherwise the caller must close it.
OFCondition receiveAssociationOnSocket(T_ASC_Network *net, int fd, long maxPdu, bool tls,
                                       T_ASC_Association **assoc, bool *adopted);

// An acceptor network without a listening socket of its own.
OFCondition createAcceptorNetwork(int acseTimeout, T_ASC_Network **net);

} // namespace kilima::dicomnet
