#include "dashboard/figure_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>

FigureExportDialog::FigureExportDialog(Target target, const QString& suggestedName, QWidget* parent)
    : QDialog(parent), target_(target) {
  setWindowTitle(target == Target::File ? tr("Export Figure") : tr("Export All Figures"));
  QSettings settings;
  auto* form = new QFormLayout(this);
  width_ = new QSpinBox;
  width_->setRange(100, 20000);
  width_->setSuffix(tr(" px"));
  width_->setValue(settings.value(QStringLiteral("Export/width"), 1200).toInt());
  height_ = new QSpinBox;
  height_->setRange(100, 20000);
  height_->setSuffix(tr(" px"));
  height_->setValue(settings.value(QStringLiteral("Export/height"), 700).toInt());
  dpi_ = new QSpinBox;
  dpi_->setRange(50, 1200);
  dpi_->setSuffix(tr(" dpi"));
  dpi_->setValue(settings.value(QStringLiteral("Export/dpi"), 300).toInt());
  dpi_->setToolTip(tr("Resolution written into PNG files; the text keeps its size in points"));
  form->addRow(tr("Width"), width_);
  form->addRow(tr("Height"), height_);
  form->addRow(tr("Resolution"), dpi_);
  if (target == Target::File) {
    format_ = new QComboBox;
    format_->addItems({QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")});
    format_->setCurrentText(settings.value(QStringLiteral("Export/format"), QStringLiteral("png")).toString());
    form->addRow(tr("Format"), format_);
  }
  auto* row = new QHBoxLayout;
  path_ = new QLineEdit;
  // The run's own folder first: figures belong beside the run they show.
  const QString folder = !runFolder().isEmpty()
                             ? QDir(runFolder()).filePath(QStringLiteral("figures"))
                             : settings.value(QStringLiteral("Export/folder"), QDir::homePath()).toString();
  path_->setText(target == Target::File ? QDir(folder).filePath(suggestedName) : QDir(folder).filePath(suggestedName));
  auto* browse = new QToolButton;
  browse->setText(tr("..."));
  row->addWidget(path_, 1);
  row->addWidget(browse);
  form->addRow(target == Target::File ? tr("File") : tr("Folder"), row);
  connect(browse, &QToolButton::clicked, this, [this] {
    const QString chosen = target_ == Target::File
                               ? QFileDialog::getSaveFileName(this, tr("Export figure"), path())
                               : QFileDialog::getExistingDirectory(this, tr("Folder"), path_->text());
    if (!chosen.isEmpty()) path_->setText(chosen);
  });
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

QString& FigureExportDialog::runFolder() {
  static QString folder;
  return folder;
}

void FigureExportDialog::setRunFolder(const QString& folder) { runFolder() = folder; }

int FigureExportDialog::figureWidth() const { return width_->value(); }
int FigureExportDialog::figureHeight() const { return height_->value(); }
double FigureExportDialog::dpi() const { return dpi_->value(); }
QString FigureExportDialog::format() const { return format_ ? format_->currentText() : QString(); }

QString FigureExportDialog::path() const {
  QString p = path_->text().trimmed();
  if (target_ == Target::File) {
    const QString suffix = QStringLiteral(".") + format();
    if (!p.endsWith(suffix, Qt::CaseInsensitive))
      p = QFileInfo(p).dir().filePath(QFileInfo(p).completeBaseName() + suffix);
  }
  return p;
}

void FigureExportDialog::accept() {
  QSettings settings;
  settings.setValue(QStringLiteral("Export/width"), figureWidth());
  settings.setValue(QStringLiteral("Export/height"), figureHeight());
  settings.setValue(QStringLiteral("Export/dpi"), dpi_->value());
  if (format_) settings.setValue(QStringLiteral("Export/format"), format());
  settings.setValue(QStringLiteral("Export/folder"),
                    target_ == Target::File ? QFileInfo(path()).absolutePath() : path());
  QDialog::accept();
}
