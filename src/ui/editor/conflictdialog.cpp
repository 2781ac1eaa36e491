#include "conflictdialog.h"

#include "editor/conflictmodel.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

ConflictDialog::ConflictDialog(const QString &recordTitle, const QString &changedBy, const QString &changedOn,
                               const QList<FieldConflict> &conflicts, QWidget *parent)
    : QDialog(parent)
    , m_model(new ConflictModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("%1 changed on the instance").arg(recordTitle));
    m_model->setConflicts(conflicts);

    QString change;
    if (!changedBy.isEmpty() && !changedOn.isEmpty())
        change = tr("%1 was changed by %2 at %3 after you opened it.").arg(recordTitle, changedBy, changedOn);
    else
        change = tr("%1 was changed on the instance after you opened it.").arg(recordTitle);
    const int choices = m_model->choiceCount();
    const QString instructions = choices > 0
        ? tr("Choose for each field you edited which value to keep. Fields only they changed keep their value.")
        : tr("None of the fields you edited changed; the fields below keep their new value.");
    auto *intro = new QLabel(change + u' ' + instructions, this);
    intro->setWordWrap(true);

    m_view->setObjectName(u"conflictTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ConflictModel::FieldColumn, QHeaderView::ResizeToContents);
    m_view->resizeRowsToContents();

    auto *keepTheirs = new QPushButton(tr("Keep all &theirs"), this);
    auto *keepMine = new QPushButton(tr("Keep all &mine"), this);
    keepTheirs->setEnabled(choices > 0);
    keepMine->setEnabled(choices > 0);
    connect(keepTheirs, &QPushButton::clicked, this, [this] { m_model->setAllChoices(ConflictModel::Choice::Theirs); });
    connect(keepMine, &QPushButton::clicked, this, [this] { m_model->setAllChoices(ConflictModel::Choice::Mine); });
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(keepTheirs);
    choiceRow->addWidget(keepMine);
    choiceRow->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save with these values"), QDialogButtonBox::AcceptRole);
    m_editButton = buttons->addButton(tr("&Edit in the form"), QDialogButtonBox::ActionRole);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_saveButton->setDefault(true);
    m_editButton->setToolTip(tr("Put the chosen values into the form without saving, so you can change them."));
    connect(m_saveButton, &QPushButton::clicked, this, [this] { finishWith(Outcome::Save); });
    connect(m_editButton, &QPushButton::clicked, this, [this] { finishWith(Outcome::EditInForm); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { finishWith(Outcome::Cancel); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addLayout(choiceRow);
    layout->addWidget(buttons);
    resize(820, 420);
}

QPushButton *ConflictDialog::button(Outcome outcome) const
{
    switch (outcome) {
    case Outcome::Save:
        return m_saveButton;
    case Outcome::EditInForm:
        return m_editButton;
    case Outcome::Cancel:
        break;
    }
    return m_cancelButton;
}

void ConflictDialog::finishWith(Outcome outcome)
{
    m_outcome = outcome;
    if (outcome == Outcome::Cancel)
        reject();
    else
        accept();
}
