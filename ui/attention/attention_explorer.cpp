#include "attention/attention_explorer.h"

#include "settings/recent_folders.h"
#include "attention/attention_tile_grid.h"
#include "image_conversion.h"

#include <dino/data/image_files.h>
#include <dino/log/human_readable.h>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

FileStamp fileStamp(const QString& file) {
  const QFileInfo info(file);
  return {info.lastModified(), info.size()};
}

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
  teacher_->setToolTip(tr("Start or follow a run: its teacher can be shown here once it has a checkpoint"));
  teacher_->setEnabled(false);
  modelLabel_ = new QLabel(tr("No model: choose weights, the training teacher or random weights."));
  modelLabel_->setWordWrap(true);
  compare_ = new QPushButton;
  for (QWidget* w : {static_cast<QWidget*>(open), static_cast<QWidget*>(weights), static_cast<QWidget*>(random),
                     static_cast<QWidget*>(teacher_), static_cast<QWidget*>(compare_)})
    modelRow->addWidget(w);
  connect(compare_, &QPushButton::clicked, this, [this] {
    if (compareKey_ == QLatin1String("teacher")) {
      stopComparing();
      return;
    }
    const QString file = QFileDialog::getOpenFileName(this, tr("Weights to compare with"),
                                                      recent_folders::last(QStringLiteral("weights")),
                                                      tr("PyTorch files (*.pth *.pt);;All files (*)"));
    if (file.isEmpty()) return;
    recent_folders::remember(QStringLiteral("weights"), file);
    QString error;
    if (!compareWith(file, &error)) QMessageBox::warning(this, tr("Compare With"), error);
  });
  modelRow->addWidget(modelLabel_, 1);
  showComparison();
  layout->addLayout(modelRow);

  controls_ = new AttentionControls;
  layout->addWidget(controls_);

  auto* probeRow = new QHBoxLayout;
  auto* pin = new QPushButton(tr("Pin Probe"));
  pin->setToolTip(
      tr("Keep this image's maps at every checkpoint of the run (checkpoint*.pth beside the weights) and "
         "scrub through them"));
  probeSlider_ = new QSlider(Qt::Horizontal);
  probeSlider_->setEnabled(false);
  probeLabel_ = new QLabel(tr("Through training: pin a probe image"));
  probeLabel_->setWordWrap(true);  // long messages wrap instead of widening the window
  probeRow->addWidget(pin);
  probeRow->addWidget(probeSlider_, 1);
  probeRow->addWidget(probeLabel_);
  layout->addLayout(probeRow);
  connect(pin, &QPushButton::clicked, this, &AttentionExplorer::pinProbe);
  connect(probeSlider_, &QSlider::valueChanged, this, &AttentionExplorer::showCheckpoint);
  connect(controls_, &AttentionControls::studentToggled, this, [this](bool on) {
    QString error;
    if (!setCompareStudent(on, &error) && on) QMessageBox::information(this, tr("Student"), error);
  });
  connect(controls_, &AttentionControls::headsFigureChanged, this, &AttentionExplorer::setHeadsFigure);
  connect(controls_, &AttentionControls::requestChanged, this, &AttentionExplorer::recompute);
  connect(controls_, &AttentionControls::inputSizeChanged, this, [this] {
    query_ = 0;  // patch numbers change with the size
    recompute();
  });
  connect(controls_, &AttentionControls::styleChanged, this, &AttentionExplorer::render);
  connect(controls_, &AttentionControls::fromClsClicked, this, [this] { setQuery(0); });
  connect(controls_, &AttentionControls::exportClicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the figures"),
                                                             recent_folders::last(QStringLiteral("figures")));
    recent_folders::remember(QStringLiteral("figures"), folder);
    QString error;
    if (!folder.isEmpty() && !exportView(folder, &error)) QMessageBox::warning(this, tr("Export"), error);
  });
  connect(controls_, &AttentionControls::exportFolderClicked, this, [this] {
    if (batchRunning()) {
      cancelBatch();
      return;
    }
    const QString images =
        QFileDialog::getExistingDirectory(this, tr("Folder of images"), recent_folders::last(QStringLiteral("images")));
    if (images.isEmpty()) return;
    recent_folders::remember(QStringLiteral("images"), images);
    const QString out = QFileDialog::getExistingDirectory(this, tr("Folder for the figures"),
                                                          recent_folders::last(QStringLiteral("figures")));
    recent_folders::remember(QStringLiteral("figures"), out);
    if (!out.isEmpty()) exportFolder(images, out);
  });

  thumbnails_ = new QListWidget;
  thumbnails_->setViewMode(QListView::IconMode);
  thumbnails_->setFlow(QListView::LeftToRight);
  thumbnails_->setWrapping(false);
  thumbnails_->setIconSize(QSize(64, 64));
  thumbnails_->setFixedHeight(96);
  layout->addWidget(thumbnails_);
  auto* statusRow = new QHBoxLayout;
  status_ = new QLabel(tr("Drop images here, paste one, or use Open Images."));
  status_->setWordWrap(true);
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  progress_->setMaximumWidth(200);
  cancel_ = new QPushButton(tr("Cancel"));
  cancel_->setToolTip(tr("Stop this computation; the view on display stays (Esc)"));
  offer_ = new QPushButton;
  anyway_ = new QPushButton(tr("Compute Anyway"));
  anyway_->setToolTip(tr("Compute the refused input once without the limits; Cancel stops it"));
  statusRow->addWidget(status_, 1);
  for (QWidget* w : {static_cast<QWidget*>(progress_), static_cast<QWidget*>(cancel_), static_cast<QWidget*>(offer_),
                     static_cast<QWidget*>(anyway_)}) {
    statusRow->addWidget(w);
    w->hide();
  }
  layout->addLayout(statusRow);
  connect(cancel_, &QPushButton::clicked, this, &AttentionExplorer::cancelComputation);
  connect(offer_, &QPushButton::clicked, this, &AttentionExplorer::useOfferedSize);
  connect(anyway_, &QPushButton::clicked, this, &AttentionExplorer::computeAnyway);
  auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
  connect(escape, &QShortcut::activated, this, &AttentionExplorer::cancelComputation);
  tiles_ = new AttentionTileGrid;
  layout->addWidget(tiles_, 1);
  auto* scaleRow = new QHBoxLayout;
  colorBar_ = new QLabel;
  colorBar_->setToolTip(tr("The colour map of the tiles"));
  colorScale_ = new QLabel;
  scaleRow->addWidget(colorBar_);
  scaleRow->addWidget(colorScale_, 1);
  layout->addLayout(scaleRow);
  connect(tiles_, &AttentionTileGrid::clicked, this, &AttentionExplorer::onTileClicked);

  connect(open, &QPushButton::clicked, this, &AttentionExplorer::chooseImages);
  connect(weights, &QPushButton::clicked, this, &AttentionExplorer::chooseWeights);
  connect(random, &QPushButton::clicked, this, [this] { useRandomWeights(); });
  connect(teacher_, &QPushButton::clicked, this, [this] {
    if (!QFileInfo::exists(trainingCheckpoint_)) {
      QMessageBox::information(this, tr("Training teacher"), teacher_->toolTip());
      return;
    }
    QString error;
    if (!loadWeights(trainingCheckpoint_, &error)) QMessageBox::warning(this, tr("Training teacher"), error);
  });
  connect(&batchWatcher_, &QFutureWatcher<AttentionBatchResult>::finished, this, &AttentionExplorer::onBatchFinished);
  connect(thumbnails_, &QListWidget::currentRowChanged, this, [this](int row) { selectImage(row); });
  auto* paste = new QShortcut(QKeySequence::Paste, this);
  connect(paste, &QShortcut::activated, this, [this] {
    const QImage image = QApplication::clipboard()->image();
    if (!image.isNull()) addImage(image, tr("pasted %1").arg(imageCount() + 1));
  });
  connect(&probeWatcher_, &QFutureWatcher<AttentionProbe>::finished, this, [this] {
    if (probeWatcher_.future().resultCount() == 0) return;
    const AttentionProbe result = probeWatcher_.result();
    if (result.points.isEmpty()) {  // keep the probe there was; say why there is no new one
      probeLabel_->setText(result.problems.isEmpty()
                               ? tr("The probe was cancelled.")
                               : tr("No checkpoint could be shown: %1").arg(result.problems.front()));
      return;
    }
    probe_ = result.points;
    probeShown_ = pendingProbe_;
    probeSlider_->setRange(0, std::max(0, static_cast<int>(probe_.size()) - 1));
    probeSlider_->setEnabled(!probe_.isEmpty());
    {
      const QSignalBlocker blocker(probeSlider_);
      probeSlider_->setValue(static_cast<int>(probe_.size()) - 1);
    }
    showCheckpoint(probeSlider_->value());
    if (probeCancel_ && probeCancel_->load() && probe_.size() < probeTotal_)
      probeLabel_->setText(probeLabel_->text() + QLatin1Char(' ') +
                           tr("(stopped after %1 of %2 checkpoints)").arg(probe_.size()).arg(probeTotal_));
    if (!result.problems.isEmpty())
      probeLabel_->setText(probeLabel_->text() + QLatin1Char(' ') +
                           tr("%n checkpoint(s) left out: %1", nullptr, static_cast<int>(result.problems.size()))
                               .arg(result.problems.join(QStringLiteral("; "))));
    Q_EMIT probeReady();
  });
  connect(&watcher_, &QFutureWatcher<Result>::finished, this, &AttentionExplorer::onComputed);
}

