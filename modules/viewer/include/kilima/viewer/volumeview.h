// 3D volume rendering of one volume: VTK GPU ray casting hosted in a
// QOpenGLWidget through vtkGenericOpenGLRenderWindow (Debian's VTK Qt module
// is Qt 5 only). Presets from resources/presets/volume.json (CT bone, soft
// tissue, angio, MR default, MIP), rotate (left drag), zoom (right drag or
// wheel), pan (middle drag), clipping box. Interactive level of detail:
// while the mouse is down a coarse copy renders so rotation stays fluid on
// Mesa llvmpipe; the full-quality copy renders when the mouse stops.
#pragma once

#include <kilima/imaging/mpr.h>
#include <kilima/imaging/volume.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QOpenGLWidget>
#include <QTimer>
#include <vtkSmartPointer.h>

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;
class vtkVolume;
class vtkGPUVolumeRayCastMapper;
class vtkVolumeProperty;
class vtkImageData;
class vtkObject;

namespace kilima::viewer {

struct VolumePreset {
    QString name;
    QString modality;
    bool mip = false;
    bool shade = false;
    bool relative = false;   // points in 0..1 of the value range
    QList<QList<double>> points;   // value, r, g, b, opacity
};
QList<VolumePreset> volumePresets();

class VolumeView : public QOpenGLWidget {
    Q_OBJECT
public:
    explicit VolumeView(QWidget *parent = nullptr);
    ~VolumeView() override;

    // Resamples on a worker thread; renders when ready (ready() signal).
    void setVolume(const imaging::VolumePtr &volume);
    imaging::VolumePtr volume() const { return m_volume; }
    bool isReady() const { return m_ready; }

    void setPreset(const QString &name);
    QString preset() const { return m_preset; }
    // Clipping box as fractions 0..1 of the volume along its column, row, slice axes.
    void setClipBox(const double fractions[6]);
    void resetClipBox();
    void setInteractive(bool on);   // coarse LOD while on
    bool interactive() const { return m_interactive; }
    void rotateCamera(double azimuthDegrees, double elevationDegrees);
    void resetCamera();
    // Milliseconds the last frame took to render.
    double lastFrameMs() const { return m_lastFrameMs; }
    // Max dimension of the full-quality and interactive copies.
    void setResolution(int full, int interactive) { m_fullDim = full; m_lodDim = interactive; }

Q_SIGNALS:
    void ready();

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent *) override;
    void mouseMoveEvent(QMouseEvent *) override;
    void mouseReleaseEvent(QMouseEvent *) override;
    void wheelEvent(QWheelEvent *) override;
    void keyPressEvent(QKeyEvent *) override;

private:
    struct Grids {
        imaging::UniformGrid full, lod;
    };
    void upload(Grids &grids);
    void applyPreset();
    void applyClip();
    void onMakeCurrent(vtkObject *, unsigned long, void *);
    void onIsCurrent(vtkObject *, unsigned long, void *);
    void onFrame(vtkObject *, unsigned long, void *);

    imaging::VolumePtr m_volume;
    vtkSmartPointer<vtkGenericOpenGLRenderWindow> m_window;
    vtkSmartPointer<vtkRenderer> m_renderer;
    vtkSmartPointer<vtkVolume> m_full, m_lod;
    vtkSmartPointer<vtkGPUVolumeRayCastMapper> m_fullMapper, m_lodMapper;
    vtkSmartPointer<vtkVolumeProperty> m_property, m_lodProperty;
    vtkSmartPointer<vtkImageData> m_fullData, m_lodData;
    QFutureWatcher<std::shared_ptr<Grids>> *m_watcher = nullptr;
    double m_range[2] = {0, 1};
    double m_clip[6] = {0, 1, 0, 1, 0, 1};
    int m_fullDim = 256, m_lodDim = 96;
    QString m_preset;
    bool m_ready = false;
    bool m_interactive = false;
    bool m_initialized = false;
    double m_lastFrameMs = 0;
    Qt::MouseButton m_button = Qt::NoButton;
    QPointF m_last;
    QTimer m_settle;
};

} // namespace kilima::viewer
