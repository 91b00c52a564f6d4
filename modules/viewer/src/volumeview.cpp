#include <kilima/viewer/volumeview.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QtConcurrent>

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkCommand.h>
#include <vtkGPUVolumeRayCastMapper.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkPiecewiseFunction.h>
#include <vtkRenderer.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <cstring>

namespace kilima::viewer {

QList<VolumePreset> volumePresets()
{
    QList<VolumePreset> out;
    QFile f(QStringLiteral(":/kilima/presets/volume.json"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("presets")).toArray()) {
        const QJsonObject o = v.toObject();
        VolumePreset p;
        p.name = o.value(QLatin1String("name")).toString();
        p.modality = o.value(QLatin1String("modality")).toString();
        p.mip = o.value(QLatin1String("mip")).toBool();
        p.shade = o.value(QLatin1String("shade")).toBool();
        p.relative = o.value(QLatin1String("relative")).toBool();
        for (const QJsonValue &pt : o.value(QLatin1String("points")).toArray()) {
            QList<double> row;
            for (const QJsonValue &x : pt.toArray())
                row.append(x.toDouble());
            if (row.size() == 5)
                p.points.append(row);
        }
        out.append(p);
    }
    return out;
}

namespace {
vtkSmartPointer<vtkImageData> toImageData(const imaging::UniformGrid &g)
{
    auto img = vtkSmartPointer<vtkImageData>::New();
    img->SetDimensions(g.dims[0], g.dims[1], g.dims[2]);
    img->SetSpacing(g.spacing[0], g.spacing[1], g.spacing[2]);
    img->SetOrigin(0, 0, 0);
    img->AllocateScalars(VTK_SHORT, 1);
    std::memcpy(img->GetScalarPointer(), g.values.data(), g.values.size() * sizeof(qint16));
    return img;
}

vtkSmartPointer<vtkMatrix4x4> toMatrix(const imaging::UniformGrid &g)
{
    auto m = vtkSmartPointer<vtkMatrix4x4>::New();
    m->Identity();
    const imaging::Vec3 o = g.origin;
    for (int c = 0; c < 3; ++c) {
        m->SetElement(0, c, g.axes[c].x);
        m->SetElement(1, c, g.axes[c].y);
        m->SetElement(2, c, g.axes[c].z);
    }
    m->SetElement(0, 3, o.x);
    m->SetElement(1, 3, o.y);
    m->SetElement(2, 3, o.z);
    return m;
}
} // namespace

VolumeView::VolumeView(QWidget *parent) : QOpenGLWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    m_window = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
    m_renderer = vtkSmartPointer<vtkRenderer>::New();
    m_renderer->SetBackground(0, 0, 0);
    m_window->AddRenderer(m_renderer);
    m_window->SetReadyForRendering(false);
    m_window->SetFrameBlitModeToBlitToCurrent();
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VolumeView::onMakeCurrent);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VolumeView::onIsCurrent);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, this, &VolumeView::onFrame);
    m_property = vtkSmartPointer<vtkVolumeProperty>::New();
    m_property->SetInterpolationTypeToLinear();
    m_property->SetAmbient(0.3);
    m_property->SetDiffuse(0.7);
    m_property->SetSpecular(0.2);
    m_fullMapper = vtkSmartPointer<vtkGPUVolumeRayCastMapper>::New();
    m_lodMapper = vtkSmartPointer<vtkGPUVolumeRayCastMapper>::New();
    for (auto *m : {m_fullMapper.Get(), m_lodMapper.Get()}) {
        m->SetAutoAdjustSampleDistances(false);
        m->SetCroppingRegionFlagsToSubVolume();
    }
    m_full = vtkSmartPointer<vtkVolume>::New();
    m_lod = vtkSmartPointer<vtkVolume>::New();
    m_full->SetMapper(m_fullMapper);
    m_lod->SetMapper(m_lodMapper);
    m_full->SetProperty(m_property);
    // The interactive copy renders unshaded: shading costs most on llvmpipe.
    m_lodProperty = vtkSmartPointer<vtkVolumeProperty>::New();
    m_lodProperty->SetInterpolationTypeToLinear();
    m_lod->SetProperty(m_lodProperty);
    m_settle.setSingleShot(true);
    m_settle.setInterval(200);
    connect(&m_settle, &QTimer::timeout, this, [this] { setInteractive(false); });
}

VolumeView::~VolumeView()
{
    if (m_watcher)
        m_watcher->waitForFinished();
    // Release VTK's GL resources with our context current.
    if (m_initialized && context()) {
        makeCurrent();
        m_renderer->RemoveAllViewProps();
        m_window->Finalize();
        doneCurrent();
    }
}

void VolumeView::onMakeCurrent(vtkObject *, unsigned long, void *)
{
    // Not QOpenGLWidget::makeCurrent(): that rebinds Qt's framebuffer and
    // volumes render black.
    if (context())
        context()->makeCurrent(context()->surface());
}

void VolumeView::onIsCurrent(vtkObject *, unsigned long, void *callData)
{
    *static_cast<bool *>(callData) = context() && QOpenGLContext::currentContext() == context();
}

