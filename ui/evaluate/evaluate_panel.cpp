#include "evaluate/evaluate_panel.h"

#include "dashboard/metric_chart.h"
#include "settings/recent_folders.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QPushButton* browseButton(QWidget* parent) { return new QPushButton(EvaluatePanel::tr("Browse..."), parent); }

QString percent(double value) {
  return std::isfinite(value) ? QLocale().toString(value, 'f', 2) + QLatin1Char('%') : QString();
}

}  // namespace

EvaluatePanel::EvaluatePanel(QWidget* parent) : QWidget(parent) {
  // The model: the run's last checkpoint, or any weights file.
  auto* modelBox = new QGroupBox(tr("Model"));
  runCheckpoint_ = new QRadioButton(tr("The run's last checkpoint"));
  runCheckpointPath_ = new QLabel;
  runCheckpointPath_->setWordWrap(true);
  runCheckpointPath_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  otherFile_ = new QRadioButton(tr("A weights or checkpoint file:"));
  modelFile_ = new QLineEdit;
  modelFile_->setPlaceholderText(tr("dino_deitsmall16_pretrain.pth, checkpoint.pth, ..."));
  auto* browseModel = browseButton(this);
  checkpointKey_ = new QComboBox;
  checkpointKey_->addItem(tr("teacher"), QStringLiteral("teacher"));
  checkpointKey_->addItem(tr("student"), QStringLiteral("student"));
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(modelFile_, 1);
  fileRow->addWidget(browseModel);
  auto* modelLayout = new QFormLayout(modelBox);
  modelLayout->addRow(runCheckpoint_);
  modelLayout->addRow(runCheckpointPath_);
  modelLayout->addRow(otherFile_);
  modelLayout->addRow(fileRow);
  modelLayout->addRow(tr("Checkpoint key:"), checkpointKey_);
  auto* models = new QButtonGroup(this);
  models->addButton(runCheckpoint_);
  models->addButton(otherFile_);
  otherFile_->setChecked(true);

  dataPath_ = new QLineEdit;
  dataPath_->setPlaceholderText(tr("train/ and val/ class folders, an MNIST folder, or fashion-mnist"));
  auto* browseData = browseButton(this);
  auto* dataRow = new QHBoxLayout;
  dataRow->addWidget(dataPath_, 1);
  dataRow->addWidget(browseData);

  // The method and its flags (the reference scripts' names in the tooltips).
  auto* methodBox = new QGroupBox(tr("Method"));
  knn_ = new QRadioButton(tr("k-NN"));
  linear_ = new QRadioButton(tr("Linear probe"));
  knn_->setChecked(true);
  auto* methods = new QButtonGroup(this);
  methods->addButton(knn_);
  methods->addButton(linear_);
  auto* methodRow = new QHBoxLayout;
  methodRow->addWidget(knn_);
  methodRow->addWidget(linear_);
  methodRow->addStretch();
  auto* knnPage = new QWidget;
  auto* knnForm = new QFormLayout(knnPage);
  knnForm->setContentsMargins(0, 0, 0, 0);
  nbKnn_ = new QLineEdit(QStringLiteral("10 20 100 200"));
  nbKnn_->setToolTip(QStringLiteral("--nb_knn"));
  temperature_ = new QDoubleSpinBox;
  temperature_->setDecimals(3);
  temperature_->setRange(0.001, 10);
  temperature_->setSingleStep(0.01);
  temperature_->setValue(0.07);
  temperature_->setToolTip(QStringLiteral("--temperature"));
  knnForm->addRow(tr("Neighbours (k):"), nbKnn_);
  knnForm->addRow(tr("Temperature:"), temperature_);
  auto* linearPage = new QWidget;
  auto* linearForm = new QFormLayout(linearPage);
  linearForm->setContentsMargins(0, 0, 0, 0);
  epochs_ = new QSpinBox;
  epochs_->setRange(1, 10000);
  epochs_->setValue(100);
  epochs_->setToolTip(QStringLiteral("--epochs"));
  lr_ = new QDoubleSpinBox;
  lr_->setDecimals(5);
  lr_->setRange(0.00001, 100);
  lr_->setSingleStep(0.001);
  lr_->setValue(0.001);
  lr_->setToolTip(QStringLiteral("--lr"));
  batchSize_ = new QSpinBox;
  batchSize_->setRange(1, 65536);
  batchSize_->setValue(128);
  batchSize_->setToolTip(QStringLiteral("--batch_size_per_gpu"));
  nLastBlocks_ = new QSpinBox;
  nLastBlocks_->setRange(1, 64);
  nLastBlocks_->setValue(4);
  nLastBlocks_->setToolTip(QStringLiteral("--n_last_blocks"));
  avgpool_ = new QCheckBox(tr("Also the mean patch token"));
  avgpool_->setToolTip(QStringLiteral("--avgpool_patchtokens"));
  cacheFeatures_ = new QCheckBox(tr("Compute the training features once (minutes on a CPU)"));
  cacheFeatures_->setToolTip(QStringLiteral("--cache_features"));
  cacheFeatures_->setChecked(true);
  linearForm->addRow(tr("Epochs:"), epochs_);
  linearForm->addRow(tr("Learning rate (batch 256):"), lr_);
  linearForm->addRow(tr("Batch size:"), batchSize_);
  linearForm->addRow(tr("Last blocks:"), nLastBlocks_);
  linearForm->addRow(avgpool_);
  linearForm->addRow(cacheFeatures_);
  methodPages_ = new QStackedWidget;
  methodPages_->addWidget(knnPage);
  methodPages_->addWidget(linearPage);
  auto* methodLayout = new QVBoxLayout(methodBox);
  methodLayout->addLayout(methodRow);
  methodLayout->addWidget(methodPages_);

  run_ = new QPushButton(tr("&Evaluate"));
  stop_ = new QPushButton(tr("Stop"));
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Room for three lines from the start, so that a long message does not move the buttons.
  status_->setMinimumHeight(3 * status_->fontMetrics().lineSpacing());
  status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(stop_);
  buttons->addStretch();

  auto* form = new QWidget;
  auto* formLayout = new QVBoxLayout(form);
  formLayout->addWidget(modelBox);
  auto* dataForm = new QFormLayout;
  dataForm->addRow(tr("Data:"), dataRow);
  formLayout->addLayout(dataForm);
  formLayout->addWidget(methodBox);
  formLayout->addLayout(buttons);
  formLayout->addWidget(status_);
  formLayout->addStretch();

  chart_ = new MetricChart(tr("Linear probe accuracy"), tr("accuracy (%)"));
  chart_->setXLabel(tr("epoch"));
  chart_->setWholeNumberTicks(true);
  top1Series_ = chart_->addSeries(tr("top-1"), QColor(0x1f, 0x77, 0xb4), MetricChart::Axis::Left, true);
  top5Series_ = chart_->addSeries(tr("top-5"), QColor(0xff, 0x7f, 0x0e), MetricChart::Axis::Left, true);
  table_ = new QTableWidget(0, 7);
  table_->setHorizontalHeaderLabels(
      {tr("Ended"), tr("Method"), tr("Top-1"), tr("Top-5"), tr("Model"), tr("Data"), tr("Details")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  // One line a row; the details take what width is left, at least 16 em (a narrow screen scrolls to
  // them), and their tooltip has them whole with the flags.
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideRight);
  auto* results = new QSplitter(Qt::Vertical);
  results->addWidget(chart_);
  results->addWidget(table_);
  results->setStretchFactor(0, 3);
  results->setStretchFactor(1, 2);

  auto* layout = new QHBoxLayout(this);
  layout->addWidget(form, 0);
  layout->addWidget(results, 1);
  form->setMaximumWidth(420);

  connect(browseModel, &QPushButton::clicked, this, [this] {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Weights to Evaluate"), recent_folders::last(QStringLiteral("weights")),
                                     tr("PyTorch files (*.pth *.pt *.pth.tar);;All files (*)"));
    if (file.isEmpty()) return;
    recent_folders::remember(QStringLiteral("weights"), file);
    setModelFile(file);
  });
  connect(browseData, &QPushButton::clicked, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Data to Evaluate On"),
                                                             recent_folders::last(QStringLiteral("images")));
    if (folder.isEmpty()) return;
    recent_folders::remember(QStringLiteral("images"), folder);
    dataPath_->setText(folder);
  });
  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row < 0 || row >= records_.size() || process_.isRunning()) return;
    const EvaluationRecord& record = records_[records_.size() - 1 - row];
    if (record.method == QLatin1String("linear")) {
      showProbeCurve(record);
    } else {  // a k-NN row has no curve: the chart does not keep another row's
      chart_->clearData();
      chart_->requestReplot();
    }
  });
  connect(modelFile_, &QLineEdit::textEdited, this, [this] { otherFile_->setChecked(true); });
  connect(knn_, &QRadioButton::toggled, this, [this] { updateControls(); });
  connect(runCheckpoint_, &QRadioButton::toggled, this, [this] { updateControls(); });
  connect(run_, &QPushButton::clicked, this, &EvaluatePanel::startEvaluation);
  connect(stop_, &QPushButton::clicked, this, &EvaluatePanel::stopEvaluation);
  connect(&process_, &EvaluationProcess::progress, this, [this](const QString& line) { setStatus(line); });
  connect(&process_, &EvaluationProcess::probePoint, this, [this](int epoch, double top1, double top5, double) {
    chart_->appendPoints(top1Series_, {static_cast<double>(epoch)}, {top1});
    if (std::isfinite(top5)) chart_->appendPoints(top5Series_, {static_cast<double>(epoch)}, {top5});
    chart_->requestReplot();
  });
  connect(&process_, &EvaluationProcess::finished, this, &EvaluatePanel::onFinished);
  connect(&process_, &EvaluationProcess::failed, this, [this](const QString& message) {
    setStatus(tr("The evaluation failed: %1").arg(message));
    updateControls();
  });
  connect(&process_, &EvaluationProcess::stopped, this, [this] {
    // A stopped probe's half-trained classifier is not kept: a record never points to it.
    if (!activeOutput_.isEmpty()) QDir(activeOutput_).removeRecursively();
    setStatus(tr("Stopped; nothing was recorded."));
    updateControls();
  });
  restoreFields();
  setRun(QString(), QString());
}

