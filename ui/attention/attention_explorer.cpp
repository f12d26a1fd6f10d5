#include "attention/attention_explorer.h"

#include "image_conversion.h"

#include <dino/data/image_files.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <vector>

namespace {

constexpr int kTileSide = 240;

}  // namespace

AttentionExplorer::AttentionExplorer(QWidget* parent) : QWidget(parent) {
  setAcceptDrops(true);
  auto* layout = new QVBoxLayout(this);

  auto* modelRow = new QHBoxLayout;
  auto* open = new QPushButton(tr("Open Images..."));
  auto* weights = new QPushButton(tr("Weights..."));
  weights->setToolTip(tr("A DINO weights file or training checkpoint; the architecture is inferred from its tensors"));
  auto* random = new QPushButton(tr("Random ViT-S/16"));
  teacher_ = new QPushButton(tr("Training Teacher"));
  teacher_->setToolTip(tr("The teacher of the run in progress, reloaded whenever a new checkpoint lands"));
  teacher_->setEnabled(false);
  modelLabel_ = new QLabel(tr("No model: choose weights, the training teacher or random weights."));
  modelLabel_->setWordWrap(true);
  for (QWidget* w : {static_cast<QWidget*>(open), static_cast<QWidget*>(weights), static_cast<QWidget*>(random), static_cast<QWidget*>(teacher_)})
    modelRow->addWidget(w);
  modelRow->addWidget(modelLabel_, 1);
  layout->addLayout(modelRow);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Layer:")));
  layer_ = new QSpinBox;
  layer_->setRange(-1, 11);
  layer_->setValue(-1);
  layer_->setSpecialValueText(tr("last"));
  controls->addWidget(layer_);
  controls->addWidget(new QLabel(tr("Size:")));
  size_ = new QComboBox;
  size_->addItem(tr("480 x 480 (the reference)"));
  size_->addItem(tr("shorter side 480, aspect kept"));
  size_->addItem(tr("original size"));
  controls->addWidget(size_);
  thresholdOn_ = new QCheckBox(tr("Mass threshold"));
  thresholdOn_->setToolTip(tr("Keep the patches that hold this fraction of each head's attention (the reference's masks)"));
  threshold_ = new QDoubleSpinBox;
  threshold_->setRange(0.01, 1.0);
  threshold_->setSingleStep(0.05);
  threshold_->setValue(0.6);
  thresholdSlider_ = new QSlider(Qt::Horizontal);
  thresholdSlider_->setObjectName(QStringLiteral("thresholdSlider"));
  thresholdSlider_->setRange(1, 100);
  thresholdSlider_->setValue(60);
  thresholdSlider_->setMaximumWidth(120);
  thresholdSlider_->setToolTip(threshold_->toolTip().isEmpty() ? thresholdOn_->toolTip() : threshold_->toolTip());
  controls->addWidget(thresholdOn_);
  controls->addWidget(thresholdSlider_);
  controls->addWidget(threshold_);
  controls->addWidget(new QLabel(tr("Colours:")));
  colorMap_ = new QComboBox;
  for (const char* name : {"viridis", "inferno", "magma", "jet", "gray"}) colorMap_->addItem(QString::fromLatin1(name));
  controls->addWidget(colorMap_);
  controls->addWidget(new QLabel(tr("Opacity:")));
  opacity_ = new QSlider(Qt::Horizontal);
  opacity_->setRange(0, 100);
  opacity_->setValue(100);
  opacity_->setMaximumWidth(120);
  opacity_->setToolTip(tr("100: the map alone, as the reference draws it; lower shows the image through it"));
  controls->addWidget(opacity_);
  sharedScale_ = new QCheckBox(tr("One scale for all heads"));
  rollout_ = new QCheckBox(tr("Rollout"));
  rollout_->setToolTip(tr("Attention rollout across all layers (Abnar and Zuidema, 2020)"));
  pca_ = new QCheckBox(tr("PCA"));
  pca_->setToolTip(tr("The first three principal components of the patch features as RGB"));

  compare_ = new QCheckBox(tr("Student too"));
  compare_->setToolTip(tr("Teacher and student of a training checkpoint side by side, with their difference (blue: "
                          "the student attends more, red: the teacher does)"));
  figureStyle_ = new QCheckBox(tr("Figure 3 style"));
  figureStyle_->setToolTip(tr("The masks of every head in one picture, one colour per head, as the paper's Figure 3 "
                         "(uses the mass threshold)"));
  figureHeadsEdit_ = new QLineEdit;
  figureHeadsEdit_->setPlaceholderText(tr("all heads"));
  figureHeadsEdit_->setToolTip(tr("Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)"));
  figureHeadsEdit_->setMaximumWidth(90);
  // A second row, so that the tab fits a laptop's screen beside the configuration dock.
  auto* output = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(sharedScale_), static_cast<QWidget*>(rollout_), static_cast<QWidget*>(pca_)}) output->addWidget(w);
  output->addWidget(compare_);
  output->addWidget(figureStyle_);
  output->addWidget(figureHeadsEdit_);
  auto* cls = new QPushButton(tr("From CLS"));
  cls->setToolTip(tr("Show the attention of the CLS token again (click a patch to see the attention from it)"));
  output->addWidget(cls);
  auto* exportButton = new QPushButton(tr("Export..."));
  exportButton->setToolTip(tr("The view on display: every tile as PNG, a labelled grid as PNG, SVG and PDF, the raw "
                              "maps as .npy and figure.json saying how it was made"));
  output->addWidget(exportButton);
  exportFolder_ = new QPushButton(tr("Export Folder..."));
  exportFolder_->setToolTip(tr("Every image of a folder with this model and these settings, a sub-folder of figures each"));
  output->addWidget(exportFolder_);
  output->addStretch(1);
  controls->addStretch(1);
  layout->addLayout(controls);
  layout->addLayout(output);

  auto* probeRow = new QHBoxLayout;
  auto* pin = new QPushButton(tr("Pin Probe"));
  pin->setToolTip(tr("Keep this image's maps at every checkpoint of the run (checkpoint*.pth beside the weights) and "
                     "scrub through them"));
  probeSlider_ = new QSlider(Qt::Horizontal);
  probeSlider_->setEnabled(false);
  probeLabel_ = new QLabel(tr("Through training: pin a probe image"));
  probeRow->addWidget(pin);
  probeRow->addWidget(probeSlider_, 1);
  probeRow->addWidget(probeLabel_);
  layout->addLayout(probeRow);
  connect(pin, &QPushButton::clicked, this, &AttentionExplorer::pinProbe);
  connect(probeSlider_, &QSlider::valueChanged, this, &AttentionExplorer::showCheckpoint);
  connect(compare_, &QCheckBox::toggled, this, [this](bool on) {
    QString error;
    if (!setCompareStudent(on, &error) && on) {
      compare_->setChecked(false);
      QMessageBox::information(this, tr("Student"), error);
    }
  });
  auto figureHeads = [this] {
    QList<int> heads;
    for (const QString& word : figureHeadsEdit_->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
      bool ok = false;
      const int head = word.toInt(&ok);
      if (ok && head >= 0 && (!model_ || head < model_->heads())) heads.append(head);
    }
    return heads;
  };
  connect(figureStyle_, &QCheckBox::toggled, this, [this, figureHeads](bool on) { setHeadsFigure(on, figureHeads()); });
  connect(figureHeadsEdit_, &QLineEdit::editingFinished, this, [this, figureHeads] {
    if (figureStyle_->isChecked()) setHeadsFigure(true, figureHeads());
  });

  thumbnails_ = new QListWidget;
  thumbnails_->setViewMode(QListView::IconMode);
  thumbnails_->setFlow(QListView::LeftToRight);
  thumbnails_->setWrapping(false);
  thumbnails_->setIconSize(QSize(64, 64));
  thumbnails_->setFixedHeight(96);
  layout->addWidget(thumbnails_);
  status_ = new QLabel(tr("Drop images here, paste one, or use Open Images."));
  status_->setWordWrap(true);
  layout->addWidget(status_);
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  auto* host = new QWidget;
  grid_ = new QGridLayout(host);
  grid_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  scroll->setWidget(host);
  layout->addWidget(scroll, 1);

  connect(open, &QPushButton::clicked, this, &AttentionExplorer::chooseImages);
  connect(weights, &QPushButton::clicked, this, &AttentionExplorer::chooseWeights);
  connect(random, &QPushButton::clicked, this, [this] { useRandomWeights(); });
  connect(teacher_, &QPushButton::clicked, this, [this] {
    QString error;
    if (!loadWeights(trainingCheckpoint_, &error)) QMessageBox::warning(this, tr("Training teacher"), error);
  });
  connect(cls, &QPushButton::clicked, this, [this] { setQuery(0); });
  connect(exportButton, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the figures"));
    QString error;
    if (!folder.isEmpty() && !exportView(folder, &error)) QMessageBox::warning(this, tr("Export"), error);
  });
  connect(exportFolder_, &QPushButton::clicked, this, [this] {
    if (batchRunning()) {
      cancelBatch();
      return;
    }
    const QString images = QFileDialog::getExistingDirectory(this, tr("Folder of images"));
    if (images.isEmpty()) return;
    const QString out = QFileDialog::getExistingDirectory(this, tr("Folder for the figures"));
    if (!out.isEmpty()) exportFolder(images, out);
  });
  connect(&batchWatcher_, &QFutureWatcher<BatchResult>::finished, this, [this] {
    exportFolder_->setText(tr("Export Folder..."));
    if (batchWatcher_.future().resultCount() == 0) return;
    const BatchResult result = batchWatcher_.result();
    const bool cancelled = batchCancel_ && batchCancel_->load();
    QString summary = cancelled ? tr("Batch export stopped: %n image(s) written.", nullptr, result.written)
                                : tr("Batch export done: %n image(s) written.", nullptr, result.written);
    if (!result.problems.isEmpty())
      summary += QLatin1Char(' ') + tr("%n could not be exported: %1", nullptr, static_cast<int>(result.problems.size()))
                                        .arg(result.problems.join(QStringLiteral("; ")));
    status_->setText(summary);
    Q_EMIT batchExported(result.written, static_cast<int>(result.problems.size()), summary);
  });
  connect(thumbnails_, &QListWidget::currentRowChanged, this, [this](int row) { selectImage(row); });
  for (auto* box : {thresholdOn_, rollout_, pca_, sharedScale_}) connect(box, &QCheckBox::toggled, this, [this] { recompute(); });
  connect(layer_, &QSpinBox::valueChanged, this, [this] { recompute(); });
  connect(size_, &QComboBox::currentIndexChanged, this, [this] {
    query_ = 0;  // patch numbers change with the size
    recompute();
  });
  connect(threshold_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
    const QSignalBlocker blocker(thresholdSlider_);
    thresholdSlider_->setValue(static_cast<int>(std::lround(value * 100)));
    if (thresholdOn_->isChecked()) recompute();
  });
  // The slider moves the mass in steps of 0.01 and switches the masks on.
  connect(thresholdSlider_, &QSlider::valueChanged, this, [this](int value) {
    const bool switchedOn = !thresholdOn_->isChecked();
    if (switchedOn) {
      const QSignalBlocker blocker(thresholdOn_);
      thresholdOn_->setChecked(true);
    }
    if (switchedOn && std::lround(threshold_->value() * 100) == value)
      recompute();  // the spin box does not change, so it would not ask
    else
      threshold_->setValue(value / 100.0);
  });
  connect(colorMap_, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
  connect(opacity_, &QSlider::valueChanged, this, [this] { render(); });
  auto* paste = new QShortcut(QKeySequence::Paste, this);
  connect(paste, &QShortcut::activated, this, [this] {
    const QImage image = QApplication::clipboard()->image();
    if (!image.isNull()) addImage(image, tr("pasted %1").arg(imageCount() + 1));
  });
  connect(&probeWatcher_, &QFutureWatcher<QList<ProbePoint>>::finished, this, [this] {
    if (probeWatcher_.future().resultCount() == 0) return;
    probe_ = probeWatcher_.result();
    probeSlider_->setRange(0, std::max(0, static_cast<int>(probe_.size()) - 1));
    probeSlider_->setEnabled(!probe_.isEmpty());
    probeSlider_->setValue(static_cast<int>(probe_.size()) - 1);
    showCheckpoint(probeSlider_->value());
    Q_EMIT probeReady();
  });
  connect(&watcher_, &QFutureWatcher<Result>::finished, this, [this] {
    if (watcher_.future().resultCount() > 0) {
      const Result result = watcher_.result();
      view_ = result.view;
      viewWeights_ = weightsFile_;
      studentView_ = result.student;
      hasStudentView_ = result.hasStudent;
      lastMilliseconds_ = result.milliseconds;
      render();
      Q_EMIT viewReady();
    }
    if (recomputeQueued_) {
      recomputeQueued_ = false;
      recompute();
    }
  });
}