void VolumeView::onFrame(vtkObject *, unsigned long, void *)
{
}

void VolumeView::initializeGL()
{
    m_window->SetOwnContext(false);
    m_window->SetPosition(0, 0);
    m_window->OpenGLInitContext();
    m_window->SetMapped(true);
    m_window->SetIsDirect(true);
    m_window->SetForceMaximumHardwareLineWidth(1);
    m_initialized = true;
}

void VolumeView::resizeGL(int w, int h)
{
    const double dpr = devicePixelRatioF();
    m_window->SetSize(int(w * dpr), int(h * dpr));
}

void VolumeView::paintGL()
{
    QOpenGLFunctions *f = context()->functions();
    if (!m_ready) {
        f->glClearColor(0, 0, 0, 1);
        f->glClear(GL_COLOR_BUFFER_BIT);
        return;
    }
    const double dpr = devicePixelRatioF();
    m_window->SetSize(int(width() * dpr), int(height() * dpr));
    QElapsedTimer t;
    t.start();
    m_window->SetReadyForRendering(true);
    m_window->Render();
    m_window->SetReadyForRendering(false);
    f->glFinish();
    m_lastFrameMs = t.nsecsElapsed() / 1e6;
    // VTK leaves alpha < 1 where the volume is translucent; Qt would
    // composite those pixels with whatever lies behind the widget.
    f->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    f->glClearColor(0, 0, 0, 1);
    f->glClear(GL_COLOR_BUFFER_BIT);
    f->glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void VolumeView::setVolume(const imaging::VolumePtr &volume)
{
    m_volume = volume;
    m_ready = false;
    if (!volume || volume->slices() < 2 || volume->samplesPerPixel != 1) {
        update();
        return;
    }
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->waitForFinished();
        m_watcher->deleteLater();
    }
    m_watcher = new QFutureWatcher<std::shared_ptr<Grids>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, w = m_watcher] {
        std::shared_ptr<Grids> g = w->result();
        if (g && m_volume)
            upload(*g);
        if (w == m_watcher)
            m_watcher = nullptr;
        w->deleteLater();
    });
    const int full = m_fullDim, lod = m_lodDim;
    m_watcher->setFuture(QtConcurrent::run([volume, full, lod]() {
        auto g = std::make_shared<Grids>();
        g->full = imaging::resampleUniform(*volume, full);
        g->lod = imaging::resampleUniform(*volume, lod);
        return g;
    }));
}

void VolumeView::upload(Grids &g)
{
    if (g.full.values.empty())
        return;
    m_fullData = toImageData(g.full);
    m_lodData = toImageData(g.lod);
    m_fullMapper->SetInputData(m_fullData);
    m_lodMapper->SetInputData(m_lodData);
    m_full->SetUserMatrix(toMatrix(g.full));
    m_lod->SetUserMatrix(toMatrix(g.lod));
    m_fullMapper->SetSampleDistance(std::min({g.full.spacing[0], g.full.spacing[1], g.full.spacing[2]}) * 0.7);
    m_lodMapper->SetSampleDistance(std::min({g.lod.spacing[0], g.lod.spacing[1], g.lod.spacing[2]}) * 1.5);
    // Rays on every third pixel while moving; the full-quality copy follows when the mouse stops.
    m_lodMapper->SetImageSampleDistance(3.0);
    m_range[0] = g.full.minValue;
    m_range[1] = g.full.maxValue;
    m_renderer->RemoveAllViewProps();
    m_renderer->AddVolume(m_full);
    m_renderer->AddVolume(m_lod);
    m_lod->SetVisibility(m_interactive);
    m_full->SetVisibility(!m_interactive);
    if (m_preset.isEmpty()) {
        m_preset = m_volume->modality == QLatin1String("CT") ? QStringLiteral("CT Bone") : QStringLiteral("MR Default");
    }
    applyPreset();
    applyClip();
    resetCamera();
    m_ready = true;
    update();
    Q_EMIT ready();
}

void VolumeView::setPreset(const QString &name)
{
    m_preset = name;
    if (m_ready) {
        applyPreset();
        update();
    }
}

void VolumeView::applyPreset()
{
    VolumePreset preset;
    for (const VolumePreset &p : volumePresets()) {
        if (p.name == m_preset)
            preset = p;
    }
    if (preset.points.isEmpty())
        return;
    auto color = vtkSmartPointer<vtkColorTransferFunction>::New();
    auto opacity = vtkSmartPointer<vtkPiecewiseFunction>::New();
    for (const QList<double> &pt : preset.points) {
        const double v = preset.relative ? m_range[0] + pt[0] * (m_range[1] - m_range[0]) : pt[0];
        color->AddRGBPoint(v, pt[1], pt[2], pt[3]);
        opacity->AddPoint(v, pt[4]);
    }
    m_property->SetColor(color);
    m_property->SetScalarOpacity(opacity);
    m_property->SetShade(preset.shade && !preset.mip);
    m_lodProperty->SetColor(color);
    m_lodProperty->SetScalarOpacity(opacity);
    m_lodProperty->SetShade(false);
    for (auto *m : {m_fullMapper.Get(), m_lodMapper.Get()}) {
        if (preset.mip)
            m->SetBlendModeToMaximumIntensity();
        else
            m->SetBlendModeToComposite();
    }
}

