// QIDO-RS fuzzymatching=true for person names (PS3.18 8.3.4.1): the
// archive matches literally, so fuzzy keys are matched here on the rows it
// returns. Case- and accent-insensitive ("muller" finds "MÜLLER^Hans"),
// on name components: every word of the query must begin a component of the
// name (family, given, middle, prefix, suffix; any of the alphabetic,
// ideographic and phonetic groups), with * and ? wildcards inside a word.
#pragma once

#include <QString>

namespace kilima::dicomweb {

bool fuzzyNameMatches(const QString &pattern, const QString &name);

} // namespace kilima::dicomweb
