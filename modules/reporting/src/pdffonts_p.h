// Fonts and text mapping for the printed report: the body font plus the
// installed families that cover every character of the report (CJK, Greek,
// Cyrillic...), so no glyph prints as a box; and a repair of the text map Qt
// writes into the PDF, so that copy/paste and search return the characters
// that were typed. Never changes what the page looks like.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QString>

namespace kilima::reporting::detail {

// DejaVu Sans at `pointSize`, with the families needed for the characters of
// `text` it lacks listed after it (QFont::setFamilies), chosen by coverage
// (QRawFont::supportsCharacter): for Han text the Japanese face when the
// text has kana, the Korean one when it has Hangul, else the Chinese one.
QFont reportFont(const QString &text, qreal pointSize);

} // namespace kilima::reporting::detail
