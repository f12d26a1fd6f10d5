#include "config/config_panel.h"

#include <dino/session/training_presets.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

namespace {

// "60,000 images in 10 classes (MNIST layout)", in the interface's language and number format.
QString dataSummaryText(const dino::run_settings::DataSummary& data) {
  const int images = static_cast<int>(std::min<int64_t>(data.images, std::numeric_limits<int>::max()));
  QString text = data.classes > 0 ? ConfigPanel::tr("%Ln image(s) in %1", nullptr, images)
                                        .arg(ConfigPanel::tr("%Ln class(es)", nullptr, static_cast<int>(data.classes)))
                                  : ConfigPanel::tr("%Ln image(s)", nullptr, images);
  return data.mnist_layout ? ConfigPanel::tr("%1 (MNIST layout)").arg(text) : text;
}

// A translucent orange: it marks the field on a light or a dark palette alike.
const char* kErrorStyle = "border: 1px solid #d55e00; background: rgba(213, 94, 0, 40);";

QString presetTitle(const dino::TrainingPreset& preset) {
  return QCoreApplication::translate("TrainingPreset", preset.title.c_str());
}

// The core's setting texts, in the context lupdate files them under (core/src/train/translatable.h).
QString settingText(const char* text) { return QCoreApplication::translate("TrainingSetting", text); }

QJsonValue toJson(const dino::SettingValue& value) {
  return std::visit(
      [](const auto& v) -> QJsonValue {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return QString::fromStdString(v);
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          QJsonArray array;
          for (double x : v) array.append(x);
          return array;
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return static_cast<qint64>(v);
        } else {
          return v;
        }
      },
      value);
}

const dino::SettingDescription& setting(const QString& key) {
  const auto* d = dino::find_training_setting(key.toStdString());
  Q_ASSERT(d);
  return *d;
}

}  // namespace

namespace {

// As wide as its contents need, so the settings scroll up and down and never sideways, nothing clipped.
class VerticalScrollArea : public QScrollArea {
 public:
  QSize minimumSizeHint() const override {
    const int content = widget() ? widget()->minimumSizeHint().width() : 0;
    return {content + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
            QScrollArea::minimumSizeHint().height()};
  }
  QSize sizeHint() const override { return {minimumSizeHint().width(), QScrollArea::sizeHint().height()}; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == widget() && event->type() == QEvent::LayoutRequest) updateGeometry();  // a label grew
    return QScrollArea::eventFilter(watched, event);
  }
};

}  // namespace

