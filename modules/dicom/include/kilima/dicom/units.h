// Units as a reader sees them. Kilima stores measurement units as UCUM codes
// (what DICOM SR's Measurement Units Code Sequence carries: "[hnsf'U]",
// "mm2", "deg"); every place that shows one to a person goes through
// unitText() so that a CT value reads "HU", never the code.
#pragma once

#include <QString>

namespace kilima::dicom {

// "[hnsf'U]" → "HU", "mm2" → "mm²", "cm2" → "cm²", "deg" → "°", "1" (no
// units) → "", an annotation "{ratio}" → "ratio"; text that is not one of
// these codes ("HU", "mm", "ms") is returned unchanged.
QString unitText(const QString &unit);

} // namespace kilima::dicom
