#include "ProvidersDialog.h"

// The providers dialog's widgets and layout; its behaviour is in ProvidersDialog.cpp.

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace {
QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // provider text and file contents are never rendered as HTML
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

// Readable on light and dark palettes alike.
void ProvidersDialog::setTone(QLabel *label, bool good, bool bad)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    if (bad)
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    else if (good)
        palette.setColor(QPalette::WindowText, dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20));
    label->setPalette(palette);
}

void ProvidersDialog::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setAccessibleName(tr("Provider profiles"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_heading = messageLabel(QStringLiteral("profileHeading"), right);
    rightLayout->addWidget(m_heading);

    m_editor = new QPlainTextEdit(right);
    m_editor->setObjectName(QStringLiteral("profileJson"));
    m_editor->setAccessibleName(tr("Provider profile JSON"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    rightLayout->addWidget(m_editor, 1);

    m_validation = messageLabel(QStringLiteral("profileValidation"), right);
    rightLayout->addWidget(m_validation);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New from this"), right);
    m_new->setObjectName(QStringLiteral("newProfile"));
    m_new->setToolTip(tr("Start a new profile as a copy of the one shown"));
    m_importFile = new QPushButton(tr("&Import file…"), right);
    m_importFile->setObjectName(QStringLiteral("importProfile"));
    m_importFile->setToolTip(tr("Load a provider profile JSON file into the editor; Save installs it"));
    m_save = new QPushButton(tr("&Save", "provider profile"), right);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_delete = new QPushButton(tr("&Delete", "provider profile"), right);
    m_delete->setObjectName(QStringLiteral("deleteProfile"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_importFile);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    rightLayout->addLayout(buttons);
    m_status = messageLabel(QStringLiteral("profileStatus"), right);
    m_status->hide();
    rightLayout->addWidget(m_status);

    m_testBox = new QGroupBox(tr("Test login with this profile"), right);
    auto *form = new QFormLayout(m_testBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_testUrl = new QLineEdit(m_testBox);
    m_testUrl->setObjectName(QStringLiteral("testUrl"));
    m_testUrl->setPlaceholderText(tr("https://api.example.com"));
    form->addRow(tr("Base &URL:"), m_testUrl);
    m_testUsernameLabel = new QLabel(tr("&Username:"), m_testBox);
    m_testUsername = new QLineEdit(m_testBox);
    m_testUsername->setObjectName(QStringLiteral("testUsername"));
    m_testUsernameLabel->setBuddy(m_testUsername);
    form->addRow(m_testUsernameLabel, m_testUsername);
    m_testSecretLabel = new QLabel(tr("&Password:"), m_testBox);
    m_testSecret = new QLineEdit(m_testBox);
    m_testSecret->setObjectName(QStringLiteral("testSecret"));
    m_testSecret->setEchoMode(QLineEdit::Password);
    m_testSecret->setPlaceholderText(tr("Used for this test only; never stored"));
    m_testSecretLabel->setBuddy(m_testSecret);
    form->addRow(m_testSecretLabel, m_testSecret);
    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test login"), m_testBox);
    m_testButton->setObjectName(QStringLiteral("testLogin"));
    m_testResult = messageLabel(QStringLiteral("testResult"), m_testBox);
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    form->addRow(testRow);
    rightLayout->addWidget(m_testBox);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({210, 610});

    m_location = messageLabel(QStringLiteral("profileLocation"), this);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_location, 1);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(860, 700);
}
