#include <kilima/viewer/mprview.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QWheelEvent>

namespace kilima::viewer {

using imaging::Orientation;
using imaging::Vec3;

namespace {
const QColor kColors[3] = {QColor(80, 160, 255), QColor(80, 220, 120), QColor(255, 90, 90)};
}

MprView::MprView(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    for (int i = 0; i < 3; ++i) {
        m_views[i] = new SliceView(this);
        m_views[i]->setTool(Tool::Crosshair);
        m_views[i]->installEventFilter(this);
        connect(m_views[i], &SliceView::crosshairMoved, this, &MprView::setCrosshair);
        connect(m_views[i], &SliceView::activated, this, &MprView::activated);
        connect(m_views[i], &SliceView::windowChanged, this, [this](const imaging::WindowLevel &w) {
            if (m_updating)
                return;
            m_updating = true;
            for (SliceView *v : m_views) {
                if (v != sender())
                    v->setWindow(w);
            }
            m_updating = false;
        });
    }
    grid->addWidget(m_views[int(Orientation::Axial)], 0, 0);
    grid->addWidget(m_views[int(Orientation::Sagittal)], 0, 1);
    grid->addWidget(m_views[int(Orientation::Coronal)], 1, 0);

    auto *panel = new QWidget(this);
    auto *form = new QFormLayout(panel);
    m_slabMode = new QComboBox(panel);
    m_slabMode->addItems({tr("MIP"), tr("MinIP"), tr("Average")});
    m_slabThickness = new QDoubleSpinBox(panel);
    m_slabThickness->setRange(0, 200);
    m_slabThickness->setSuffix(tr(" mm"));
    m_slabThickness->setSingleStep(1);
    form->addRow(tr("Slab mode"), m_slabMode);
    form->addRow(tr("Slab thickness"), m_slabThickness);
    auto *reset = new QPushButton(tr("Reset planes"), panel);
    form->addRow(reset);
    m_info = new QLabel(panel);
    m_info->setWordWrap(true);
    m_info->setText(tr("Click or drag: move the crosshair. Wheel: move the plane. "
                       "Shift+wheel: rotate the other planes (oblique). Colours: axial blue, coronal green, sagittal red."));
    form->addRow(m_info);
    grid->addWidget(panel, 1, 1);
    auto apply = [this] {
        setSlab({m_slabThickness->value(), imaging::SlabMode(m_slabMode->currentIndex())});
    };
    connect(m_slabMode, qOverload<int>(&QComboBox::currentIndexChanged), this, apply);
    connect(m_slabThickness, qOverload<double>(&QDoubleSpinBox::valueChanged), this, apply);
    connect(reset, &QPushButton::clicked, this, &MprView::resetRotation);
}

void MprView::setVolume(const imaging::VolumePtr &volume)
{
    m_volume = volume;
    resetRotation();
    if (!volume || volume->slices() == 0 || volume->samplesPerPixel != 1 || !volume->hasGeometry)
        return;
    m_crosshair = imaging::volumeCenter(*volume);
    for (int i = 0; i < 3; ++i)
        m_views[i]->setMpr(volume, plane(Orientation(i)));
    updatePlanes();
}

imaging::Plane MprView::plane(Orientation o) const
{
    imaging::Plane p;
    if (!m_volume)
        return p;
    // Extent and pixel size from the standard plane; axes from the rotated frame.
    const Vec3 centre = imaging::volumeCenter(*m_volume);
    p = imaging::standardPlane(*m_volume, o, centre);
    const int side = std::max(p.width, p.height);
    switch (o) {
    case Orientation::Axial: p.u = m_axes[0]; p.v = m_axes[1]; break;
    case Orientation::Coronal: p.u = m_axes[0]; p.v = m_axes[2] * -1; break;
    case Orientation::Sagittal: p.u = m_axes[1]; p.v = m_axes[2] * -1; break;
    }
    if (!(m_axes[0].x == 1 && m_axes[1].y == 1 && m_axes[2].z == 1))
        p.width = p.height = side;   // oblique: square, covers any rotation of the volume
    const Vec3 n = p.normal();
    p.center = centre + n * (m_crosshair - centre).dot(n);
    return p;
}

void MprView::setCrosshair(const Vec3 &p)
{
    m_crosshair = p;
    updatePlanes();
}

void MprView::rotate(Orientation about, double degrees)
{
    const Vec3 axis = plane(about).normal();
    for (Vec3 &a : m_axes) {
        const double t = degrees * M_PI / 180, c = std::cos(t), s = std::sin(t);
        a = (a * c + axis.cross(a) * s + axis * (axis.dot(a) * (1 - c))).normalized();
    }
    updatePlanes();
}

void MprView::resetRotation()
{
    m_axes[0] = {1, 0, 0};
    m_axes[1] = {0, 1, 0};
    m_axes[2] = {0, 0, 1};
    if (m_volume && m_volume->slices() > 0)
        updatePlanes();
}

void MprView::setSlab(const imaging::SlabOptions &slab)
{
    m_slab = slab;
    for (SliceView *v : m_views)
        v->setSlab(slab);
}

void MprView::setWindow(const imaging::WindowLevel &w)
{
    for (SliceView *v : m_views)
        v->setWindow(w);
}

void MprView::setTool(Tool tool)
{
    for (SliceView *v : m_views)
        v->setTool(tool);
}

void MprView::refresh()
{
    for (SliceView *v : m_views)
        v->refresh();
}

void MprView::updatePlanes()
{
    if (!m_volume || m_volume->slices() == 0)
        return;
    imaging::Plane planes[3];
    for (int i = 0; i < 3; ++i)
        planes[i] = plane(Orientation(i));
    for (int i = 0; i < 3; ++i) {
        QList<QPair<imaging::Plane, QColor>> refs;
        for (int j = 0; j < 3; ++j) {
            if (j != i)
                refs.append({planes[j], kColors[j]});
        }
        m_views[i]->setReferencePlanes(refs);
        m_views[i]->setCrosshair(m_crosshair);
        m_views[i]->setPlane(planes[i]);
    }
}

bool MprView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *w = static_cast<QWheelEvent *>(event);
        if (w->modifiers() & Qt::ShiftModifier) {
            for (int i = 0; i < 3; ++i) {
                if (m_views[i] == watched) {
                    const int d = w->angleDelta().y() + w->angleDelta().x();
                    rotate(Orientation(i), d > 0 ? 5 : -5);
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kilima::viewer
