#include "attention/attention_explorer.h"

#include "image_conversion.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
  controls->addWidget(thresholdOn_);
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
  for (QWidget* w : {static_cast<QWidget*>(sharedScale_), static_cast<QWidget*>(rollout_), static_cast<QWidget*>(pca_)}) controls->addWidget(w);
  compare_ = new QCheckBox(tr("Student too"));
  compare_->setToolTip(tr("Teacher and student of a training checkpoint side by side, with their difference (blue: "
                          "the student attends more, red: the teacher does)"));
  figure_ = new QCheckBox(tr("Figure 3 style"));
  figure_->setToolTip(tr("The masks of every head in one picture, one colour per head, as the paper's Figure 3 "
                         "(uses the mass threshold)"));
  figureHeadsEdit_ = new QLineEdit;
  figureHeadsEdit_->setPlaceholderText(tr("all heads"));
  figureHeadsEdit_->setToolTip(tr("Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)"));
  figureHeadsEdit_->setMaximumWidth(90);
  controls->addWidget(compare_);
  controls->addWidget(figure_);
  controls->addWidget(figureHeadsEdit_);
  auto* cls = new QPushButton(tr("From CLS"));
  cls->setToolTip(tr("Show the attention of the CLS token again (click a patch to see the attention from it)"));
  controls->addWidget(cls);
  auto* exportButton = new QPushButton(tr("Export..."));
  controls->addWidget(exportButton);
  controls->addStretch(1);
  layout->addLayout(controls);

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
  connect(figure_, &QCheckBox::toggled, this, [this, figureHeads](bool on) { setHeadsFigure(on, figureHeads()); });
  connect(figureHeadsEdit_, &QLineEdit::editingFinished, this, [this, figureHeads] {
    if (figure_->isChecked()) setHeadsFigure(true, figureHeads());
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

  connect(open, &QPushButton::clicked, this, [this] {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Images"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"));
    for (const QString& f : files) addImage(f);
  });
  connect(weights, &QPushButton::clicked, this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("DINO weights"), QString(), tr("PyTorch files (*.pth *.pt);;All files (*)"));
    QString error;
    if (!file.isEmpty() && !loadWeights(file, &error)) QMessageBox::warning(this, tr("Weights"), error);
  });
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
  connect(thumbnails_, &QListWidget::currentRowChanged, this, [this](int row) { selectImage(row); });
  for (auto* box : {thresholdOn_, rollout_, pca_, sharedScale_}) connect(box, &QCheckBox::toggled, this, [this] { recompute(); });
  connect(layer_, &QSpinBox::valueChanged, this, [this] { recompute(); });
  connect(size_, &QComboBox::currentIndexChanged, this, [this] {
    query_ = 0;  // patch numbers change with the size
    recompute();
  });
  connect(threshold_, &QDoubleSpinBox::valueChanged, this, [this] {
    if (thresholdOn_->isChecked()) recompute();
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
    const QSignalBlocker blocker(figure_);
    figure_->setChecked(on);
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
        points.append({QFileInfo(path).fileName(), item.file.isEmpty() ? model->compute(fromQImage(item.image), req)
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
  hasStudentView_ = false;
  probeLabel_->setText(tr("%1 (%2 of %3)").arg(probe_[index].label).arg(index + 1).arg(probe_.size()));
  render();
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

QImage AttentionExplorer::overlay(const dino::RgbImage& picture) const {
  // The map over the image the model saw, at the chosen opacity.
  QImage out = toQImage(view_.input).convertToFormat(QImage::Format_RGB32);
  QPainter painter(&out);
  painter.setOpacity(opacity_->value() / 100.0);
  painter.drawImage(QRect(0, 0, out.width(), out.height()), toQImage(picture));
  return out;
}

void AttentionExplorer::render() {
  qDeleteAll(tileBoxes_);
  tileBoxes_.clear();
  tileImages_.clear();
  tileNames_.clear();
  for (int j = 0; j < view_.heads; ++j) {
    tileImages_.append(overlay(view_.head_pictures[static_cast<size_t>(j)]));
    tileNames_.append(tr("head %1").arg(j));
  }
  tileImages_.append(overlay(view_.mean_picture));
  tileNames_.append(tr("mean of the heads"));
  if (!view_.rollout.empty()) {
    tileImages_.append(overlay(view_.rollout_picture));
    tileNames_.append(tr("rollout"));
  }
  if (view_.pca_picture.width > 0) {
    tileImages_.append(toQImage(view_.pca_picture));
    tileNames_.append(tr("PCA of the patch features"));
  }
  if (headsFigure_ && !view_.masks.empty()) {
    std::vector<int> heads(figureHeads_.begin(), figureHeads_.end());
    tileImages_.append(toQImage(dino::heads_figure_picture(view_, heads)));
    tileNames_.append(tr("heads in colour (Figure 3 style)"));
  }
  if (hasStudentView_) {
    for (int j = 0; j < studentView_.heads; ++j) {
      tileImages_.append(overlay(studentView_.head_pictures[static_cast<size_t>(j)]));
      tileNames_.append(tr("student head %1").arg(j));
    }
    tileImages_.append(overlay(studentView_.mean_picture));
    tileNames_.append(tr("student mean"));
    const auto differences = dino::difference_pictures(view_, studentView_);
    for (size_t j = 0; j < differences.size(); ++j) {
      tileImages_.append(toQImage(differences[j]));
      tileNames_.append(j + 1 < differences.size() ? tr("teacher - student, head %1").arg(j) : tr("teacher - student, mean"));
    }
  }
  for (size_t j = 0; j < view_.mask_pictures.size(); ++j) {
    tileImages_.append(toQImage(view_.mask_pictures[j]));
    tileNames_.append(tr("head %1, mass %2").arg(j).arg(threshold_->value()));
  }
  const int columns = 4;
  for (int i = 0; i < tileImages_.size(); ++i) {
    auto* tile = new QLabel;
    tile->setPixmap(QPixmap::fromImage(tileImages_[i].scaled(kTileSide, kTileSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
    tile->setToolTip(tileNames_[i] + QStringLiteral("\n") + tr("Click a patch to see the attention from it."));
    tile->setProperty("tile", i);
    tile->installEventFilter(this);
    auto* caption = new QLabel(tileNames_[i]);
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

void AttentionExplorer::paintGrid(QPaintDevice* device, int columns, int side, int caption) const {
  QPainter painter(device);
  for (int i = 0; i < tileImages_.size(); ++i) {
    const QRect cell((i % columns) * side, (i / columns) * (side + caption), side, side);
    const QImage scaled = tileImages_[i].scaled(side - 8, side - 8, Qt::KeepAspectRatio, Qt::FastTransformation);
    painter.drawImage(cell.x() + (side - scaled.width()) / 2, cell.y() + (side - scaled.height()) / 2, scaled);
    painter.drawText(QRect(cell.x(), cell.bottom(), side, caption), Qt::AlignCenter, tileNames_[i]);
  }
}

QList<QImage> AttentionExplorer::tiles() const { return tileImages_; }
QStringList AttentionExplorer::tileNames() const { return tileNames_; }

QString AttentionExplorer::commandLine() const {
  const auto r = request();
  QStringList words{QStringLiteral("dino attention")};
  words << (weightsFile_.isEmpty() ? QStringLiteral("--random_weights --arch vit_small --patch_size %1").arg(view_.patch_size)
                                   : QStringLiteral("--pretrained_weights '%1'").arg(weightsFile_));
  if (current_ >= 0 && !items_[current_].file.isEmpty()) words << QStringLiteral("--image_path '%1'").arg(items_[current_].file);
  QStringList size;
  for (int s : r.image_size) size << QString::number(s);
  if (!size.isEmpty()) words << QStringLiteral("--image_size ") + size.join(QLatin1Char(' '));
  words << QStringLiteral("--layer %1").arg(view_.layer);
  if (r.threshold > 0) words << QStringLiteral("--threshold %1").arg(r.threshold);
  if (r.rollout) words << QStringLiteral("--rollout");
  words << QStringLiteral("--color_map ") + QString::fromStdString(r.color_map) << QStringLiteral("--save_raw");
  return words.join(QLatin1Char(' '));
}

bool AttentionExplorer::exportView(const QString& folder, QString* error) {
  if (tileImages_.isEmpty()) {
    if (error) *error = tr("Nothing to export yet: load a model and an image.");
    return false;
  }
  QDir dir(folder);
  if (!dir.mkpath(QStringLiteral("."))) {
    if (error) *error = tr("Cannot create the folder %1.").arg(folder);
    return false;
  }
  QStringList files;
  for (int i = 0; i < tileImages_.size(); ++i) {
    QString name = tileNames_[i];
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.]+")), QStringLiteral("-"));
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!tileImages_[i].save(file)) {
      if (error) *error = tr("Cannot write %1.").arg(file);
      return false;
    }
    files << QFileInfo(file).fileName();
  }
  // A labelled grid, ready for a paper: PNG, and vector SVG and PDF around the same pictures.
  const int columns = 4, side = 256, caption = 22;
  const int rows = (static_cast<int>(tileImages_.size()) + columns - 1) / columns;
  const QSize gridSize(columns * side, rows * (side + caption));
  QImage grid(gridSize, QImage::Format_RGB32);
  grid.fill(Qt::white);
  paintGrid(&grid, columns, side, caption);
  QSvgGenerator svg;
  svg.setFileName(dir.filePath(QStringLiteral("grid.svg")));
  svg.setSize(gridSize);
  svg.setViewBox(QRect(QPoint(0, 0), gridSize));
  svg.setTitle(tr("DINO Studio attention maps"));
  paintGrid(&svg, columns, side, caption);
  QPdfWriter pdf(dir.filePath(QStringLiteral("grid.pdf")));
  pdf.setPageSize(QPageSize(QSizeF(gridSize) / 96.0, QPageSize::Inch));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  pdf.setResolution(96);
  pdf.setTitle(tr("DINO Studio attention maps"));
  paintGrid(&pdf, columns, side, caption);
  if (!grid.save(dir.filePath(QStringLiteral("grid.png"))) || !QFileInfo::exists(dir.filePath(QStringLiteral("grid.pdf")))) {
    if (error) *error = tr("Cannot write the grid figures in %1.").arg(folder);
    return false;
  }
  files << QStringLiteral("grid.png") << QStringLiteral("grid.svg") << QStringLiteral("grid.pdf");
  try {
    dino::write_view_npy(view_, dir.filePath(QStringLiteral("attention.npy")).toStdString(),
                         dir.filePath(QStringLiteral("masks.npy")).toStdString());
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  files << QStringLiteral("attention.npy");
  if (!view_.masks.empty()) files << QStringLiteral("masks.npy");
  // The sidecar: how these figures were made.
  QJsonObject sidecar;
  QString hash;
  if (!weightsFile_.isEmpty()) {
    QFile weights(weightsFile_);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (weights.open(QIODevice::ReadOnly) && sha.addData(&weights)) hash = QString::fromLatin1(sha.result().toHex());
  }
  const auto r = request();
  sidecar[QStringLiteral("weights")] = weightsFile_.isEmpty() ? QStringLiteral("random") : weightsFile_;
  sidecar[QStringLiteral("weights_sha256")] = hash;
  sidecar[QStringLiteral("model")] = QString::fromStdString(model_->description());
  sidecar[QStringLiteral("patch_size")] = view_.patch_size;
  sidecar[QStringLiteral("layer")] = view_.layer;
  sidecar[QStringLiteral("heads")] = view_.heads;
  sidecar[QStringLiteral("query")] = query_ == 0 ? QStringLiteral("cls") : QStringLiteral("patch %1").arg(query_ - 1);
  sidecar[QStringLiteral("threshold")] = r.threshold > 0 ? QJsonValue(r.threshold) : QJsonValue();
  sidecar[QStringLiteral("rollout")] = r.rollout;
  sidecar[QStringLiteral("image")] = current_ >= 0 ? (items_[current_].file.isEmpty() ? items_[current_].name : items_[current_].file) : QString();
  QJsonArray size;
  for (int s : r.image_size) size.append(s);
  sidecar[QStringLiteral("image_size")] = size;
  sidecar[QStringLiteral("input_size")] = QJsonArray{view_.input.height, view_.input.width};
  sidecar[QStringLiteral("color_map")] = QString::fromStdString(r.color_map);
  sidecar[QStringLiteral("opacity")] = opacity_->value() / 100.0;
  sidecar[QStringLiteral("shared_scale")] = r.shared_scale;
  sidecar[QStringLiteral("app_version")] = QApplication::applicationVersion();
  sidecar[QStringLiteral("command_line")] = commandLine();
  sidecar[QStringLiteral("files")] = QJsonArray::fromStringList(files);
  QSaveFile json(dir.filePath(QStringLiteral("figure.json")));
  if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(sidecar).toJson()) < 0 || !json.commit()) {
    if (error) *error = tr("Cannot write %1.").arg(json.fileName());
    return false;
  }
  return true;
}
