#include "AccountDialog.h"

#include "auth/AuthClient.h"

// The dialog's widgets and layout; its behaviour is in AccountDialog.cpp.

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

QLabel *AccountDialog::makeMessage(const QString &objectName, Tone tone, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // provider text may look like HTML; never render it
    label->setWordWrap(true);
    label->setVisible(false);
    setTone(label, tone);
    return label;
}

// Readable on light and dark palettes alike.
void AccountDialog::setTone(QLabel *label, Tone tone)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    if (tone == Tone::Bad)
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    else if (tone == Tone::Good)
        palette.setColor(QPalette::WindowText, dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20));
    label->setPalette(palette);
}

void AccountDialog::buildUi()
{
    // A flat grid: label and field on one row, each message on its own row under the field. Hidden
    // rows collapse, and the grid sizes word-wrapped messages by their height for the actual width.
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(4);
    int row = 0;
    const auto addField = [&](QLabel *label, QWidget *field, QLayout *fieldLayout = nullptr) {
        label->setBuddy(field);
        grid->addWidget(label, row, 0);
        if (fieldLayout)
            grid->addLayout(fieldLayout, row, 1);
        else
            grid->addWidget(field, row, 1);
        ++row;
    };
    const auto addUnder = [&](QWidget *widget) { grid->addWidget(widget, row++, 1); };

    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("provider"));
    m_provider->setAccessibleName(tr("Provider", "accessible name"));
    addField(new QLabel(tr("Pro&vider:"), this), m_provider);
    m_presetHint = makeMessage(QStringLiteral("presetHint"), Tone::Normal, this);
    m_presetHint->setVisible(true);
    addUnder(m_presetHint);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setAccessibleName(tr("Account name"));
    m_name->setPlaceholderText(tr("e.g. prod-kyc"));
    addField(new QLabel(tr("&Name:"), this), m_name);
    m_nameError = makeMessage(QStringLiteral("nameError"), Tone::Bad, this);
    addUnder(m_nameError);

    m_baseUrl = new QComboBox(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setEditable(true);
    m_baseUrl->setInsertPolicy(QComboBox::NoInsert);
    m_baseUrl->setCompleter(nullptr); // inline completion would turn a typed "http" into a known https host
    addField(new QLabel(tr("Base &URL:"), this), m_baseUrl);
    m_hostHint = makeMessage(QStringLiteral("hostHint"), Tone::Normal, this);
    addUnder(m_hostHint);
    m_urlError = makeMessage(QStringLiteral("baseUrlError"), Tone::Bad, this);
    addUnder(m_urlError);
    m_allowInsecure = new QCheckBox(tr("Allow &insecure http:// for this account"), this);
    m_allowInsecure->setObjectName(QStringLiteral("allowInsecureHttp"));
    m_allowInsecure->setAccessibleName(tr("Allow insecure http"));
    m_allowInsecure->setVisible(false);
    addUnder(m_allowInsecure);
    m_insecureWarning = makeMessage(QStringLiteral("insecureWarning"), Tone::Bad, this);
    m_insecureWarning->setText(tr("Warning: over http:// the credential and the tokens travel unencrypted; "
                                  "anyone on the network path can read them."));
    m_allowInsecure->setAccessibleDescription(m_insecureWarning->text());
    addUnder(m_insecureWarning);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_usernameLabel = new QLabel(tr("Use&rname:"), this);
    addField(m_usernameLabel, m_username);
    m_usernameError = makeMessage(QStringLiteral("usernameError"), Tone::Bad, this);
    addUnder(m_usernameError);

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setCheckable(true);
    m_reveal->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *secretLine = new QHBoxLayout;
    secretLine->addWidget(m_secret, 1);
    secretLine->addWidget(m_reveal);
    m_secretLabel = new QLabel(this);
    addField(m_secretLabel, m_secret, secretLine);
    m_secretError = makeMessage(QStringLiteral("secretError"), Tone::Bad, this);
    addUnder(m_secretError);
    setRevealed(false);

    m_keepSignedIn = new QCheckBox(tr("&Keep me signed in"), this);
    m_keepSignedIn->setObjectName(QStringLiteral("keepSignedIn"));
    m_keepSignedIn->setAccessibleName(tr("Keep me signed in"));
    m_keepSignedIn->setChecked(true);
    m_keepSignedIn->setToolTip(tr("When the token expires, log in again automatically with the stored "
                                  "credential."));
    addUnder(m_keepSignedIn);

    m_testButton = new QPushButton(tr("&Test Login"), this);
    m_testButton->setObjectName(QStringLiteral("testLogin"));
    m_testButton->setAccessibleName(tr("Test login"));
    m_testButton->setToolTip(tr("Log in with what is typed here and show the result. Saves nothing."));
    m_testButton->setAutoDefault(false);
    m_testButton->setEnabled(m_auth != nullptr);
    auto *testLine = new QHBoxLayout;
    testLine->setContentsMargins(0, 8, 0, 0);
    testLine->addWidget(m_testButton);
    testLine->addStretch(1);
    grid->addLayout(testLine, row++, 1);
    m_testResult = makeMessage(QStringLiteral("testResult"), Tone::Normal, this);
    m_testResult->setAccessibleName(tr("Test login result"));
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addUnder(m_testResult);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Account"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addSpacing(8);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reveal, &QToolButton::toggled, this, &AccountDialog::setRevealed);
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::startTestLogin);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_baseUrl->lineEdit(), &QLineEdit::textEdited, this, [this] { m_urlTouched = true; });
    connect(m_username, &QLineEdit::textEdited, this, [this] { m_usernameTouched = true; });
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretTouched = true; });
    connect(m_name, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_baseUrl, &QComboBox::editTextChanged, this, &AccountDialog::onInputEdited);
    connect(m_username, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_secret, &QLineEdit::textChanged, this, &AccountDialog::onInputEdited);
    connect(m_allowInsecure, &QCheckBox::toggled, this, &AccountDialog::onInputEdited);
}

void AccountDialog::setUpTabOrder()
{
    const QList<QWidget *> order{m_provider, m_name,   m_baseUrl,      m_allowInsecure, m_username,
                                 m_secret,   m_reveal, m_keepSignedIn, m_testButton,    m_buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}
