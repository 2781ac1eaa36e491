#include "tablepickerdialog.h"

#include "app/errortext.h"
#include "models/tablelistmodel.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

bool isTableName(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_]+$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

TablePickerDialog::TablePickerDialog(TableListModel *tables, QWidget *parent)
    : QDialog(parent)
    , m_tables(tables)
    , m_filter(new TableFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"tablePicker"_s);
    setWindowTitle(tr("Open Table"));
    resize(460, 520);

    m_filter->setSourceModel(tables);
    m_search->setObjectName(u"tableSearch"_s);
    m_search->setPlaceholderText(tr("Search tables by label or name"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(u"tableList"_s);
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setObjectName(u"tablePickerStatus"_s);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TablePickerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *label = new QLabel(tr("&Table:"), this);
    label->setBuddy(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        selectFirst();
        showLoadState();
    });
    connect(m_list, &QAbstractItemView::activated, this, &TablePickerDialog::accept);
    connect(tables, &TableListModel::loaded, this, [this] {
        selectFirst();
        showLoadState();
    });
    connect(tables, &TableListModel::failed, this, [this](const snow::Error &error) {
        m_loadError = error;
        showLoadState();
    });

    tables->load();
    selectFirst();
    showLoadState();
    m_search->setFocus();
}

TablePickerDialog::~TablePickerDialog() = default;

void TablePickerDialog::selectFirst()
{
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

void TablePickerDialog::showLoadState()
{
    QString text;
    if (m_tables->isLoading())
        text = tr("Loading the table list…");
    else if (m_loadError.isError())
        text = tr("The table list could not be loaded: %1 Type a table name, such as incident, to open it.")
                   .arg(userMessage(m_loadError));
    else if (m_filter->rowCount() == 0 && !m_search->text().isEmpty())
        text = tr("No table matches \"%1\".").arg(m_search->text());
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void TablePickerDialog::accept()
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid()) {
        m_selected = current.data(TableListModel::NameRole).toString();
    } else {
        // A table the list lacks can still be opened by its exact name.
        const QString typed = m_search->text().trimmed();
        if (!isTableName(typed))
            return;
        m_selected = typed;
    }
    QDialog::accept();
}

bool TablePickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *keyEvent = static_cast<QKeyEvent *>(event);
        switch (keyEvent->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // Move through the list while the search field keeps the focus.
            QApplication::sendEvent(m_list, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
