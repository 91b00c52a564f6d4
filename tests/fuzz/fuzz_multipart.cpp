// Fuzz target: multipart/related bodies as STOW-RS requests and WADO-RS
// responses arrive. The first byte picks the chunk size the body is fed in
// (the parser must give the same parts in any chunking), the next line is
// the Content-Type header the boundary is taken from, the rest is the body.
#include "fuzzreplay.h"

#include <kilima/dicomweb/multipart.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace kilima::dicomweb;

namespace {

struct Outcome {
    bool fed = true;
    bool finished = false;
    QList<QByteArray> bodies;
};

Outcome parse(const QByteArray &boundary, const QByteArray &body, qint64 chunk, qint64 maxPart)
{
    Outcome out;
    MultipartParser parser(boundary, [&](Part &part) {
        (void)part.header("content-type");
        out.bodies.append(part.body);
        return true;
    }, maxPart);
    for (qint64 i = 0; i < body.size() && out.fed; i += chunk)
        out.fed = parser.feed(body.constData() + i, std::min(chunk, body.size() - i));
    if (out.fed)
        out.finished = parser.finish();
    (void)parser.error();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 chunk = 1 + data[0] % 64;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype eol = rest.indexOf('\n');
    const QByteArray contentType = eol < 0 ? rest : rest.left(eol);
    const QByteArray body = eol < 0 ? QByteArray() : rest.mid(eol + 1);
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return 0;
    const Outcome whole = parse(boundary, body, qMax<qint64>(body.size(), 1), 1 << 20);
    const Outcome chunked = parse(boundary, body, chunk, 1 << 20);
    // The parts do not depend on how the body was cut into chunks.
    if (whole.fed && whole.finished && chunked.fed && chunked.finished && whole.bodies != chunked.bodies) {
        fprintf(stderr, "multipart: %d parts whole, %d parts in chunks of %lld\n", int(whole.bodies.size()),
                int(chunked.bodies.size()), chunk);
        abort();
    }
    return 0;
}

#ifdef KILIMA_FUZZ_REPLAY
namespace kilima::fuzz {

std::vector<HostileCase> hostileCases()
{
    std::vector<HostileCase> cases;
    const QByteArray head = QByteArray(1, char(6)) + "multipart/related; type=\"application/dicom\"; boundary=b0undary\n";
    // 100,000 empty parts; a part header line of 2 MB; a body of near-boundaries.
    {
        QByteArray body;
        for (int i = 0; i < 100000; ++i)
            body += "--b0undary\r\n\r\n\r\n";
        cases.push_back({QStringLiteral("100000 empty parts"), head + body + "--b0undary--\r\n"});
    }
    cases.push_back({QStringLiteral("2 MB header line"),
                     head + "--b0undary\r\nContent-Type: " + QByteArray(2 << 20, 'a') + "\r\n\r\nx\r\n--b0undary--\r\n"});
    {
        QByteArray body = "--b0undary\r\n\r\n";
        for (int i = 0; i < 100000; ++i)
            body += "\r\n--b0undar";
        cases.push_back({QStringLiteral("100000 near-boundaries"), head + body + "\r\n--b0undary--\r\n"});
    }
    cases.push_back({QStringLiteral("part over the size limit"),
                     head + "--b0undary\r\n\r\n" + QByteArray((1 << 20) + 10, 'x') + "\r\n--b0undary--\r\n"});
    return cases;
}

} // namespace kilima::fuzz
#endif
