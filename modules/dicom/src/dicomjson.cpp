#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QJsonValue>

#include <cmath>

// Written by hand rather than with DCMTK's DcmJsonFormat: Kilima needs the
// BulkDataURI callback with the item path, PN split into its groups, DS/IS as
// real JSON numbers with a fallback for the malformed ones real devices send,
// and UTF-8 throughout (QJsonObject is UTF-16 inside, UTF-8 when serialised).

namespace kilima::dicom {

namespace {

// JavaScript numbers are IEEE doubles: integers beyond 2^53 lose digits, so
// 64-bit values past that are sent as strings (PS3.18 F.2.3.1 allows it for
// SV/UV).
constexpr qint64 kMaxSafeInteger = qint64(1) << 53;

bool isBinaryVr(const QString &vr)
{
    static const QStringList kBinary = {QStringLiteral("OB"), QStringLiteral("OD"), QStringLiteral("OF"),
                                        QStringLiteral("OL"), QStringLiteral("OV"), QStringLiteral("OW"),
                                        QStringLiteral("UN")};
    return kBinary.contains(vr);
}

bool isSingleValuedTextVr(const QString &vr)
{
    // Backslash is an ordinary character in these (PS3.5 6.2).
    return vr == QLatin1String("LT") || vr == QLatin1String("ST") || vr == QLatin1String("UT")
           || vr == QLatin1String("UR");
}

bool hasSignificantLeadingSpace(const QString &vr)
{
    return vr == QLatin1String("LT") || vr == QLatin1String("ST") || vr == QLatin1String("UT")
           || vr == QLatin1String("UC");
}

QString trimValue(const QString &vr, const QString &value)
{
    qsizetype end = value.size();
    while (end > 0 && (value.at(end - 1) == QLatin1Char(' ') || value.at(end - 1) == QChar(0)))
        --end;
    qsizetype begin = 0;
    if (!hasSignificantLeadingSpace(vr)) {
        while (begin < end && value.at(begin) == QLatin1Char(' '))
            ++begin;
    }
    return value.mid(begin, end - begin);
}

QString hexTag(unsigned group, unsigned element)
{
    return QStringLiteral("%1%2")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

QJsonValue integerValue(qint64 v)
{
    if (v > kMaxSafeInteger || v < -kMaxSafeInteger)
        return QString::number(v);
    return QJsonValue(v);
}

QJsonValue unsignedValue(quint64 v)
{
    if (v > quint64(kMaxSafeInteger))
        return QString::number(v);
    return QJsonValue(qint64(v));
}

QJsonValue floatValue(double v)
{
    // JSON has no NaN or infinities; a string keeps the information.
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return v;
}

// DS and IS arrive as text. Malformed ones ("1,5", "12.0" in an IS, "n/a")
// are common from real devices: send the nearest number when there is one,
// else the text itself, so that nothing is silently lost.
QJsonValue numberFromText(const QString &text, bool integer)
{
    bool ok = false;
    if (integer) {
        const qint64 i = text.toLongLong(&ok);
        if (ok)
            return integerValue(i);
    }
    const double d = text.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    return text;
}

QJsonValue personNameValue(const QString &value)
{
    static const char *const kGroups[] = {"Alphabetic", "Ideographic", "Phonetic"};
    const QStringList groups = value.split(QLatin1Char('='));
    QJsonObject name;
    for (int i = 0; i < groups.size() && i < 3; ++i) {
        const QString group = trimValue(QStringLiteral("PN"), groups.at(i));
        if (!group.isEmpty())
            name.insert(QLatin1String(kGroups[i]), group);
    }
    if (name.isEmpty())
        return QJsonValue::Null;
    return name;
}

QJsonValue tagValueFromText(const QString &text)
{
    QString hex = text;
    hex.remove(QLatin1Char('(')).remove(QLatin1Char(')')).remove(QLatin1Char(',')).remove(QLatin1Char(' '));
    return hex.toUpper();
}

// Values of a text attribute ("a\b\c") as the JSON "Value" array; empty
// values inside a multi-valued attribute become null (PS3.18 F.2.5).
QJsonArray valuesFromText(const QString &vr, const QString &text)
{
    QJsonArray values;
    if (trimValue(vr, text).isEmpty())
        return values;
    const QStringList parts = isSingleValuedTextVr(vr) ? QStringList{text} : text.split(QLatin1Char('\\'));
    const bool integer = vr == QLatin1String("IS") || vr == QLatin1String("SL") || vr == QLatin1String("SS")
                         || vr == QLatin1String("UL") || vr == QLatin1String("US") || vr == QLatin1String("SV")
                         || vr == QLatin1String("UV");
    const bool decimal = vr == QLatin1String("DS") || vr == QLatin1String("FL") || vr == QLatin1String("FD");
    for (const QString &part : parts) {
        const QString value = trimValue(vr, part);
        if (vr == QLatin1String("PN"))
            values.append(personNameValue(value));
        else if (value.isEmpty())
            values.append(QJsonValue::Null);
        else if (integer || decimal)
            values.append(numberFromText(value, integer));
        else if (vr == QLatin1String("AT"))
            values.append(tagValueFromText(value));
        else
            values.append(value);
    }
    return values;
}

QString vrName(DcmElement &elem)
{
    DcmEVR evr = elem.ident();
    if (evr == EVR_PixelData || evr == EVR_OverlayData || evr == EVR_pixelSQ)
        evr = elem.getTag().getEVR();
    const DcmVR vr(evr);
    if (evr == EVR_UNKNOWN || evr == EVR_UNKNOWN2B || !vr.isStandard())
        return QString::fromLatin1(DcmVR(vr.getValidEVR()).getValidVRName());
    return QString::fromLatin1(vr.getVRName());
}

// Little-endian bytes of a binary value, as PS3.18 F.2.7 requires for
// InlineBinary whatever the host or the file's transfer syntax.
QByteArray littleEndianBytes(DcmElement &elem)
{
    const Uint32 length = elem.getLength();
    QByteArray bytes(qsizetype(length), Qt::Uninitialized);
    if (length == 0 || elem.getPartialValue(bytes.data(), 0, length, nullptr, EBO_LittleEndian).bad())
        return {};
    return bytes;
}

// The encapsulated pixel data stream (items with their headers, without the
// sequence delimiter), which is what a DICOMweb client reassembles; null
// when the pixel data is native.
DcmPixelSequence *encapsulatedSequence(DcmElement &elem)
{
    if (elem.ident() != EVR_PixelData)
        return nullptr;
    auto &pixel = static_cast<DcmPixelData &>(elem);
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter *param = nullptr;
    pixel.getCurrentRepresentationKey(xfer, param);
    if (!DcmXfer(xfer).isEncapsulated())
        return nullptr;
    DcmPixelSequence *sequence = nullptr;
    if (pixel.getEncapsulatedRepresentation(xfer, param, sequence).bad())
        return nullptr;
    return sequence;
}

QByteArray encapsulatedBytes(DcmPixelSequence &sequence)
{
    QByteArray out;
    auto put32 = [&out](Uint32 v) {
        for (int i = 0; i < 4; ++i)
            out.append(char((v >> (8 * i)) & 0xff));
    };
    for (unsigned long i = 0; i < sequence.card(); ++i) {
        DcmPixelItem *item = nullptr;
        if (sequence.getItem(item, i).bad() || !item)
            continue;
        Uint8 *data = nullptr;
        const Uint32 length = item->getLength();
        put32(0xe000fffe); // (FFFE,E000) as group then element, little endian
        put32(length);
        if (length > 0 && item->getUint8Array(data).good() && data)
            out.append(reinterpret_cast<const char *>(data), qsizetype(length));
        else
            out.append(QByteArray(qsizetype(length), '\0'));
    }
    return out;
}

QJsonArray typedValues(DcmElement &elem, const QString &vr)
{
    QJsonArray values;
    const unsigned long vm = elem.getVM();
    for (unsigned long i = 0; i < vm; ++i) {
        if (vr == QLatin1String("US")) {
            Uint16 v = 0;
            elem.getUint16(v, i);
            values.append(int(v));
        } else if (vr == QLatin1String("SS")) {
            Sint16 v = 0;
            elem.getSint16(v, i);
            values.append(int(v));
        } else if (vr == QLatin1String("UL")) {
            Uint32 v = 0;
            elem.getUint32(v, i);
            values.append(qint64(v));
        } else if (vr == QLatin1String("SL")) {
            Sint32 v = 0;
            elem.getSint32(v, i);
            values.append(qint64(v));
        } else if (vr == QLatin1String("UV")) {
            Uint64 v = 0;
            elem.getUint64(v, i);
            values.append(unsignedValue(v));
        } else if (vr == QLatin1String("SV")) {
            Sint64 v = 0;
            elem.getSint64(v, i);
            values.append(integerValue(v));
        } else if (vr == QLatin1String("FL")) {
            Float32 v = 0;
            elem.getFloat32(v, i);
            values.append(floatValue(double(v)));
        } else if (vr == QLatin1String("FD")) {
            Float64 v = 0;
            elem.getFloat64(v, i);
            values.append(floatValue(v));
        } else if (vr == QLatin1String("AT")) {
            DcmTagKey key;
            elem.getTagVal(key, i);
            values.append(hexTag(key.getGroup(), key.getElement()));
        }
    }
    return values;
}

bool isTypedVr(const QString &vr)
{
    static const QStringList kTyped = {QStringLiteral("US"), QStringLiteral("SS"), QStringLiteral("UL"),
                                       QStringLiteral("SL"), QStringLiteral("UV"), QStringLiteral("SV"),
                                       QStringLiteral("FL"), QStringLiteral("FD"), QStringLiteral("AT")};
    return kTyped.contains(vr);
}

bool isPixelData(const DcmTagKey &tag)
{
    return tag == DCM_PixelData || tag == DCM_FloatPixelData || tag == DCM_DoubleFloatPixelData;
}

class Encoder {
public:
    explicit Encoder(const JsonOptions &options) : m_options(options) {}

    QJsonObject encodeItem(DcmItem &item)
    {
        QJsonObject object;
        // Walk the list: getElement(i) seeks from the start each time, which
        // made an object of many elements quadratic to encode.
        for (DcmObject *o = item.nextInContainer(nullptr); o; o = item.nextInContainer(o)) {
            auto *elem = dynamic_cast<DcmElement *>(o);
            if (!elem)
                continue;
            const DcmTagKey tag = elem->getTag();
            if (tag.getElement() == 0x0000 || (tag.getGroup() == 0x0002 && !m_options.includeMetaGroup))
                continue;
            const QString key = hexTag(tag.getGroup(), tag.getElement());
            m_tagPath.append(key);
            object.insert(key, encodeElement(*elem));
            m_tagPath.removeLast();
        }
        return object;
    }

private:
    QJsonObject encodeElement(DcmElement &elem)
    {
        QJsonObject attribute;
        QString vr = vrName(elem);
        const DcmTagKey tag = elem.getTag();
        if (elem.ident() == EVR_SQ) {
            attribute.insert(QStringLiteral("vr"), QStringLiteral("SQ"));
            auto &sequence = static_cast<DcmSequenceOfItems &>(elem);
            QJsonArray items;
            int j = 0;
            for (DcmObject *o = sequence.nextInContainer(nullptr); o; o = sequence.nextInContainer(o), ++j) {
                m_itemPath.append(j);
                items.append(encodeItem(*static_cast<DcmItem *>(o)));
                m_itemPath.removeLast();
            }
            if (!items.isEmpty())
                attribute.insert(QStringLiteral("Value"), items);
            return attribute;
        }
        if (DcmPixelSequence *sequence = encapsulatedSequence(elem)) {
            vr = QStringLiteral("OB"); // encapsulated pixel data is always OB
            attribute.insert(QStringLiteral("vr"), vr);
            if (m_options.bulkDataUri)
                attribute.insert(QStringLiteral("BulkDataURI"), bulkDataUri());
            else
                attribute.insert(QStringLiteral("InlineBinary"),
                                 QString::fromLatin1(encapsulatedBytes(*sequence).toBase64()));
            return attribute;
        }
        attribute.insert(QStringLiteral("vr"), vr);
        const Uint32 length = elem.getLength();
        if (length == 0)
            return attribute;
        const bool bulk = m_options.bulkDataUri
                          && (isPixelData(tag) || length > Uint32(qMax(0, m_options.bulkDataThreshold)));
        if (bulk) {
            attribute.insert(QStringLiteral("BulkDataURI"), bulkDataUri());
            return attribute;
        }
        if (isBinaryVr(vr)) {
            attribute.insert(QStringLiteral("InlineBinary"), QString::fromLatin1(littleEndianBytes(elem).toBase64()));
            return attribute;
        }
        QJsonArray values;
        if (isTypedVr(vr)) {
            values = typedValues(elem, vr);
        } else {
            OFString text;
            if (elem.getOFStringArray(text, OFFalse).good())
                values = valuesFromText(vr, QString::fromUtf8(text.c_str(), qsizetype(text.length())));
        }
        if (!values.isEmpty())
            attribute.insert(QStringLiteral("Value"), values);
        return attribute;
    }

    QString bulkDataUri() const { return m_options.bulkDataUri(m_tagPath, m_itemPath); }

    const JsonOptions &m_options;
    QStringList m_tagPath;
    QList<int> m_itemPath;
};

} // namespace

QJsonObject toDicomJson(DcmItem &item, const JsonOptions &options)
{
    return Encoder(options).encodeItem(item);
}

QJsonObject toDicomJson(const AttributeMap &attributes)
{
    QJsonObject object;
    for (const auto &[number, text] : attributes) {
        const unsigned group = number >> 16;
        const unsigned element = number & 0xffff;
        if (element == 0x0000)
            continue;
        const QString vr = vrOf(DcmTagKey(Uint16(group), Uint16(element)));
        QJsonObject attribute;
        attribute.insert(QStringLiteral("vr"), vr);
        if (isBinaryVr(vr)) {
            // A text map only holds binary values by mistake (e.g. an unknown
            // private tag); keep the bytes rather than drop them.
            if (!text.isEmpty())
                attribute.insert(QStringLiteral("InlineBinary"), QString::fromLatin1(text.toUtf8().toBase64()));
        } else if (vr != QLatin1String("SQ")) {
            const QJsonArray values = valuesFromText(vr, text);
            if (!values.isEmpty())
                attribute.insert(QStringLiteral("Value"), values);
        }
        object.insert(hexTag(group, element), attribute);
    }
    return object;
}

} // namespace kilima::dicom
