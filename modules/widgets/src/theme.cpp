#include <kilima/widgets/theme.h>

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QStyleFactory>

// Resources compiled into a static library need an explicit init from
// outside any namespace.
static void initThemeResources()
{
    Q_INIT_RESOURCE(kilima_themes);
}

namespace kilima::widgets {

QString toString(Theme theme)
{
    return theme == Theme::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

bool themeFromString(const QString &text, Theme *theme)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("dark"))
        *theme = Theme::Dark;
    else if (t == QLatin1String("light"))
        *theme = Theme::Light;
    else
        return false;
    return true;
}

QStringList themeNames()
{
    return {QStringLiteral("dark"), QStringLiteral("light")};
}

QPalette palette(Theme theme)
{
    if (theme == Theme::Light) {
        QPalette p(QColor(0xf2, 0xf2, 0xf2));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf7, 0xfa));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x2f, 0x6f, 0xb5));
        return p;
    }
    // Neutral greys: a tinted UI would bias how grey-scale images are read.
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xdc, 0xdc, 0xdc);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x55, 0x55));
    p.setColor(QPalette::Light, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Midlight, QColor(0x38, 0x38, 0x38));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa5, 0xe8));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QString styleSheet(Theme theme)
{
    initThemeResources();
    QFile f(QStringLiteral(":/kilima/themes/%1.qss").arg(toString(theme)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void applyTheme(QApplication &app, Theme theme)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);
    app.setPalette(palette(theme));
    app.setStyleSheet(styleSheet(theme));
}

} // namespace kilima::widgets