AttentionExplorer::~AttentionExplorer() {
  cancelBatch();
  batchWatcher_.waitForFinished();
  watcher_.waitForFinished();
  probeWatcher_.waitForFinished();
}

bool AttentionExplorer::setCompareStudent(bool on, QString* error) {
  const QSignalBlocker blocker(compare_);  // the box follows without calling back
  if (!on) {
    student_.reset();
    compare_->setChecked(false);
    recompute();
    return true;
  }
  if (weightsFile_.isEmpty()) {
    if (error) *error = tr("The student exists only in a training checkpoint: load one with Weights or Training Teacher.");
    return false;
  }
  try {
    student_ = dino::AttentionModel::from_weights(weightsFile_.toStdString(), "student");
  } catch (const std::exception& e) {
    if (error) *error = tr("%1 has no student that fits: %2").arg(weightsFile_, QString::fromStdString(e.what()));
    return false;
  }
  compare_->setChecked(true);
  recompute();
  return true;
}

void AttentionExplorer::setHeadsFigure(bool on, const QList<int>& heads) {
  headsFigure_ = on;
  figureHeads_ = heads;
  {
    const QSignalBlocker blocker(figureStyle_);
    figureStyle_->setChecked(on);
  }
  if (on && !thresholdOn_->isChecked()) {
    thresholdOn_->setChecked(true);  // recomputes with masks
    return;
  }
  render();
}

