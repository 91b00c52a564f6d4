// Series → volumes. scanFiles() reads headers only (no pixel data) and
// groups frames into displayable volumes: sorted by position along the
// slice normal (never by instance number), split by orientation, size,
// localizer and repeated positions (4D phases), enhanced multi-frame per-
// frame functional groups and Siemens mosaics unpacked. decode() fills the
// voxels on a thread pool, slice by slice, so the first image is shown
// before the volume is complete. Thread safe; never throws; bad files are
// reported with a reason, never crash.
#pragma once

#include <kilima/imaging/volume.h>

#include <QStringList>
#include <functional>

class QThreadPool;

namespace kilima::imaging {

struct ScanResult {
    std::vector<VolumePtr> volumes;       // in series number order
    QStringList notDisplayable;           // "file.dcm: reason" (SR, waveform, unreadable, ...)
};

// Reads the headers of `files` (on `threads` threads; 0 = ideal count).
ScanResult scanFiles(const QStringList &files, int threads = 0);

// Decodes every slice of `volume` on `pool` (global pool when null),
// starting with `firstSlice` then outwards from it. `onSlice(k)` runs on a
// worker thread after slice k is stored (or failed: volume->sliceError(k)).
void decode(const VolumePtr &volume, QThreadPool *pool = nullptr, int firstSlice = 0,
            std::function<void(int)> onSlice = {});

// Convenience: scan + decode + wait (tests, benchmarks, command line).
ScanResult loadFiles(const QStringList &files);

} // namespace kilima::imaging
