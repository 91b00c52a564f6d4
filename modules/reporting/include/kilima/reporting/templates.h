// Report templates per modality/body part and macros (snippets inserted by
// short keys). Built-in ones ship as data in resources/templates (a Qt
// resource, :/kilima/templates); users edit and add their own as JSON files
// in <data-dir>/reporting/templates, which override built-ins of the same id.
// File format: docs/reporting.md. Never throws; bad files are skipped with
// a message in errors().
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/report.h>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kilima::reporting {

struct ReportTemplate {
    QString id;                 // "ct-chest"
    QString name;               // "CT chest"
    QStringList modalities;     // "CT"
    QStringList bodyParts;      // upper-case keywords matched against Body Part Examined / Study Description
    QMap<QString, QString> sections;   // section key -> text with {{Field}} placeholders
    QList<StructuredItem> items;
    QMap<QString, QString> macros;     // template-specific snippets
    bool builtIn = false;

    QJsonObject toJson() const;
    static core::Result<ReportTemplate> fromJson(const QJsonObject &o, const QString &origin);
};

// Replaces {{PatientName}}, {{PatientID}}, {{PatientBirthDate}},
// {{PatientSex}}, {{StudyDate}}, {{StudyDescription}}, {{Modality}},
// {{ReferringPhysician}}, {{AccessionNumber}}, {{BodyPart}} with the study's values.
QString fillFields(const QString &text, const StudyFields &study);

class TemplateLibrary {
public:
    // `userDir`: where user templates and macros.json live (created on save).
    explicit TemplateLibrary(const QString &userDir);

    void reload();
    QList<ReportTemplate> templates() const { return m_templates; }
    const ReportTemplate *find(const QString &id) const;
    // The template that fits the study best (modality, then body part
    // keywords in Body Part Examined or Study Description); null if none fits.
    const ReportTemplate *bestMatch(const StudyFields &study) const;

    core::Status save(const ReportTemplate &t);     // adds or overrides (user copy)
    core::Status remove(const QString &id);         // user templates only

    // Global macros (built-in + user macros.json) merged with the template's.
    QMap<QString, QString> macros(const QString &templateId = QString()) const;
    core::Status saveMacro(const QString &key, const QString &text);
    // The snippet for `key` ("nad" or ".nad"), empty if none.
    QString expandMacro(const QString &key, const QString &templateId = QString()) const;

    // Applies `t` to `report`: fills each empty section with the template's
    // text (fields filled in) and adds its structured items.
    static void apply(const ReportTemplate &t, Report &report);

    QStringList errors() const { return m_errors; }
    QString userDir() const { return m_userDir; }

private:
    QString m_userDir;
    QList<ReportTemplate> m_templates;
    QMap<QString, QString> m_macros;
    QStringList m_errors;
};

} // namespace kilima::reporting
