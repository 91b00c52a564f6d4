// The first start of a workstation whose archive has no user yet: the
// person at the keyboard creates their own account (full name, user name,
// password typed twice) instead of the node inventing an "admin" with a
// password nobody is shown. That account signs reports and is the person
// the audit log names. Never logs the password.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace kilima::archive {
class Users;
}

namespace kilima::workstation {

class FirstRunDialog : public QDialog {
    Q_OBJECT

public:
    // `users` must outlive the dialog; the account is created in accept().
    explicit FirstRunDialog(archive::Users &users, QWidget *parent = nullptr);

    QLineEdit *fullNameEdit() const { return m_fullName; }
    QLineEdit *userNameEdit() const { return m_userName; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    // Why the last accept() was refused; empty when it was not.
    QString errorText() const;
    QString userName() const;
    QString fullName() const;

    // Remembers the account as this workstation's signed-in person
    // (QSettings ui/user and users/<name>/fullName).
    static void remember(const QString &userName, const QString &fullName);

public Q_SLOTS:
    // Checks the fields and creates the account (administrator, who may sign
    // reports and add the other users in Settings > Users); stays open with
    // the reason when it cannot.
    void accept() override;

private:
    void fail(const QString &message, QLineEdit *field);

    archive::Users &m_users;
    QLineEdit *m_fullName;
    QLineEdit *m_userName;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
    bool m_userNameTyped = false;
};

} // namespace kilima::workstation