void AttentionExplorer::pinProbe() {
  if (!model_ || current_ < 0 || weightsFile_.isEmpty()) {
    probeLabel_->setText(tr("Pin a probe with a training checkpoint loaded (Weights or Training Teacher) and an image."));
    return;
  }
  QDir folder = QFileInfo(weightsFile_).dir();
  QStringList files = folder.entryList({QStringLiteral("checkpoint*.pth")}, QDir::Files, QDir::Name);
  // checkpointNNNN.pth in epoch order, then the latest checkpoint.pth.
  if (files.removeAll(QStringLiteral("checkpoint.pth")) > 0) files.append(QStringLiteral("checkpoint.pth"));
  if (files.isEmpty()) {
    probeLabel_->setText(tr("No checkpoint*.pth beside %1.").arg(weightsFile_));
    return;
  }
  probeLabel_->setText(tr("Computing the maps at %1 checkpoints...").arg(files.size()));
  QStringList paths;
  for (const QString& f : files) paths << folder.filePath(f);
  const Item item = items_[current_];
  const auto req = request();
  probeWatcher_.setFuture(QtConcurrent::run([paths, item, req]() {
    QList<ProbePoint> points;
    for (const QString& path : paths) {
      try {
        const auto model = dino::AttentionModel::from_weights(path.toStdString());
        points.append({QFileInfo(path).fileName(), path, item.file.isEmpty() ? model->compute(fromQImage(item.image), req)
                                                                       : model->compute(item.file.toStdString(), req)});
      } catch (const std::exception&) {
        // A checkpoint being written or of another model is left out.
      }
    }
    return points;
  }));
}

