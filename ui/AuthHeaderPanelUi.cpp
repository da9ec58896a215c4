#include "AuthHeaderPanel.h"

#include "AuthHeaderModel.h"
#include "ClearButton.h"
#include "Icons.h"

// The panel's widgets and layout; its behaviour is in AuthHeaderPanel.cpp.

#include <QAction>
#include <QDateTime>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// A framed, tinted box that reads well on light and dark palettes.
QFrame *makeTintedFrame(const QString &objectName, const QColor &light, const QColor &dark, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette palette = frame->palette();
    const bool isDark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::Window, isDark ? dark : light);
    frame->setPalette(palette);
    frame->hide();
    return frame;
}

QPushButton *makePushButton(const QString &text, const QString &accessibleName, const QString &objectName,
                            QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    return button;
}
} // namespace

QAction *AuthHeaderPanel::makeAction(const QString &text, const QString &iconName, const QString &tip)
{
    auto *action = new QAction(Icons::action(iconName), text, this);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    return action;
}

QToolButton *AuthHeaderPanel::makeButton(QAction *action, const QString &objectName, Qt::ToolButtonStyle style)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setToolButtonStyle(style);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QChar(0x2026)));
    button->setFocusPolicy(Qt::StrongFocus);
    m_buttons.append(button);
    return button;
}

