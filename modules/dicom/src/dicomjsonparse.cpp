#include <kilima/dicom/dicomjson.h>

#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrsv.h>
#include <dcmtk/dcmdata/dcvruv.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QtEndian>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

// The inverse of toDicomJson (dicomjson.cpp). Input is untrusted (STOW-RS
// bodies, files from other systems): every value is type- and range-checked
// before it reaches DCMTK, and every error names the tag path so a person can
// find the faulty attribute in the JSON.

namespace kilima::dicom {

namespace {

// Sequences nest a few levels in real data; anything deeper is an attack or
// a bug, and recursion must stay far from the stack limit. The same bound as
// for binary objects (structure.h), so whatever Kilima stores as Part 10 it
// can also take back as DICOM JSON.
constexpr int kMaxDepth = kMaxSequenceDepth;
// The largest value length a DICOM element can have (0xFFFFFFFF is reserved
// for undefined length).
constexpr qint64 kMaxLength = 0xFFFFFFFELL;
constexpr int kMaxDsLength = 16;

enum class Kind {
    Text,          // AE AS CS DA DT LO SH TM UC UI: multi-valued, '\' separated
    SingleText,    // LT ST UR UT: one value, '\' is an ordinary character
    PersonName,    // PN
    NumberString,  // DS IS
    Integer,       // US SS UL SL SV UV
    Float,         // FL FD
    Tag,           // AT
    Binary,        // OB OD OF OL OV OW UN
    Sequence,      // SQ
};

struct VrInfo {
    const char *name;
    Kind kind;
};

constexpr VrInfo kVrs[] = {
    {"AE", Kind::Text},       {"AS", Kind::Text},       {"AT", Kind::Tag},          {"CS", Kind::Text},
    {"DA", Kind::Text},       {"DS", Kind::NumberString}, {"DT", Kind::Text},       {"FD", Kind::Float},
    {"FL", Kind::Float},      {"IS", Kind::NumberString}, {"LO", Kind::Text},       {"LT", Kind::SingleText},
    {"OB", Kind::Binary},     {"OD", Kind::Binary},     {"OF", Kind::Binary},       {"OL", Kind::Binary},
    {"OV", Kind::Binary},     {"OW", Kind::Binary},     {"PN", Kind::PersonName},   {"SH", Kind::Text},
    {"SL", Kind::Integer},    {"SQ", Kind::Sequence},   {"SS", Kind::Integer},      {"ST", Kind::SingleText},
    {"SV", Kind::Integer},    {"TM", Kind::Text},       {"UC", Kind::Text},         {"UI", Kind::Text},
    {"UL", Kind::Integer},    {"UN", Kind::Binary},     {"UR", Kind::SingleText},   {"US", Kind::Integer},
    {"UT", Kind::SingleText}, {"UV", Kind::Integer},
};

const VrInfo *findVr(const QString &name)
{
    for (const VrInfo &vr : kVrs) {
        if (name == QLatin1String(vr.name))
            return &vr;
    }
    return nullptr;
}

bool parseTag(const QString &text, DcmTagKey *tag)
{
    if (text.size() != 8)
        return false;
    bool ok = false;
    const uint value = text.toUInt(&ok, 16);
    // toUInt accepts a sign and surrounding spaces; a tag is exactly 8 hex digits.
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    if (!ok)
        return false;
    *tag = DcmTagKey(Uint16(value >> 16), Uint16(value & 0xffff));
    return true;
}


bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

// The most precise decimal string of at most 16 characters (PS3.5 6.2 DS):
// the shortest exact form when it fits, else fewer significant digits.
QString formatDecimalString(double value)
{
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    for (int precision = 16; text.size() > kMaxDsLength && precision > 0; --precision)
        text = QString::number(value, 'g', precision);
    return text;
}

// Result of converting one JSON value: a problem to report, or nothing.
using Problem = QString;

class Decoder {
public:
    Decoder(const BulkDataResolver &resolver, QStringList *warnings) : m_resolver(resolver), m_warnings(warnings) {}

