// HTTP/1.1 message framing (RFC 9112) for Kilima's own server: the request
// head, the request target and chunked bodies. Pure functions over bytes,
// no sockets, so that the fuzzer and the unit tests reach every branch.
// Never allocates more than the limits allow, whatever the input claims;
// every refusal names the problem and the status the RFC gives it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kilima::dicomweb::http {

// Bounds on what a client may send before it is authenticated.
struct Limits {
    std::size_t maxRequestLine = 8192;   // 414 beyond
    std::size_t maxHeadBytes = 32768;    // request line + headers; 431 beyond
    std::size_t maxFieldBytes = 8192;    // one header field line; 431 beyond
    int maxHeaders = 100;                // 431 beyond
};

struct RequestHead {
    std::string method;
    std::string target;                  // as sent
    int minorVersion = 1;                // HTTP/1.x
    std::vector<std::pair<std::string, std::string>> headers;   // names in lower case
    // Derived from the headers while parsing.
    std::int64_t contentLength = -1;     // -1: no Content-Length
    bool chunked = false;
    bool keepAlive = true;
    bool expectContinue = false;

    // The first header of that (lower-case) name, or nullptr.
    const std::string *header(std::string_view lowerName) const;
    bool hasBody() const { return chunked || contentLength > 0; }
};

struct ParseResult {
    enum State { Incomplete, Complete, Error } state = Incomplete;
    std::size_t consumed = 0;            // bytes of the head, when Complete
    int status = 0;                      // when Error: 400, 414, 417, 431, 501, 505
    std::string why;                     // when Error
};

// Parses one request head at the start of `data`. Incomplete means more
// bytes are needed (and the limits are not yet exceeded).
ParseResult parseRequestHead(std::string_view data, const Limits &limits, RequestHead *out);

// The request target split into a decoded path and query. The path is
// percent-decoded segment by segment; a decoded segment may not hold '/',
// '\', NUL or other control characters, nor be "." or "..", and the whole
// must be valid UTF-8. Query names and values are decoded the same way
// ('+' is a space) and may not hold control characters.
struct Target {
    std::string path;                    // starts with '/'
    std::vector<std::pair<std::string, std::string>> query;
};
bool splitTarget(std::string_view target, Target *out, std::string *why);

bool isValidUtf8(std::string_view s);

// A Host field fit to build the node's own address from (links, the
// origin a CSRF check compares with): a name, IPv4 or bracketed IPv6
// address and port, nothing that could smuggle a path or a scheme.
bool isValidHost(std::string_view host);

// Incremental decoder of a chunked request body (RFC 9112 §7.1). Feed it
// what arrives; decoded data goes to the receiver as it is found.
class ChunkedDecoder {
public:
    enum State { Size, Extension, SizeLf, Data, DataCr, DataLf, Trailer, TrailerLf, Done, Failed };

    // Consumes from `data` up to the end of the body (the rest belongs to
    // the next request) and returns how many bytes it used. `emit` gets the
    // decoded pieces; when it returns false the decoder stops (Failed).
    template <typename Emit>
    std::size_t feed(const char *data, std::size_t size, Emit &&emit);

    State state() const { return m_state; }
    bool done() const { return m_state == Done; }
    bool failed() const { return m_state == Failed; }
    const std::string &why() const { return m_why; }

private:
    bool fail(const char *why);

    State m_state = Size;
    std::uint64_t m_remaining = 0;       // of the current chunk
    int m_sizeDigits = 0;
    std::size_t m_lineBytes = 0;         // extension / trailer line so far
    std::size_t m_trailerBytes = 0;
    std::string m_why;
};

template <typename Emit>
std::size_t ChunkedDecoder::feed(const char *data, std::size_t size, Emit &&emit)
{
    constexpr std::size_t kMaxLine = 4096;
    constexpr std::size_t kMaxTrailer = 16384;
    std::size_t i = 0;
    while (i < size && m_state != Done && m_state != Failed) {
        const char c = data[i];
        switch (m_state) {
        case Size: {
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit >= 0) {
                if (++m_sizeDigits > 15)
                    return fail("chunk size has more than 15 hex digits"), i;
                m_remaining = m_remaining * 16 + std::uint64_t(digit);
                ++i;
            } else if (m_sizeDigits == 0) {
                return fail("chunk size is not a hexadecimal number"), i;
            } else if (c == ';' || c == ' ' || c == '\t') {
                m_state = Extension;
                m_lineBytes = 0;
                ++i;
            } else if (c == '\r') {
                m_state = SizeLf;
                ++i;
            } else if (c == '\n') {
                m_state = m_remaining ? Data : Trailer;
                m_lineBytes = 0;
                ++i;
            } else {
                return fail("chunk size is not a hexadecimal number"), i;
            }
            break;
        }
        case Extension:
            if (c == '\n') {
                m_state = m_remaining ? Data : Trailer;
                m_lineBytes = 0;
            } else if (++m_lineBytes > kMaxLine) {
                return fail("chunk extension longer than 4096 bytes"), i;
            }
            ++i;
            break;
        case SizeLf:
            if (c != '\n')
                return fail("chunk size line not ended by CRLF"), i;
            m_state = m_remaining ? Data : Trailer;
            m_lineBytes = 0;
            ++i;
            break;
        case Data: {
            const std::size_t n = std::size_t(std::min<std::uint64_t>(m_remaining, size - i));
            if (!emit(data + i, n))
                return fail("stopped by the receiver"), i + n;
            i += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = DataCr;
            break;
        }
        case DataCr:
            if (c == '\r') {
                m_state = DataLf;
            } else if (c == '\n') {
                m_state = Size;
                m_sizeDigits = 0;
            } else {
                return fail("chunk data longer than its size"), i;
            }
            ++i;
            break;
        case DataLf:
            if (c != '\n')
                return fail("chunk data longer than its size"), i;
            m_state = Size;
            m_sizeDigits = 0;
            ++i;
            break;
        case Trailer:
            // An empty line ends the body; other lines are trailer fields,
            // which are read and dropped.
            if (c == '\n' && m_lineBytes == 0) {
                m_state = Done;
            } else if (c == '\r' && m_lineBytes == 0) {
                m_state = TrailerLf;
            } else if (c == '\n') {
                m_lineBytes = 0;
            } else {
                ++m_lineBytes;
            }
            if (++m_trailerBytes > kMaxTrailer)
                return fail("chunked trailer longer than 16384 bytes"), i;
            ++i;
            break;
        case TrailerLf:
            if (c != '\n')
                return fail("chunked body not ended by CRLF"), i;
            m_state = Done;
            ++i;
            break;
        case Done:
        case Failed:
            break;
        }
    }
    return i;
}

} // namespace kilima::dicomweb::http
