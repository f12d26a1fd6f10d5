#include "attention/attention_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

AttentionControls::AttentionControls(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Layer:")));
  layer_ = new QSpinBox;
  layer_->setRange(-1, 11);
  layer_->setValue(-1);
  layer_->setSpecialValueText(tr("last"));
  controls->addWidget(layer_);
  controls->addWidget(new QLabel(tr("Size:")));
  size_ = new QComboBox;
  size_->setToolTip(
      tr("The input the model sees. It follows the model: 480 px for patch 8 and 16 models (the "
         "reference's), the training crop for others; larger inputs cost quadratically more"));
  size_->addItem(QString());
  size_->addItem(QString());
  size_->addItem(tr("original size"));
  labelSizes();
  // Long item texts ("28 x 28 (the model's training crop)", longer still in German) are elided in
  // the closed box rather than widening the row past a laptop's screen.
  size_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  size_->setMinimumContentsLength(16);
  controls->addWidget(size_);
  thresholdOn_ = new QCheckBox(tr("Mass threshold"));
  thresholdOn_->setToolTip(
      tr("Keep the patches that hold this fraction of each head's attention (the reference's masks)"));
  threshold_ = new QDoubleSpinBox;
  threshold_->setRange(0.01, 1.0);
  threshold_->setSingleStep(0.05);
  threshold_->setValue(0.6);
  thresholdSlider_ = new QSlider(Qt::Horizontal);
  thresholdSlider_->setObjectName(QStringLiteral("thresholdSlider"));
  thresholdSlider_->setRange(1, 100);
  thresholdSlider_->setValue(60);
  thresholdSlider_->setMaximumWidth(120);
  thresholdSlider_->setMinimumWidth(60);
  thresholdSlider_->setToolTip(thresholdOn_->toolTip());
  controls->addWidget(thresholdOn_);
  controls->addWidget(thresholdSlider_);
  controls->addWidget(threshold_);
  controls->addWidget(new QLabel(tr("Colours:")));
  colorMap_ = new QComboBox;
  for (const char* name : {"viridis", "inferno", "magma", "jet", "gray"}) colorMap_->addItem(QString::fromLatin1(name));
  controls->addWidget(colorMap_);
  auto* opacityLabel = new QLabel(tr("Opacity:"));
  opacity_ = new QSlider(Qt::Horizontal);
  opacity_->setRange(0, 100);
  opacity_->setValue(60);
  opacity_->setMaximumWidth(120);
  opacity_->setMinimumWidth(60);
  opacity_->setToolTip(tr("100: the map alone, as the reference draws it; lower shows the image through it"));
  controls->addStretch(1);
  layout->addLayout(controls);

  // Three rows, so that the tab fits a laptop's screen beside the configuration dock in every
  // language (German's labels are the longest): how the maps are drawn, what is shown, exports.
  auto* output = new QHBoxLayout;
  output->addWidget(opacityLabel);
  output->addWidget(opacity_);
  sharedScale_ = new QCheckBox(tr("One scale for all heads"));
  rollout_ = new QCheckBox(tr("Rollout"));
  rollout_->setToolTip(tr("Attention rollout across all layers (Abnar and Zuidema, 2020)"));
  pca_ = new QCheckBox(tr("PCA"));
  pca_->setToolTip(tr("The first three principal components of the patch features as RGB"));
  compare_ = new QCheckBox(tr("Student too"));
  compare_->setToolTip(
      tr("Teacher and student of a training checkpoint side by side, with their difference (blue: "
         "the student attends more, red: the teacher does)"));
  figureStyle_ = new QCheckBox(tr("Figure 3 style"));
  figureStyle_->setToolTip(
      tr("The masks of every head in one picture, one colour per head, as the paper's Figure 3 "
         "(uses the mass threshold)"));
  figureHeadsEdit_ = new QLineEdit;
  figureHeadsEdit_->setPlaceholderText(tr("all heads"));
  figureHeadsEdit_->setToolTip(tr("Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)"));
  figureHeadsEdit_->setMaximumWidth(90);
  auto* cls = new QPushButton(tr("From CLS"));
  cls->setToolTip(tr("Show the attention of the CLS token again (click a patch to see the attention from it)"));
  auto* exportButton = new QPushButton(tr("Export..."));
  exportButton->setToolTip(
      tr("The view on display: every tile as PNG, a labelled grid as PNG, SVG and PDF, the raw "
         "maps as .npy and figure.json saying how it was made"));
  exportFolder_ = new QPushButton(tr("Export Folder..."));
  exportFolder_->setToolTip(
      tr("Every image of a folder with this model and these settings, a sub-folder of figures each"));
  for (QWidget* w :
       std::initializer_list<QWidget*>{sharedScale_, rollout_, pca_, compare_, figureStyle_, figureHeadsEdit_})
    output->addWidget(w);
  output->addStretch(1);
  layout->addLayout(output);
  auto* actions = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{cls, exportButton, exportFolder_}) actions->addWidget(w);
  actions->addStretch(1);
  layout->addLayout(actions);

  for (auto* box : {thresholdOn_, rollout_, pca_, sharedScale_})
    connect(box, &QCheckBox::toggled, this, &AttentionControls::requestChanged);
  connect(layer_, &QSpinBox::valueChanged, this, &AttentionControls::requestChanged);
  connect(size_, &QComboBox::currentIndexChanged, this, [this] {
    kindBeforeOffer_ = -1;  // the kind chosen now is the user's
    resetSide();            // a size chosen anew is the model's; an offer (useImageSize) sets its own
    Q_EMIT inputSizeChanged();
  });
  connect(colorMap_, &QComboBox::currentIndexChanged, this, &AttentionControls::requestChanged);
  connect(opacity_, &QSlider::valueChanged, this, &AttentionControls::styleChanged);
  connect(threshold_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
    const QSignalBlocker blocker(thresholdSlider_);
    thresholdSlider_->setValue(static_cast<int>(std::lround(value * 100)));
    if (thresholdOn_->isChecked()) Q_EMIT requestChanged();
  });
  // The slider moves the mass in steps of 0.01 and switches the masks on.
  connect(thresholdSlider_, &QSlider::valueChanged, this, [this](int value) {
    const bool switchedOn = !thresholdOn_->isChecked();
    if (switchedOn) {
      const QSignalBlocker blocker(thresholdOn_);
      thresholdOn_->setChecked(true);
    }
    if (switchedOn && std::lround(threshold_->value() * 100) == value)
      Q_EMIT requestChanged();  // the spin box does not change, so it would not ask
    else
      threshold_->setValue(value / 100.0);
  });
  connect(compare_, &QCheckBox::toggled, this, &AttentionControls::studentToggled);
  connect(figureStyle_, &QCheckBox::toggled, this, [this](bool on) { Q_EMIT headsFigureChanged(on, figureHeads()); });
  connect(figureHeadsEdit_, &QLineEdit::editingFinished, this, [this] {
    if (figureStyle_->isChecked()) Q_EMIT headsFigureChanged(true, figureHeads());
  });
  connect(cls, &QPushButton::clicked, this, &AttentionControls::fromClsClicked);
  connect(exportButton, &QPushButton::clicked, this, &AttentionControls::exportClicked);
  connect(exportFolder_, &QPushButton::clicked, this, &AttentionControls::exportFolderClicked);
}

