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
    QStringList bodyParts;      // Body Part Examined values (upper case), also looked for as words in the descriptions
    // Words or wildcards ("ECHO*", "TTE", "W/O CONTRAST"), case-insensitive,
    // looked for as whole words in the study, series and procedure descriptions
    // and the procedure code meanings.
    QStringList keywords;
    // "SCHEME:VALUE" or "VALUE" (any scheme): Procedure Code Sequence and
    // Requested Procedure Code Sequence.
    QStringList procedureCodes;
    QMap<QString, QString> sections;   // section key -> text with {{Field}} placeholders
    QList<StructuredItem> items;
    QMap<QString, QString> macros;     // template-specific snippets
    bool builtIn = false;

    QJsonObject toJson() const;
    static core::Result<ReportTemplate> fromJson(const QJsonObject &o, const QString &origin);
};

struct TemplateMatch {
    const ReportTemplate *tpl = nullptr;
    int score = 0;
    QStringList reasons;        // "body part HEAD", "procedure ECHOCARDIOGRAM" (for the panel)
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
    // Templates that fit the study, best first. A template must share a
    // modality with the study AND match a procedure code, the body part or a
    // keyword: the modality alone is never enough (a head CT must not get the
    // chest template because both are CT). Scores: procedure code 100, Body
    // Part Examined 50, each keyword or body part word in a description 20.
    QList<TemplateMatch> matches(const StudyFields &study) const;
    // The first of matches(); null when nothing fits: the report then starts
    // blank and the reader chooses (never a silent guess).
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
    // Items of `from` (the report's current template) whose value the reader
    // changed: what switching templates could lose.
    static QList<StructuredItem> editedItems(const ReportTemplate &from, const Report &report);
    // Switches `report` from template `from` (null: none) to `to` (null: the
    // blank structure). The old template's own text and unchanged items go;
    // section text the reader typed always stays; items the reader edited stay
    // only when `keepEditedItems`; items the reader added stay.
    static void replace(const ReportTemplate *from, const ReportTemplate *to, Report &report, bool keepEditedItems);

    QStringList errors() const { return m_errors; }
    QString userDir() const { return m_userDir; }

private:
    QString m_userDir;
    QList<ReportTemplate> m_templates;
    QMap<QString, QString> m_macros;
    QStringList m_errors;
};

} // namespace kilima::reporting
