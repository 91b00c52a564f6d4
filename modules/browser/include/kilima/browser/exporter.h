// The exporter moved to the headless exchange module (so that kilima-node
// can export too); these names keep the browser's callers compiling.
#pragma once

#include <kilima/exchange/exporter.h>

namespace kilima::browser {
using ExportOptions = exchange::ExportOptions;
using ExportSummary = exchange::ExportSummary;
using Exporter = exchange::Exporter;
} // namespace kilima::browser
