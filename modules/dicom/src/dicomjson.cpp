#include <kilima/dicom/dicomjson.h>

namespace kilima::dicom {

QJsonObject toDicomJson(DcmItem &, const JsonOptions &) { return {}; }
QJsonObject toDicomJson(const AttributeMap &) { return {}; }

} // namespace kilima::dicom
