// Specific Character Set (0008,0005) handling: every text value Kilima shows,
// indexes or serves is UTF-8. Covers ISO_IR 100/101/109/110/126/127/138/144/
// 148/192, GB18030, GBK and ISO 2022 with escape sequences (IR 13/87/149/...).
#pragma once

#include <kilima/core/result.h>

#include <QString>

class DcmItem;

namespace kilima::dicom {

// Converts every string value of `item` (recursively, including sequences)
// to UTF-8 and sets (0008,0005) to ISO_IR 192 (an item's own (0008,0005)
// too). A pure-ASCII item without (0008,0005) is left byte-identical.
// Common misspellings of the defined terms ("ISO-IR 100", "ISO_IR_100") are
// accepted. When a term is unknown the values are decoded as ISO_IR 100;
// bytes invalid in the declared set become U+FFFD. Either way the rest of the
// dataset converts and `warning` names the term or tag (never the value).
// Does not use DcmItem::convertToUTF8(): see charset.cpp. Thread safe for
// distinct items.
core::Status convertToUtf8(DcmItem &item, QString *warning = nullptr);

// Normalises a Specific Character Set value to its defined terms, e.g.
// "ISO-IR 100" -> "ISO_IR 100". Unknown terms are returned unchanged.
QString normalizeCharsetTerms(const QString &value);

} // namespace kilima::dicom
