#include "httpparse_p.h"

#include <cctype>
#include <cstring>

namespace kilima::dicomweb::http {

namespace {

bool isTchar(unsigned char c)
{
    if (std::isalnum(c))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

std::string lower(std::string_view s)
{
    std::string r(s);
    for (char &c : r)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

ParseResult error(int status, std::string why)
{
    ParseResult r;
    r.state = ParseResult::Error;
    r.status = status;
    r.why = std::move(why);
    return r;
}

// Whether a comma-separated header value holds `token` (case-insensitive).
bool hasToken(std::string_view value, std::string_view token)
{
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string_view::npos)
            end = value.size();
        if (lower(trim(value.substr(start, end - start))) == token)
            return true;
        start = end + 1;
    }
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes `in` ('+' as space when `plusIsSpace`), refusing bad
// escapes, control characters and invalid UTF-8.
bool decode(std::string_view in, bool plusIsSpace, std::string *out, std::string *why)
{
    out->clear();
    out->reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) {
                *why = "truncated percent escape";
                return false;
            }
            const int a = hexValue(in[i + 1]);
            const int b = hexValue(in[i + 2]);
            if (a < 0 || b < 0) {
                *why = "malformed percent escape";
                return false;
            }
            c = char(a * 16 + b);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            c = ' ';
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            *why = "control character (or NUL) in the request target";
            return false;
        }
        out->push_back(c);
    }
    if (!isValidUtf8(*out)) {
        *why = "the request target is not valid UTF-8 after percent-decoding";
        return false;
    }
    return true;
}

} // namespace

const std::string *RequestHead::header(std::string_view lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return &h.second;
    }
    return nullptr;
}

bool isValidHost(std::string_view host)
{
    if (host.empty() || host.size() > 255)
        return false;
    for (char c : host) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' || c == '[' || c == ']'))
            return false;
    }
    return true;
}

bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;   // continuation byte first, overlong 0xc0/0xc1, or beyond U+10FFFF
        }
        if (i + std::size_t(extra) >= s.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(s[i + std::size_t(k)]);
            if ((d & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += std::size_t(extra) + 1;
    }
    return true;
}

ParseResult parseRequestHead(std::string_view data, const Limits &limits, RequestHead *out)
{
    // RFC 9112 §2.2: empty lines before the request line are ignored.
    std::size_t start = 0;
    while (start < data.size() && start < 8 && (data[start] == '\r' || data[start] == '\n'))
        ++start;

    // Find the end of the head (an empty line), accepting bare LF.
    std::size_t end = std::string_view::npos;
    std::size_t firstLineEnd = std::string_view::npos;
    for (std::size_t i = start; i < data.size(); ++i) {
        if (data[i] != '\n')
            continue;
        if (firstLineEnd == std::string_view::npos)
            firstLineEnd = i;
        if (i + 1 < data.size() && data[i + 1] == '\n') {
            end = i + 2;
            break;
        }
        if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n') {
            end = i + 3;
            break;
        }
    }
    const std::size_t lineLength = (firstLineEnd == std::string_view::npos ? data.size() : firstLineEnd) - start;
    if (lineLength > limits.maxRequestLine)
        return error(414, "request line longer than " + std::to_string(limits.maxRequestLine) + " bytes");
    if (end == std::string_view::npos) {
        if (data.size() - start > limits.maxHeadBytes)
            return error(431, "request head longer than " + std::to_string(limits.maxHeadBytes) + " bytes");
        ParseResult r;
        r.state = ParseResult::Incomplete;
        return r;
    }
    if (end - start > limits.maxHeadBytes)
        return error(431, "request head longer than " + std::to_string(limits.maxHeadBytes) + " bytes");

    *out = RequestHead();
    std::string_view head = data.substr(start, end - start);
    auto nextLine = [&head]() {
        const std::size_t nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        head.remove_prefix(nl + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return line;
    };

    // Request line: method SP target SP HTTP/1.x
    const std::string_view line = nextLine();
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos || sp1 == 0 || sp2 == sp1 + 1)
        return error(400, "malformed request line");
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    for (char c : method) {
        if (!isTchar(static_cast<unsigned char>(c)))
            return error(400, "malformed method in the request line");
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return error(400, "the request target holds spaces, control or non-ASCII characters (percent-encode them)");
    }
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/")
        return error(400, "malformed HTTP version in the request line");
    if (version[5] != '1' || version[6] != '.' || (version[7] != '0' && version[7] != '1'))
        return error(505, "only HTTP/1.0 and HTTP/1.1 are served");
    out->method = std::string(method);
    out->target = std::string(target);
    out->minorVersion = version[7] - '0';

    // Header fields.
    std::string connection;
    std::string transferEncoding;
    bool sawTransferEncoding = false;
    while (!head.empty()) {
        const std::string_view field = nextLine();
        if (field.empty())
            break;
        if (field.size() > limits.maxFieldBytes)
            return error(431, "a header field longer than " + std::to_string(limits.maxFieldBytes) + " bytes");
        if (field.front() == ' ' || field.front() == '\t')
            return error(400, "obsolete line folding in a header field");
        const std::size_t colon = field.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return error(400, "malformed header field (no name or no colon)");
        const std::string_view name = field.substr(0, colon);
        for (char c : name) {
            if (!isTchar(static_cast<unsigned char>(c)))
                return error(400, "malformed header field name (spaces or separators before the colon)");
        }
        const std::string_view value = trim(field.substr(colon + 1));
        for (char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && u != '\t') || u == 0x7f)
                return error(400, "control character (or NUL) in a header field value");
        }
        if (int(out->headers.size()) >= limits.maxHeaders)
            return error(431, "more than " + std::to_string(limits.maxHeaders) + " header fields");
        out->headers.emplace_back(lower(name), std::string(value));
        const std::string &n = out->headers.back().first;
        const std::string &v = out->headers.back().second;
        if (n == "content-length") {
            if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
                return error(400, "malformed Content-Length \"" + v.substr(0, 40) + "\"");
            const std::int64_t length = std::stoll(v);
            if (out->contentLength >= 0 && out->contentLength != length)
                return error(400, "conflicting Content-Length fields");
            out->contentLength = length;
        } else if (n == "transfer-encoding") {
            if (sawTransferEncoding)
                transferEncoding += ',';
            transferEncoding += v;
            sawTransferEncoding = true;
        } else if (n == "connection") {
            connection += ',' + v;
        } else if (n == "expect") {
            if (lower(v) != "100-continue")
                return error(417, "unsupported expectation \"" + v.substr(0, 40) + "\"");
            out->expectContinue = true;
        }
    }

    if (sawTransferEncoding) {
        // Both framings in one request is the classic smuggling vector.
        if (out->contentLength >= 0)
            return error(400, "both Transfer-Encoding and Content-Length in one request");
        if (out->minorVersion == 0)
            return error(400, "Transfer-Encoding in an HTTP/1.0 request");
        if (lower(trim(transferEncoding)) != "chunked")
            return error(501, "unsupported Transfer-Encoding \"" + transferEncoding.substr(0, 40) + "\" (only chunked)");
        out->chunked = true;
    }
    if (out->minorVersion == 0)
        out->keepAlive = hasToken(connection, "keep-alive");
    else
        out->keepAlive = !hasToken(connection, "close");
    if (out->expectContinue && out->minorVersion == 0)
        out->expectContinue = false;

    ParseResult r;
    r.state = ParseResult::Complete;
    r.consumed = end;
    return r;
}

