#include <kilima/dicomweb/mediatype.h>

#include <algorithm>

namespace kilima::dicomweb {

QByteArray MediaType::param(const QByteArray &name) const
{
    for (const auto &p : params) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

namespace {

// Splits on `sep` outside double quotes.
QList<QByteArray> splitUnquoted(const QByteArray &text, char sep)
{
    QList<QByteArray> out;
    QByteArray cur;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (c == sep && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

} // namespace

MediaType parseMediaType(const QByteArray &text)
{
    MediaType m;
    const QList<QByteArray> parts = splitUnquoted(text, ';');
    m.type = parts.value(0).trimmed().toLower();
    for (int i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts.at(i).trimmed();
        const int eq = p.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray name = p.left(eq).trimmed().toLower();
        QByteArray value = p.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        if (name == "q") {
            bool ok = false;
            const double q = value.toDouble(&ok);
            m.q = ok ? std::clamp(q, 0.0, 1.0) : 1.0;
        } else {
            m.params.append({name, value});
        }
    }
    return m;
}

QList<MediaType> parseAccept(const QByteArray &header)
{
    QList<MediaType> out;
    for (const QByteArray &item : splitUnquoted(header, ',')) {
        if (item.trimmed().isEmpty())
            continue;
        MediaType m = parseMediaType(item);
        if (m.q > 0 && !m.type.isEmpty())
            out << m;
    }
    std::stable_sort(out.begin(), out.end(), [](const MediaType &a, const MediaType &b) { return a.q > b.q; });
    return out;
}

bool isUncompressedSyntax(const QString &ts)
{
    return ts == QLatin1String("1.2.840.10008.1.2") || ts == QLatin1String("1.2.840.10008.1.2.1") ||
           ts == QLatin1String("1.2.840.10008.1.2.2") || ts == QLatin1String("1.2.840.10008.1.2.1.99");
}

QByteArray frameMediaType(const QString &ts)
{
    if (ts == QLatin1String("1.2.840.10008.1.2.4.50") || ts == QLatin1String("1.2.840.10008.1.2.4.51") ||
        ts == QLatin1String("1.2.840.10008.1.2.4.57") || ts == QLatin1String("1.2.840.10008.1.2.4.70"))
        return "image/jpeg";
    if (ts == QLatin1String("1.2.840.10008.1.2.4.80") || ts == QLatin1String("1.2.840.10008.1.2.4.81"))
        return "image/jls";
    if (ts == QLatin1String("1.2.840.10008.1.2.4.90") || ts == QLatin1String("1.2.840.10008.1.2.4.91"))
        return "image/jp2";
    if (ts == QLatin1String("1.2.840.10008.1.2.5"))
        return "image/dicom-rle";
    return "application/octet-stream";
}

} // namespace kilima::dicomweb
