#include <kilima/reporting/templates.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

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

// Upper case, every run of non-letters/digits one space: "MR-Brain w/o"
// becomes "MR BRAIN W O", so words compare whatever the punctuation.
QString normalizeWords(const QString &text, bool keepWildcards)
{
    QString out;
    out.reserve(text.size());
    bool space = true;
    for (const QChar c : text.toUpper()) {
        if (c.isLetterOrNumber() || (keepWildcards && (c == QLatin1Char('*') || c == QLatin1Char('?')))) {
            out.append(c);
            space = false;
        } else if (!space) {
            out.append(QLatin1Char(' '));
            space = true;
        }
    }
    return out.trimmed();
}

// A keyword as a whole-word pattern; '*' and '?' stay inside one word.
QRegularExpression keywordPattern(const QString &keyword)
{
    const QString norm = normalizeWords(keyword, true);
    if (norm.isEmpty())
        return QRegularExpression();
    QString rx;
    for (const QChar c : norm) {
        if (c == QLatin1Char('*'))
            rx += QStringLiteral("\\S*");
        else if (c == QLatin1Char('?'))
            rx += QStringLiteral("\\S");
        else
            rx += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QStringLiteral("(^| )") + rx + QStringLiteral("( |$)"));
}

bool sameItem(const StructuredItem &a, const StructuredItem &b)
{
    return a.section == b.section && a.name == b.name;
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
                       {QStringLiteral("keywords"), jsonList(keywords)}, {QStringLiteral("procedureCodes"), jsonList(procedureCodes)},
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
    t.keywords = stringList(o.value(QStringLiteral("keywords")));
    t.procedureCodes = stringList(o.value(QStringLiteral("procedureCodes")));
    for (const QString &k : t.keywords) {
        if (!keywordPattern(k).isValid() || normalizeWords(k, true).isEmpty())
            return core::Error{QStringLiteral("%1: keyword \"%2\" has no letters or digits").arg(origin, k)};
    }
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

QList<TemplateMatch> TemplateLibrary::matches(const StudyFields &study) const
{
    const QStringList modalities = study.modality.toUpper().split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    const QString bodyPart = normalizeWords(study.bodyPart, false);
    // One line per description so that a phrase never spans two of them.
    QStringList texts{normalizeWords(study.studyDescription, false)};
    for (const QString &d : study.descriptions)
        texts.append(normalizeWords(d, false));
    auto inDescriptions = [&texts](const QRegularExpression &rx) {
        for (const QString &t : texts) {
            if (!t.isEmpty() && rx.match(t).hasMatch())
                return true;
        }
        return false;
    };
    QList<TemplateMatch> out;
    for (const ReportTemplate &t : m_templates) {
        bool modality = false;
        for (const QString &m : t.modalities)
            modality = modality || modalities.contains(m.toUpper());
        if (!modality)
            continue;
        TemplateMatch m{&t, 0, {}};
        for (const QString &code : t.procedureCodes) {
            const QString c = code.trimmed().toUpper();
            for (const QString &have : study.procedureCodes) {
                const QString h = have.toUpper();
                if (!c.isEmpty() && (h == c || (!c.contains(QLatin1Char(':')) && h.section(QLatin1Char(':'), 1) == c))) {
                    m.score += 100;
                    m.reasons.append(QStringLiteral("procedure code %1").arg(code));
                }
            }
        }
        for (const QString &b : t.bodyParts) {
            const QString nb = normalizeWords(b, false);
            if (!nb.isEmpty() && nb == bodyPart) {
                m.score += 50;
                m.reasons.append(QStringLiteral("body part %1").arg(study.bodyPart));
            } else if (!nb.isEmpty() && inDescriptions(keywordPattern(nb))) {
                m.score += 20;
                m.reasons.append(QStringLiteral("\"%1\" in the description").arg(b));
            }
        }
        for (const QString &k : t.keywords) {
            if (t.bodyParts.contains(normalizeWords(k, true)))
                continue;   // counted above
            if (inDescriptions(keywordPattern(k))) {
                m.score += 20;
                m.reasons.append(QStringLiteral("\"%1\" in the description").arg(k));
            }
        }
        if (m.score > 0)
            out.append(m);
    }
    // Best first; equal scores keep the library's (file name) order.
    std::stable_sort(out.begin(), out.end(), [](const TemplateMatch &a, const TemplateMatch &b) { return a.score > b.score; });
    return out;
}

const ReportTemplate *TemplateLibrary::bestMatch(const StudyFields &study) const
{
    const QList<TemplateMatch> all = matches(study);
    return all.isEmpty() ? nullptr : all.first().tpl;
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

QList<StructuredItem> TemplateLibrary::editedItems(const ReportTemplate &from, const Report &report)
{
    QList<StructuredItem> out;
    for (const StructuredItem &have : report.items) {
        for (const StructuredItem &orig : from.items) {
            if (sameItem(have, orig) && !have.value.trimmed().isEmpty() && have.value.trimmed() != orig.value.trimmed())
                out.append(have);
        }
    }
    return out;
}

void TemplateLibrary::replace(const ReportTemplate *from, const ReportTemplate *to, Report &report, bool keepEditedItems)
{
    if (from) {
        QList<StructuredItem> kept;
        for (const StructuredItem &have : report.items) {
            bool fromTemplate = false, edited = false;
            for (const StructuredItem &orig : from->items) {
                if (sameItem(have, orig)) {
                    fromTemplate = true;
                    edited = !have.value.trimmed().isEmpty() && have.value.trimmed() != orig.value.trimmed();
                }
            }
            if (!fromTemplate || (edited && keepEditedItems))
                kept.append(have);
        }
        report.items = kept;
        // Only the template's own text goes: a section the reader typed in
        // differs from it and stays as it is.
        for (auto it = from->sections.begin(); it != from->sections.end(); ++it) {
            Section &s = report.section(it.key());
            if (!s.text.trimmed().isEmpty() && s.text.trimmed() == fillFields(it.value(), report.study).trimmed()) {
                s.text.clear();
                s.html.clear();
            }
        }
    }
    report.templateId.clear();
    if (to) {
        // The new template's items come first, then what the reader kept.
        const QList<StructuredItem> kept = report.items;
        report.items.clear();
        apply(*to, report);
        for (const StructuredItem &k : kept) {
            bool present = false;
            for (const StructuredItem &i : report.items)
                present = present || sameItem(i, k);
            if (present) {
                for (StructuredItem &i : report.items) {
                    if (sameItem(i, k))
                        i.value = k.value;   // the reader's value wins over the new template's
                }
            } else {
                report.items.append(k);
            }
        }
    }
}

} // namespace kilima::reporting
