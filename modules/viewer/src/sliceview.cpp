// SliceView: state, image pipeline (slice or MPR plane → window → RGB, plus
// the SEG overlay) and input. Measurements live in measurementtools.cpp,
// overlays and the text page in sliceoverlays.cpp.
#include <kilima/viewer/sliceview.h>
#include "sliceview_p.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace kilima::viewer {

using imaging::Vec3;
using imaging::Volume;
using namespace detail;

SliceView::SliceView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setMinimumSize(160, 160);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_cine, &QTimer::timeout, this, [this] {
        const int n = sliceCount();
        if (n < 2)
            return;
        int next = m_slice + m_cineDirection;
        if (next >= n)
            next = 0;
        setSlice(next);
    });
}

void SliceView::setVolume(const imaging::VolumePtr &volume, int slice)
{
    m_volume = volume;
    m_mpr = false;
    m_windowSet = false;
    m_readerWindow = false;
    m_document = {};
    m_segmentations.clear();
    m_slab = {};
    m_drawing.clear();
    m_slice = volume ? (slice >= 0 ? std::clamp(slice, 0, volume->slices() - 1) : 0) : 0;
    resetView();
    rebuildImage();
}

void SliceView::setMpr(const imaging::VolumePtr &volume, const imaging::Plane &plane)
{
    m_volume = volume;
    m_mpr = true;
    m_windowSet = false;
    m_readerWindow = false;
    m_document = {};
    m_plane = plane;
    resetView();
    rebuildImage();
}

int SliceView::sliceCount() const
{
    if (!m_volume)
        return 0;
    if (!m_mpr)
        return m_volume->slices();
    return 1;
}

void SliceView::setSlice(int k)
{
    if (!m_volume || m_mpr)
        return;
    k = std::clamp(k, 0, m_volume->slices() - 1);
    if (k == m_slice && m_image.isValid())
        return;
    m_slice = k;
    m_drawing.clear();
    rebuildImage();
    Q_EMIT sliceChanged(k);
    Q_EMIT positionChanged(currentPosition());
}

void SliceView::setPlane(const imaging::Plane &plane)
{
    m_plane = plane;
    rebuildImage();
}

void SliceView::setSlab(const imaging::SlabOptions &slab)
{
    m_slab = slab;
    rebuildImage();
}

void SliceView::setWindow(const imaging::WindowLevel &w)
{
    m_window = {w.center, std::max(1.0, w.width)};
    m_windowSet = true;
    m_readerWindow = true;
    m_useVoiLut = false;
    rerender();
    Q_EMIT windowChanged(m_window);
}

void SliceView::useFileWindow()
{
    m_readerWindow = false;
    m_useVoiLut = false;
    m_windowSet = false;
    rebuildImage();
}

void SliceView::setDocument(const dicom::ObjectSummary &doc)
{
    setVolume(nullptr);
    m_document = doc;
    m_documentScroll = 0;
    update();
}

void SliceView::setSegmentations(const QList<SegmentationOverlay> &overlays)
{
    m_segmentations = overlays;
    rerender();
}

void SliceView::setShowSegmentations(bool on)
{
    m_showSegmentations = on;
    rerender();
}

void SliceView::setInvert(bool on)
{
    m_invert = on;
    rerender();
}

void SliceView::setUseVoiLut(bool on)
{
    m_useVoiLut = on && m_volume && (m_volume->voiLut || imaging::voiLutFor(*m_volume, m_slice));
    rerender();
}

void SliceView::flipHorizontal() { m_flipH = !m_flipH; update(); }
void SliceView::flipVertical() { m_flipV = !m_flipV; update(); }
void SliceView::rotate90() { m_rotation = (m_rotation + 90) % 360; update(); }

void SliceView::resetView()
{
    m_zoom = 1;
    m_pan = {};
    m_flipH = m_flipV = false;
    m_rotation = 0;
    update();
}

void SliceView::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.05, 50.0);
    update();
}

void SliceView::setCine(bool on, double fps)
{
    if (on)
        m_cine.start(int(1000 / std::max(1.0, fps)));
    else
        m_cine.stop();
}

void SliceView::refresh()
{
    if (!m_image.isValid() || m_mpr || (m_volume && !m_volume->isComplete()))
        rebuildImage();
}