AttentionExplorer::~AttentionExplorer() {
  // Every computation stops at its next block or chunk of rows: closing the window ends the work.
  recomputeQueued_ = false;
  if (job_) job_->store(true);
  if (probeCancel_) probeCancel_->store(true);
  cancelBatch();
  try {  // a future that ended in an exception rethrows it here; a destructor must not throw
    batchWatcher_.waitForFinished();
    watcher_.waitForFinished();
    probeWatcher_.waitForFinished();
  } catch (...) {
  }
}

bool AttentionExplorer::setCompareStudent(bool on, QString* error) {
  if (!on) {
    if (compareKey_ == QLatin1String("student")) stopComparing();
    controls_->showStudent(false);
    return true;
  }
  if (weightsFile_.isEmpty()) {
    if (error)
      *error = tr("The student exists only in a training checkpoint: load one with Weights or Training Teacher.");
    controls_->showStudent(student_ != nullptr);
    return false;
  }
  try {
    student_ = dino::AttentionModel::from_weights(weightsFile_.toStdString(), "student");
  } catch (const std::exception& e) {
    if (error) *error = tr("%1 has no student that fits: %2").arg(weightsFile_, QString::fromStdString(e.what()));
    controls_->showStudent(student_ != nullptr && compareKey_ == QLatin1String("student"));
    return false;
  }
  compareFile_ = weightsFile_;
  compareKey_ = QStringLiteral("student");
  showComparison();
  controls_->showStudent(true);
  recompute();
  return true;
}