ConfigPanel::ConfigPanel(QWidget* parent) : QWidget(parent) {
  auto* outer = new QVBoxLayout(this);
  auto* presetRow = new QHBoxLayout;
  presetRow->addWidget(new QLabel(tr("Preset:")));
  presets_ = new QComboBox;
  presets_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  presets_->setMinimumContentsLength(20);
  presets_->addItem(tr("Choose a recipe..."));
  for (const auto& preset : dino::training_presets()) {
    presets_->addItem(presetTitle(preset), QString::fromStdString(preset.name));
    presets_->setItemData(presets_->count() - 1,
                          QCoreApplication::translate("TrainingPreset", preset.description.c_str()), Qt::ToolTipRole);
  }
  presetRow->addWidget(presets_, 1);
  outer->addLayout(presetRow);
  connect(presets_, &QComboBox::activated, this, [this](int index) {
    if (index > 0) applyPreset(presets_->itemData(index).toString());
  });

  auto* scroll = new VerticalScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // as wide as the settings need (below)
  auto* host = new QWidget;
  auto* column = new QVBoxLayout(host);
  QHash<QString, QFormLayout*> forms;
  QList<QLabel*> formLabels;
  for (const char* group : dino::training_setting_groups()) {
    auto* box = new QGroupBox(settingText(group));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    forms.insert(QString::fromLatin1(group), form);
    column->addWidget(box);
  }
  column->addStretch(1);
  scroll->setWidget(host);
  outer->addWidget(scroll, 1);

  for (const auto& field : dino::training_settings()) {
    if (field.command_line_only) continue;
    const QString key = QString::fromStdString(field.key);
    QWidget* editor = makeEditor(field);
    editor->setToolTip(settingText(field.help));
    editor->setObjectName(key);  // found by its key (tests, style sheets)
    editors_.insert(key, editor);
    auto* label = new QLabel(settingText(field.label));
    labels_.insert(key, label->text());
    formLabels.append(label);
    label->setToolTip(settingText(field.help));
    QFormLayout* form = forms[QString::fromLatin1(field.group)];
    form->addRow(label, editor);
    if (key == QLatin1String("data_path")) {
      dataLabel_ = new QLabel;
      dataLabel_->setWordWrap(true);
      form->addRow(QString(), dataLabel_);
    }
  }

  // One label column for every group.
  int labelWidth = 0;
  for (QLabel* label : formLabels) labelWidth = std::max(labelWidth, label->sizeHint().width());
  for (QLabel* label : formLabels) label->setMinimumWidth(labelWidth);

  problemLabel_ = new QLabel;
  problemLabel_->setWordWrap(true);
  // Vermillion reads on a light and a dark palette alike.
  problemLabel_->setStyleSheet(QStringLiteral("color: #d55e00;"));
  outer->addWidget(problemLabel_);

  scanTimer_.setSingleShot(true);
  scanTimer_.setInterval(300);  // scan once the user stops typing
  connect(&scanTimer_, &QTimer::timeout, this, &ConfigPanel::startScan);
  connect(&scanWatcher_, &QFutureWatcher<dino::run_settings::DataSummary>::finished, this, [this] {
    scanning_ = false;
    if (scanTimer_.isActive()) return;  // the settings changed meanwhile: a newer scan follows
    if (!server_.isEmpty()) return;     // the data is the server's now
    data_ = scanWatcher_.result();
    knownPath_ = scannedPath_;
    knownLimit_ = scannedLimit_;
    dataLabel_->setText(data_.ok ? dataSummaryText(data_)
                                 : QStringLiteral("<span style='color:#d55e00'>%1</span>")
                                       .arg(QString::fromStdString(data_.description).toHtmlEscaped()));
    validate();
    Q_EMIT dataScanned();
  });
  refreshEditors();
  validate();
  startScan();
}

ConfigPanel::~ConfigPanel() { scanWatcher_.waitForFinished(); }