QString EvaluatePanel::storeFolder() const {
  if (!runFolder_.isEmpty()) return runFolder_;
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

void EvaluatePanel::setRun(const QString& runFolder, const QString& dataPath, int depth) {
  // The same run again (it is announced after every epoch): the user's fields stay as they are.
  const bool newRun = runFolder != runFolder_ || !shownOnce_;
  shownOnce_ = true;
  runFolder_ = runFolder;
  if (!newRun) {
    reloadTable();
    return;
  }
  // eval_linear.py's 4 last blocks, or all of a shallower model's (the demo has 3); 0 is the
  // architecture's depth, 12 for every released one.
  nLastBlocks_->setValue(depth > 0 ? std::min(4, depth) : 4);
  const bool hasRun = !runFolder.isEmpty();
  runCheckpoint_->setEnabled(hasRun);
  runCheckpointPath_->setText(hasRun ? QDir(runFolder).filePath(QStringLiteral("checkpoint.pth"))
                                     : tr("No run is shown: train or follow one."));
  if (hasRun && modelFile_->text().isEmpty()) runCheckpoint_->setChecked(true);
  if (!hasRun) otherFile_->setChecked(true);
  if (!dataPath.isEmpty()) dataPath_->setText(dataPath);
  reloadTable();
  updateControls();
}

void EvaluatePanel::setModelFile(const QString& file) {
  modelFile_->setText(file);
  otherFile_->setChecked(true);
}

void EvaluatePanel::useRunCheckpoint() {
  if (runCheckpoint_->isEnabled()) runCheckpoint_->setChecked(true);
}

void EvaluatePanel::setDataPath(const QString& path) { dataPath_->setText(path); }

void EvaluatePanel::setMethod(const QString& method) {
  (method == QLatin1String("linear") ? linear_ : knn_)->setChecked(true);
}

void EvaluatePanel::setKnn(const QList<int>& ks) {
  QStringList text;
  for (int k : ks) text << QString::number(k);
  nbKnn_->setText(text.join(QLatin1Char(' ')));
}

void EvaluatePanel::setLinear(int epochs, double lr, int batchSize, int nLastBlocks, bool cacheFeatures) {
  epochs_->setValue(epochs);
  lr_->setValue(lr);
  batchSize_->setValue(batchSize);
  nLastBlocks_->setValue(nLastBlocks);
  cacheFeatures_->setChecked(cacheFeatures);
}

bool EvaluatePanel::request(EvaluationRequest* r, QString* error) const {
  r->method = knn_->isChecked() ? QStringLiteral("knn") : QStringLiteral("linear");
  r->model = runCheckpoint_->isChecked() ? QDir(runFolder_).filePath(QStringLiteral("checkpoint.pth"))
                                         : modelFile_->text().trimmed();
  if (r->model.isEmpty()) {
    *error = tr("Choose the weights to evaluate.");
    return false;
  }
  if (!QFileInfo::exists(r->model)) {
    *error = runCheckpoint_->isChecked()
                 ? tr("The run has no checkpoint yet (%1): it writes one after its first epoch.").arg(r->model)
                 : tr("%1 does not exist.").arg(r->model);
    return false;
  }
  r->checkpointKey = checkpointKey_->currentData().toString();
  r->dataPath = dataPath_->text().trimmed();
  if (r->dataPath.isEmpty()) {
    *error = tr("Choose the data to evaluate on.");
    return false;
  }
  r->nbKnn.clear();
  const QStringList ks = r->method == QLatin1String("knn")
                             ? nbKnn_->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)
                             : QStringList();  // the probe does not read them
  for (const auto& part : ks) {
    bool ok = false;
    const int k = part.toInt(&ok);
    if (!ok || k <= 0) {
      *error = tr("Neighbours: \"%1\" is not a positive whole number.").arg(part);
      return false;
    }
    r->nbKnn << k;
  }
  if (r->method == QLatin1String("knn") && r->nbKnn.isEmpty()) {
    *error = tr("Neighbours: give at least one k.");
    return false;
  }
  r->temperature = temperature_->value();
  r->epochs = epochs_->value();
  r->lr = lr_->value();
  r->batchSize = batchSize_->value();
  r->nLastBlocks = nLastBlocks_->value();
  r->avgpoolPatchtokens = avgpool_->isChecked();
  r->cacheFeatures = cacheFeatures_->isChecked();
  r->outputDir = QDir(storeFolder())
                     .filePath(QStringLiteral("evaluations/linear-") +
                               QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
  return true;
}

bool EvaluatePanel::startEvaluation() {
  EvaluationRequest r;
  QString error;
  if (!request(&r, &error) || !process_.start(r, &error)) {
    setStatus(error);
    return false;
  }
  // The record goes where the evaluation started, whatever run is shown when it ends.
  activeStore_ = storeFolder();
  activeOutput_ = r.method == QLatin1String("linear") ? r.outputDir : QString();
  if (r.method == QLatin1String("linear")) {  // k-NN draws nothing: the chart keeps what it shows
    chart_->clearData();
    chart_->requestReplot();
  }
  saveFields();
  setStatus(tr("Starting: dino %1").arg(r.arguments().join(QLatin1Char(' '))));
  updateControls();
  return true;
}

void EvaluatePanel::stopEvaluation() { process_.stop(); }

void EvaluatePanel::onFinished(const EvaluationRecord& record) {
  QString error;
  if (!appendEvaluation(activeStore_, record, &error)) {
    setStatus(error);
  } else {
    setStatus(tr("%1: %2 top-1 in %3 s.")
                  .arg(methodName(record.method), percent(record.top1), QLocale().toString(record.seconds, 'f', 0)));
  }
  reloadTable();
  updateControls();
}

void EvaluatePanel::reloadTable() {
  records_ = loadEvaluations(storeFolder());
  table_->setRowCount(0);
  // Newest first.
  for (auto it = records_.crbegin(); it != records_.crend(); ++it) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    // Minutes are enough to tell evaluations apart; the jsonl keeps the seconds.
    const QStringList cells{QLocale().toString(it->when.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
                                QLocale().toString(it->when.time(), QLocale::ShortFormat),
                            figureName(*it),
                            percent(it->top1),
                            percent(it->top5),
                            QFileInfo(it->model).fileName(),
                            it->data,
                            evaluationDetails(*it)};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(c == 4 ? it->model : c == 6 ? cells[c] + QLatin1Char('\n') + it->settings : cells[c]);
      table_->setItem(row, c, item);
    }
  }
  // Columns as wide as their contents, the file and data names at most 10 em (their tooltips and the
  // jsonl have them whole), the details the rest.
  const int cap = 10 * fontMetrics().horizontalAdvance(QLatin1Char('M'));
  for (int c = 0; c + 1 < table_->columnCount(); ++c) {
    table_->resizeColumnToContents(c);
    if (c >= 4) table_->setColumnWidth(c, std::min(table_->columnWidth(c), cap));
  }
  table_->setColumnWidth(table_->columnCount() - 1, 16 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
  // The latest probe's curve, until the user picks another row.
  for (auto it = records_.crbegin(); it != records_.crend(); ++it)
    if (it->method == QLatin1String("linear")) {
      showProbeCurve(*it);
      break;
    }
  Q_EMIT evaluationsChanged(summary());
}

void EvaluatePanel::showProbeCurve(const EvaluationRecord& record) {
  if (record.method != QLatin1String("linear") || process_.isRunning()) return;
  QFile log(QDir(record.outputFolder).filePath(QStringLiteral("log.txt")));
  if (!log.open(QIODevice::ReadOnly)) return;
  chart_->clearData();
  // eval_linear.py's log.txt: a JSON line per epoch, with test_acc1 (and test_acc5) after validations.
  while (!log.atEnd()) {
    const QJsonObject line = QJsonDocument::fromJson(log.readLine()).object();
    if (!line.contains(QStringLiteral("test_acc1"))) continue;
    const double epoch = line[QStringLiteral("epoch")].toDouble();
    chart_->appendPoints(top1Series_, {epoch}, {line[QStringLiteral("test_acc1")].toDouble()});
    if (line.contains(QStringLiteral("test_acc5")))
      chart_->appendPoints(top5Series_, {epoch}, {line[QStringLiteral("test_acc5")].toDouble()});
  }
  chart_->resetView();
  chart_->requestReplot();
}

void EvaluatePanel::updateControls() {
  const bool running = process_.isRunning();
  run_->setEnabled(!running);
  stop_->setEnabled(running);
  methodPages_->setCurrentIndex(knn_->isChecked() ? 0 : 1);
  modelFile_->setEnabled(!running);
}

void EvaluatePanel::setStatus(const QString& text) { status_->setText(text); }

void EvaluatePanel::saveFields() const {
  QSettings settings;
  settings.beginGroup(QStringLiteral("Evaluate"));
  settings.setValue(QStringLiteral("method"), knn_->isChecked() ? QStringLiteral("knn") : QStringLiteral("linear"));
  settings.setValue(QStringLiteral("nb_knn"), nbKnn_->text());
  settings.setValue(QStringLiteral("temperature"), temperature_->value());
  settings.setValue(QStringLiteral("epochs"), epochs_->value());
  settings.setValue(QStringLiteral("lr"), lr_->value());
  settings.setValue(QStringLiteral("batch_size"), batchSize_->value());
  settings.setValue(QStringLiteral("avgpool_patchtokens"), avgpool_->isChecked());
  settings.setValue(QStringLiteral("cache_features"), cacheFeatures_->isChecked());
  settings.setValue(QStringLiteral("checkpoint_key"), checkpointKey_->currentData());
}

void EvaluatePanel::restoreFields() {
  QSettings settings;
  settings.beginGroup(QStringLiteral("Evaluate"));
  setMethod(settings.value(QStringLiteral("method"), QStringLiteral("knn")).toString());
  nbKnn_->setText(settings.value(QStringLiteral("nb_knn"), nbKnn_->text()).toString());
  temperature_->setValue(settings.value(QStringLiteral("temperature"), temperature_->value()).toDouble());
  epochs_->setValue(settings.value(QStringLiteral("epochs"), epochs_->value()).toInt());
  lr_->setValue(settings.value(QStringLiteral("lr"), lr_->value()).toDouble());
  batchSize_->setValue(settings.value(QStringLiteral("batch_size"), batchSize_->value()).toInt());
  avgpool_->setChecked(settings.value(QStringLiteral("avgpool_patchtokens"), false).toBool());
  cacheFeatures_->setChecked(settings.value(QStringLiteral("cache_features"), true).toBool());
  const int key = checkpointKey_->findData(settings.value(QStringLiteral("checkpoint_key"), QStringLiteral("teacher")));
  if (key >= 0) checkpointKey_->setCurrentIndex(key);
}

QString EvaluatePanel::figureName(const EvaluationRecord& record) {
  const int k = figureK(record);
  return k > 0 ? tr("k-NN (k = %1)").arg(k) : methodName(record.method);
}

QString EvaluatePanel::statusText() const { return status_->text(); }