bool AttentionExplorer::compareWith(const QString& weightsFile, QString* error) {
  std::shared_ptr<dino::AttentionModel> other;
  try {
    other = dino::AttentionModel::from_weights(weightsFile.toStdString(), "teacher");
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  student_ = std::move(other);
  compareFile_ = weightsFile;
  compareKey_ = QStringLiteral("teacher");
  controls_->showStudent(false);
  showComparison();
  recompute();
  return true;
}

void AttentionExplorer::showComparison() {
  const bool otherRun = compareKey_ == QLatin1String("teacher");
  compare_->setText(otherRun ? tr("Stop Comparing") : tr("Compare With..."));
  compare_->setToolTip(otherRun ? tr("Compared with %1").arg(QDir::toNativeSeparators(compareFile_))
                                : tr("Another run's teacher (its checkpoint.pth) or any weights, under this model's "
                                     "maps, with their difference"));
  if (!model_) return;
  QString text = QString::fromStdString(model_->description());
  if (otherRun)
    text +=
        QLatin1Char('\n') +
        tr("Beside it: the teacher of %1 (%2)").arg(modelLabel(compareFile_), QDir::toNativeSeparators(compareFile_));
  modelLabel_->setText(text);
}

void AttentionExplorer::stopComparing() {
  student_.reset();
  compareFile_.clear();
  compareKey_.clear();
  showComparison();
  recompute();
}

QString AttentionExplorer::modelLabel(const QString& weightsFile) {
  if (weightsFile.isEmpty()) return tr("random weights");
  const QFileInfo file(weightsFile);
  const QString run = file.absoluteDir().dirName();
  if (file.fileName() == QLatin1String("checkpoint.pth")) return run;
  if (file.fileName().startsWith(QLatin1String("checkpoint")))
    return QStringLiteral("%1 (%2)").arg(run, file.fileName());
  return file.completeBaseName();
}

void AttentionExplorer::setHeadsFigure(bool on, const QList<int>& heads) {
  headsFigure_ = on;
  figureHeads_ = heads;
  controls_->showHeadsFigure(on);
  if (on && !controls_->thresholdOn()) {
    controls_->switchThresholdOn();  // recomputes with masks
    return;
  }
  render();
}

void AttentionExplorer::pinProbe() {
  if (!model_ || current_ < 0 || weightsFile_.isEmpty()) {
    probeLabel_->setText(
        tr("Pin a probe with a training checkpoint loaded (Weights or Training Teacher) and an image."));
    return;
  }
  const QStringList paths = probeCheckpoints(weightsFile_);
  if (paths.isEmpty()) {
    probeLabel_->setText(tr("No checkpoint*.pth beside %1.").arg(weightsFile_));
    return;
  }
  probeLabel_->setText(tr("Computing the maps at %n checkpoint(s)...", nullptr, static_cast<int>(paths.size())));
  const Item item = items_[current_];
  const auto req = request();
  pendingProbe_ = {req, item, weightsFile_, model_->description(), model_->arch(), false, {}, {}, {}};
  probeTotal_ = static_cast<int>(paths.size());
  if (probeCancel_) probeCancel_->store(true);
  probeCancel_ = std::make_shared<std::atomic<bool>>(false);
  dino::AttentionWork work;
  work.cancel = probeCancel_;
  const auto limits = currentLimits();
  probeWatcher_.setFuture(QtConcurrent::run([paths, item, req, work, limits]() {
    return computeProbe(
        paths,
        [&](const dino::AttentionModel& model) {
          return item.file.isEmpty() ? model.compute(fromQImage(item.image), req, limits, work)
                                     : model.compute(item.file.toStdString(), req, limits, work);
        },
        [&] { return work.cancelled(); });
  }));
}

void AttentionExplorer::showCheckpoint(int index) {
  if (index < 0 || index >= probe_.size()) return;
  lastMilliseconds_ = -1;
  view_ = probe_[index].view;
  ++viewGeneration_;  // a live computation still running is now stale
  shown_ = probeShown_;
  shown_.weights = probe_[index].file;
  shown_.model = probe_[index].model;
  hasStudentView_ = false;
  probeLabel_->setText(tr("%1 (%2 of %3)").arg(probe_[index].label).arg(index + 1).arg(probe_.size()));
  render();
}

bool AttentionExplorer::showIteration(int64_t iteration, int64_t stepsPerEpoch) {
  if (probe_.isEmpty() || stepsPerEpoch <= 0) return false;
  const int chosen = probeIndexAtIteration(probe_, iteration, stepsPerEpoch);
  {
    const QSignalBlocker blocker(probeSlider_);
    probeSlider_->setValue(chosen);
  }
  showCheckpoint(chosen);
  return true;
}

bool AttentionExplorer::loadWeights(const QString& file, QString* error) {
  loadedStamp_ = fileStamp(file);
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
  // A running computation keeps its own model; its result is for this one only when it is the
  // same file reloaded, so a new model cancels it (and computes afresh below).
  if (watcher_.isRunning() && job_) job_->store(true);
  const bool sameShape = model_ && model_->shape().patch_size == model->shape().patch_size &&
                         model_->shape().img_size == model->shape().img_size;
  model_ = std::move(model);
  weightsFile_ = weightsFile;
  showComparison();
  if (!sameShape) {  // the input size follows the model; a checkpoint of the same run keeps the user's choice
    const int side = dino::default_attention_side(model_->shape());
    const int patch = model_->patch_size();
    controls_->setModelSide(side, side == 480 && (patch == 8 || patch == 16));
  }
  controls_->setDepth(model_->depth());
  controls_->setHeadCount(model_->heads());
  query_ = 0;
  // A student follows the model: reloaded from the new file, or dropped when it has none. Another
  // run's teacher stays.
  if (student_ && compareKey_ == QLatin1String("student") && !setCompareStudent(true))
    setCompareStudent(false);
  else
    recompute();
}

void AttentionExplorer::setTrainingCheckpoint(const QString& checkpointFile) {
  trainingCheckpoint_ = checkpointFile;
  teacher_->setEnabled(!checkpointFile.isEmpty());
  const QString shown = QDir::toNativeSeparators(checkpointFile);
  teacher_->setToolTip(
      QFileInfo::exists(checkpointFile)
          ? tr("The teacher of %1, reloaded whenever a new checkpoint lands").arg(shown)
          : tr("No checkpoint yet: the run writes %1 at the end of every epoch and when it is stopped").arg(shown));
  // Following the teacher: a new checkpoint of the same run replaces the model in place; the same
  // file unchanged (a pause, a state change) is not loaded again.
  if (!weightsFile_.isEmpty() && weightsFile_ == checkpointFile && QFileInfo::exists(checkpointFile) &&
      fileStamp(checkpointFile) != loadedStamp_)
    loadWeights(checkpointFile);
}

void AttentionExplorer::chooseWeights() {
  const QString file =
      QFileDialog::getOpenFileName(this, tr("DINO weights"), recent_folders::last(QStringLiteral("weights")),
                                   tr("PyTorch files (*.pth *.pt);;All files (*)"));
  recent_folders::remember(QStringLiteral("weights"), file);
  QString error;
  if (!file.isEmpty() && !loadWeights(file, &error)) QMessageBox::warning(this, tr("Weights"), error);
}

void AttentionExplorer::chooseImages() {
  const QStringList files =
      QFileDialog::getOpenFileNames(this, tr("Images"), recent_folders::last(QStringLiteral("images")),
                                    tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"));
  if (!files.isEmpty()) recent_folders::remember(QStringLiteral("images"), files.first());
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
  thumbnails_->addItem(new QListWidgetItem(
      QIcon(QPixmap::fromImage(thumbnail.scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation))),
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
  controls_->resetSide();  // an offered size was for the image it was offered for
  if (thumbnails_->currentRow() != index) thumbnails_->setCurrentRow(index);
  recompute();
}

void AttentionExplorer::setInputSize(InputSize size) { controls_->setInputSize(size); }

void AttentionExplorer::setLayer(int layer) { controls_->setLayer(layer); }

void AttentionExplorer::setQuery(int query) {
  query_ = query;
  recompute();
}

void AttentionExplorer::setThreshold(double threshold) {
  controls_->setThreshold(threshold);
  recompute();
}

void AttentionExplorer::setRollout(bool on) { controls_->setRollout(on); }

dino::AttentionRequest AttentionExplorer::request() const { return controls_->request(query_); }

dino::AttentionLimits AttentionExplorer::currentLimits() const {
  return limits_ ? *limits_ : dino::default_attention_limits();
}

void AttentionExplorer::recompute() {
  if (!model_ || current_ < 0) return;
  if (watcher_.isRunning()) {  // the latest settings win: the stale computation stops at its next block
    recomputeQueued_ = true;
    if (job_) job_->store(true);
    return;
  }
  for (QWidget* w : {static_cast<QWidget*>(offer_), static_cast<QWidget*>(anyway_)}) w->hide();
  const Item item = items_[current_];
  // The estimate comes first, from the image's size alone (a file's header): a refusal costs nothing.
  const QSize size = imageSize(item);
  const QSize grid = requestGrid(request(), size);
  if (grid.isValid() && query_ > grid.width() * grid.height()) query_ = 0;  // a patch the new size lacks
  const auto model = model_;
  const auto student = student_;
  const auto req = request();
  const bool withoutLimits = ignoreLimitsOnce_;
  const dino::AttentionLimits limits = withoutLimits ? dino::AttentionLimits{} : currentLimits();
  ignoreLimitsOnce_ = false;
  const Shown shown{req,
                    item,
                    weightsFile_,
                    model->description(),
                    model->arch(),
                    withoutLimits,
                    loadedStamp_,
                    student ? compareFile_ : QString(),
                    student ? compareKey_ : QString()};
  QString cost;
  if (size.isValid()) {
    const dino::AttentionEstimate estimate = model->estimate(size.width(), size.height(), req, limits);
    if (!estimate.fits) {
      showRefusal(estimate);
      return;
    }
    const double seconds = estimate.seconds * (student ? 2 : 1);
    cost =
        tr("%1 patches, %2")
            .arg(QString::fromStdString(dino::log::thousands(estimate.cost.tokens - 1)),
                 seconds < 1 ? tr("under a second") : QString::fromStdString(dino::log::approximate_duration(seconds)));
  }
  status_->setText(cost.isEmpty() ? tr("Computing %1...").arg(item.name)
                                  : tr("Computing %1 (%2)...").arg(item.name, cost));
  job_ = std::make_shared<std::atomic<bool>>(false);
  QPointer<QProgressBar> bar(progress_);
  dino::AttentionWork work;
  work.cancel = job_;
  // The teacher's pass is the first half of the bar when a student follows.
  const double share = student ? 0.5 : 1.0;
  auto report = [bar](double fraction) {
    QMetaObject::invokeMethod(qApp, [bar, fraction] {
      if (bar) bar->setValue(static_cast<int>(fraction * 1000));
    });
  };
  showComputing(true);
  const int generation = ++viewGeneration_;
  watcher_.setFuture(QtConcurrent::run([model, student, item, req, limits, work, share, report, shown, generation]() {
    try {
      auto compute = [&](const dino::AttentionModel& m, double offset) {
        dino::AttentionWork part = work;
        part.progress = [&](double f) { report(offset + share * f); };
        // A patch number is the first model's: a second one with other patches shows the CLS token's.
        dino::AttentionRequest asked = req;
        if (&m != model.get() && m.patch_size() != model->patch_size()) asked.query = 0;
        return item.file.isEmpty() ? m.compute(fromQImage(item.image), asked, limits, part)
                                   : m.compute(item.file.toStdString(), asked, limits, part);
      };
      Result result;
      result.shown = shown;
      result.generation = generation;
      QElapsedTimer clock;
      clock.start();
      result.view = compute(*model, 0);
      if (student) {
        result.student = compute(*student, share);
        result.hasStudent = true;
      }
      result.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
      return result;
    } catch (const dino::AttentionCancelled&) {
      Result result;
      result.cancelled = true;
      return result;
    } catch (const dino::AttentionRefused& e) {
      Result result;
      result.refused = true;
      result.estimate = e.estimate();
      return result;
    } catch (const std::exception& e) {  // a result, not an exception: the watcher would rethrow it on close
      Result result;
      result.failed = true;
      result.message = QString::fromStdString(e.what());
      return result;
    }
  }));
}

void AttentionExplorer::onComputed() {
  showComputing(false);
  if (watcher_.future().resultCount() > 0) {
    const Result result = watcher_.result();
    if (recomputeQueued_ || (!result.cancelled && result.generation != viewGeneration_)) {
      // Stale: a newer request follows at once, or another view (a probe's) was shown meanwhile.
    } else if (result.failed) {
      status_->setText(result.message);
      Q_EMIT failed(result.message);
    } else if (result.cancelled) {
      status_->setText(tr("Cancelled; the view shows the last computation."));
      Q_EMIT cancelled();
    } else if (result.refused) {
      showRefusal(result.estimate);
    } else {
      view_ = result.view;
      shown_ = result.shown;
      studentView_ = result.student;
      hasStudentView_ = result.hasStudent;
      lastMilliseconds_ = result.milliseconds;
      render();
      Q_EMIT viewReady();
    }
  }
  if (recomputeQueued_) {
    recomputeQueued_ = false;
    recompute();
  }
}

void AttentionExplorer::showComputing(bool on) {
  progress_->setValue(0);
  progress_->setVisible(on);
  cancel_->setVisible(on);
}

void AttentionExplorer::cancelComputation() {
  recomputeQueued_ = false;
  if (job_ && watcher_.isRunning()) job_->store(true);
  if (probeCancel_ && probeWatcher_.isRunning()) probeCancel_->store(true);
}

void AttentionExplorer::showRefusal(const dino::AttentionEstimate& estimate) {
  const QString why = QString::fromStdString(estimate.why);
  offeredSize_ = estimate.smaller_size;
  QString text = tr("Not computed: %1.").arg(why);
  if (!offeredSize_.empty()) {
    const QString size = QString::fromStdString(dino::describe_image_size(offeredSize_));
    const QString time = estimate.smaller_seconds < 1
                             ? tr("under a second")
                             : QString::fromStdString(dino::log::approximate_duration(estimate.smaller_seconds));
    offer_->setText(tr("Use %1 (%2)").arg(size, time));
    offer_->show();
  } else {
    text += QLatin1Char(' ') + tr("No smaller input fits.");
  }
  status_->setText(text);
  anyway_->show();
  Q_EMIT refused(why);
}

void AttentionExplorer::useOfferedSize() {
  if (offeredSize_.empty()) return;
  query_ = 0;
  controls_->useImageSize(offeredSize_);  // inputSizeChanged: computes
}

void AttentionExplorer::computeAnyway() {
  ignoreLimitsOnce_ = true;
  recompute();
}

QString AttentionExplorer::statusText() const { return status_->text(); }

AttentionFigureStyle AttentionExplorer::figureStyle() const {
  AttentionFigureStyle style = controls_->style();
  style.headsFigure = headsFigure_;
  style.figureHeads = figureHeads_;
  // Two runs' teachers are named by their runs; a student keeps "teacher" and "student".
  if (compareKey_ == QLatin1String("teacher")) {
    style.firstLabel = modelLabel(weightsFile_);
    style.secondLabel = modelLabel(compareFile_);
    if (style.firstLabel == style.secondLabel) style.secondLabel = tr("%1 (compared)").arg(style.secondLabel);
  }
  return style;
}

void AttentionExplorer::render() {
  // Everything said about the view is the view's own (shown_), not what the controls ask now.
  figure_ = makeAttentionFigure(view_, hasStudentView_ ? &studentView_ : nullptr, figureStyle());
  const int query = shown_.request.query;
  QRect marked;
  if (query > 0 && view_.grid_w > 0) {
    const int patch = query - 1, size = view_.patch_size;
    marked = QRect(patch % view_.grid_w * size, patch / view_.grid_w * size, size, size);
  }
  tiles_->setFigure(figure_, tr("Click a patch to see the attention from it."), marked,
                    QSize(view_.input.width, view_.input.height));
  if (view_.color_bar.width > 0) {
    colorBar_->setPixmap(QPixmap::fromImage(toQImage(view_.color_bar).scaled(256, 12)));
    colorScale_->setText(
        shown_.request.shared_scale
            ? tr("%1 to %2, one scale for every head").arg(view_.low, 0, 'g', 3).arg(view_.high, 0, 'g', 3)
            : tr("each head from its own least (left) to its most attention (right)"));
  }
  if (view_.heads == 0) return;
  const QString from =
      query == 0 || view_.grid_w <= 0
          ? tr("the CLS token")
          : tr("patch (row %1, column %2)").arg((query - 1) / view_.grid_w).arg((query - 1) % view_.grid_w);
  const QString timing =
      lastMilliseconds_ >= 0 ? tr(" Computed in %1 ms.").arg(lastMilliseconds_, 0, 'f', 0) : QString();
  status_->setText(tr("%1: layer %2, %3 heads on a %4 x %5 grid, attention from %6.%7%8")
                       .arg(shown_.item.name)
                       .arg(view_.layer)
                       .arg(view_.heads)
                       .arg(view_.grid_h)
                       .arg(view_.grid_w)
                       .arg(from)
                       .arg(view_.note.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(view_.note))
                       .arg(timing));
}

void AttentionExplorer::onTileClicked(QPointF position, QSize shown) {
  if (view_.grid_w <= 0) return;
  // Where in the image, as a fraction, then the patch there on the grid the next request uses: the
  // view on display may have another size (a cancelled or refused change of size).
  const double fx = std::clamp(position.x() / std::max(1, shown.width()), 0.0, 1.0);
  const double fy = std::clamp(position.y() / std::max(1, shown.height()), 0.0, 1.0);
  QSize grid = current_ >= 0 ? requestGrid(request(), imageSize(items_[current_])) : QSize();
  if (!grid.isValid()) grid = QSize(view_.grid_w, view_.grid_h);
  const int column = std::clamp(static_cast<int>(fx * grid.width()), 0, grid.width() - 1);
  const int row = std::clamp(static_cast<int>(fy * grid.height()), 0, grid.height() - 1);
  setQuery(1 + row * grid.width() + column);
}

QSize AttentionExplorer::imageSize(const Item& item) {
  return item.file.isEmpty() ? item.image.size() : QImageReader(item.file).size();
}

QSize AttentionExplorer::requestGrid(const dino::AttentionRequest& request, const QSize& size) const {
  if (!model_ || !size.isValid()) return {};
  const int patch = model_->patch_size();
  const dino::PixelSize input = dino::attention_input_size(size.width(), size.height(), request.image_size, patch);
  if (input.width < patch || input.height < patch) return {};
  return {input.width / patch, input.height / patch};
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
  // The view on display as it was made; before any, what the controls would make.
  const bool viewed = view_.heads > 0;
  dino::FigureProvenance f;
  f.weights = (viewed ? shown_.weights : weightsFile_).toStdString();
  if (viewed) {
    f.model = shown_.model;
    f.arch = shown_.arch;
  } else if (model_) {
    f.model = model_->description();
    f.arch = model_->arch();
  }
  dino::describe_request(f, viewed ? shown_.request : request());
  dino::describe_view(f, view_);
  f.without_limits = viewed && shown_.withoutLimits;
  const Item* item = viewed ? &shown_.item : current_ >= 0 ? &items_[current_] : nullptr;
  if (item) {
    f.image_is_file = !item->file.isEmpty();
    f.image = (f.image_is_file ? item->file : item->name).toStdString();
  }
  f.opacity = controls_->style().opacity;
  if (viewed ? !shown_.comparedWeights.isEmpty() : student_ != nullptr) {
    f.compared_weights = (viewed ? shown_.comparedWeights : compareFile_).toStdString();
    f.compared_checkpoint_key = (viewed ? shown_.comparedKey : compareKey_).toStdString();
  }
  f.app_version = QCoreApplication::applicationVersion().toStdString();
  return f;
}

QString AttentionExplorer::commandLine() const {
  return QString::fromStdString(dino::attention_command_line(provenance()));
}

bool AttentionExplorer::exportView(const QString& folder, QString* error) {
  // figure.json names the weights and their hash now: the file must still be the one the maps came from.
  if (view_.heads > 0 && !shown_.weights.isEmpty() && shown_.weightsStamp.first.isValid() &&
      fileStamp(shown_.weights) != shown_.weightsStamp) {
    if (error)
      *error = tr("%1 changed since these maps were computed (a new checkpoint): show them again before exporting.")
                   .arg(QDir::toNativeSeparators(shown_.weights));
    return false;
  }
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
  for (const auto& path : dino::image_files_in(imagesFolder.toStdString()))
    files << QString::fromStdString(path.string());
  if (files.isEmpty()) {
    status_->setText(tr("%1 holds no images.").arg(QDir::toNativeSeparators(imagesFolder)));
    Q_EMIT batchExported(0, 0, status_->text());
    return;
  }
  batchCancel_ = std::make_shared<std::atomic<bool>>(false);
  controls_->showBatchRunning(true);
  status_->setText(tr("Exporting %n image(s)...", nullptr, static_cast<int>(files.size())));
  auto req = request();
  req.query = 0;  // patch numbers differ between images: the CLS row for all
  auto base = provenance();
  base.weights = weightsFile_.toStdString();  // the model of the batch, not the view on display's
  base.model = model_->description();
  base.arch = model_->arch();
  base.compared_weights = student_ ? compareFile_.toStdString() : std::string();  // the batch's second model
  base.compared_checkpoint_key = student_ ? compareKey_.toStdString() : std::string();
  base.compared_weights_sha256.clear();
  base.without_limits = false;        // the batch keeps the limits
  dino::describe_request(base, req);  // query 0, as the batch computes
  base.image.clear();
  base.image_is_file = true;
  QPointer<QLabel> status(status_);
  const auto progress = [status, total = files.size(), folder = QDir::toNativeSeparators(outputFolder)](int done) {
    const QString text = AttentionExplorer::tr("Exported %1 of %2 images to %3").arg(done).arg(total).arg(folder);
    QMetaObject::invokeMethod(qApp, [status, text] {
      if (status) status->setText(text);
    });
  };
  batchWatcher_.setFuture(
      QtConcurrent::run([files, outputFolder, model = model_, student = student_, req, style = figureStyle(), base,
                         limits = currentLimits(), cancel = batchCancel_, progress] {
        return exportAttentionFigures(files, outputFolder, model, student, req, style, base, limits, cancel, progress);
      }));
}

void AttentionExplorer::onBatchFinished() {
  controls_->showBatchRunning(false);
  if (batchWatcher_.future().resultCount() == 0) return;
  const AttentionBatchResult result = batchWatcher_.result();
  const bool cancelled = batchCancel_ && batchCancel_->load();
  QString summary = cancelled ? tr("Batch export stopped: %n image(s) written.", nullptr, result.written)
                              : tr("Batch export done: %n image(s) written.", nullptr, result.written);
  if (!result.problems.isEmpty())
    summary += QLatin1Char(' ') + tr("%n could not be exported: %1", nullptr, static_cast<int>(result.problems.size()))
                                      .arg(result.problems.join(QStringLiteral("; ")));
  status_->setText(summary);
  Q_EMIT batchExported(result.written, static_cast<int>(result.problems.size()), summary);
}