    // Fills `item` from `object`; on failure returns false with m_error set.
    bool decodeItem(const QJsonObject &object, DcmItem &item, int depth, bool root)
    {
        const bool outerNonAscii = m_nonAscii;
        m_nonAscii = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!decodeAttribute(it.key(), it.value(), item, depth))
                return false;
        }
        const bool nonAscii = m_nonAscii;
        m_nonAscii = outerNonAscii || nonAscii;
        if (nonAscii && (root || item.tagExists(DCM_SpecificCharacterSet)))
            declareUtf8(item);
        return true;
    }

    const QString &error() const { return m_error; }

private:
    bool decodeAttribute(const QString &key, const QJsonValue &json, DcmItem &item, int depth)
    {
        m_path.append(key.toUpper());
        const bool ok = decodeAttributeAt(key, json, item, depth);
        m_path.removeLast();
        return ok;
    }

    bool decodeAttributeAt(const QString &key, const QJsonValue &json, DcmItem &item, int depth)
    {
        DcmTagKey tag;
        if (!parseTag(key, &tag))
            return fail(QStringLiteral("key is not a tag of 8 hex digits (GGGGEEEE)"));
        if (tag.getGroup() == 0xfffe)
            return fail(QStringLiteral("item and delimitation tags are not attributes"));
        if (!json.isObject())
            return fail(QStringLiteral("attribute must be an object with a \"vr\""));
        const QJsonObject attribute = json.toObject();

        const VrInfo *vr = nullptr;
        const QJsonValue vrValue = attribute.value(QStringLiteral("vr"));
        if (vrValue.isUndefined()) {
            vr = dictionaryVr(tag);
            if (!vr)
                return fail(QStringLiteral("\"vr\" is missing and the tag is not in the data dictionary"));
        } else if (!vrValue.isString()) {
            return fail(QStringLiteral("\"vr\" must be a string"));
        } else {
            vr = findVr(vrValue.toString());
            if (!vr)
                return fail(QStringLiteral("unknown VR \"%1\"").arg(vrValue.toString().left(16)));
        }

        int payloads = 0;
        for (auto it = attribute.begin(); it != attribute.end(); ++it) {
            const QString &member = it.key();
            if (member == QLatin1String("Value") || member == QLatin1String("InlineBinary")
                || member == QLatin1String("BulkDataURI"))
                ++payloads;
            else if (member != QLatin1String("vr"))
                warn(QStringLiteral("unknown member \"%1\" ignored").arg(member.left(64)));
        }
        if (payloads > 1)
            return fail(QStringLiteral("has more than one of Value, InlineBinary and BulkDataURI"));

        DcmElement *created = nullptr;
        const DcmEVR evr = DcmVR(vr->name).getEVR();
        if (DcmItem::newDicomElementWithVR(created, DcmTag(tag, DcmVR(evr))).bad() || !created)
            return fail(QStringLiteral("DCMTK cannot create a %1 element").arg(QLatin1String(vr->name)));
        std::unique_ptr<DcmElement> element(created);

        bool ok = true;
        if (attribute.contains(QStringLiteral("Value")))
            ok = decodeValue(*vr, attribute.value(QStringLiteral("Value")), *element, depth);
        else if (attribute.contains(QStringLiteral("InlineBinary")))
            ok = decodeInlineBinary(*vr, attribute.value(QStringLiteral("InlineBinary")), *element);
        else if (attribute.contains(QStringLiteral("BulkDataURI")))
            ok = decodeBulkData(*vr, attribute.value(QStringLiteral("BulkDataURI")), *element);
        if (!ok)
            return false;

        if (item.insert(element.get(), OFFalse).bad())
            return fail(QStringLiteral("the tag appears more than once"));
        element.release();
        return true;
    }

    static const VrInfo *dictionaryVr(const DcmTagKey &key)
    {
        const DcmTag tag(key);
        const DcmEVR evr = tag.getEVR();
        if (evr == EVR_UNKNOWN || evr == EVR_UNKNOWN2B)
            return nullptr;
        // Dictionary VRs such as "US or SS" resolve to one real VR.
        return findVr(QString::fromLatin1(DcmVR(DcmVR(evr).getValidEVR()).getVRName()));
    }