QWidget* ConfigPanel::makeEditor(const dino::SettingDescription& field) {
  using K = dino::SettingKind;
  const QString key = QString::fromStdString(field.key);
  switch (field.kind) {
    case K::integer: {
      auto* spin = new QSpinBox;
      // Bounds from the table; a spin box holds an int.
      const double low = field.minimum ? field.minimum->value + (field.minimum->open ? 1 : 0) : INT_MIN;
      const double high = field.maximum ? field.maximum->value - (field.maximum->open ? 1 : 0) : INT_MAX;
      spin->setRange(static_cast<int>(std::max<double>(low, INT_MIN)),
                     static_cast<int>(std::min<double>(high, INT_MAX)));
      connect(spin, &QSpinBox::valueChanged, this, [this, key](int v) { onEdited(key, int64_t{v}); });
      return spin;
    }
    case K::flag: {
      auto* check = new QCheckBox;
      connect(check, &QCheckBox::toggled, this, [this, key](bool v) { onEdited(key, v); });
      return check;
    }
    case K::choice:
    case K::text:
      if (field.kind == K::choice || key == QLatin1String("device")) {
        auto* combo = new QComboBox;
        // As wide as the form gives it; a long entry (a CPU's name) shows in full in the list.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        if (key == QLatin1String("device")) {
          fillDeviceChoices(combo);
        } else {
          for (const auto& choice : field.choices)
            combo->addItem(QString::fromStdString(choice), QString::fromStdString(choice));
        }
        connect(combo, &QComboBox::activated, this,
                [this, key, combo](int) { onEdited(key, combo->currentData().toString().toStdString()); });
        return combo;
      }
      [[fallthrough]];
    case K::real:
    case K::real_pair:
    case K::path: {
      auto* line = new QLineEdit;
      const bool pair = field.kind == K::real_pair, real = field.kind == K::real;
      connect(line, &QLineEdit::textEdited, this, [this, key, pair, real](const QString& text) {
        if (real) {
          bool ok = false;
          const double v = text.trimmed().toDouble(&ok);
          if (!ok) return onLocalError(key, tr("%1 is not a number").arg(text));
          onEdited(key, v);
        } else if (pair) {
          const auto parts = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
          std::vector<double> values;
          for (const auto& part : parts) {
            bool ok = false;
            const double v = part.toDouble(&ok);
            if (!ok) return onLocalError(key, tr("%1 is not a number").arg(part));
            values.push_back(v);
          }
          if (values.size() != 2) return onLocalError(key, tr("two numbers, min and max"));
          onEdited(key, values);
        } else {
          onEdited(key, text.trimmed().toStdString());
        }
      });
      if (field.kind != K::path) return line;
      auto* row = new QWidget;
      auto* layout = new QHBoxLayout(row);
      layout->setContentsMargins(0, 0, 0, 0);
      layout->addWidget(line, 1);
      auto* browse = new QToolButton;
      browse->setText(tr("..."));
      browse->setToolTip(tr("Choose a folder"));
      layout->addWidget(browse);
      connect(browse, &QToolButton::clicked, this, [this, key, line] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), line->text());
        if (folder.isEmpty()) return;
        line->setText(folder);
        onEdited(key, folder.toStdString());
      });
      row->setProperty("lineEdit", QVariant::fromValue(static_cast<QObject*>(line)));
      return row;
    }
  }
  return new QWidget;
}

void ConfigPanel::refreshEditors() {
  loading_ = true;
  for (const auto& field : dino::training_settings()) {
    QWidget* editor = editors_.value(QString::fromStdString(field.key));
    if (!editor) continue;
    const QJsonValue v = toJson(field.get(config_));
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
      spin->setValue(static_cast<int>(std::clamp<qint64>(v.toInteger(), spin->minimum(), spin->maximum())));
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
      check->setChecked(v.toBool());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      int index = combo->findData(v.toString());
      if (index < 0) {
        combo->addItem(v.toString(), v.toString());
        index = combo->count() - 1;
      }
      combo->setCurrentIndex(index);
    } else {
      auto* line = qobject_cast<QLineEdit*>(editor);
      if (!line) line = qobject_cast<QLineEdit*>(editor->property("lineEdit").value<QObject*>());
      if (!line) continue;
      if (v.isArray()) {
        QStringList parts;
        for (const auto& item : v.toArray()) parts << QString::number(item.toDouble());
        line->setText(parts.join(QLatin1Char(' ')));
      } else if (v.isDouble()) {
        line->setText(QString::number(v.toDouble(), 'g', 10));
      } else {
        line->setText(v.toString());
      }
    }
  }
  localErrors_.clear();
  loading_ = false;
  updatePrecisionChoices();
}

void ConfigPanel::updatePrecisionChoices() {
  auto* combo = qobject_cast<QComboBox*>(editors_.value(QStringLiteral("precision")));
  auto* model = combo ? qobject_cast<QStandardItemModel*>(combo->model()) : nullptr;
  if (!model) return;
  const QString device = QString::fromStdString(config_.device);
  QStringList allowed;
  for (const auto& p : dino::run_settings::precisions_for(device.toStdString())) allowed << QString::fromStdString(p);
  for (int i = 0; i < combo->count(); ++i) {
    const bool ok = allowed.contains(combo->itemData(i).toString());
    model->item(i)->setEnabled(ok);
    model->item(i)->setToolTip(ok ? QString() : tr("Not supported by the chosen device (%1)").arg(device));
  }
}

