// Fuzz target: the HTTP request path of the DICOMweb server before any
// handler runs, as bytes arrive from a client: the request head (framing,
// limits), the request target (percent-decoding, traversal) and a chunked
// body. The first byte picks the size of the pieces the head arrives in:
// the parser must come to the same answer however the bytes are cut.
#include "fuzzreplay.h"
#include "httpparse_p.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace kilima::dicomweb::http;

namespace {

// What the event thread does: parse again after every piece.
ParseResult parseInPieces(const std::string &bytes, std::size_t piece, RequestHead *head)
{
    const Limits limits;
    ParseResult r;
    for (std::size_t have = std::min(piece, bytes.size());; have = std::min(have + piece, bytes.size())) {
        r = parseRequestHead(std::string_view(bytes).substr(0, have), limits, head);
        if (r.state != ParseResult::Incomplete || have == bytes.size())
            return r;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const std::size_t piece = 1 + data[0] % 97;
    const std::string bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    RequestHead whole, pieces;
    const ParseResult a = parseRequestHead(bytes, Limits(), &whole);
    const ParseResult b = parseInPieces(bytes, piece, &pieces);
    if (a.state != b.state || a.status != b.status || a.consumed != b.consumed) {
        fprintf(stderr, "http: whole head gives state %d status %d, pieces of %zu give state %d status %d\n", int(a.state),
                a.status, piece, int(b.state), b.status);
        abort();
    }
    if (a.state != ParseResult::Complete)
        return 0;
    if (a.consumed > bytes.size() || whole.method.empty() || whole.target.empty())
        abort();

    Target target;
    std::string why;
    if (splitTarget(whole.target, &target, &why)) {
        // What reaches the handlers: no dot segment, no NUL or control
        // character, valid UTF-8.
        if (target.path.empty() || target.path.front() != '/' || !isValidUtf8(target.path) ||
            target.path.find("/../") != std::string::npos || target.path.find('\0') != std::string::npos)
            abort();
        for (const auto &q : target.query) {
            if (q.first.find('\0') != std::string::npos || q.second.find('\0') != std::string::npos)
                abort();
        }
    } else if (why.empty()) {
        abort();
    }

    // The rest as a chunked body, fed whole and in pieces: same data.
    const std::string rest = bytes.substr(a.consumed);
    std::string outWhole, outPieces;
    ChunkedDecoder dw, dp;
    const std::size_t usedWhole = dw.feed(rest.data(), rest.size(), [&](const char *p, std::size_t n) {
        outWhole.append(p, n);
        return outWhole.size() < (1u << 20);
    });
    std::size_t usedPieces = 0;
    for (std::size_t i = 0; i < rest.size() && !dp.done() && !dp.failed(); i += piece) {
        usedPieces += dp.feed(rest.data() + i, std::min(piece, rest.size() - i), [&](const char *p, std::size_t n) {
            outPieces.append(p, n);
            return outPieces.size() < (1u << 20);
        });
    }
    if (usedWhole > rest.size() || (dw.done() && (!dp.done() || outWhole != outPieces || usedWhole != usedPieces)))
        abort();
    return 0;
}

#ifdef KILIMA_FUZZ_REPLAY
namespace kilima::fuzz {

std::vector<HostileCase> hostileCases()
{
    std::vector<HostileCase> cases;
    const QByteArray one(1, char(0));
    {
        QByteArray flood = "GET / HTTP/1.1\r\n";
        while (flood.size() < 4 * 1024 * 1024)
            flood += "X-Flood: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
        cases.push_back({QStringLiteral("4 MB of header lines"), one + flood + "\r\n"});
    }
    cases.push_back({QStringLiteral("4 MB request line"), one + "GET /" + QByteArray(4 << 20, 'a') + " HTTP/1.1\r\n\r\n"});
    cases.push_back({QStringLiteral("4 MB of bare CR"), one + QByteArray(4 << 20, '\r')});
    cases.push_back({QStringLiteral("chunk size of 64 hex digits"),
                     one + "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray(64, 'f') + "\r\n"});
    {
        QByteArray chunks = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 200000; ++i)
            chunks += "1\r\na\r\n";
        cases.push_back({QStringLiteral("200000 one-byte chunks"), one + chunks + "0\r\n\r\n"});
    }
    {
        QByteArray percent = "GET /";
        for (int i = 0; i < 2000; ++i)
            percent += "%2e%2e%2f";
        cases.push_back({QStringLiteral("2000 encoded ../"), one + percent + " HTTP/1.1\r\n\r\n"});
    }
    return cases;
}

} // namespace kilima::fuzz
#endif