void VolumeView::setClipBox(const double fractions[6])
{
    for (int i = 0; i < 6; ++i)
        m_clip[i] = std::clamp(fractions[i], 0.0, 1.0);
    applyClip();
    update();
}

void VolumeView::resetClipBox()
{
    const double all[6] = {0, 1, 0, 1, 0, 1};
    setClipBox(all);
}

void VolumeView::applyClip()
{
    const bool cropping = !(m_clip[0] == 0 && m_clip[1] == 1 && m_clip[2] == 0 && m_clip[3] == 1 && m_clip[4] == 0 && m_clip[5] == 1);
    for (auto [mapper, data] : {std::pair{m_fullMapper.Get(), m_fullData.Get()}, std::pair{m_lodMapper.Get(), m_lodData.Get()}}) {
        if (!data)
            continue;
        double b[6];
        data->GetBounds(b);
        double planes[6];
        for (int a = 0; a < 3; ++a) {
            planes[2 * a] = b[2 * a] + m_clip[2 * a] * (b[2 * a + 1] - b[2 * a]);
            planes[2 * a + 1] = b[2 * a] + m_clip[2 * a + 1] * (b[2 * a + 1] - b[2 * a]);
        }
        mapper->SetCroppingRegionPlanes(planes);
        mapper->SetCropping(cropping);
    }
}

void VolumeView::setInteractive(bool on)
{
    m_interactive = on;
    m_lod->SetVisibility(on);
    m_full->SetVisibility(!on);
    update();
}

void VolumeView::resetCamera()
{
    vtkCamera *cam = m_renderer->GetActiveCamera();
    // Anterior view, head up (LPS: anterior is -y, head is +z).
    cam->SetFocalPoint(0, 0, 0);
    cam->SetPosition(0, -1, 0);
    cam->SetViewUp(0, 0, 1);
    m_renderer->ResetCamera();
    update();
}

void VolumeView::rotateCamera(double azimuth, double elevation)
{
    vtkCamera *cam = m_renderer->GetActiveCamera();
    cam->Azimuth(azimuth);
    cam->Elevation(elevation);
    cam->OrthogonalizeViewUp();
    m_renderer->ResetCameraClippingRange();
    update();
}

void VolumeView::mousePressEvent(QMouseEvent *e)
{
    m_button = e->button();
    m_last = e->position();
    m_settle.stop();
    setInteractive(true);
}

void VolumeView::mouseMoveEvent(QMouseEvent *e)
{
    if (m_button == Qt::NoButton)
        return;
    const QPointF d = e->position() - m_last;
    m_last = e->position();
    vtkCamera *cam = m_renderer->GetActiveCamera();
    if (m_button == Qt::LeftButton) {
        rotateCamera(-d.x() * 0.5, d.y() * 0.5);
    } else if (m_button == Qt::RightButton) {
        cam->Dolly(std::pow(1.01, -d.y()));
        m_renderer->ResetCameraClippingRange();
        update();
    } else if (m_button == Qt::MiddleButton) {
        double fp[3], pos[3], up[3];
        cam->GetFocalPoint(fp);
        cam->GetPosition(pos);
        cam->GetViewUp(up);
        const imaging::Vec3 dir = imaging::Vec3{fp[0] - pos[0], fp[1] - pos[1], fp[2] - pos[2]};
        const imaging::Vec3 upv{up[0], up[1], up[2]};
        const imaging::Vec3 right = dir.normalized().cross(upv).normalized();
        const double scale = dir.norm() * 0.002;
        const imaging::Vec3 move = right * (-d.x() * scale) + upv * (d.y() * scale);
        cam->SetFocalPoint(fp[0] + move.x, fp[1] + move.y, fp[2] + move.z);
        cam->SetPosition(pos[0] + move.x, pos[1] + move.y, pos[2] + move.z);
        update();
    }
}

void VolumeView::mouseReleaseEvent(QMouseEvent *)
{
    m_button = Qt::NoButton;
    m_settle.start();
}

void VolumeView::wheelEvent(QWheelEvent *e)
{
    m_renderer->GetActiveCamera()->Dolly(e->angleDelta().y() > 0 ? 1.1 : 1 / 1.1);
    m_renderer->ResetCameraClippingRange();
    setInteractive(true);
    m_settle.start();
}

void VolumeView::keyPressEvent(QKeyEvent *e)
{
    const QList<VolumePreset> presets = volumePresets();
    const int idx = e->key() - Qt::Key_1;
    if (e->modifiers() == Qt::NoModifier && idx >= 0 && idx < presets.size()) {
        setPreset(presets[idx].name);
        return;
    }
    QOpenGLWidget::keyPressEvent(e);
}

} // namespace kilima::viewer
