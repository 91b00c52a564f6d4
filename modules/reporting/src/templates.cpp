#include <kilima/reporting/templates.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace kilima::reporting {

namespace {

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

QJsonArray jsonList(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

core::Result<QJsonObject> readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return core::Error{QStringLiteral("%1: not a JSON object (%2 at offset %3)").arg(path, pe.errorString()).arg(pe.offset)};
    return doc.object();
}

core::Status writeJson(const QString &path, const QJsonObject &o)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("%1: cannot write: %2").arg(path, f.errorString())};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return core::Error{QStringLiteral("%1: cannot write: %2").arg(path, f.errorString())};
    return {};
}

QMap<QString, QString> macroMap(const QJsonValue &v)
{
    QMap<QString, QString> m;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        QString key = it.key().trimmed();
        if (key.startsWith(QLatin1Char('.')))
            key = key.mid(1);
        if (!key.isEmpty())
            m.insert(key.toLower(), it.value().toString());
    }
    return m;
}

} // namespace

QJsonObject ReportTemplate::toJson() const
{
    QJsonObject secs;
    for (auto it = sections.begin(); it != sections.end(); ++it)
        secs.insert(it.key(), it.value());
    QJsonArray its;
    for (const StructuredItem &i : items)
        its.append(QJsonObject{{QStringLiteral("section"), i.section}, {QStringLiteral("name"), i.name}, {QStringLiteral("value"), i.value}});
    QJsonObject ms;
    for (auto it = macros.begin(); it != macros.end(); ++it)
        ms.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("id"), id},           {QStringLiteral("name"), name},
                       {QStringLiteral("modalities"), jsonList(modalities)}, {QStringLiteral("bodyParts"), jsonList(bodyParts)},
                       {QStringLiteral("sections"), secs},   {QStringLiteral("items"), its},
                       {QStringLiteral("macros"), ms}};
}

core::Result<ReportTemplate> ReportTemplate::fromJson(const QJsonObject &o, const QString &origin)
{
    ReportTemplate t;
    t.id = o.value(QStringLiteral("id")).toString().trimmed();
    t.name = o.value(QStringLiteral("name")).toString().trimmed();
    if (t.id.isEmpty() || t.name.isEmpty())
        return core::Error{QStringLiteral("%1: a template needs \"id\" and \"name\"").arg(origin)};
    t.modalities = stringList(o.value(QStringLiteral("modalities")));
    for (QString &b : t.bodyParts = stringList(o.value(QStringLiteral("bodyParts"))))
        b = b.toUpper();
    const QJsonObject secs = o.value(QStringLiteral("sections")).toObject();
    for (auto it = secs.begin(); it != secs.end(); ++it) {
        if (!sectionKeys().contains(it.key()))
            return core::Error{QStringLiteral("%1: unknown section \"%2\" (known: %3)").arg(origin, it.key(), sectionKeys().join(QStringLiteral(", ")))};
        t.sections.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        StructuredItem item{i.value(QStringLiteral("section")).toString(QStringLiteral("findings")),
                            i.value(QStringLiteral("name")).toString(), i.value(QStringLiteral("value")).toString()};
        if (item.name.isEmpty() || !sectionKeys().contains(item.section))
            return core::Error{QStringLiteral("%1: every item needs a \"name\" and a known \"section\"").arg(origin)};
        t.items.append(item);
    }
    t.macros = macroMap(o.value(QStringLiteral("macros")));
    return t;
}

QString fillFields(const QString &text, const StudyFields &s)
{
    QString out = text;
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("PatientName"), StudyFields::displayName(s.patientName)},
        {QStringLiteral("PatientID"), s.patientId},
        {QStringLiteral("PatientBirthDate"), StudyFields::displayDate(s.patientBirthDate)},
        {QStringLiteral("PatientSex"), s.patientSex},
        {QStringLiteral("StudyDate"), StudyFields::displayDate(s.studyDate)},
        {QStringLiteral("StudyDescription"), s.studyDescription},
        {QStringLiteral("Modality"), s.modality},
        {QStringLiteral("ReferringPhysician"), StudyFields::displayName(s.referringPhysician)},
        {QStringLiteral("AccessionNumber"), s.accessionNumber},
        {QStringLiteral("BodyPart"), s.bodyPart},
    };
    for (const auto &f : fields)
        out.replace(QStringLiteral("{{") + f.first + QStringLiteral("}}"), f.second);
    return out;
}

TemplateLibrary::TemplateLibrary(const QString &userDir) : m_userDir(userDir)
{
    reload();
}

