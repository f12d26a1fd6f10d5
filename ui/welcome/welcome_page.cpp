#include "welcome/welcome_page.h"

#include "welcome/released_models.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

enum Column { Name, Parameters, Knn, Linear, Backbone, Full, ColumnCount };

QString megabytesText(qint64 bytes) {
  return QCoreApplication::translate("WelcomePage", "%1 MB").arg(ModelDownload::megabytes(bytes));
}

QPushButton* entryButton(const QString& title, const QString& explanation, QWidget* parent) {
  auto* button = new QPushButton(parent);
  // Title and explanation on two lines; the button grows with the text of the language shown.
  auto* layout = new QVBoxLayout(button);
  auto* titleLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
  titleLabel->setWordWrap(true);
  auto* text = new QLabel(explanation);
  text->setWordWrap(true);
  for (QLabel* label : {titleLabel, text}) {
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    layout->addWidget(label);
  }
  layout->addStretch();
  // Room for the title and three lines of explanation (German's longer words wrap more).
  button->setMinimumHeight(button->fontMetrics().height() * 6);
  button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  button->setAccessibleName(title);
  return button;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent), download_(new ModelDownload(this)) {
  auto* inner = new QWidget;
  auto* layout = new QVBoxLayout(inner);
  layout->setContentsMargins(24, 18, 24, 18);
  layout->setSpacing(12);

  auto* title = new QLabel(tr("<h2>DINO Studio</h2>"));
  auto* intro =
      new QLabel(tr("Train DINO self-supervised vision transformers on your own images, and watch them learn: loss and "
                    "schedules, collapse warnings, the crops they train on, and where every attention head looks."));
  intro->setWordWrap(true);
  layout->addWidget(title);
  layout->addWidget(intro);

  auto* entries = new QHBoxLayout;
  auto* demo = entryButton(tr("Run the Fashion-MNIST demo"),
                           tr("A small ViT learns Fashion-MNIST on a CPU in about 12 minutes."), inner);
  auto* folder =
      entryButton(tr("Train on my image folder..."),
                  tr("Choose a folder of images (sub-folders as classes, or none) and set up a run."), inner);
  auto* inspect = entryButton(tr("Look inside a trained model..."),
                              tr("Open weights or a checkpoint and see each head's attention on your images."), inner);
  connect(demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
  connect(folder, &QPushButton::clicked, this, &WelcomePage::trainOnFolderRequested);
  connect(inspect, &QPushButton::clicked, this, &WelcomePage::inspectModelRequested);
  for (QPushButton* button : {demo, folder, inspect}) entries->addWidget(button, 1);
  layout->addLayout(entries);

  layout->addSpacing(6);
  layout->addWidget(
      new QLabel(tr("<b>Released DINO models</b> (trained on ImageNet; accuracy from the "
                    "reference's README)")));
  models_ = new QTableWidget(static_cast<int>(releasedModels().size()), ColumnCount, inner);
  models_->setHorizontalHeaderLabels(
      {tr("Model"), tr("Parameters"), tr("k-NN top-1"), tr("Linear top-1"), tr("Backbone"), tr("Full checkpoint")});
  models_->verticalHeader()->hide();
  models_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  models_->setSelectionMode(QAbstractItemView::NoSelection);
  models_->setFocusPolicy(Qt::NoFocus);
  const QLocale locale;
  for (int row = 0; row < releasedModels().size(); ++row) {
    const ReleasedModel& model = releasedModels()[row];
    auto cell = [&](int column, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setTextAlignment(column == Name ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
      models_->setItem(row, column, item);
    };
    cell(Name, model.name);
    cell(Parameters, tr("%1 M").arg(locale.toString(static_cast<double>(model.parameters) / 1e6, 'f', 1)));
    cell(Knn, tr("%1%").arg(locale.toString(model.knnTop1, 'f', 1)));
    cell(Linear, tr("%1%").arg(locale.toString(model.linearTop1, 'f', 1)));
    for (bool full : {false, true}) {
      auto* button = new QPushButton;
      button->setToolTip((full ? model.fullCheckpoint : model.backbone).toDisplayString());
      connect(button, &QPushButton::clicked, this, [this, row, full] { fetchOrOpen(releasedModels()[row], full); });
      models_->setCellWidget(row, full ? Full : Backbone, button);
    }
  }
  models_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  models_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // As large as its contents in any language and font: every row and column, no scroll bars.
  models_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  models_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  models_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  models_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  layout->addWidget(models_);

  auto* progressRow = new QHBoxLayout;
  progress_ = new QProgressBar;
  progress_->setVisible(false);
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setVisible(false);
  connect(cancel_, &QPushButton::clicked, download_, &ModelDownload::cancel);
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(cancel_);
  layout->addLayout(progressRow);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
  status_->setOpenExternalLinks(true);
  layout->addWidget(status_);

  auto* folderRow = new QHBoxLayout;
  auto* where = new QLabel(tr("Downloads go to %1").arg(QDir::toNativeSeparators(downloadedModelsFolder())));
  where->setTextInteractionFlags(Qt::TextSelectableByMouse);
  where->setWordWrap(true);
  auto* openFolder = new QPushButton(tr("Open Folder"));
  connect(openFolder, &QPushButton::clicked, this, [] {
    QDir().mkpath(downloadedModelsFolder());
    QDesktopServices::openUrl(QUrl::fromLocalFile(downloadedModelsFolder()));
  });
  // Without a network: fetch the file elsewhere (the address is in each button's tooltip and in
  // the message of a failed download), then open it from here.
  auto* openFile = new QPushButton(tr("Open a Downloaded File..."));
  connect(openFile, &QPushButton::clicked, this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open DINO weights"), downloadedModelsFolder(),
                                                      tr("PyTorch weights (*.pth *.pt);;All files (*)"));
    if (!file.isEmpty()) Q_EMIT weightsChosen(file);
  });
  folderRow->addWidget(where, 1);
  folderRow->addWidget(openFolder);
  folderRow->addWidget(openFile);
  layout->addLayout(folderRow);
  layout->addStretch();

  auto* scroll = new QScrollArea;
  scroll->setWidget(inner);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);

  connect(download_, &ModelDownload::progress, this, &WelcomePage::showProgress);
  connect(download_, &ModelDownload::finished, this, &WelcomePage::onFinished);
  connect(download_, &ModelDownload::failed, this, &WelcomePage::onFailed);
  connect(download_, &ModelDownload::checkStarted, this, [this] {
    // Seconds of hashing: nothing left to cancel.
    cancel_->setEnabled(false);
    progress_->setRange(0, 0);
    progress_->setFormat(tr("Checking the SHA-256..."));
  });
  refreshButtons();
}

