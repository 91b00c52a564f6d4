// Three linked MPR planes (axial, coronal, sagittal) through one crosshair
// point: clicking or dragging with the crosshair tool moves it in all
// views, scrolling moves a plane along its normal, Shift+wheel (or the
// rotate actions) turns the planes about the active view's normal
// (oblique), and a thick slab (MIP/MinIP/average) applies to all three.
// Reference lines show the other planes in each view.
#pragma once

#include <kilima/imaging/mpr.h>
#include <kilima/viewer/sliceview.h>

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace kilima::viewer {

class MprView : public QWidget {
    Q_OBJECT
public:
    explicit MprView(QWidget *parent = nullptr);

    void setVolume(const imaging::VolumePtr &volume);
    imaging::VolumePtr volume() const { return m_volume; }
    SliceView *view(imaging::Orientation o) const { return m_views[int(o)]; }
    QList<SliceView *> views() const { return {m_views[0], m_views[1], m_views[2]}; }

    imaging::Vec3 crosshair() const { return m_crosshair; }
    void setCrosshair(const imaging::Vec3 &p);
    // Turns the planes about the normal of `about`'s plane (oblique MPR).
    void rotate(imaging::Orientation about, double degrees);
    void resetRotation();
    void setSlab(const imaging::SlabOptions &slab);
    imaging::SlabOptions slab() const { return m_slab; }
    void setWindow(const imaging::WindowLevel &w);
    void setTool(Tool tool);
    // Plane currently shown in one view.
    imaging::Plane plane(imaging::Orientation o) const;
    void refresh();

Q_SIGNALS:
    void activated(kilima::viewer::SliceView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePlanes();

    imaging::VolumePtr m_volume;
    SliceView *m_views[3] = {};
    imaging::Vec3 m_crosshair;
    imaging::Vec3 m_axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    imaging::SlabOptions m_slab;
    QComboBox *m_slabMode = nullptr;
    QDoubleSpinBox *m_slabThickness = nullptr;
    QLabel *m_info = nullptr;
    bool m_updating = false;
};

} // namespace kilima::viewer
