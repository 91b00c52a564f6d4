// One displayable image stack: a 3D volume in patient coordinates (slices
// sorted along the normal, exact per-slice positions so non-uniform spacing
// and gantry tilt stay exact) or, for images without plane geometry (CR, US,
// secondary capture), a plain stack of frames. Voxels stay as the stored
// 16-bit samples; the Modality LUT (rescale, or a Modality LUT Sequence's
// table) is applied per slice when values are read, so memory is about the
// raw voxel bytes.
// Slices are filled by decoder threads; readers check isSliceReady() first.
// Never blocks except in waitUntilComplete().
#pragma once

#include <kilima/dicom/pixeldata.h>
#include <kilima/imaging/vec3.h>

#include <QString>
#include <QStringList>
#include <QVector>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace kilima::imaging {

struct VoiLut;

// Where one slice's pixels come from, and how the file says to show them:
// window and VOI LUT belong to each image (a series' first and middle
// slices often carry different windows; enhanced objects window per frame).
struct SliceSource {
    QString path;
    int frame = 0;          // frame of a multi-frame object
    int tile = -1;          // tile of a Siemens mosaic, -1 for none
    QString sopUid;
    int instanceNumber = 0;
    double slope = 1, intercept = 0;
    // The file's Modality LUT Sequence, null if none. Where set it replaces
    // slope/intercept: modality values are its (non-linear) output, so
    // anything that interpolates must map stored samples through it first.
    std::shared_ptr<const dicom::ModalityLut> modalityLut;
    // Modality value of a stored sample (already sign-extended).
    double modalityValue(double stored) const
    {
        return modalityLut ? modalityLut->map(qint64(stored)) : stored * slope + intercept;
    }
    // Window Center/Width of this image (Frame VOI LUT functional group for
    // an enhanced frame), in modality units, all values in file order.
    QVector<double> windowCenters, windowWidths;
    std::shared_ptr<VoiLut> voiLut;   // first VOI LUT Sequence item; null if none
};

// A VOI LUT from the file (VOI LUT Sequence item). Input: modality values
// (after the Modality LUT), as PS3.3 C.11.2 defines.
struct VoiLut {
    int firstMapped = 0;
    int bits = 16;          // from the descriptor
    std::vector<quint16> table;
    QString explanation;
};

class Volume {
public:
    // --- identity and description -----------------------------------
    QString studyUid, seriesUid, frameOfReferenceUid;
    QString modality, seriesDescription, patientName, patientId, studyDate, studyDescription;
    int seriesNumber = 0;
    QString label;          // "", "phase 2/10", "localizer", "tile stack" ...
    QStringList notes;      // geometry remarks a reader should know ("non-uniform spacing: ...")

    // --- pixel layout ------------------------------------------------
    int columns = 0, rows = 0;
    int samplesPerPixel = 1;   // 1 grey, 3 RGB (interleaved)
    bool isSigned = false;
    int bitsStored = 16;
    QString photometric;       // after decode: MONOCHROME1/2 or RGB
    bool invertGrey() const { return photometric == QLatin1String("MONOCHROME1") || presentationInverse; }
    // The first slice's window and VOI LUT, kept for callers that want one
    // value for the series; what a displayed image shows comes from
    // defaultWindow(v, slice, img) / voiLutFor(v, slice) (image2d.h).
    QVector<double> windowCenters, windowWidths;
    std::shared_ptr<VoiLut> voiLut;
    // Presentation LUT Shape INVERSE (or MONOCHROME1): grey shown inverted.
    bool presentationInverse = false;
    QString rescaleUnit;       // "HU" for CT, else ""

    // --- geometry ----------------------------------------------------
    bool hasGeometry = false;  // plane geometry known (IOP/IPP)
    bool spacingKnown = false; // pixel spacing known (else 1 pixel = 1 "mm")
    double rowSpacing = 1;     // mm between rows (PixelSpacing[0])
    double columnSpacing = 1;  // mm between columns (PixelSpacing[1])
    double sliceThickness = 0;
    Vec3 rowDir{1, 0, 0};      // direction of increasing column index
    Vec3 colDir{0, 1, 0};      // direction of increasing row index
    Vec3 normal{0, 0, 1};      // rowDir x colDir; slices sorted along it
    std::vector<Vec3> positions;   // ImagePositionPatient of each slice (centre of first voxel)
    std::vector<SliceSource> sources;

    int slices() const { return int(positions.size()); }
    // Signed distance of slice k along the normal.
    double sliceDistance(int k) const { return positions[size_t(k)].dot(normal); }
    // Nominal spacing (median gap); gaps may differ (see notes).
    double sliceSpacing() const;
    bool uniformSpacing(double tolerance = 0.01) const;
    // Gantry tilt: angle between the stacking direction and the normal, degrees.
    double tiltDegrees() const;

    // Patient point → continuous voxel index (column, row, slice); exact for
    // non-uniform spacing and tilt (slice position interpolated).
    Vec3 patientToVoxel(const Vec3 &p) const;
    Vec3 voxelToPatient(double column, double row, double slice) const;

    // --- voxels -------------------------------------------------------
    void allocate();   // after the layout is set
    size_t sliceSamples() const { return size_t(columns) * size_t(rows) * size_t(samplesPerPixel); }
    quint16 *sliceData(int k) { return m_voxels.get() + size_t(k) * sliceSamples(); }
    const quint16 *sliceData(int k) const { return m_voxels.get() + size_t(k) * sliceSamples(); }
    size_t voxelBytes() const { return m_voxelCount * sizeof(quint16); }
    // Modality value (HU for CT) of a stored sample of slice k.
    double modalityValue(int k, quint16 raw) const
    {
        return sources[size_t(k)].modalityValue(isSigned ? double(qint16(raw)) : double(raw));
    }
    double valueAt(int column, int row, int k) const
    {
        return modalityValue(k, sliceData(k)[size_t(row) * size_t(columns) + size_t(column)]);
    }
    // Every slice has the same linear rescale (and no Modality LUT Sequence).
    bool rescaleUniform() const;

    // --- decode progress ----------------------------------------------
    bool isSliceReady(int k) const { return m_ready[size_t(k)].load(std::memory_order_acquire); }
    QString sliceError(int k) const;
    int readySlices() const { return m_readyCount.load(); }
    bool isComplete() const { return m_readyCount.load() == slices(); }
    void markSliceReady(int k, const QString &error = QString());
    void waitUntilComplete() const;

private:
    struct FreeDeleter {
        void operator()(quint16 *p) const;
    };
    // Not zero-filled: each slice's pages are first touched by the thread
    // that decodes it (page faults are costly and would delay the first image).
    std::unique_ptr<quint16[], FreeDeleter> m_voxels;
    size_t m_voxelCount = 0;
    std::unique_ptr<std::atomic<bool>[]> m_ready;
    std::atomic<int> m_readyCount{0};
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_done;
    QStringList m_errors;
};

using VolumePtr = std::shared_ptr<Volume>;

} // namespace kilima::imaging