QString ConfigPanel::settingsJson() const { return QString::fromStdString(config_.to_json()); }

QJsonValue ConfigPanel::value(const QString& key) const {
  const auto* d = dino::find_training_setting(key.toStdString());
  return d ? toJson(d->get(config_)) : QJsonValue();
}

void ConfigPanel::setSettings(const dino::TrainingConfig& config) {
  config_ = config;
  showPreset(QString(), false);  // settings from elsewhere are no recipe (applyPreset names its own)
  settingsReplaced();
}

bool ConfigPanel::setSettingsJson(const QString& json, QString* error) {
  // The core reads it, so the app refuses exactly what `dino train --config` does.
  dino::TrainingConfig merged = config_;
  try {
    merged.merge_json(json.toStdString(), "settings");
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  setSettings(merged);
  return true;
}

bool ConfigPanel::applyPreset(const QString& name, QString* error) {
  dino::TrainingConfig config = config_;
  try {
    dino::apply_training_preset(config, name.toStdString());
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  setSettings(config);
  showPreset(name, false);
  return true;
}

void ConfigPanel::showPreset(const QString& name, bool edited) {
  const QSignalBlocker blocker(presets_);
  const int index = presets_->findData(name);
  presets_->setItemText(
      0, edited && index > 0 ? tr("%1, edited").arg(presets_->itemText(index)) : tr("Choose a recipe..."));
  presets_->setCurrentIndex(edited || index < 0 ? 0 : index);
  preset_ = index > 0 ? name : QString();
  presetEdited_ = index > 0 && edited;
}

void ConfigPanel::settingsReplaced() {
  refreshEditors();
  validate();
  startScan();
  Q_EMIT settingsChanged();
}

void ConfigPanel::setValue(const QString& key, const QJsonValue& value) {
  // Through the core's reading of config.json, which knows each key's type.
  dino::TrainingConfig config = config_;
  try {
    config.merge_json(QJsonDocument(QJsonObject{{key, value}}).toJson().toStdString(), "setValue");
  } catch (const std::exception& e) {
    qWarning("ConfigPanel::setValue: %s", e.what());
    return;
  }
  config_ = config;
  refreshEditors();
  const QString preset = preset_;
  const bool edited = presetEdited_;
  onEdited(key, dino::find_training_setting(key.toStdString())->get(config_));
  if (!preset.isEmpty()) showPreset(preset, edited);  // set by the program: the user's edits, no more
}

void ConfigPanel::onEdited(const QString& key, const dino::SettingValue& value) {
  if (loading_) return;
  localErrors_.remove(key);
  setting(key).set(config_, value);
  if (key == QLatin1String("data_path") || key == QLatin1String("limit_images")) scanTimer_.start();
  if (key == QLatin1String("device")) updatePrecisionChoices();
  if (!preset_.isEmpty()) showPreset(preset_, true);  // the recipe stays named, as edited
  validate();
  Q_EMIT settingsChanged();
}

void ConfigPanel::onLocalError(const QString& key, const QString& message) {
  localErrors_.insert(key, message);
  validate();
}

void ConfigPanel::markField(const QString& key, const QString& message) {
  for (auto it = editors_.begin(); it != editors_.end(); ++it) {
    QWidget* editor = it.value();
    QWidget* target = editor->property("lineEdit").isValid()
                          ? qobject_cast<QWidget*>(editor->property("lineEdit").value<QObject*>())
                          : editor;
    const bool bad = it.key() == key;
    target->setStyleSheet(bad ? QString::fromLatin1(kErrorStyle) : QString());
    const QString help = settingText(setting(it.key()).help);
    target->setToolTip(bad ? message + QStringLiteral("\n\n") + help : help);
  }
}

void ConfigPanel::validate() {
  problemKey_.clear();
  if (!localErrors_.isEmpty()) {
    problemKey_ = localErrors_.begin().key();
    problem_ = localErrors_.begin().value();
  } else {
    // This machine's devices say nothing of a server's.
    problem_ = QString::fromStdString(server_.isEmpty() ? dino::run_settings::problem(config_)
                                                        : dino::run_settings::settings_problem(config_));
    // The core names the flag (--lr) or the key ('lr'): mark that field.
    const QRegularExpression flag(QStringLiteral("(?:--|')([a-z_0-9]+)"));
    for (auto match = flag.globalMatch(problem_); match.hasNext();) {
      const auto found = match.next();
      const QString key = found.captured(1);
      if (editors_.contains(key)) {
        problemKey_ = key;
        // Named as the form shows it, the flag beside: "Stochastic depth (--drop_path_rate) must ..."
        if (found.captured(0).startsWith(QLatin1String("--")))
          problem_.replace(found.capturedStart(0), found.capturedLength(0),
                           QStringLiteral("%1 (--%2)").arg(labels_.value(key), key));
        break;
      }
    }
    if (problem_.isEmpty() && server_.isEmpty() && !dataScanPending() && !data_.ok) {
      problem_ = QString::fromStdString(data_.description);
      problemKey_ = QStringLiteral("data_path");
    }
  }
  markField(problemKey_, problem_);
  problemLabel_->setText(problem_.isEmpty() ? QString() : tr("Cannot start: %1").arg(problem_));
  const bool valid = canStart();
  if (valid != lastValidity_) {
    lastValidity_ = valid;
    Q_EMIT validityChanged(valid);
  }
}

bool ConfigPanel::canStart() const {
  return problem_.isEmpty() && (!server_.isEmpty() || (!dataScanPending() && data_.ok));
}

void ConfigPanel::setServer(const QString& host) {
  if (host == server_) return;
  server_ = host;
  if (auto* combo = qobject_cast<QComboBox*>(editors_.value(QStringLiteral("device")))) {
    QSignalBlocker block(combo);
    fillDeviceChoices(combo);
  }
  knownPath_.clear();  // scan again when back on this machine
  refreshEditors();
  startScan();
}

void ConfigPanel::fillDeviceChoices(QComboBox* combo) const {
  // This machine's devices, or what any server can be asked for.
  combo->clear();
  combo->addItem(tr("auto (a GPU when there is one)"), QStringLiteral("auto"));
  if (server_.isEmpty()) {
    for (const auto& device : dino::run_settings::devices())
      combo->addItem(QString::fromStdString(device.description), QString::fromStdString(device.name));
  } else {
    combo->addItem(tr("cpu (the server's processor)"), QStringLiteral("cpu"));
    combo->addItem(tr("cuda (the server's first GPU)"), QStringLiteral("cuda"));
  }
}

void ConfigPanel::startScan() {
  const QString path = QString::fromStdString(config_.data_path);
  if (!server_.isEmpty()) {
    dataLabel_->setText(tr("The images are read on %1 when the run starts.").arg(server_));
    validate();
    Q_EMIT dataScanned();
    return;
  }
  const qint64 limit = config_.limit_images;
  if (scanning_) {  // finish the old scan first, then look again
    scanTimer_.start();
    return;
  }
  if (path == knownPath_ && limit == knownLimit_) {  // data_ already describes it
    validate();
    Q_EMIT dataScanned();
    return;
  }
  scannedPath_ = path;
  scannedLimit_ = limit;
  dataLabel_->setText(tr("Scanning %1...").arg(path));
  scanning_ = true;
  scanWatcher_.setFuture(
      QtConcurrent::run([p = path.toStdString(), limit] { return dino::run_settings::scan_data(p, limit); }));
  validate();
}