void AuthHeaderPanel::buildUi()
{
    m_refresh = makeAction(tr("&Refresh", "reload the auth header list"), QStringLiteral("refresh"),
                           tr("Load the list from the provider"));
    m_add = makeAction(tr("&Add…", "auth header"), QStringLiteral("add"), tr("Create a new auth header"));
    m_reveal = makeAction(tr("Re&veal", "show the token in full"), QStringLiteral("reveal"),
                          tr("Show or hide the selected token in full"));
    m_reveal->setCheckable(true);
    m_copyToken = makeAction(tr("Copy &token"), QStringLiteral("copy-token"), tr("Copy the selected token"));
    m_copyHeader = makeAction(tr("Copy &header line"), QStringLiteral("copy-header"),
                              tr("Copy the selected token as a whole header line"));
    m_rotate = makeAction(tr("R&otate…", "replace the auth header by a new one"), QStringLiteral("rotate"),
                          tr("Add a header with the same name and today's date, then delete the old one"));
    m_delete = makeAction(tr("&Delete…", "auth header"), QStringLiteral("remove"),
                          tr("Delete the selected auth header"));
    // The keys AuthHeaderPanelKeys.cpp gives them while the panel has the focus.
    const auto withKey = [](QAction *action, const QKeySequence &key) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->toolTip(), key.toString(QKeySequence::NativeText)));
    };
    withKey(m_delete, QKeySequence::Delete);
    withKey(m_copyToken, QKeySequence::Copy);
    withKey(m_copyHeader, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);

    // Two rows, so that every action fits the details area without an overflow menu.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("authHeaderFilter"));
    m_filter->setAccessibleName(tr("Filter auth headers"));
    m_filter->setPlaceholderText(tr("Filter by name or id"));
    enableNamedClearButton(m_filter, tr("Clear filter"));
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_filter, 1);
    listRow->addWidget(makeButton(m_refresh, QStringLiteral("refreshAuthHeaders")));
    listRow->addWidget(makeButton(m_add, QStringLiteral("addAuthHeader")));
    layout->addLayout(listRow);

    // The icons go above the labels here: beside them, five buttons would make the details area wider than
    // the account table leaves it at the default window size (German labels most of all).
    auto *rowActions = new QHBoxLayout;
    rowActions->setSpacing(2);
    const auto under = Qt::ToolButtonTextUnderIcon;
    rowActions->addWidget(makeButton(m_reveal, QStringLiteral("revealAuthHeader"), under));
    rowActions->addWidget(makeButton(m_copyToken, QStringLiteral("copyAuthHeaderToken"), under));
    rowActions->addWidget(makeButton(m_copyHeader, QStringLiteral("copyAuthHeaderLine"), under));
    rowActions->addWidget(makeButton(m_rotate, QStringLiteral("rotateAuthHeader"), under));
    rowActions->addWidget(makeButton(m_delete, QStringLiteral("deleteAuthHeader"), under));
    rowActions->addStretch(1);
    layout->addLayout(rowActions);

    layout->addWidget(buildAddForm());
    layout->addWidget(buildMessageArea());
    layout->addWidget(buildResultBox());

    // A thin indeterminate bar; it keeps its place when hidden, so nothing jumps when a call starts.
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("authHeaderBusy"));
    m_busy->setAccessibleName(tr("Working…"));
    m_busy->setToolTip(tr("Working…"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    QSizePolicy busyPolicy = m_busy->sizePolicy();
    busyPolicy.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(busyPolicy);
    m_busy->hide();
    layout->addWidget(m_busy);

    m_emptyHint = new QLabel(tr("No auth headers yet. Add one for each machine or integration that calls the "
                                "API: each gets its own token, and deleting it cuts off only that one."),
                             this);
    m_emptyHint->setObjectName(QStringLiteral("authHeaderEmptyHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->hide();
    layout->addWidget(m_emptyHint);

    buildTable();
    layout->addWidget(m_table, 1);
    setUpTabOrder();
}

QWidget *AuthHeaderPanel::buildAddForm()
{
    m_addForm = new QWidget(this);
    m_addForm->setObjectName(QStringLiteral("addAuthHeaderForm"));
    auto *row = new QHBoxLayout(m_addForm);
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Na&me:"), m_addForm);
    m_name = new QLineEdit(m_addForm);
    m_name->setObjectName(QStringLiteral("authHeaderName"));
    m_name->setAccessibleName(tr("Name of the new auth header"));
    m_name->setPlaceholderText(tr("e.g. ci-runner"));
    m_name->setMaxLength(200);
    label->setBuddy(m_name);
    m_create = makePushButton(tr("&Create", "auth header"), tr("Create auth header"),
                              QStringLiteral("createAuthHeader"), m_addForm);
    m_cancelAdd = makePushButton(tr("Cancel", "adding an auth header"), tr("Cancel adding"),
                                 QStringLiteral("cancelAddAuthHeader"), m_addForm);
    row->addWidget(label);
    row->addWidget(m_name, 1);
    row->addWidget(m_create);
    row->addWidget(m_cancelAdd);
    m_addForm->hide();
    return m_addForm;
}

QWidget *AuthHeaderPanel::buildMessageArea()
{
    m_message = makeTintedFrame(QStringLiteral("authHeaderMessage"), QColor(0xfd, 0xec, 0xea), QColor(0x5c, 0x1d, 0x1d),
                                this);
    auto *row = new QHBoxLayout(m_message);
    row->setContentsMargins(8, 4, 4, 4);
    m_messageLabel = new QLabel(m_message);
    m_messageLabel->setObjectName(QStringLiteral("authHeaderMessageText"));
    m_messageLabel->setTextFormat(Qt::PlainText); // provider text may look like HTML; never render it
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismissMessage = new QToolButton(m_message);
    m_dismissMessage->setText(QStringLiteral("✕"));
    m_dismissMessage->setAccessibleName(tr("Dismiss message"));
    m_dismissMessage->setAutoRaise(true);
    row->addWidget(m_messageLabel, 1);
    row->addWidget(m_dismissMessage, 0, Qt::AlignTop);
    return m_message;
}

QWidget *AuthHeaderPanel::buildResultBox()
{
    m_result = makeTintedFrame(QStringLiteral("newAuthHeaderBox"), QColor(0xfe, 0xf7, 0xd6), QColor(0x4a, 0x3f, 0x10),
                               this);
    auto *box = new QVBoxLayout(m_result);
    box->setContentsMargins(8, 6, 8, 6);
    m_resultTitle = new QLabel(m_result);
    m_resultTitle->setObjectName(QStringLiteral("newAuthHeaderTitle"));
    m_resultTitle->setTextFormat(Qt::PlainText);
    m_resultTitle->setWordWrap(true);
    QFont bold = m_resultTitle->font();
    bold.setBold(true);
    m_resultTitle->setFont(bold);
    m_resultToken = new QLineEdit(m_result);
    m_resultToken->setObjectName(QStringLiteral("newAuthHeaderToken"));
    m_resultToken->setAccessibleName(tr("New token"));
    m_resultToken->setReadOnly(true);
    m_resultToken->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_resultCopyToken = makePushButton(tr("Copy to&ken"), tr("Copy the new token"), QStringLiteral("newTokenCopyToken"),
                                       m_result);
    m_resultCopyHeader = makePushButton(tr("Copy header &line"), tr("Copy the new header line"),
                                        QStringLiteral("newTokenCopyHeaderLine"), m_result);
    m_deleteOld = makePushButton(tr("Delete the &old header…"), tr("Delete the old header"),
                                 QStringLiteral("deleteOldAuthHeader"), m_result);
    m_deleteOld->setToolTip(tr("Available once the new token is copied"));
    m_resultDone = makePushButton(tr("Done", "close the new token"), tr("Close and forget the new token"),
                                  QStringLiteral("newTokenDone"), m_result);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resultCopyToken);
    buttons->addWidget(m_resultCopyHeader);
    buttons->addStretch(1);
    buttons->addWidget(m_resultDone);
    box->addWidget(m_resultTitle);
    box->addWidget(m_resultToken);
    box->addLayout(buttons);
    box->addWidget(m_deleteOld, 0, Qt::AlignLeft);
    return m_result;
}

void AuthHeaderPanel::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("authHeaderTable"));
    m_table->setAccessibleName(tr("Auth headers"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuthHeaderModel::CreatedColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->installEventFilter(this); // its keys: AuthHeaderPanelKeys.cpp
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // Name, token, created, id: a narrow details area still shows what matters; the id takes what is left.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(AuthHeaderModel::IdColumn), AuthHeaderModel::ColumnCount - 1);
    const QFontMetrics text(m_table->font());
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString longestDate =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)), QLocale::ShortFormat);
    const int padding = 2 * text.averageCharWidth() + 8;
    m_table->setColumnWidth(AuthHeaderModel::NameColumn, 22 * text.averageCharWidth());
    m_table->setColumnWidth(AuthHeaderModel::TokenColumn,
                            fixed.horizontalAdvance(AuthHeaderModel::maskToken(QByteArray(20, 'W'))) + padding);
    m_table->setColumnWidth(AuthHeaderModel::CreatedColumn, text.horizontalAdvance(longestDate) + padding);
    m_table->setColumnWidth(AuthHeaderModel::IdColumn, 12 * text.averageCharWidth());
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_reveal, m_copyToken, m_copyHeader});
        menu.addSeparator();
        menu.addActions({m_rotate, m_delete});
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
}

void AuthHeaderPanel::setUpTabOrder()
{
    // What the eye sees, top to bottom: the toolbar rows, the add form, the message, the result, the list.
    QList<QWidget *> chain{m_filter};
    for (QToolButton *button : std::as_const(m_buttons))
        chain.append(button);
    chain << m_name << m_create << m_cancelAdd << m_dismissMessage << m_resultToken << m_resultCopyToken
          << m_resultCopyHeader << m_resultDone << m_deleteOld << m_table;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}