void AttentionExplorer::showCheckpoint(int index) {
  if (index < 0 || index >= probe_.size()) return;
  lastMilliseconds_ = -1;
  view_ = probe_[index].view;
  viewWeights_ = probe_[index].file;
  hasStudentView_ = false;
  probeLabel_->setText(tr("%1 (%2 of %3)").arg(probe_[index].label).arg(index + 1).arg(probe_.size()));
  render();
}

bool AttentionExplorer::showIteration(int64_t iteration, int64_t stepsPerEpoch) {
  if (probe_.isEmpty() || stepsPerEpoch <= 0) return false;
  static const QRegularExpression numbered(QStringLiteral("^checkpoint(\\d+)\\.pth$"));
  int chosen = 0;  // before the first checkpoint: the earliest maps there are
  for (int i = 0; i < probe_.size(); ++i) {
    const auto match = numbered.match(probe_[i].label);
    if (match.hasMatch() && (match.captured(1).toLongLong() + 1) * stepsPerEpoch <= iteration) chosen = i;
  }
  {
    const QSignalBlocker blocker(probeSlider_);
    probeSlider_->setValue(chosen);
  }
  showCheckpoint(chosen);
  return true;
}

bool AttentionExplorer::loadWeights(const QString& file, QString* error) {
  try {
    setModel(dino::AttentionModel::from_weights(file.toStdString()), file);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  return true;
}

void AttentionExplorer::useRandomWeights(const QString& arch, int patchSize) {
  setModel(dino::AttentionModel::random(arch.toStdString(), patchSize), QString());
}

void AttentionExplorer::setModel(std::shared_ptr<dino::AttentionModel> model, const QString& weightsFile) {
  watcher_.waitForFinished();
  model_ = std::move(model);
  weightsFile_ = weightsFile;
  modelLabel_->setText(QString::fromStdString(model_->description()));
  layer_->setRange(-1, model_->depth() - 1);
  query_ = 0;
  // The student follows the model: reloaded from the new file, or dropped when it has none.
  if (student_ && !setCompareStudent(true)) setCompareStudent(false);
  else recompute();
}

void AttentionExplorer::setTrainingCheckpoint(const QString& checkpointFile) {
  trainingCheckpoint_ = checkpointFile;
  teacher_->setEnabled(QFileInfo::exists(checkpointFile));
  // Following the teacher: a new checkpoint of the same run replaces the model in place.
  if (!weightsFile_.isEmpty() && weightsFile_ == checkpointFile && QFileInfo::exists(checkpointFile)) loadWeights(checkpointFile);
}

void AttentionExplorer::chooseWeights() {
  const QString file = QFileDialog::getOpenFileName(this, tr("DINO weights"), QString(), tr("PyTorch files (*.pth *.pt);;All files (*)"));
  QString error;
  if (!file.isEmpty() && !loadWeights(file, &error)) QMessageBox::warning(this, tr("Weights"), error);
}

void AttentionExplorer::chooseImages() {
  const QStringList files =
      QFileDialog::getOpenFileNames(this, tr("Images"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"));
  for (const QString& f : files) addImage(f);
}

bool AttentionExplorer::addImage(const QString& file) {
  const QImage thumbnail(file);
  if (thumbnail.isNull()) {
    const QString message = tr("%1 is not an image this app can read.").arg(QDir::toNativeSeparators(file));
    status_->setText(message);
    Q_EMIT failed(message);
    return false;
  }
  items_.append({QFileInfo(file).fileName(), file, QImage()});
  thumbnails_->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(thumbnail.scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation))),
                                           items_.last().name));
  thumbnails_->setCurrentRow(static_cast<int>(items_.size()) - 1);
  return true;
}

