// Attribute access as UTF-8 QStrings, for a dataset already converted with
// convertToUtf8(). Also the small set of VR-aware helpers that the index,
// queries and DICOM JSON share.
#pragma once

#include <QString>
#include <QStringList>
#include <map>

class DcmElement;
class DcmItem;
class DcmTagKey;

namespace kilima::dicom {

// A dataset's string value for `tag` (all values joined with '\'), trimmed
// of the padding the VR allows; empty when absent.
QString stringValue(DcmItem &item, const DcmTagKey &tag);
// The same for an element already at hand (no lookup: walking a dataset
// and looking each element up again is quadratic).
QString stringValue(DcmElement &element);

// Tag <-> keyword through DCMTK's data dictionary ("PatientName" <-> (0010,0010)).
bool tagFromKeyword(const QString &keyword, DcmTagKey *tag);
QString keywordOf(const DcmTagKey &tag);
QString keywordOf(unsigned int tag);
// The VR of a dictionary tag as two letters ("PN"), "UN" when unknown.
QString vrOf(const DcmTagKey &tag);

// An ordered set of text attributes: what queries return and what C-FIND
// and QIDO-RS serve. Values are UTF-8, multiple values joined with '\'.
using AttributeMap = std::map<unsigned int /* (group << 16) | element */, QString>;

inline unsigned int tagNumber(unsigned short group, unsigned short element)
{
    return (unsigned(group) << 16) | element;
}
unsigned int tagNumber(const DcmTagKey &tag);

} // namespace kilima::dicom