bool splitTarget(std::string_view target, Target *out, std::string *why)
{
    *out = Target();
    // Absolute form (RFC 9112 §3.2.2): drop scheme and authority.
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (target.size() >= scheme.size() && lower(target.substr(0, scheme.size())) == scheme) {
            const std::size_t slash = target.find('/', scheme.size());
            target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
            break;
        }
    }
    if (target.empty() || target.front() != '/') {
        *why = "the request target must start with /";
        return false;
    }
    const std::size_t fragment = target.find('#');
    if (fragment != std::string_view::npos)
        target = target.substr(0, fragment);
    const std::size_t q = target.find('?');
    std::string_view path = target.substr(0, q);
    const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);

    std::string segment;
    std::size_t pos = 1;
    out->path = "/";
    while (pos <= path.size()) {
        std::size_t next = path.find('/', pos);
        if (next == std::string_view::npos)
            next = path.size();
        if (!decode(path.substr(pos, next - pos), false, &segment, why))
            return false;
        if (segment.find('/') != std::string::npos || segment.find('\\') != std::string::npos) {
            *why = "an encoded slash or backslash in a path segment";
            return false;
        }
        if (segment == "." || segment == "..") {
            *why = "dot segments (. or ..) in the path";
            return false;
        }
        out->path += segment;
        if (next < path.size())
            out->path += '/';
        pos = next + 1;
    }

    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos)
            end = query.size();
        const std::string_view pair = query.substr(start, end - start);
        start = end + 1;
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        std::string name, value;
        if (!decode(pair.substr(0, eq), true, &name, why))
            return false;
        if (eq != std::string_view::npos && !decode(pair.substr(eq + 1), true, &value, why))
            return false;
        out->query.emplace_back(std::move(name), std::move(value));
    }
    return true;
}

bool ChunkedDecoder::fail(const char *why)
{
    m_state = Failed;
    m_why = why;
    return false;
}

} // namespace kilima::dicomweb::http