void AttentionExplorer::addImage(const QImage& image, const QString& name) {
  items_.append({name, QString(), image});
  thumbnails_->addItem(new QListWidgetItem(QIcon(QPixmap::fromImage(image.scaled(64, 64, Qt::KeepAspectRatio))), name));
  thumbnails_->setCurrentRow(static_cast<int>(items_.size()) - 1);
}

int AttentionExplorer::imageCount() const { return static_cast<int>(items_.size()); }

void AttentionExplorer::selectImage(int index) {
  if (index < 0 || index >= items_.size()) return;
  current_ = index;
  query_ = 0;
  if (thumbnails_->currentRow() != index) thumbnails_->setCurrentRow(index);
  recompute();
}

void AttentionExplorer::setInputSize(InputSize size) { size_->setCurrentIndex(static_cast<int>(size)); }

void AttentionExplorer::setLayer(int layer) { layer_->setValue(layer); }

void AttentionExplorer::setQuery(int query) {
  query_ = query;
  recompute();
}

void AttentionExplorer::setThreshold(double threshold) {
  thresholdOn_->setChecked(threshold > 0);
  if (threshold > 0) threshold_->setValue(threshold);
  recompute();
}

void AttentionExplorer::setRollout(bool on) { rollout_->setChecked(on); }

dino::AttentionRequest AttentionExplorer::request() const {
  dino::AttentionRequest r;
  r.image_size = size_->currentIndex() == 0 ? std::vector<int>{480, 480} : size_->currentIndex() == 1 ? std::vector<int>{480} : std::vector<int>{};
  r.layer = layer_->value();
  r.query = query_;
  r.threshold = thresholdOn_->isChecked() ? threshold_->value() : 0.0;
  r.rollout = rollout_->isChecked();
  r.pca = pca_->isChecked();
  r.color_map = colorMap_->currentText().toStdString();
  r.shared_scale = sharedScale_->isChecked();
  return r;
}

