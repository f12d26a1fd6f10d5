#include "crops/crop_preview_panel.h"

#include "image_conversion.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

// Small images (Fashion-MNIST's 28 px) are enlarged without smoothing, so pixels stay pixels.
QPixmap enlarged(const QImage& image, int side) {
  const double factor = std::max(1.0, std::floor(static_cast<double>(side) / std::max(image.width(), image.height())));
  const Qt::TransformationMode mode = factor > 1 ? Qt::FastTransformation : Qt::SmoothTransformation;
  QImage scaled = image.scaled(static_cast<int>(image.width() * factor), static_cast<int>(image.height() * factor),
                               Qt::KeepAspectRatio, mode);
  if (std::max(scaled.width(), scaled.height()) > side)
    scaled = scaled.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return QPixmap::fromImage(scaled);
}

const QColor kGlobal(0, 114, 178), kLocal(230, 159, 0);

}  // namespace

CropPreviewPanel::CropPreviewPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  auto* next = new QPushButton(tr("New sample"));
  next->setToolTip(tr("Another image of the data set, freshly augmented"));
  bar->addWidget(next);
  bar->addWidget(new QLabel(tr("Sample in batch:")));
  position_ = new QSpinBox;
  position_->setRange(0, 0);
  position_->setToolTip(tr("Which sample of the step's batch to show when a step is chosen on the dashboard"));
  bar->addWidget(position_);
  live_ = new QPushButton(tr("Random Samples"));
  live_->setToolTip(tr("Leave the chosen step and show random samples again"));
  live_->setEnabled(false);
  bar->addWidget(live_);
  status_ = new QLabel;
  status_->setWordWrap(true);
  bar->addWidget(status_, 1);
  layout->addLayout(bar);
  auto* body = new QHBoxLayout;
  original_ = new QLabel;
  original_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  original_->setToolTip(tr("The original image with the crop boxes: global crops in blue, local crops in orange"));
  body->addWidget(original_);
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  auto* host = new QWidget;
  cropsLayout_ = new QGridLayout(host);
  cropsLayout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  scroll->setWidget(host);
  body->addWidget(scroll, 1);
  layout->addLayout(body, 1);

  connect(next, &QPushButton::clicked, this, [this] {
    showIteration(-1);
    newRandomSample();
  });
  connect(live_, &QPushButton::clicked, this, [this] { showIteration(-1); });
  connect(position_, &QSpinBox::valueChanged, this, [this] {
    if (iteration_ >= 0) showIteration(iteration_);
  });
  liveTimer_.setInterval(3000);
  connect(&liveTimer_, &QTimer::timeout, this, [this] {
    // A chosen step stays on screen, and so does the sample under the pointer (its crops' tooltips).
    if (iteration_ < 0 && !underMouse()) newRandomSample();
  });
  connect(&openWatcher_, &QFutureWatcher<std::shared_ptr<const dino::run_settings::CropPreviewer>>::finished, this,
          [this] {
            previewer_ = openWatcher_.result();
            if (discardOpening_) {
              discardOpening_ = false;
              previewer_.reset();
            }
            if (pendingSettings_) {  // the settings changed while the data set was opening
              const dino::TrainingConfig settings = *pendingSettings_;
              pendingSettings_.reset();
              setSettings(settings);
              return;
            }
            if (!previewer_) return;
            position_->setRange(0, static_cast<int>(std::max<int64_t>(1, previewer_->batch_size()) - 1));
            if (iteration_ >= 0)
              startIteration();
            else
              showSample(0, draws_++);
          });
  connect(&sampleWatcher_, &QFutureWatcher<dino::run_settings::CropPreview>::finished, this, [this] {
    if (sampleWatcher_.future().resultCount() == 0) return;  // failed: the status says why
    current_ = sampleWatcher_.result();
    render();
    Q_EMIT sampleShown();
    if (iterationPending_) startIteration();
  });
}

CropPreviewPanel::~CropPreviewPanel() {
  // A sample that could not be drawn keeps its exception in its future (the status line said
  // why); waiting rethrows it, and a destructor must not let it out: the app would abort on quit.
  for (QFutureWatcherBase* watcher :
       {static_cast<QFutureWatcherBase*>(&openWatcher_), static_cast<QFutureWatcherBase*>(&sampleWatcher_)}) {
    try {
      watcher->waitForFinished();
    } catch (...) {
    }
  }
}

