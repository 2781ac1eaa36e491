#include "recoverydialog.h"

#include "editor/pluraltext.h"
#include "editor/recoverystore.h"

#include <QtCore/QLocale>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

RecoveryDialog::RecoveryDialog(const QList<RecordDraft> &drafts, RecoveryStore *store, QWidget *parent)
    : QDialog(parent)
    , m_drafts(drafts)
    , m_store(store)
    , m_list(new QListWidget(this))
{
    setObjectName(u"recoveryDialog"_s);
    setWindowTitle(tr("Restore unsaved changes"));

    auto *intro = new QLabel(tr("Snowscope stopped last time before these changes were saved. Restore them to review and "
                                "save them, or discard them."),
                             this);
    intro->setWordWrap(true);

    for (const RecordDraft &draft : drafts) {
        auto *item = new QListWidgetItem(describe(draft), m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        QStringList fields = draft.edits.keys();
        item->setToolTip(tr("Changed fields: %1").arg(fields.join(u", "_s)));
    }

    auto *buttons = new QDialogButtonBox(this);
    m_restoreButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_discardButton = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    m_laterButton = buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole);
    m_restoreButton->setDefault(true);
    m_laterButton->setToolTip(tr("Keep the changes on disk and ask again at the next start"));
    connect(m_restoreButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_discardButton, &QPushButton::clicked, this, &RecoveryDialog::discardChecked);
    connect(m_laterButton, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 300);
}

QList<RecordDraft> RecoveryDialog::draftsToRestore() const
{
    return result() == QDialog::Accepted ? checkedDrafts() : QList<RecordDraft>();
}

QString RecoveryDialog::describe(const RecordDraft &draft)
{
    const QString table = draft.tableLabel.isEmpty() ? draft.table : draft.tableLabel;
    const QString record = draft.isNewRecord() ? tr("new %1").arg(table) : table + u' ' + draft.title;
    const QString when = QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat);
    const QString fields = pluralText(draft.edits.size(), tr("1 changed field"), tr("%1 changed fields"));
    return tr("%1 — %2, from %3").arg(record, fields, when);
}

QList<RecordDraft> RecoveryDialog::checkedDrafts() const
{
    QList<RecordDraft> checked;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            checked.append(m_drafts.at(row));
    }
    return checked;
}

void RecoveryDialog::discardChecked()
{
    const QList<RecordDraft> checked = checkedDrafts();
    if (checked.isEmpty())
        return;
    const auto answer = QMessageBox::warning(this, tr("Discard changes"),
                                             pluralText(checked.size(), tr("Discard the unsaved changes of 1 record?"),
                                                        tr("Discard the unsaved changes of %1 records?"))
                                                 + u' ' + tr("They cannot be restored afterwards."),
                                             QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    for (const RecordDraft &draft : checked)
        m_store->remove(draft.id);
    reject();
}