QPushButton* WelcomePage::fileButton(int model, bool fullCheckpoint) const {
  return qobject_cast<QPushButton*>(models_->cellWidget(model, fullCheckpoint ? Full : Backbone));
}

QString WelcomePage::statusText() const { return status_->text(); }

void WelcomePage::setStatus(const QString& text) { status_->setText(text); }

void WelcomePage::refreshButtons() {
  const bool busy = download_->isRunning();
  for (int row = 0; row < releasedModels().size(); ++row) {
    const ReleasedModel& model = releasedModels()[row];
    for (bool full : {false, true}) {
      const QUrl url = full ? model.fullCheckpoint : model.backbone;
      const QString file = downloadedFile(url);
      QPushButton* button = fileButton(row, full);
      if (QFileInfo::exists(file)) {
        button->setText(tr("Open (%1)").arg(megabytesText(QFileInfo(file).size())));
      } else if (QFileInfo::exists(ModelDownload::partFile(file))) {
        button->setText(tr("Resume (%1 so far)").arg(megabytesText(QFileInfo(ModelDownload::partFile(file)).size())));
      } else {
        button->setText(full ? tr("Download") : tr("Download (%1)").arg(megabytesText(model.backboneBytes())));
      }
      button->setEnabled(!busy);
    }
  }
  models_->resizeColumnsToContents();  // "Resume (12.3 MB so far)" is wider than "Download"
  progress_->setVisible(busy);
  cancel_->setVisible(busy);
  cancel_->setEnabled(busy && !download_->checking());
}

void WelcomePage::fetchOrOpen(const ReleasedModel& model, bool fullCheckpoint) {
  const QUrl url = fullCheckpoint ? model.fullCheckpoint : model.backbone;
  const QString file = downloadedFile(url);
  if (QFileInfo::exists(file)) {
    Q_EMIT weightsChosen(file);
    return;
  }
  setStatus(tr("Downloading %1 (%2) from %3")
                .arg(model.name, fullCheckpoint ? tr("full checkpoint") : tr("backbone"), url.host()));
  progress_->setRange(0, 0);
  progress_->setFormat(QStringLiteral("%p%"));
  download_->start(url, file);
  refreshButtons();
}

void WelcomePage::showProgress(qint64 received, qint64 total) {
  if (total > 0) {
    progress_->setRange(0, 1000);
    progress_->setValue(static_cast<int>(1000 * received / total));
    progress_->setFormat(tr("%1 of %2").arg(megabytesText(received), megabytesText(total)));
  } else {
    progress_->setRange(0, 0);
  }
}

void WelcomePage::onFinished(const QString& file, const QByteArray& sha256, qint64 resumedFrom) {
  refreshButtons();
  setStatus(tr("Downloaded %1%2. SHA-256 %3 (kept beside the file).")
                .arg(QDir::toNativeSeparators(file),
                     resumedFrom > 0 ? tr(", resumed at %1").arg(megabytesText(resumedFrom)) : QString(),
                     QString::fromLatin1(sha256)));
  Q_EMIT weightsChosen(file);
}

void WelcomePage::onFailed(ModelDownload::Failure failure, const QString& message) {
  refreshButtons();
  QString text = message.toHtmlEscaped();
  if (failure == ModelDownload::Failure::Network) {
    // No network here: the address to fetch by hand, and where to open it from.
    const QString address = download_->url().toDisplayString();
    text += QStringLiteral("<br>") + tr("Without a network, fetch <a href=\"%1\">%1</a> on another machine and open "
                                        "it with Open a Downloaded File.")
                                         .arg(address.toHtmlEscaped());
  }
  setStatus(text);
}