void AttentionExplorer::recompute() {
  if (!model_ || current_ < 0) return;
  if (watcher_.isRunning()) {  // one computation at a time; the latest settings win
    recomputeQueued_ = true;
    return;
  }
  status_->setText(tr("Computing %1...").arg(items_[current_].name));
  const auto model = model_;
  const auto student = student_;
  const Item item = items_[current_];
  const auto req = request();
  QPointer<QLabel> status(status_);
  QPointer<AttentionExplorer> self(this);
  watcher_.setFuture(QtConcurrent::run([model, student, item, req, status, self]() {
    try {
      auto compute = [&](const dino::AttentionModel& m) {
        return item.file.isEmpty() ? m.compute(fromQImage(item.image), req) : m.compute(item.file.toStdString(), req);
      };
      Result result;
      QElapsedTimer clock;
      clock.start();
      result.view = compute(*model);
      if (student) {
        result.student = compute(*student);
        result.hasStudent = true;
      }
      result.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
      return result;
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      QMetaObject::invokeMethod(qApp, [status, self, message] {
        if (status) status->setText(message);
        if (self) Q_EMIT self->failed(message);
      });
      throw;
    }
  }));
}

AttentionFigureStyle AttentionExplorer::figureStyle() const {
  AttentionFigureStyle style;
  style.opacity = opacity_->value() / 100.0;
  style.headsFigure = headsFigure_;
  style.figureHeads = figureHeads_;
  style.threshold = threshold_->value();
  return style;
}

void AttentionExplorer::render() {
  qDeleteAll(tileBoxes_);
  tileBoxes_.clear();
  figure_ = makeAttentionFigure(view_, hasStudentView_ ? &studentView_ : nullptr, figureStyle());
  const int columns = 4;
  for (int i = 0; i < figure_.tiles.size(); ++i) {
    auto* tile = new QLabel;
    tile->setPixmap(QPixmap::fromImage(figure_.tiles[i].scaled(kTileSide, kTileSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
    tile->setToolTip(figure_.names[i] + QStringLiteral("\n") + tr("Click a patch to see the attention from it."));
    tile->setProperty("tile", i);
    tile->installEventFilter(this);
    auto* caption = new QLabel(figure_.names[i]);
    auto* box = new QWidget;
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(2, 2, 2, 2);
    boxLayout->addWidget(tile);
    boxLayout->addWidget(caption);
    grid_->addWidget(box, i / columns, i % columns);
    tileBoxes_.append(box);
  }
  const QString from = query_ == 0 ? tr("the CLS token")
                                   : tr("patch (row %1, column %2)").arg((query_ - 1) / view_.grid_w).arg((query_ - 1) % view_.grid_w);
  const QString timing = lastMilliseconds_ >= 0 ? tr(" Computed in %1 ms.").arg(lastMilliseconds_, 0, 'f', 0) : QString();
  status_->setText(tr("%1: layer %2, %3 heads on a %4 x %5 grid, attention from %6.%7%8")
                       .arg(items_.value(current_).name)
                       .arg(view_.layer)
                       .arg(view_.heads)
                       .arg(view_.grid_h)
                       .arg(view_.grid_w)
                       .arg(from)
                       .arg(view_.note.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(view_.note))
                       .arg(timing));
}

bool AttentionExplorer::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease && watched->property("tile").isValid() && view_.grid_w > 0) {
    auto* label = static_cast<QLabel*>(watched);
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const QSize shown = label->pixmap().size();
    const double x = mouse->position().x() * view_.input.width / std::max(1, shown.width());
    const double y = mouse->position().y() * view_.input.height / std::max(1, shown.height());
    const int column = std::clamp(static_cast<int>(x) / view_.patch_size, 0, view_.grid_w - 1);
    const int row = std::clamp(static_cast<int>(y) / view_.patch_size, 0, view_.grid_h - 1);
    setQuery(1 + row * view_.grid_w + column);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void AttentionExplorer::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) event->acceptProposedAction();
}

void AttentionExplorer::dropEvent(QDropEvent* event) {
  const QMimeData* mime = event->mimeData();
  bool any = false;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile()) any = addImage(url.toLocalFile()) || any;
  if (!any && mime->hasImage()) {
    addImage(qvariant_cast<QImage>(mime->imageData()), tr("dropped %1").arg(imageCount() + 1));
    any = true;
  }
  if (any) event->acceptProposedAction();
}