    bool decodeValue(const VrInfo &vr, const QJsonValue &json, DcmElement &element, int depth)
    {
        if (!json.isArray())
            return fail(QStringLiteral("\"Value\" must be an array"));
        const QJsonArray values = json.toArray();
        switch (vr.kind) {
        case Kind::Binary:
            return fail(QStringLiteral("%1 takes InlineBinary or BulkDataURI, not Value").arg(QLatin1String(vr.name)));
        case Kind::Sequence:
            return decodeSequence(values, static_cast<DcmSequenceOfItems &>(element), depth);
        case Kind::Integer:
        case Kind::Float:
        case Kind::Tag:
            return decodeTypedValues(vr, values, element);
        default:
            return decodeTextValues(vr, values, element);
        }
    }

    bool decodeSequence(const QJsonArray &items, DcmSequenceOfItems &sequence, int depth)
    {
        if (depth >= kMaxDepth)
            return fail(QStringLiteral("sequences nested deeper than %1 levels").arg(kMaxDepth));
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isObject())
                return fail(QStringLiteral("SQ item %1 must be an object").arg(i + 1));
            auto item = std::make_unique<DcmItem>();
            m_path.last() += QStringLiteral(" item %1").arg(i + 1);
            const bool ok = decodeItem(items.at(i).toObject(), *item, depth + 1, false);
            m_path.last().truncate(8);
            if (!ok)
                return false;
            if (sequence.append(item.get()).bad())
                return fail(QStringLiteral("cannot append SQ item %1").arg(i + 1));
            item.release();
        }
        return true;
    }

    // Text VRs, PN, DS and IS: the values joined with '\'.
    bool decodeTextValues(const VrInfo &vr, const QJsonArray &values, DcmElement &element)
    {
        const QString vrName = QLatin1String(vr.name);
        if (vr.kind == Kind::SingleText && values.size() > 1)
            return fail(QStringLiteral("%1 holds one value, not %2").arg(vrName).arg(values.size()));
        QString text;
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                text += QLatin1Char('\\');
            const QJsonValue value = values.at(i);
            if (value.isNull())
                continue; // an empty value component (PS3.18 F.2.5)
            QString part;
            Problem problem;
            if (vr.kind == Kind::PersonName)
                problem = personName(value, &part);
            else if (vr.kind == Kind::NumberString)
                problem = numberString(vr, value, i, &part);
            else if (!value.isString())
                problem = QStringLiteral("must be a string");
            else
                part = value.toString();
            if (problem.isEmpty() && vr.kind != Kind::SingleText && part.contains(QLatin1Char('\\')))
                problem = QStringLiteral("contains a backslash, which would split it into several values");
            if (!problem.isEmpty())
                return fail(QStringLiteral("%1 value %2 %3").arg(vrName).arg(i + 1).arg(problem));
            text += part;
        }
        return putText(text, element);
    }

    // {"Alphabetic", "Ideographic", "Phonetic"} -> "A=I=P", trailing empty
    // groups dropped as PS3.5 6.2.1.1 asks.
    Problem personName(const QJsonValue &value, QString *out)
    {
        if (!value.isObject())
            return QStringLiteral("must be an object");
        static const char *const kGroups[] = {"Alphabetic", "Ideographic", "Phonetic"};
        const QJsonObject name = value.toObject();
        for (auto it = name.begin(); it != name.end(); ++it) {
            if (it.key() != QLatin1String(kGroups[0]) && it.key() != QLatin1String(kGroups[1])
                && it.key() != QLatin1String(kGroups[2]))
                return QStringLiteral("has an unknown group \"%1\"").arg(it.key().left(64));
        }
        QStringList groups;
        for (const char *group : kGroups) {
            const QJsonValue part = name.value(QLatin1String(group));
            if (part.isUndefined() || part.isNull()) {
                groups.append(QString());
                continue;
            }
            if (!part.isString())
                return QStringLiteral("%1 must be a string").arg(QLatin1String(group));
            if (part.toString().contains(QLatin1Char('=')))
                return QStringLiteral("%1 contains '=', the group separator").arg(QLatin1String(group));
            groups.append(part.toString());
        }
        while (!groups.isEmpty() && groups.last().isEmpty())
            groups.removeLast();
        *out = groups.join(QLatin1Char('='));
        return {};
    }

    Problem numberString(const VrInfo &vr, const QJsonValue &value, qsizetype index, QString *out)
    {
        const bool integer = vr.name[0] == 'I';
        if (value.isString()) {
            // What toDicomJson writes for the malformed DS/IS devices send;
            // kept as text so that nothing is lost, but worth a warning.
            const QString text = value.toString().trimmed();
            bool ok = false;
            if (integer)
                text.toLongLong(&ok);
            else
                text.toDouble(&ok);
            if (!ok && !text.isEmpty())
                warn(QStringLiteral("%1 value %2 \"%3\" is not a number; kept as text")
                         .arg(QLatin1String(vr.name))
                         .arg(index + 1)
                         .arg(text.left(32)));
            *out = text;
            return {};
        }
        if (!value.isDouble())
            return QStringLiteral("must be a number");
        const double number = value.toDouble();
        if (!integer) {
            *out = formatDecimalString(number);
            return {};
        }
        if (std::trunc(number) != number)
            return QStringLiteral("%1 is not an integer").arg(number);
        if (number < -2147483648.0 || number > 2147483647.0)
            return QStringLiteral("%1 is out of range for IS").arg(number);
        *out = QString::number(qint64(number));
        return {};
    }

    bool putText(const QString &text, DcmElement &element)
    {
        if (!isAscii(text))
            m_nonAscii = true;
        const QByteArray utf8 = text.toUtf8();
        if (utf8.size() > kMaxLength)
            return fail(QStringLiteral("value is longer than a DICOM element can hold"));
        if (utf8.isEmpty())
            return true;
        if (element.putOFStringArray(OFString(utf8.constData(), size_t(utf8.size()))).bad())
            return fail(QStringLiteral("DCMTK rejected the value"));
        return true;
    }

    // US SS UL SL SV UV FL FD AT: typed arrays. A null or empty string has no
    // binary form, so it is left out (with a warning) rather than invented.
    bool decodeTypedValues(const VrInfo &vr, const QJsonArray &values, DcmElement &element)
    {
        const QString vrName = QLatin1String(vr.name);
        std::vector<qint64> signedValues;
        std::vector<quint64> unsignedValues;
        std::vector<double> doubles;
        std::vector<DcmTagKey> tags;
        qsizetype dropped = 0;
        const bool isUnsigned = vrName.startsWith(QLatin1Char('U'));
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QJsonValue value = values.at(i);
            if (value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
                ++dropped;
                continue;
            }
            Problem problem;
            if (vr.kind == Kind::Tag) {
                DcmTagKey tag;
                if (!value.isString() || !parseTag(value.toString(), &tag))
                    problem = QStringLiteral("must be a tag string \"GGGGEEEE\"");
                else
                    tags.push_back(tag);
            } else if (vr.kind == Kind::Float) {
                double d = 0;
                problem = floatValue(vrName, value, &d);
                doubles.push_back(d);
            } else if (isUnsigned) {
                quint64 u = 0;
                problem = unsignedValue(vrName, value, &u);
                unsignedValues.push_back(u);
            } else {
                qint64 s = 0;
                problem = signedValue(vrName, value, &s);
                signedValues.push_back(s);
            }
            if (!problem.isEmpty())
                return fail(QStringLiteral("%1 value %2 %3").arg(vrName).arg(i + 1).arg(problem));
        }
        if (dropped > 0)
            warn(QStringLiteral("%1 empty %2 value(s) left out: a binary VR has no empty value").arg(dropped).arg(vrName));

        const size_t count = qMax(qMax(signedValues.size(), unsignedValues.size()), qMax(doubles.size(), tags.size()));
        if (count == 0)
            return true;
        if (qint64(count) * 8 > kMaxLength)
            return fail(QStringLiteral("too many values for one DICOM element"));
        OFCondition status = EC_Normal;
        if (vr.kind == Kind::Tag) {
            for (size_t i = 0; i < tags.size() && status.good(); ++i)
                status = element.putTagVal(tags[i], i);
        } else if (vrName == QLatin1String("US")) {
            status = putConverted<Uint16>(unsignedValues, [&](const Uint16 *v, unsigned long n) {
                return element.putUint16Array(v, n);
            });
        } else if (vrName == QLatin1String("UL")) {
            status = putConverted<Uint32>(unsignedValues, [&](const Uint32 *v, unsigned long n) {
                return element.putUint32Array(v, n);
            });
        } else if (vrName == QLatin1String("UV")) {
            status = putConverted<Uint64>(unsignedValues, [&](const Uint64 *v, unsigned long n) {
                return static_cast<DcmUnsigned64bitVeryLong &>(element).putUint64Array(v, n);
            });
        } else if (vrName == QLatin1String("SS")) {
            status = putConverted<Sint16>(signedValues, [&](const Sint16 *v, unsigned long n) {
                return element.putSint16Array(v, n);
            });
        } else if (vrName == QLatin1String("SL")) {
            status = putConverted<Sint32>(signedValues, [&](const Sint32 *v, unsigned long n) {
                return element.putSint32Array(v, n);
            });
        } else if (vrName == QLatin1String("SV")) {
            status = putConverted<Sint64>(signedValues, [&](const Sint64 *v, unsigned long n) {
                return static_cast<DcmSigned64bitVeryLong &>(element).putSint64Array(v, n);
            });
        } else if (vrName == QLatin1String("FL")) {
            status = putConverted<Float32>(doubles, [&](const Float32 *v, unsigned long n) {
                return element.putFloat32Array(v, n);
            });
        } else {
            status = element.putFloat64Array(doubles.data(), doubles.size());
        }
        if (status.bad())
            return fail(QStringLiteral("DCMTK rejected the values: %1").arg(QLatin1String(status.text())));
        return true;
    }

    template <typename T, typename From, typename Put>
    static OFCondition putConverted(const std::vector<From> &values, Put put)
    {
        std::vector<T> converted(values.begin(), values.end());
        return put(converted.data(), static_cast<unsigned long>(converted.size()));
    }

    static Problem signedValue(const QString &vr, const QJsonValue &value, qint64 *out)
    {
        qint64 v = 0;
        if (value.isString()) {
            bool ok = false;
            v = value.toString().trimmed().toLongLong(&ok);
            if (!ok)
                return QStringLiteral("\"%1\" is not an integer").arg(value.toString().left(32));
        } else if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::trunc(d) != d)
                return QStringLiteral("%1 is not an integer").arg(d);
            if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
                return QStringLiteral("%1 is out of range").arg(d);
            v = value.toInteger(qint64(d));
        } else {
            return QStringLiteral("must be a number");
        }
        const qint64 limit = vr == QLatin1String("SS") ? 32767 : vr == QLatin1String("SL") ? 2147483647LL
                                                                                              : 0x7fffffffffffffffLL;
        if (v > limit || v < -limit - 1)
            return QStringLiteral("%1 is out of range for %2").arg(v).arg(vr);
        *out = v;
        return {};
    }

    static Problem unsignedValue(const QString &vr, const QJsonValue &value, quint64 *out)
    {
        quint64 v = 0;
        if (value.isString()) {
            bool ok = false;
            const QString text = value.toString().trimmed();
            v = text.toULongLong(&ok);
            if (!ok || text.startsWith(QLatin1Char('-')))
                return QStringLiteral("\"%1\" is not an unsigned integer").arg(text.left(32));
        } else if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::trunc(d) != d)
                return QStringLiteral("%1 is not an integer").arg(d);
            if (d < 0 || d >= 18446744073709551616.0)
                return QStringLiteral("%1 is out of range for %2").arg(d).arg(vr);
            v = d < 9223372036854775808.0 ? quint64(value.toInteger(qint64(d))) : quint64(d);
        } else {
            return QStringLiteral("must be a number");
        }
        const quint64 limit = vr == QLatin1String("US") ? 0xffffULL : vr == QLatin1String("UL") ? 0xffffffffULL
                                                                                                 : ~0ULL;
        if (v > limit)
            return QStringLiteral("%1 is out of range for %2").arg(v).arg(vr);
        *out = v;
        return {};
    }

    static Problem floatValue(const QString &vr, const QJsonValue &value, double *out)
    {
        double d = 0;
        if (value.isDouble()) {
            d = value.toDouble();
        } else if (value.isString()) {
            // toDicomJson writes what JSON numbers cannot hold as these.
            const QString text = value.toString().trimmed();
            bool ok = true;
            if (text == QLatin1String("NaN"))
                d = std::numeric_limits<double>::quiet_NaN();
            else if (text == QLatin1String("Infinity"))
                d = std::numeric_limits<double>::infinity();
            else if (text == QLatin1String("-Infinity"))
                d = -std::numeric_limits<double>::infinity();
            else
                d = text.toDouble(&ok);
            if (!ok)
                return QStringLiteral("\"%1\" is not a number").arg(text.left(32));
        } else {
            return QStringLiteral("must be a number");
        }
        if (vr == QLatin1String("FL") && std::isfinite(d) && std::fabs(d) > double(FLT_MAX))
            return QStringLiteral("%1 is out of range for FL").arg(d);
        *out = d;
        return {};
    }

    bool decodeInlineBinary(const VrInfo &vr, const QJsonValue &json, DcmElement &element)
    {
        if (vr.kind != Kind::Binary)
            return fail(QStringLiteral("InlineBinary is only for OB, OD, OF, OL, OV, OW and UN, not %1")
                            .arg(QLatin1String(vr.name)));
        if (!json.isString())
            return fail(QStringLiteral("InlineBinary must be a base64 string"));
        auto decoded = QByteArray::fromBase64Encoding(json.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(QStringLiteral("InlineBinary is not valid base64"));
        return putBytes(vr, *decoded, element);
    }

    bool decodeBulkData(const VrInfo &vr, const QJsonValue &json, DcmElement &element)
    {
        if (!json.isString())
            return fail(QStringLiteral("BulkDataURI must be a string"));
        if (vr.kind == Kind::Sequence || vr.kind == Kind::PersonName || vr.kind == Kind::Tag)
            return fail(QStringLiteral("%1 cannot be bulk data").arg(QLatin1String(vr.name)));
        const QString uri = json.toString();
        if (!m_resolver)
            return fail(QStringLiteral("bulk data URIs cannot be resolved here (\"%1\")").arg(uri.left(200)));
        core::Result<QByteArray> bytes = m_resolver(uri);
        if (!bytes.ok())
            return fail(QStringLiteral("bulk data \"%1\": %2").arg(uri.left(200), bytes.error()));
        if (vr.kind == Kind::Text || vr.kind == Kind::SingleText || vr.kind == Kind::NumberString)
            return putText(QString::fromUtf8(bytes.value()), element);
        return putBytes(vr, bytes.value(), element);
    }

    // Little-endian bytes (PS3.18 F.2.7) into an element of any binary or
    // numeric VR.
    bool putBytes(const VrInfo &vr, const QByteArray &bytes, DcmElement &element)
    {
        if (bytes.size() > kMaxLength)
            return fail(QStringLiteral("value is longer than a DICOM element can hold"));
        if (bytes.isEmpty())
            return true;
        const QString name = QLatin1String(vr.name);
        int size = 1;
        if (name == QLatin1String("OW") || name == QLatin1String("US") || name == QLatin1String("SS"))
            size = 2;
        else if (name == QLatin1String("OF") || name == QLatin1String("OL") || name == QLatin1String("FL")
                 || name == QLatin1String("UL") || name == QLatin1String("SL"))
            size = 4;
        else if (name == QLatin1String("OD") || name == QLatin1String("OV") || name == QLatin1String("FD")
                 || name == QLatin1String("UV") || name == QLatin1String("SV"))
            size = 8;
        if (bytes.size() % size != 0)
            return fail(QStringLiteral("%1 data of %2 bytes is not a multiple of %3").arg(name).arg(bytes.size()).arg(size));
        const unsigned long count = static_cast<unsigned long>(bytes.size() / size);
        const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
        OFCondition status = EC_Normal;
        if (size == 1) {
            status = element.putUint8Array(data, count);
        } else if (size == 2) {
            std::vector<Uint16> v(count);
            for (unsigned long i = 0; i < count; ++i)
                v[i] = qFromLittleEndian<Uint16>(data + 2 * i);
            status = name == QLatin1String("SS")
                         ? element.putSint16Array(reinterpret_cast<const Sint16 *>(v.data()), count)
                         : element.putUint16Array(v.data(), count);
        } else if (size == 4) {
            std::vector<Uint32> v(count);
            for (unsigned long i = 0; i < count; ++i)
                v[i] = qFromLittleEndian<Uint32>(data + 4 * i);
            if (name == QLatin1String("SL")) {
                status = element.putSint32Array(reinterpret_cast<const Sint32 *>(v.data()), count);
            } else if (name == QLatin1String("OF") || name == QLatin1String("FL")) {
                std::vector<Float32> f(count);
                std::memcpy(f.data(), v.data(), count * 4);
                status = element.putFloat32Array(f.data(), count);
            } else {
                status = element.putUint32Array(v.data(), count);
            }
        } else {
            std::vector<Uint64> v(count);
            for (unsigned long i = 0; i < count; ++i)
                v[i] = qFromLittleEndian<Uint64>(data + 8 * i);
            if (name == QLatin1String("OD") || name == QLatin1String("FD")) {
                std::vector<Float64> f(count);
                std::memcpy(f.data(), v.data(), count * 8);
                status = element.putFloat64Array(f.data(), count);
            } else if (name == QLatin1String("SV")) {
                std::vector<Sint64> s(count);
                std::memcpy(s.data(), v.data(), count * 8);
                status = static_cast<DcmSigned64bitVeryLong &>(element).putSint64Array(s.data(), count);
            } else {
                status = static_cast<DcmUnsigned64bitVeryLong &>(element).putUint64Array(v.data(), count);
            }
        }
        if (status.bad())
            return fail(QStringLiteral("DCMTK rejected the %1 data: %2").arg(name, QLatin1String(status.text())));
        return true;
    }

    // The text just decoded is UTF-8 whatever the JSON said it was.
    void declareUtf8(DcmItem &item)
    {
        OFString declared;
        if (item.findAndGetOFStringArray(DCM_SpecificCharacterSet, declared).good()) {
            const QString current = QString::fromLatin1(declared.c_str()).trimmed();
            if (current == QLatin1String("ISO_IR 192"))
                return;
            if (!current.isEmpty()) {
                m_path.append(QStringLiteral("00080005"));
                warn(QStringLiteral("\"%1\" replaced by \"ISO_IR 192\": DICOM JSON text is UTF-8").arg(current));
                m_path.removeLast();
            }
        }
        item.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    }

    QString where() const { return m_path.join(QStringLiteral(", ")); }

    bool fail(const QString &problem)
    {
        m_error = m_path.isEmpty() ? problem : where() + QStringLiteral(": ") + problem;
        return false;
    }

    void warn(const QString &problem)
    {
        if (m_warnings)
            m_warnings->append(m_path.isEmpty() ? problem : where() + QStringLiteral(": ") + problem);
    }

    const BulkDataResolver &m_resolver;
    QStringList *m_warnings;
    QStringList m_path; // "00400100 item 1", "00400002"
    QString m_error;
    bool m_nonAscii = false;
};

} // namespace