void SliceView::rebuildImage()
{
    // MPR reslices every frame into the previous frame's buffer.
    if (!(m_mpr && m_volume && m_volume->slices() > 0))
        m_image = {};
    if (m_volume && m_volume->slices() > 0) {
        if (m_mpr) {
            imaging::reslice(*m_volume, m_plane, m_slab, 0, &m_image);
        } else if (m_volume->isSliceReady(m_slice)) {
            m_image = imaging::sliceImage(*m_volume, m_slice);
        }
        // Until the reader picks a window, each native image shows with its
        // own (a series' slices may carry different ones); an MPR plane has
        // no file window of its own and keeps the first one.
        if (m_image.isValid() && (!m_windowSet || (!m_mpr && !m_readerWindow))) {
            const imaging::WindowLevel w = m_mpr ? imaging::defaultWindow(*m_volume, m_image)
                                                 : imaging::defaultWindow(*m_volume, m_slice, m_image);
            const bool changed = !m_windowSet || w.center != m_window.center || w.width != m_window.width;
            m_window = w;
            m_windowSet = true;
            if (changed)
                Q_EMIT windowChanged(m_window);
        }
    }
    updateProbe();
    rerender();
}

void SliceView::rerender()
{
    if (!m_image.isValid()) {
        m_rendered = QImage();
        update();
        return;
    }
    imaging::DisplayOptions opt;
    opt.window = m_window;
    opt.invert = m_invert != (m_volume && m_volume->invertGrey());
    if (m_useVoiLut && m_volume) {
        const imaging::VoiLut *own = m_mpr ? nullptr : imaging::voiLutFor(*m_volume, m_slice);
        opt.voiLut = own ? own : m_volume->voiLut.get();
        opt.volume = m_volume.get();
    }
    // Rendered straight into the previous frame's QImage (32-bit rows are
    // width*4 bytes, no padding): nothing allocated per frame.
    if (m_rendered.width() != m_image.width || m_rendered.height() != m_image.height ||
        m_rendered.format() != QImage::Format_RGB32)
        m_rendered = QImage(m_image.width, m_image.height, QImage::Format_RGB32);
    Q_ASSERT(m_rendered.bytesPerLine() == qsizetype(m_image.width) * 4);
    imaging::render(m_image, opt, reinterpret_cast<quint32 *>(m_rendered.bits()));
    if (!m_mpr && m_showSegmentations && m_image.samplesPerPixel == 1) {
        for (const SegmentationOverlay &o : m_segmentations) {
            if (size_t(m_slice) < o.framesPerSlice.size() && !o.framesPerSlice[size_t(m_slice)].empty() &&
                o.segmentation->rows == m_image.height && o.segmentation->columns == m_image.width)
                imaging::blendSegmentation(*o.segmentation, o.framesPerSlice[size_t(m_slice)], 0.5,
                                           reinterpret_cast<quint32 *>(m_rendered.bits()));
        }
    }
    update();
}

QTransform SliceView::imageToWidget() const
{
    QTransform t;
    if (!m_image.isValid())
        return t;
    const double wmm = m_image.width * m_image.pixelWidth, hmm = m_image.height * m_image.pixelHeight;
    const bool swap = m_rotation % 180 != 0;
    const double fit = std::min(width() / (swap ? hmm : wmm), height() / (swap ? wmm : hmm));
    const double s = fit * m_zoom;
    t.translate(width() / 2.0 + m_pan.x(), height() / 2.0 + m_pan.y());
    t.rotate(m_rotation);
    t.scale(m_flipH ? -s : s, m_flipV ? -s : s);
    t.scale(m_image.pixelWidth, m_image.pixelHeight);
    t.translate(-m_image.width / 2.0, -m_image.height / 2.0);
    return t;
}

QPointF SliceView::widgetAtImage(QPointF imagePos) const
{
    return imageToWidget().map(imagePos + QPointF(0.5, 0.5));
}

QPointF SliceView::imageAtWidget(QPointF widgetPos) const
{
    return imageToWidget().inverted().map(widgetPos) - QPointF(0.5, 0.5);
}

Vec3 SliceView::patientAtWidget(QPointF widgetPos) const
{
    if (!m_volume)
        return {};
    const QPointF ip = imageAtWidget(widgetPos);
    if (m_mpr)
        return m_plane.pointAt(ip.x(), ip.y());
    return m_volume->voxelToPatient(ip.x(), ip.y(), m_slice);
}

Vec3 SliceView::currentPosition() const
{
    if (!m_volume || m_volume->slices() == 0)
        return {};
    if (m_mpr)
        return m_hasCrosshair ? m_crosshair : m_plane.center;
    return m_volume->voxelToPatient((m_volume->columns - 1) / 2.0, (m_volume->rows - 1) / 2.0, m_slice);
}