QList<QImage> AttentionExplorer::tiles() const { return figure_.tiles; }
QStringList AttentionExplorer::tileNames() const { return figure_.names; }

dino::FigureProvenance AttentionExplorer::provenance() const {
  dino::FigureProvenance f;
  f.weights = viewWeights_.toStdString();
  if (model_) {
    f.model = model_->description();
    f.arch = model_->arch();
  }
  dino::describe_request(f, request());
  dino::describe_view(f, view_);
  if (current_ >= 0) {
    f.image_is_file = !items_[current_].file.isEmpty();
    f.image = (f.image_is_file ? items_[current_].file : items_[current_].name).toStdString();
  }
  f.opacity = opacity_->value() / 100.0;
  f.app_version = QCoreApplication::applicationVersion().toStdString();
  return f;
}

QString AttentionExplorer::commandLine() const { return QString::fromStdString(dino::attention_command_line(provenance())); }

bool AttentionExplorer::exportView(const QString& folder, QString* error) {
  return writeAttentionFigure(figure_, view_, provenance(), folder, error);
}

void AttentionExplorer::cancelBatch() {
  if (batchCancel_) batchCancel_->store(true);
}

void AttentionExplorer::exportFolder(const QString& imagesFolder, const QString& outputFolder) {
  if (batchRunning()) return;
  if (!model_) {
    status_->setText(tr("Batch export needs a model: choose weights, the training teacher or random weights."));
    return;
  }
  QStringList files;
  for (const auto& path : dino::image_files_in(imagesFolder.toStdString())) files << QString::fromStdString(path.string());
  if (files.isEmpty()) {
    status_->setText(tr("%1 holds no images.").arg(QDir::toNativeSeparators(imagesFolder)));
    Q_EMIT batchExported(0, 0, status_->text());
    return;
  }
  batchCancel_ = std::make_shared<std::atomic<bool>>(false);
  exportFolder_->setText(tr("Cancel Batch Export"));
  status_->setText(tr("Exporting %n image(s)...", nullptr, static_cast<int>(files.size())));
  const auto model = model_, student = student_;
  auto req = request();
  req.query = 0;  // patch numbers differ between images: the CLS row for all
  const auto style = figureStyle();
  auto base = provenance();
  base.weights = weightsFile_.toStdString();  // the model of the batch, not a probe's checkpoint
  dino::describe_request(base, req);  // query 0, as the batch computes
  base.image.clear();
  base.image_is_file = true;
  const auto cancel = batchCancel_;
  QPointer<QLabel> status(status_);
  batchWatcher_.setFuture(QtConcurrent::run([=]() mutable {
    BatchResult result;
    std::vector<std::filesystem::path> paths;
    for (const QString& file : files) paths.emplace_back(file.toStdString());
    const auto folders = dino::figure_folder_names(paths);
    try {
      if (!base.weights.empty()) base.weights_sha256 = dino::sha256_of_file(base.weights);
    } catch (const std::exception& e) {
      result.problems << QString::fromStdString(e.what());
      return result;
    }
    for (int i = 0; i < files.size() && !cancel->load(); ++i) {
      const QString name = QString::fromStdString(folders[static_cast<size_t>(i)]);  // a.png and a.jpg apart
      try {
        const auto view = model->compute(files[i].toStdString(), req);
        dino::AttentionView studentView;
        if (student) studentView = student->compute(files[i].toStdString(), req);
        auto figure = base;
        figure.image = files[i].toStdString();
        dino::describe_view(figure, view);
        QString error;
        if (writeAttentionFigure(makeAttentionFigure(view, student ? &studentView : nullptr, style), view, figure,
                                 QDir(outputFolder).filePath(name), &error))
          ++result.written;
        else
          result.problems << error;
      } catch (const std::exception& e) {
        result.problems << QString::fromStdString(e.what());
      }
      const QString progress = tr("Exported %1 of %2 images to %3").arg(i + 1).arg(files.size()).arg(QDir::toNativeSeparators(outputFolder));
      QMetaObject::invokeMethod(qApp, [status, progress] {
        if (status) status->setText(progress);
      });
    }
    return result;
  }));
}
