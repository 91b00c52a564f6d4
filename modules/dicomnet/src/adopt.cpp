#include "adopt_p.h"

#include <dcmtk/dcmnet/dul.h>

#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>

namespace kilima::dicomnet {

namespace {
std::mutex g_handoff;
thread_local bool t_holdingHandoff = false;
thread_local bool t_adopted = false;

void takeHandoff(int fd)
{
    g_handoff.lock();
    t_holdingHandoff = true;
    t_adopted = false;
    dcmExternalSocketHandle.set(fd);
}
} // namespace

void releaseSocketHandoff()
{
    if (!t_holdingHandoff)
        return;
    dcmExternalSocketHandle.set(DCMNET_INVALID_SOCKET);
    t_holdingHandoff = false;
    t_adopted = true;
    g_handoff.unlock();
}

void setSocketTimeouts(int fd, int seconds)
{
    if (fd < 0 || seconds <= 0)
        return;
    timeval tv{};
    tv.tv_sec = seconds;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

void setNoDelay(int fd)
{
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

OFCondition receiveAssociationOnSocket(T_ASC_Network *net, int fd, long maxPdu, bool tls,
                                       T_ASC_Association **assoc, bool *adopted)
{
    takeHandoff(fd);
    OFCondition cond = ASC_receiveAssociation(net, assoc, maxPdu, nullptr, nullptr, tls ? OFTrue : OFFalse,
                                              DUL_BLOCK, 0);
    const bool tookIt = t_adopted;
    if (t_holdingHandoff) {   // DCMTK failed before adopting the socket
        dcmExternalSocketHandle.set(DCMNET_INVALID_SOCKET);
        t_holdingHandoff = false;
        g_handoff.unlock();
    }
    *adopted = tookIt;
    return cond;
}

OFCondition createAcceptorNetwork(int acseTimeout, T_ASC_Network **net)
{
    // With an external socket handle set, DCMTK creates no listening socket.
    std::lock_guard<std::mutex> lock(g_handoff);
    dcmExternalSocketHandle.set(1);
    OFCondition cond = ASC_initializeNetwork(NET_ACCEPTORREQUESTOR, 0, acseTimeout, net);
    dcmExternalSocketHandle.set(DCMNET_INVALID_SOCKET);
    return cond;
}

} // namespace kilima::dicomnet
