// The report panel's templates and macros: the list, the hint that says
// which template was chosen for the study and why (or that none fits), and
// switching templates without losing what the reader typed.
#include <kilima/reportui/reportpanel.h>

#include "templatenames_p.h"

#include <kilima/reporting/draftjournal.h>
#include <kilima/reporting/reportworkflow.h>

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTextEdit>

namespace kilima::reportui {

using namespace kilima::reporting;

bool ReportPanel::applyTemplate(const QString &templateId, bool keepEditedItems)
{
    const TemplateLibrary &lib = m_workflow->templates();
    const ReportTemplate *to = templateId.isEmpty() ? nullptr : lib.find(templateId);
    if (!templateId.isEmpty() && !to)
        return fail(tr("No template \"%1\"").arg(templateId));
    Report r = report();
    TemplateLibrary::replace(lib.find(r.templateId), to, r, keepEditedItems);
    showReport(r);
    m_autosaver->changed();
    return true;
}

void ReportPanel::onApplyTemplateClicked()
{
    const ReportTemplate *from = m_workflow->templates().find(m_report.templateId);
    const QList<StructuredItem> edited = from ? TemplateLibrary::editedItems(*from, report()) : QList<StructuredItem>{};
    bool keep = true;
    if (!edited.isEmpty()) {
        // The reader's words are never dropped without asking.
        QStringList names;
        for (const StructuredItem &i : edited)
            names << i.name;
        QMessageBox box(QMessageBox::Question, tr("Change template"),
                        tr("You changed %n finding(s) of the current template: %1.", nullptr, int(edited.size())).arg(names.join(QStringLiteral(", "))),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Section text you typed stays in any case."));
        QPushButton *keepButton = box.addButton(tr("Keep my findings"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("Discard them"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(keepButton);
        box.exec();
        if (box.clickedButton() != keepButton && box.clickedButton() != discard)
            return;
        keep = box.clickedButton() == keepButton;
    }
    applyTemplate(m_templates->currentData().toString(), keep);
}

QString ReportPanel::templateHint() const
{
    return m_templateHint->text();
}

void ReportPanel::updateTemplateHint()
{
    if (m_report.studyUid.isEmpty() || m_report.status == ReportStatus::Final) {
        m_templateHint->clear();
        return;
    }
    const TemplateLibrary &lib = m_workflow->templates();
    const ReportTemplate *current = lib.find(m_report.templateId);
    const QList<TemplateMatch> matches = lib.matches(m_report.study);
    if (!current) {
        QStringList names;
        for (const TemplateMatch &m : matches)
            names << (m.tpl->builtIn ? templateLabel(m.tpl->name) : m.tpl->name);
        m_templateHint->setText(names.isEmpty()
                                    ? tr("No template matches this study: choose one above, or write on the blank report.")
                                    : tr("Blank report. Templates that fit this study: %1.").arg(names.join(QStringLiteral(", "))));
        return;
    }
    for (const TemplateMatch &m : matches) {
        if (m.tpl == current) {
            m_templateHint->setText(tr("Template \"%1\" chosen for this study (%2). Check it fits, or choose another above.")
                                        .arg(current->builtIn ? templateLabel(current->name) : current->name, m.reasons.join(QStringLiteral(", "))));
            return;
        }
    }
    m_templateHint->setText(tr("Template \"%1\" (chosen by the reader).")
                                .arg(current->builtIn ? templateLabel(current->name) : current->name));
}

void ReportPanel::reloadTemplates()
{
    const QString current = m_templates->currentData().toString();
    m_templates->clear();
    m_templates->addItem(tr("Blank report (no template)"), QString());
    for (const ReportTemplate &t : m_workflow->templates().templates())
        m_templates->addItem(t.builtIn ? templateLabel(t.name) : t.name + tr(" (local)"), t.id);
    const int idx = m_templates->findData(current);
    if (idx >= 0)
        m_templates->setCurrentIndex(idx);
}

bool ReportPanel::saveAsTemplate(const QString &templateId, const QString &name)
{
    const Report r = report();
    ReportTemplate t;
    if (const ReportTemplate *existing = m_workflow->templates().find(templateId))
        t = *existing;
    t.id = templateId.trimmed();
    t.name = name.trimmed().isEmpty() ? t.id : name.trimmed();
    if (t.modalities.isEmpty() && !r.study.modality.isEmpty())
        t.modalities = r.study.modality.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    if (t.bodyParts.isEmpty() && !r.study.bodyPart.isEmpty())
        t.bodyParts = {r.study.bodyPart.toUpper()};
    t.sections.clear();
    for (const Section &sec : r.sections) {
        if (!sec.text.trimmed().isEmpty())
            t.sections.insert(sec.key, sec.text);
    }
    t.items = r.items;
    t.builtIn = false;
    auto st = m_workflow->templates().save(t);
    if (!st)
        return fail(st.error());
    reloadTemplates();
    Q_EMIT message(tr("Template \"%1\" saved").arg(t.name));
    return true;
}

bool ReportPanel::addMacro(const QString &key, const QString &text)
{
    auto st = m_workflow->templates().saveMacro(key, text);
    if (!st)
        return fail(st.error());
    return true;
}

void ReportPanel::onSaveTemplateClicked()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as template"), tr("Template name:"), QLineEdit::Normal,
                                               m_templates->currentText(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QString id = name.trimmed().toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    if (!saveAsTemplate(id, name))
        QMessageBox::warning(this, tr("Save as template"), m_lastError);
}

void ReportPanel::onAddMacroClicked()
{
    bool ok = false;
    const QString key = QInputDialog::getText(this, tr("New macro"), tr("Short key (typed as .key):"), QLineEdit::Normal, QString(), &ok);
    if (!ok || key.trimmed().isEmpty())
        return;
    const QString text = QInputDialog::getMultiLineText(this, tr("New macro"), tr("Text inserted for .%1:").arg(key.trimmed()), QString(), &ok);
    if (ok && !addMacro(key, text))
        QMessageBox::warning(this, tr("New macro"), m_lastError);
}

} // namespace kilima::reportui
