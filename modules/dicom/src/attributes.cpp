#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dctag.h>

namespace kilima::dicom {

namespace {

QString trimmed(const OFString &value)
{
    // Trailing spaces and NULs are padding; leading spaces are significant
    // only for a few VRs that Kilima does not index.
    QString s = QString::fromUtf8(value.c_str(), int(value.length()));
    int end = s.size();
    while (end > 0 && (s.at(end - 1) == QLatin1Char(' ') || s.at(end - 1) == QChar(0)))
        --end;
    s.truncate(end);
    int begin = 0;
    while (begin < s.size() && s.at(begin) == QLatin1Char(' '))
        ++begin;
    return s.mid(begin);
}

} // namespace

QString stringValue(DcmItem &item, const DcmTagKey &tag)
{
    OFString value;
    if (item.findAndGetOFStringArray(tag, value, OFFalse).bad())
        return {};
    return trimmed(value);
}

QString stringValue(DcmElement &element)
{
    OFString value;
    if (element.getOFStringArray(value, OFFalse).bad())
        return {};
    return trimmed(value);
}

bool tagFromKeyword(const QString &keyword, DcmTagKey *tag)
{
    if (keyword.isEmpty())
        return false;
    const QByteArray name = keyword.toLatin1();
    const DcmDataDictionary &dict = dcmDataDict.rdlock();
    const DcmDictEntry *entry = dict.findEntry(name.constData());
    if (entry)
        *tag = entry->getKey();
    dcmDataDict.rdunlock();
    if (entry)
        return true;
    // Also accept "00100010" and "0010,0010".
    QString hex = keyword;
    hex.remove(QLatin1Char(',')).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
    if (hex.size() == 8) {
        bool ok1 = false, ok2 = false;
        const unsigned g = hex.left(4).toUInt(&ok1, 16);
        const unsigned e = hex.mid(4).toUInt(&ok2, 16);
        if (ok1 && ok2) {
            *tag = DcmTagKey(Uint16(g), Uint16(e));
            return true;
        }
    }
    return false;
}

QString keywordOf(const DcmTagKey &tag)
{
    DcmTag t(tag);
    const char *name = t.getTagName();
    if (!name || QByteArray(name) == DcmTag_ERROR_TagName)
        return {};
    return QString::fromLatin1(name);
}

QString keywordOf(unsigned int tag)
{
    return keywordOf(DcmTagKey(Uint16(tag >> 16), Uint16(tag & 0xffff)));
}

QString vrOf(const DcmTagKey &tag)
{
    DcmTag t(tag);
    return QString::fromLatin1(t.getVR().getValidVRName());
}

unsigned int tagNumber(const DcmTagKey &tag)
{
    return tagNumber(tag.getGroup(), tag.getElement());
}

} // namespace kilima::dicom