core::Result<std::unique_ptr<DcmDataset>> fromDicomJson(const QJsonObject &object, const BulkDataResolver &resolver,
                                                          QStringList *warnings)
{
    auto dataset = std::make_unique<DcmDataset>();
    Decoder decoder(resolver, warnings);
    if (!decoder.decodeItem(object, *dataset, 0, true))
        return core::Error{decoder.error()};
    return dataset;
}

core::Result<std::vector<std::unique_ptr<DcmDataset>>> fromDicomJsonArray(const QByteArray &json,
                                                                            const BulkDataResolver &resolver,
                                                                            QStringList *warnings)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return core::Error{QStringLiteral("not valid JSON at offset %1: %2")
                               .arg(parseError.offset)
                               .arg(parseError.errorString())};
    std::vector<std::unique_ptr<DcmDataset>> datasets;
    if (!document.isObject() && !document.isArray())
        return core::Error{QStringLiteral("DICOM JSON must be an array of datasets or one dataset object")};
    if (document.isObject()) {
        auto one = fromDicomJson(document.object(), resolver, warnings);
        if (!one.ok())
            return core::Error{one.error()};
        datasets.push_back(one.take());
        return datasets;
    }
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString which = QStringLiteral("dataset %1").arg(i + 1);
        if (!array.at(i).isObject())
            return core::Error{which + QStringLiteral(": must be a JSON object")};
        QStringList own;
        auto one = fromDicomJson(array.at(i).toObject(), resolver, warnings ? &own : nullptr);
        for (const QString &warning : own)
            warnings->append(which + QStringLiteral(": ") + warning);
        if (!one.ok())
            return core::Error{which + QStringLiteral(": ") + one.error()};
        datasets.push_back(one.take());
    }
    return datasets;
}

} // namespace kilima::dicom