void SliceView::showPosition(const Vec3 &p)
{
    if (!m_volume || m_volume->slices() == 0)
        return;
    if (m_mpr) {
        // Move the plane along its normal so that it contains p.
        const Vec3 n = m_plane.normal();
        m_plane.center = m_plane.center + n * (p - m_plane.center).dot(n);
        rebuildImage();
        return;
    }
    const double d = p.dot(m_volume->normal);
    int best = 0;
    double bestGap = INFINITY;
    for (int k = 0; k < m_volume->slices(); ++k) {
        const double g = std::abs(m_volume->sliceDistance(k) - d);
        if (g < bestGap) {
            bestGap = g;
            best = k;
        }
    }
    if (best != m_slice) {
        m_slice = best;
        rebuildImage();
        Q_EMIT sliceChanged(best);
    }
}

QString SliceView::currentSopUid() const
{
    if (!m_volume || m_mpr || m_slice >= m_volume->slices())
        return {};
    return m_volume->sources[size_t(m_slice)].sopUid;
}

int SliceView::currentFrame() const
{
    if (!m_volume || m_mpr || m_slice >= m_volume->slices())
        return 0;
    return m_volume->sources[size_t(m_slice)].frame;
}

void SliceView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (hasDocument()) {
        drawDocument(p);
        if (m_active) {
            p.setPen(QPen(QColor(255, 170, 0), 2));
            p.drawRect(rect().adjusted(1, 1, -1, -1));
        }
        return;
    }
    if (!m_rendered.isNull()) {
        p.save();
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom * width() < 4 * m_rendered.width() ? false : true);
        p.setTransform(imageToWidget());
        p.drawImage(QPointF(0, 0), m_rendered);
        p.restore();
    }
    if (m_overlays) {
        drawReferences(p);
        drawMeasurements(p);
        drawOverlays(p);
    }
    if (m_active) {
        p.setPen(QPen(QColor(255, 170, 0), 2));
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void SliceView::wheelEvent(QWheelEvent *e)
{
    if (hasDocument()) {
        m_documentScroll = std::max(0, m_documentScroll - e->angleDelta().y() / 2);
        update();
        return;
    }
    if (rect().contains(e->position().toPoint())) {
        m_lastMouse = e->position();
        m_mouseInside = true;
    }
    const int steps = e->angleDelta().y() / 120 != 0 ? e->angleDelta().y() / 120 : (e->angleDelta().y() > 0 ? 1 : -1);
    if (e->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * std::pow(1.15, steps));
        return;
    }
    if (m_mpr) {
        const double step = m_volume ? std::min({m_volume->sliceSpacing(), m_volume->columnSpacing, m_volume->rowSpacing}) : 1;
        m_plane.center = m_plane.center + m_plane.normal() * (-steps * step);
        rebuildImage();
        Q_EMIT crosshairMoved(m_hasCrosshair ? m_crosshair + m_plane.normal() * ((m_plane.center - m_crosshair).dot(m_plane.normal()))
                                             : m_plane.center);
        return;
    }
    setSlice(m_slice - steps);
}

void SliceView::mousePressEvent(QMouseEvent *e)
{
    Q_EMIT activated(this);
    setFocus();
    m_button = e->button();
    m_lastMouse = e->position();
    if (e->button() != Qt::LeftButton || !m_image.isValid())
        return;
    const QPointF ip = imageAtWidget(e->position());
    switch (m_tool) {
    case Tool::Crosshair:
        Q_EMIT crosshairMoved(patientAtWidget(e->position()));
        break;
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow:
        m_drawing = {ip, ip};
        break;
    case Tool::Freehand:
        m_drawing = {ip};
        break;
    case Tool::Angle:
        // Click (or drag) the first arm's end, the vertex, then the second
        // arm's end; the loose end follows the mouse in between.
        if (m_drawing.isEmpty()) {
            m_drawing = {ip, ip};
            m_angleDone = false;
        } else if (m_drawing.size() == 2) {
            m_drawing[1] = ip;
            m_drawing.append(ip);
        } else {
            m_drawing[2] = ip;
            m_angleDone = true;
        }
        break;
    case Tool::Probe:
        m_drawing = {ip};
        finishMeasurement();
        break;
    case Tool::Text:
        m_drawing = {ip};
        finishMeasurement();
        break;
    default:
        break;
    }
    update();
}