void CropPreviewPanel::setUnavailable(const QString& reason) {
  pendingSettings_.reset();
  discardOpening_ = openWatcher_.isRunning();
  previewer_.reset();
  status_->setText(tr("No preview: %1").arg(reason));
}

void CropPreviewPanel::setSettings(const dino::TrainingConfig& settings) {
  discardOpening_ = false;
  if (openWatcher_.isRunning()) {
    pendingSettings_ = settings;
    return;
  }
  status_->setText(tr("Opening the data..."));
  QPointer<QLabel> status(status_);
  openWatcher_.setFuture(QtConcurrent::run([settings, status]() {
    std::shared_ptr<const dino::run_settings::CropPreviewer> previewer;
    try {
      previewer = std::make_shared<const dino::run_settings::CropPreviewer>(settings);
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      QMetaObject::invokeMethod(qApp, [status, message] {
        if (status) status->setText(CropPreviewPanel::tr("No preview: %1").arg(message));
      });
    }
    return previewer;
  }));
}

void CropPreviewPanel::setLive(bool live) {
  if (live)
    liveTimer_.start();
  else
    liveTimer_.stop();
}

void CropPreviewPanel::newRandomSample() {
  if (!previewer_) return;
  showSample(static_cast<qint64>(QRandomGenerator::global()->bounded(static_cast<quint64>(previewer_->size()))),
             draws_++);
}

void CropPreviewPanel::showSample(qint64 index, quint64 draw) {
  if (!previewer_ || sampleWatcher_.isRunning()) return;
  drawInBackground(
      [index, draw](const dino::run_settings::CropPreviewer& previewer) { return previewer.sample(index, draw); });
}

void CropPreviewPanel::drawInBackground(
    std::function<dino::run_settings::CropPreview(const dino::run_settings::CropPreviewer&)> make) {
  auto previewer = previewer_;
  QPointer<QLabel> status(status_);
  sampleWatcher_.setFuture(QtConcurrent::run([previewer, make = std::move(make), status]() {
    try {
      return make(*previewer);
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      QMetaObject::invokeMethod(qApp, [status, message] {
        if (status) status->setText(CropPreviewPanel::tr("No preview: %1").arg(message));
      });
      throw;
    }
  }));
}

void CropPreviewPanel::showIteration(qint64 iteration, int position) {
  iteration_ = iteration < 0 ? -1 : iteration;
  live_->setEnabled(iteration_ >= 0);
  if (position >= 0) {
    const QSignalBlocker blocker(position_);
    position_->setValue(position);
  }
  if (iteration_ >= 0) startIteration();
}

void CropPreviewPanel::startIteration() {
  iterationPending_ = false;
  if (!previewer_ || iteration_ < 0) return;  // drawn once the data set is open
  if (sampleWatcher_.isRunning()) {
    iterationPending_ = true;
    return;
  }
  const qint64 iteration = iteration_;
  const int position = position_->value();
  drawInBackground([iteration, position](const dino::run_settings::CropPreviewer& previewer) {
    return previewer.at_iteration(iteration, position);
  });
}

