#include "firstrundialog.h"

#include <kilima/archive/users.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

namespace kilima::workstation {

FirstRunDialog::FirstRunDialog(archive::Users &users, QWidget *parent)
    : QDialog(parent),
      m_users(users),
      m_fullName(new QLineEdit(this)),
      m_userName(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to Kilima"));
    auto *intro = new QLabel(tr("<p>Create your account. You sign your reports with it, and the audit log "
                                "records your work under your name.</p><p>You will be the administrator: add "
                                "your colleagues later in Settings &gt; Users.</p>"),
                             this);
    intro->setWordWrap(true);
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_fullName->setPlaceholderText(tr("e.g. Dr Amina Mwangi"));
    m_userName->setObjectName(QStringLiteral("userName"));
    m_userName->setPlaceholderText(tr("e.g. amwangi"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least %n characters", nullptr, archive::Users::kMinPasswordLength));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("firstRunError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #e0533d;"));
    m_error->hide();
    // The user name is proposed from the full name until typed.
    // (Typing in the user name stops the proposals; emptying it resumes them.)
    connect(m_userName, &QLineEdit::textEdited, this, [this](const QString &text) { m_userNameTyped = !text.isEmpty(); });
    connect(m_fullName, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_userNameTyped)
            return;
        QStringList parts = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // Titles are not names: "Dr Amina Mwangi" proposes "amwangi".
        static const QStringList titles = {QStringLiteral("dr"), QStringLiteral("prof"), QStringLiteral("dkt"),
                                           QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms")};
        while (parts.size() > 1 && titles.contains(parts.front().toLower().remove(QLatin1Char('.'))))
            parts.removeFirst();
        QString proposal;
        if (!parts.isEmpty())
            proposal = (parts.size() > 1 ? parts.front().left(1) + parts.back() : parts.front()).toLower();
        proposal.remove(QRegularExpression(QStringLiteral("[^\\w.-]")));
        m_userName->setText(proposal);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Full name:"), m_fullName);
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Confirm password:"), m_confirm);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Account"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString FirstRunDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString FirstRunDialog::userName() const
{
    return m_userName->text().trimmed();
}

QString FirstRunDialog::fullName() const
{
    return m_fullName->text().simplified();
}

void FirstRunDialog::fail(const QString &message, QLineEdit *field)
{
    m_error->setText(message);
    m_error->show();
    if (field) {
        field->setFocus();
        field->selectAll();
    }
}

void FirstRunDialog::accept()
{
    if (fullName().isEmpty())
        return fail(tr("Type your full name: it is printed under the reports you sign."), m_fullName);
    if (userName().isEmpty())
        return fail(tr("Choose a user name (letters and digits, no spaces)."), m_userName);
    if (m_password->text().size() < archive::Users::kMinPasswordLength)
        return fail(tr("The password needs at least %n characters.", nullptr, archive::Users::kMinPasswordLength),
                    m_password);
    if (m_password->text() != m_confirm->text())
        return fail(tr("The two passwords differ. Type the same password twice."), m_confirm);
    const core::Status added = m_users.add(userName(), archive::Role::Admin, m_password->text());
    if (!added)
        return fail(tr("The account could not be created: %1").arg(added.error()), m_userName);
    remember(userName(), fullName());
    m_password->clear();
    m_confirm->clear();
    m_error->hide();
    QDialog::accept();
}

void FirstRunDialog::remember(const QString &userName, const QString &fullName)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/user"), userName);
    settings.setValue(QStringLiteral("users/%1/fullName").arg(userName), fullName);
}

} // namespace kilima::workstation