void SliceView::mouseMoveEvent(QMouseEvent *e)
{
    const QPointF d = e->position() - m_lastMouse;
    m_lastMouse = e->position();
    m_mouseInside = true;
    updateProbe();
    if (m_button == Qt::NoButton) {
        // Between the angle's clicks the loose end follows the mouse.
        if (m_tool == Tool::Angle && m_drawing.size() >= 2) {
            m_drawing.back() = imageAtWidget(e->position());
        }
        update();
        return;
    }
    Tool tool = m_tool;
    if (m_button == Qt::MiddleButton)
        tool = Tool::Pan;
    else if (m_button == Qt::RightButton)
        tool = Tool::Zoom;
    switch (tool) {
    case Tool::WindowLevel: {
        const double k = std::max(1.0, m_window.width / 200.0);
        m_window.width = std::max(1.0, m_window.width + d.x() * k);
        m_window.center += d.y() * k;
        m_useVoiLut = false;
        rerender();
        Q_EMIT windowChanged(m_window);
        break;
    }
    case Tool::Zoom:
        setZoom(m_zoom * std::pow(1.01, -d.y()));
        break;
    case Tool::Pan:
        m_pan += d;
        update();
        break;
    case Tool::Scroll:
        if (std::abs(d.y()) >= 1) {
            if (m_mpr) {
                QWheelEvent w(e->position(), e->globalPosition(), {}, QPoint(0, d.y() > 0 ? -120 : 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
                wheelEvent(&w);
            } else {
                setSlice(m_slice + (d.y() > 0 ? 1 : -1));
            }
        }
        break;
    case Tool::Crosshair:
        Q_EMIT crosshairMoved(patientAtWidget(e->position()));
        break;
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow: case Tool::Angle:
        if (!m_drawing.isEmpty())
            m_drawing.back() = imageAtWidget(e->position());
        update();
        break;
    case Tool::Freehand:
        if (!m_drawing.isEmpty())
            m_drawing.append(imageAtWidget(e->position()));
        update();
        break;
    default:
        break;
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent *e)
{
    const Qt::MouseButton b = m_button;
    m_button = Qt::NoButton;
    if (b != Qt::LeftButton || e->button() != Qt::LeftButton)
        return;
    switch (m_tool) {
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow: case Tool::Freehand:
        finishMeasurement();
        break;
    case Tool::Angle:
        if (m_drawing.size() == 2 && QLineF(widgetAtImage(m_drawing[0]), widgetAtImage(m_drawing[1])).length() >= 3)
            m_drawing.append(m_drawing[1]);   // the first arm was dragged: its end is the vertex
        else if (m_drawing.size() == 3 && m_angleDone)
            finishMeasurement();
        break;
    default:
        break;
    }
}

void SliceView::mouseDoubleClickEvent(QMouseEvent *)
{
    Q_EMIT activated(this);
}

void SliceView::keyPressEvent(QKeyEvent *e)
{
    switch (e->key()) {
    case Qt::Key_Up: case Qt::Key_Left:
        if (m_mpr) { QWheelEvent w(m_lastMouse, mapToGlobal(m_lastMouse), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false); wheelEvent(&w); }
        else setSlice(m_slice - 1);
        return;
    case Qt::Key_Down: case Qt::Key_Right:
        if (m_mpr) { QWheelEvent w(m_lastMouse, mapToGlobal(m_lastMouse), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false); wheelEvent(&w); }
        else setSlice(m_slice + 1);
        return;
    case Qt::Key_PageUp: setSlice(m_slice - std::max(1, sliceCount() / 10)); return;
    case Qt::Key_PageDown: setSlice(m_slice + std::max(1, sliceCount() / 10)); return;
    case Qt::Key_Home: setSlice(0); return;
    case Qt::Key_End: setSlice(sliceCount() - 1); return;
    case Qt::Key_Escape: m_drawing.clear(); update(); return;
    default: break;
    }
    QWidget::keyPressEvent(e);
}

void SliceView::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasFormat(QLatin1String(kSeriesMime)))
        e->acceptProposedAction();
}

void SliceView::dropEvent(QDropEvent *e)
{
    const QString key = QString::fromUtf8(e->mimeData()->data(QLatin1String(kSeriesMime)));
    if (!key.isEmpty()) {
        e->acceptProposedAction();
        Q_EMIT seriesDropped(key);
    }
}

void SliceView::resizeEvent(QResizeEvent *)
{
    update();
}

void SliceView::leaveEvent(QEvent *)
{
    m_mouseInside = false;
    m_probeText.clear();
    update();
}

void SliceView::updateProbe()
{
    // The value under the mouse of the image shown now: after scrolling by
    // wheel or keys it is the new slice's, not the one the mouse last moved over.
    m_probeText.clear();
    if (!m_mouseInside || !m_image.isValid() || !m_volume || m_image.samplesPerPixel != 1)
        return;
    const QPointF ip = imageAtWidget(m_lastMouse);
    const int x = int(std::lround(ip.x())), y = int(std::lround(ip.y()));
    if (x < 0 || y < 0 || x >= m_image.width || y >= m_image.height || std::isnan(m_image.at(x, y)))
        return;
    const QString unit = valueUnit(m_volume.get());
    m_probeText = QStringLiteral("(%1, %2) %3%4").arg(x).arg(y).arg(double(m_image.at(x, y)), 0, 'f', 0)
                      .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

} // namespace kilima::viewer