QString CropPreviewPanel::cropDescription(int index) const {
  const auto& c = current_.crops.at(static_cast<size_t>(index));
  QStringList lines;
  lines << (c.global ? tr("Global crop %1").arg(index + 1) : tr("Local crop %1").arg(index - 1));
  lines
      << tr("box: x %1, y %2, %3 x %4 px of the original").arg(c.box_x).arg(c.box_y).arg(c.box_width).arg(c.box_height);
  lines << tr("output: %1 x %2 px").arg(c.image.width).arg(c.image.height);
  lines << (c.flipped ? tr("flipped horizontally") : tr("not flipped"));
  if (c.jittered) {
    static const char* names[] = {
        QT_TRANSLATE_NOOP("CropPreviewPanel", "brightness"), QT_TRANSLATE_NOOP("CropPreviewPanel", "contrast"),
        QT_TRANSLATE_NOOP("CropPreviewPanel", "saturation"), QT_TRANSLATE_NOOP("CropPreviewPanel", "hue")};
    QStringList order;
    for (int step : c.jitter_order) order << tr(names[std::clamp(step, 0, 3)]);
    lines << tr("colour jitter: brightness %1, contrast %2, saturation %3, hue %4")
                 .arg(c.brightness, 0, 'f', 3)
                 .arg(c.contrast, 0, 'f', 3)
                 .arg(c.saturation, 0, 'f', 3)
                 .arg(c.hue, 0, 'f', 3);
    lines << tr("jitter order: %1").arg(order.join(QStringLiteral(", ")));
  } else {
    lines << tr("no colour jitter");
  }
  lines << (c.grayscale ? tr("grayscale") : tr("colour kept"));
  lines << (c.blur_sigma > 0 ? tr("Gaussian blur, sigma %1").arg(c.blur_sigma, 0, 'f', 3) : tr("not blurred"));
  lines << (c.solarized ? tr("solarised") : tr("not solarised"));
  return lines.join(QLatin1Char('\n'));
}

QString CropPreviewPanel::errorText() const { return status_->text(); }

void CropPreviewPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (!current_.crops.empty()) render();  // the pictures follow the room they have
}

void CropPreviewPanel::render() {
  const QImage source = toQImage(current_.original);
  // The original takes up to 40% of the width and the height below the bar; the two global crops
  // share a row of the rest, the local ones four to a row below them.
  const int side = std::clamp(std::min(width() * 2 / 5, height() - 80), 160, 640);
  // From the panel's own width: in a resize the crop area's viewport still has its old size.
  const int room = std::max(200, width() - side - 70);
  const int localSide = std::clamp(room / 4 - 16, 64, 240);
  const int globalSide = 2 * localSide + 16;  // two grid columns each
  const QPixmap base = enlarged(source, side);
  const double sx = static_cast<double>(base.width()) / source.width(),
               sy = static_cast<double>(base.height()) / source.height();
  QImage annotated = base.toImage().convertToFormat(QImage::Format_RGB888);
  {
    QPainter painter(&annotated);
    painter.setRenderHint(QPainter::Antialiasing);
    for (size_t i = 0; i < current_.crops.size(); ++i) {
      const auto& c = current_.crops[i];
      painter.setPen(QPen(c.global ? kGlobal : kLocal, c.global ? 2.5 : 1.5));
      const QRectF box(c.box_x * sx, c.box_y * sy, c.box_width * sx, c.box_height * sy);
      painter.drawRect(box);
      painter.drawText(box.topLeft() + QPointF(3, 12), QString::number(i + 1));
    }
  }
  annotated_ = annotated;
  original_->setPixmap(QPixmap::fromImage(annotated));
  const QString image = tr("Image %1 of the data set: %2 x %3 px, %4 crops. Hover over a crop for what was drawn.")
                            .arg(current_.index)
                            .arg(source.width())
                            .arg(source.height())
                            .arg(current_.crops.size());
  status_->setText(current_.iteration < 0
                       ? image + QLatin1Char(' ') +
                             tr("Click a chart on the Dashboard to see the crops a training step used.")
                       : tr("Step %1 (epoch %2, step %3 of it), sample %4 of its batch, as the run drew it. %5")
                             .arg(current_.iteration)
                             .arg(current_.epoch)
                             .arg(current_.step)
                             .arg(current_.position)
                             .arg(image));
  qDeleteAll(cropLabels_);
  cropLabels_.clear();
  for (size_t i = 0; i < current_.crops.size(); ++i) {
    auto* label = new QLabel;
    const auto& c = current_.crops[i];
    label->setPixmap(enlarged(toQImage(c.image), c.global ? globalSide : localSide));
    label->setToolTip(cropDescription(static_cast<int>(i)));
    label->setStyleSheet(QStringLiteral("border: 2px solid %1;").arg((c.global ? kGlobal : kLocal).name()));
    if (i < 2)
      cropsLayout_->addWidget(label, 0, 2 * static_cast<int>(i), 1, 2);
    else
      cropsLayout_->addWidget(label, 1 + static_cast<int>(i - 2) / 4, static_cast<int>(i - 2) % 4);
    cropLabels_.append(label);
  }
}
