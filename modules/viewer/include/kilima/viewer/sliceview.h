// One 2D viewport: a native slice of a volume, or an MPR plane through it
// (optionally a thick slab). Reader interactions: scroll, window/level,
// zoom, pan, flip/rotate, invert, cine; corner overlays, orientation
// markers, scale bar; measurement tools drawn in image coordinates.
// Rendering is done on the CPU from kilima::imaging (fast enough on
// llvmpipe-only machines); never reads files or decodes on the UI thread.
#pragma once

#include <kilima/archive/annotations.h>
#include <kilima/dicom/srdocument.h>
#include <kilima/imaging/image2d.h>
#include <kilima/imaging/segmentation.h>
#include <kilima/imaging/mpr.h>
#include <kilima/imaging/volume.h>

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace kilima::viewer {

// A SEG over a volume: for each slice, the SEG frames lying on it.
struct SegmentationOverlay {
    imaging::SegmentationPtr segmentation;
    std::vector<std::vector<int>> framesPerSlice;
};

enum class Tool { WindowLevel, Zoom, Pan, Scroll, Crosshair, Length, Angle, Ellipse, Rectangle, Freehand, Probe, Arrow, Text };

class SliceView : public QWidget {
    Q_OBJECT
public:
    explicit SliceView(QWidget *parent = nullptr);

    // Native stack reading.
    void setVolume(const imaging::VolumePtr &volume, int slice = -1);
    // MPR: the plane follows the crosshair; u/v fix the screen axes.
    void setMpr(const imaging::VolumePtr &volume, const imaging::Plane &plane);
    bool isMpr() const { return m_mpr; }
    imaging::VolumePtr volume() const { return m_volume; }

    int slice() const { return m_slice; }
    void setSlice(int k);
    int sliceCount() const;
    const imaging::Plane &plane() const { return m_plane; }
    void setPlane(const imaging::Plane &plane);
    void setSlab(const imaging::SlabOptions &slab);
    imaging::SlabOptions slab() const { return m_slab; }

    imaging::WindowLevel window() const { return m_window; }
    // The reader's window: kept while scrolling (and into MPR).
    void setWindow(const imaging::WindowLevel &w);
    // "Default (file)": each displayed image's own window, re-evaluated on
    // every slice until the reader sets one.
    void useFileWindow();
    bool followsFileWindow() const { return !m_readerWindow && !m_useVoiLut; }
    void setInvert(bool on);
    bool inverted() const { return m_invert; }
    void setUseVoiLut(bool on);
    void flipHorizontal();
    void flipVertical();
    void rotate90();
    void resetView();
    void setZoom(double zoom);   // 1 = fit
    double zoom() const { return m_zoom; }
    void setCine(bool on, double fps = 15);
    bool cineRunning() const { return m_cine.isActive(); }

    void setTool(Tool tool) { m_tool = tool; m_drawing.clear(); update(); }
    Tool tool() const { return m_tool; }
    void setActive(bool on) { m_active = on; update(); }

    // Patient point shown at the centre of the current image, and at a widget position.
    imaging::Vec3 currentPosition() const;
    imaging::Vec3 patientAtWidget(QPointF widgetPos) const;
    QPointF widgetAtImage(QPointF imagePos) const;
    QPointF imageAtWidget(QPointF widgetPos) const;
    // Goes to the slice (or moves the plane) nearest to patient point p.
    void showPosition(const imaging::Vec3 &p);

    // MPR decorations: crosshair point and the other views' planes.
    void setCrosshair(const imaging::Vec3 &p) { m_crosshair = p; m_hasCrosshair = true; update(); }
    void setReferencePlanes(const QList<QPair<imaging::Plane, QColor>> &planes) { m_refs = planes; update(); }

    // Measurements on the image shown (native mode).
    void setMeasurements(const QList<archive::Measurement> &all) { m_measurements = all; update(); }
    // The current image's identity (for measurements and key images).
    QString currentSopUid() const;
    int currentFrame() const;
    imaging::Image2D currentImage() const { return m_image; }
    // Rendered pixels as the reader sees them (without overlays).
    QImage renderedImage() const { return m_rendered; }
    bool showOverlays() const { return m_overlays; }
    void setShowOverlays(bool on) { m_overlays = on; update(); }

    // Called by the owner when more slices arrived.
    void refresh();

    // Live value under the mouse ("(x, y) value unit"), following the slice
    // shown after wheel or keyboard scrolling.
    QString probeText() const { return m_probeText; }
    // Orientation letters at the left, top, right and bottom edges (empty
    // strings when unknown).
    QStringList orientationMarkers() const;
    // Projection images (CR/DX) without plane geometry: Patient Orientation
    // (0020,0020), row direction then column direction ("L", "F").
    void setPatientOrientation(const QStringList &rowAndColumn) { m_patientOrientation = rowAndColumn; update(); }

    // Objects without pixel data are shown as a text page, never black.
    void setDocument(const dicom::ObjectSummary &doc);
    bool hasDocument() const { return !m_document.heading.isEmpty() || !m_document.text.isEmpty(); }
    QString documentText() const { return m_document.heading + QLatin1Char('\n') + m_document.text; }

    // SEG overlays of the shown volume, blended over the image when on.
    void setSegmentations(const QList<SegmentationOverlay> &overlays);
    bool hasSegmentations() const { return !m_segmentations.isEmpty(); }
    void setShowSegmentations(bool on);
    bool showSegmentations() const { return m_showSegmentations; }

Q_SIGNALS:
    void sliceChanged(int slice);
    void positionChanged(const kilima::imaging::Vec3 &p);   // for synchronised scrolling
    void crosshairMoved(const kilima::imaging::Vec3 &p);
    void windowChanged(const kilima::imaging::WindowLevel &w);
    void activated(kilima::viewer::SliceView *self);
    void measurementCreated(const kilima::archive::Measurement &m);
    void seriesDropped(const QString &key);
    void probe(const QString &text);

protected:
    void paintEvent(QPaintEvent *) override;
    void wheelEvent(QWheelEvent *) override;
    void mousePressEvent(QMouseEvent *) override;
    void mouseMoveEvent(QMouseEvent *) override;
    void mouseReleaseEvent(QMouseEvent *) override;
    void mouseDoubleClickEvent(QMouseEvent *) override;
    void keyPressEvent(QKeyEvent *) override;
    void dragEnterEvent(QDragEnterEvent *) override;
    void dropEvent(QDropEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    void leaveEvent(QEvent *) override;

private:
    void updateProbe();
    void drawDocument(QPainter &p);
    void rebuildImage();
    void rerender();
    QTransform imageToWidget() const;
    void finishMeasurement();
    void drawOverlays(QPainter &p);
    void drawMeasurements(QPainter &p);
    void drawReferences(QPainter &p);
    QString orientationLabel(const imaging::Vec3 &screenDir) const;
    imaging::Vec3 screenDirection(QPointF widgetDelta) const;

    imaging::VolumePtr m_volume;
    bool m_mpr = false;
    int m_slice = 0;
    imaging::Plane m_plane;
    imaging::SlabOptions m_slab;
    imaging::Image2D m_image;
    QImage m_rendered;
    imaging::WindowLevel m_window;
    bool m_windowSet = false;
    bool m_readerWindow = false;   // the reader chose the window: keep it
    bool m_invert = false;
    bool m_useVoiLut = false;
    bool m_flipH = false, m_flipV = false;
    int m_rotation = 0;   // degrees, multiple of 90
    double m_zoom = 1;
    QPointF m_pan;
    Tool m_tool = Tool::WindowLevel;
    bool m_active = false;
    bool m_overlays = true;
    QTimer m_cine;
    int m_cineDirection = 1;

    Qt::MouseButton m_button = Qt::NoButton;
    QPointF m_lastMouse;
    QVector<QPointF> m_drawing;   // image coordinates of the measurement in progress
    QString m_probeText;
    bool m_mouseInside = false;
    bool m_angleDone = false;      // third point of an angle placed
    QStringList m_patientOrientation;
    dicom::ObjectSummary m_document;
    int m_documentScroll = 0;
    QList<SegmentationOverlay> m_segmentations;
    bool m_showSegmentations = true;

    imaging::Vec3 m_crosshair;
    bool m_hasCrosshair = false;
    QList<QPair<imaging::Plane, QColor>> m_refs;
    QList<archive::Measurement> m_measurements;
};

// The value text for a measurement of `kind` over `points` (image pixels).
// Lengths in mm when the pixel spacing is known, else in pixels.
QString measurementValue(const imaging::Image2D &img, const QString &kind, const QVector<QPointF> &points,
                         const QString &unit, bool spacingKnown = true);

} // namespace kilima::viewer