void TemplateLibrary::reload()
{
    m_templates.clear();
    m_macros.clear();
    m_errors.clear();
    auto load = [this](const QString &dir, bool builtIn) {
        const QStringList names = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &name : names) {
            const QString path = dir + QLatin1Char('/') + name;
            auto json = readJson(path);
            if (!json) {
                m_errors.append(json.error());
                continue;
            }
            if (name == QLatin1String("macros.json")) {
                const auto m = macroMap(json.value());
                for (auto it = m.begin(); it != m.end(); ++it)
                    m_macros.insert(it.key(), it.value());
                continue;
            }
            auto t = ReportTemplate::fromJson(json.value(), path);
            if (!t) {
                m_errors.append(t.error());
                continue;
            }
            ReportTemplate tpl = t.take();
            tpl.builtIn = builtIn;
            bool replaced = false;
            for (ReportTemplate &existing : m_templates) {
                if (existing.id == tpl.id) {
                    existing = tpl;
                    replaced = true;
                }
            }
            if (!replaced)
                m_templates.append(tpl);
        }
    };
    load(QStringLiteral(":/kilima/templates"), true);
    if (!m_userDir.isEmpty())
        load(m_userDir, false);
}

const ReportTemplate *TemplateLibrary::find(const QString &id) const
{
    for (const ReportTemplate &t : m_templates) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

const ReportTemplate *TemplateLibrary::bestMatch(const StudyFields &study) const
{
    const QStringList modalities = study.modality.toUpper().split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    const QString haystack = (study.bodyPart + QLatin1Char(' ') + study.studyDescription).toUpper();
    const ReportTemplate *best = nullptr;
    int bestScore = 0;
    for (const ReportTemplate &t : m_templates) {
        int score = 0;
        for (const QString &m : t.modalities) {
            if (modalities.contains(m.toUpper()))
                score += 1;
        }
        if (score == 0)
            continue;
        for (const QString &b : t.bodyParts) {
            if (!b.isEmpty() && haystack.contains(b))
                score += 10;
        }
        if (score > bestScore) {
            best = &t;
            bestScore = score;
        }
    }
    return best;
}

core::Status TemplateLibrary::save(const ReportTemplate &t)
{
    if (t.id.isEmpty() || t.id.contains(QLatin1Char('/')) || t.id.startsWith(QLatin1Char('.')) || t.id == QLatin1String("macros"))
        return core::Error{QStringLiteral("template id \"%1\" is not usable as a file name").arg(t.id)};
    auto st = writeJson(m_userDir + QLatin1Char('/') + t.id + QStringLiteral(".json"), t.toJson());
    if (st)
        reload();
    return st;
}

core::Status TemplateLibrary::remove(const QString &id)
{
    const QString path = m_userDir + QLatin1Char('/') + id + QStringLiteral(".json");
    if (!QFile::exists(path))
        return core::Error{QStringLiteral("no user template \"%1\" (built-in templates cannot be removed, only overridden)").arg(id)};
    if (!QFile::remove(path))
        return core::Error{QStringLiteral("%1: cannot remove").arg(path)};
    reload();
    return {};
}

QMap<QString, QString> TemplateLibrary::macros(const QString &templateId) const
{
    QMap<QString, QString> m = m_macros;
    if (const ReportTemplate *t = find(templateId)) {
        for (auto it = t->macros.begin(); it != t->macros.end(); ++it)
            m.insert(it.key(), it.value());
    }
    return m;
}

core::Status TemplateLibrary::saveMacro(const QString &key, const QString &text)
{
    QString k = key.trimmed().toLower();
    if (k.startsWith(QLatin1Char('.')))
        k = k.mid(1);
    if (k.isEmpty() || k.contains(QLatin1Char(' ')))
        return core::Error{QStringLiteral("a macro key is one word, e.g. \"nad\"")};
    const QString path = m_userDir + QStringLiteral("/macros.json");
    QJsonObject o;
    if (QFile::exists(path)) {
        auto json = readJson(path);
        if (!json)
            return core::Error{json.error()};
        o = json.value();
    }
    o.insert(k, text);
    auto st = writeJson(path, o);
    if (st)
        reload();
    return st;
}

QString TemplateLibrary::expandMacro(const QString &key, const QString &templateId) const
{
    QString k = key.trimmed().toLower();
    if (k.startsWith(QLatin1Char('.')))
        k = k.mid(1);
    return macros(templateId).value(k);
}

void TemplateLibrary::apply(const ReportTemplate &t, Report &report)
{
    report.templateId = t.id;
    for (auto it = t.sections.begin(); it != t.sections.end(); ++it) {
        Section &s = report.section(it.key());
        if (s.text.trimmed().isEmpty()) {
            s.text = fillFields(it.value(), report.study);
            s.html.clear();
        }
    }
    for (const StructuredItem &item : t.items) {
        bool present = false;
        for (const StructuredItem &existing : report.items)
            present = present || (existing.section == item.section && existing.name == item.name);
        if (!present)
            report.items.append(item);
    }
}

} // namespace kilima::reporting