QList<int> AttentionControls::figureHeads() const {
  QList<int> heads;
  for (const QString& word :
       figureHeadsEdit_->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int head = word.toInt(&ok);
    if (ok && head >= 0 && (heads_ <= 0 || head < heads_)) heads.append(head);
  }
  return heads;
}

dino::AttentionRequest AttentionControls::request(int query) const {
  dino::AttentionRequest r;
  r.image_size = size_->currentIndex() == 0   ? std::vector<int>{side_, side_}
                 : size_->currentIndex() == 1 ? std::vector<int>{side_}
                                              : std::vector<int>{};
  r.layer = layer_->value();
  r.query = query;
  r.threshold = thresholdOn_->isChecked() ? threshold_->value() : 0.0;
  r.rollout = rollout_->isChecked();
  r.pca = pca_->isChecked();
  r.color_map = colorMap_->currentText().toStdString();
  r.shared_scale = sharedScale_->isChecked();
  return r;
}

AttentionFigureStyle AttentionControls::style() const {
  AttentionFigureStyle style;
  style.opacity = opacity_->value() / 100.0;
  style.threshold = threshold_->value();
  return style;
}

void AttentionControls::setDepth(int depth) { layer_->setRange(-1, depth - 1); }
void AttentionControls::setHeadCount(int heads) { heads_ = heads; }
void AttentionControls::setLayer(int layer) { layer_->setValue(layer); }
void AttentionControls::setInputSize(InputSize size) { size_->setCurrentIndex(static_cast<int>(size)); }

void AttentionControls::setModelSide(int side, bool reference) {
  side_ = side;
  modelSide_ = side;
  reference_ = reference;
  const QSignalBlocker blocker(size_);  // the caller computes
  labelSizes();
}

void AttentionControls::useImageSize(const std::vector<int>& imageSize) {
  if (imageSize.empty()) return;
  if (side_ == modelSide_) kindBeforeOffer_ = size_->currentIndex();  // to go back to with another image
  side_ = imageSize.front();  // the budget's offers keep the request's kind: a square or a shorter side
  {
    const QSignalBlocker blocker(size_);
    labelSizes();
    size_->setCurrentIndex(imageSize.size() == 2 ? 0 : 1);
  }
  Q_EMIT inputSizeChanged();
}

void AttentionControls::resetSide() {
  if (side_ == modelSide_) return;
  side_ = modelSide_;
  const QSignalBlocker blocker(size_);
  labelSizes();
  if (kindBeforeOffer_ >= 0) size_->setCurrentIndex(kindBeforeOffer_);  // an offer may have left Original
  kindBeforeOffer_ = -1;
}

void AttentionControls::labelSizes() {
  const QString why = side_ < modelSide_   ? tr("smaller, to fit the limits")
                      : side_ > modelSide_ ? tr("to fit the limits")
                      : reference_         ? tr("the reference")
                                           : tr("the model's training crop");
  size_->setItemText(0, tr("%1 x %1 (%2)").arg(side_).arg(why));
  size_->setItemText(1, tr("shorter side %1, aspect kept").arg(side_));
}

void AttentionControls::setThreshold(double threshold) {
  const QSignalBlocker blocker(this);  // one request for both boxes: the caller recomputes
  thresholdOn_->setChecked(threshold > 0);
  if (threshold > 0) threshold_->setValue(threshold);
}

bool AttentionControls::thresholdOn() const { return thresholdOn_->isChecked(); }

void AttentionControls::switchThresholdOn() { thresholdOn_->setChecked(true); }

void AttentionControls::setRollout(bool on) { rollout_->setChecked(on); }

void AttentionControls::showStudent(bool on) {
  const QSignalBlocker blocker(compare_);
  compare_->setChecked(on);
}

void AttentionControls::showHeadsFigure(bool on) {
  const QSignalBlocker blocker(figureStyle_);
  figureStyle_->setChecked(on);
}

void AttentionControls::showBatchRunning(bool running) {
  exportFolder_->setText(running ? tr("Cancel Batch Export") : tr("Export Folder..."));
}
