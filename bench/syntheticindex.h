// A synthetic index for benchmarks: N instances written straight into the
// archive's schema (20 per study, 4 series of 5), then ANALYZE. Patient
// names come from kSurnames, modalities from kModalities, study dates
// spread over 2015-2024.
#pragma once

#include <QString>

namespace kilima::bench {

extern const char *const kSurnames[30];
extern const char *const kModalities[8];

// `indexPath` must hold a freshly created (migrated, empty) index.
void fillSyntheticIndex(const QString &indexPath, int instances);

} // namespace kilima::bench
