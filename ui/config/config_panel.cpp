#include "config/config_panel.h"

#include "config/config_fields.h"

#include <dino/train/training_presets.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

const char* kErrorStyle = "border: 1px solid #d55e00; background: #fff0eb;";

QString presetTitle(const dino::TrainingPreset& preset) {
  return QCoreApplication::translate("TrainingPreset", preset.title.c_str());
}

}  // namespace

ConfigPanel::ConfigPanel(QWidget* parent) : QWidget(parent) {
  QString error;
  settings_ = QJsonDocument::fromJson(QByteArray::fromStdString(dino::run_settings::defaults_json())).object();

  auto* outer = new QVBoxLayout(this);
  auto* presetRow = new QHBoxLayout;
  presetRow->addWidget(new QLabel(tr("Preset:")));
  presets_ = new QComboBox;
  presets_->addItem(tr("Choose a recipe..."));
  for (const auto& preset : dino::training_presets()) {
    presets_->addItem(presetTitle(preset), QString::fromStdString(preset.name));
    presets_->setItemData(presets_->count() - 1, QString::fromStdString(preset.description), Qt::ToolTipRole);
  }
  presetRow->addWidget(presets_, 1);
  outer->addLayout(presetRow);
  connect(presets_, &QComboBox::activated, this, [this](int index) {
    if (index <= 0) return;
    applyPreset(presets_->itemData(index).toString());
    presets_->setCurrentIndex(0);
  });

  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  auto* host = new QWidget;
  auto* column = new QVBoxLayout(host);
  QHash<QString, QFormLayout*> forms;
  for (const QString& group : configGroups()) {
    auto* box = new QGroupBox(group);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    forms.insert(group, form);
    column->addWidget(box);
  }
  column->addStretch(1);
  scroll->setWidget(host);
  outer->addWidget(scroll, 1);

  for (const auto& field : configFields()) {
    QWidget* editor = makeEditor(field);
    editor->setToolTip(field.tooltip);
    editor->setObjectName(field.key);  // found by its key (tests, style sheets)
    editors_.insert(field.key, editor);
    auto* label = new QLabel(field.label);
    label->setToolTip(field.tooltip);
    forms[field.group]->addRow(label, editor);
    if (field.key == QLatin1String("data_path")) {
      dataLabel_ = new QLabel;
      dataLabel_->setWordWrap(true);
      forms[field.group]->addRow(QString(), dataLabel_);
    }
  }

  problemLabel_ = new QLabel;
  problemLabel_->setWordWrap(true);
  problemLabel_->setStyleSheet(QStringLiteral("color: #a03000;"));
  outer->addWidget(problemLabel_);

  scanTimer_.setSingleShot(true);
  scanTimer_.setInterval(300);  // scan once the user stops typing
  connect(&scanTimer_, &QTimer::timeout, this, &ConfigPanel::startScan);
  connect(&scanWatcher_, &QFutureWatcher<dino::run_settings::DataSummary>::finished, this, [this] {
    scanning_ = false;
    if (scanTimer_.isActive()) return;  // the settings changed meanwhile: a newer scan follows
    data_ = scanWatcher_.result();
    knownPath_ = scannedPath_;
    knownLimit_ = scannedLimit_;
    dataLabel_->setText(data_.ok ? QString::fromStdString(data_.description)
                                 : QStringLiteral("<span style='color:#a03000'>%1</span>")
                                       .arg(QString::fromStdString(data_.description).toHtmlEscaped()));
    validate();
    Q_EMIT dataScanned();
  });
  refreshEditors();
  validate();
  startScan();
}

ConfigPanel::~ConfigPanel() { scanWatcher_.waitForFinished(); }

QWidget* ConfigPanel::makeEditor(const ConfigField& field) {
  using K = ConfigField::Kind;
  const QString key = field.key;
  switch (field.kind) {
    case K::Integer: {
      auto* spin = new QSpinBox;
      spin->setRange(static_cast<int>(field.minimum), static_cast<int>(std::min<qint64>(field.maximum, INT_MAX)));
      connect(spin, &QSpinBox::valueChanged, this, [this, key](int v) { onEdited(key, v); });
      return spin;
    }
    case K::Boolean: {
      auto* check = new QCheckBox;
      connect(check, &QCheckBox::toggled, this, [this, key](bool v) { onEdited(key, v); });
      return check;
    }
    case K::Choice: {
      auto* combo = new QComboBox;
      if (key == QLatin1String("device")) {
        combo->addItem(tr("auto (a GPU when there is one)"), QStringLiteral("auto"));
        for (const auto& device : dino::run_settings::devices())
          combo->addItem(QString::fromStdString(device.description), QString::fromStdString(device.name));
      } else {
        for (const QString& choice : field.choices) combo->addItem(choice, choice);
      }
      connect(combo, &QComboBox::activated, this, [this, key, combo](int) { onEdited(key, combo->currentData().toString()); });
      return combo;
    }
    case K::Real:
    case K::RealPair:
    case K::Text:
    case K::Folder: {
      auto* line = new QLineEdit;
      const bool pair = field.kind == K::RealPair, real = field.kind == K::Real;
      connect(line, &QLineEdit::textEdited, this, [this, key, pair, real](const QString& text) {
        if (real) {
          bool ok = false;
          const double v = text.trimmed().toDouble(&ok);
          if (!ok) return onLocalError(key, tr("%1 is not a number").arg(text));
          onEdited(key, v);
        } else if (pair) {
          const auto parts = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
          QJsonArray values;
          for (const auto& part : parts) {
            bool ok = false;
            const double v = part.toDouble(&ok);
            if (!ok) return onLocalError(key, tr("%1 is not a number").arg(part));
            values.append(v);
          }
          if (values.size() != 2) return onLocalError(key, tr("two numbers, min and max"));
          onEdited(key, values);
        } else {
          onEdited(key, text.trimmed());
        }
      });
      if (field.kind != K::Folder) return line;
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
        onEdited(key, folder);
      });
      row->setProperty("lineEdit", QVariant::fromValue(static_cast<QObject*>(line)));
      return row;
    }
  }
  return new QWidget;
}

void ConfigPanel::refreshEditors() {
  loading_ = true;
  for (const auto& field : configFields()) {
    QWidget* editor = editors_.value(field.key);
    const QJsonValue v = settings_.value(field.key);
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
      spin->setValue(static_cast<int>(v.toInteger()));
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
  const QString device = settings_.value(QStringLiteral("device")).toString();
  QStringList allowed;
  for (const auto& p : dino::run_settings::precisions_for(device.toStdString())) allowed << QString::fromStdString(p);
  for (int i = 0; i < combo->count(); ++i) {
    const bool ok = allowed.contains(combo->itemData(i).toString());
    model->item(i)->setEnabled(ok);
    model->item(i)->setToolTip(ok ? QString() : tr("Not supported by the chosen device (%1)").arg(device));
  }
}

QString ConfigPanel::settingsJson() const {
  return QString::fromUtf8(QJsonDocument(settings_).toJson(QJsonDocument::Indented));
}

bool ConfigPanel::setSettingsJson(const QString& json, QString* error) {
  QJsonParseError parse;
  const auto doc = QJsonDocument::fromJson(json.toUtf8(), &parse);
  if (!doc.isObject()) {
    if (error) *error = tr("Not a JSON object of settings: %1").arg(parse.errorString());
    return false;
  }
  // Let the core check keys and types, so that the app refuses exactly what `dino train --config` does.
  QJsonObject merged = settings_;
  const QJsonObject incoming = doc.object();
  for (auto it = incoming.begin(); it != incoming.end(); ++it) merged.insert(it.key(), it.value());
  const std::string text = QJsonDocument(merged).toJson().toStdString();
  try {
    (void)dino::run_settings::normalized(text);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  settings_ = merged;
  refreshEditors();
  validate();
  startScan();
  Q_EMIT settingsChanged();
  return true;
}

bool ConfigPanel::applyPreset(const QString& name, QString* error) {
  try {
    const std::string json = dino::run_settings::with_preset(QJsonDocument(settings_).toJson().toStdString(), name.toStdString());
    settings_ = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  refreshEditors();
  validate();
  startScan();
  Q_EMIT settingsChanged();
  return true;
}

void ConfigPanel::setValue(const QString& key, const QJsonValue& value) {
  settings_.insert(key, value);
  refreshEditors();
  onEdited(key, value);
}

void ConfigPanel::onEdited(const QString& key, const QJsonValue& value) {
  if (loading_) return;
  localErrors_.remove(key);
  settings_.insert(key, value);
  if (key == QLatin1String("data_path") || key == QLatin1String("limit_images")) scanTimer_.start();
  if (key == QLatin1String("device")) updatePrecisionChoices();
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
    QWidget* target = editor->property("lineEdit").isValid() ? qobject_cast<QWidget*>(editor->property("lineEdit").value<QObject*>()) : editor;
    const bool bad = it.key() == key;
    target->setStyleSheet(bad ? QString::fromLatin1(kErrorStyle) : QString());
    const auto field = std::find_if(configFields().begin(), configFields().end(), [&](const ConfigField& f) { return f.key == it.key(); });
    target->setToolTip(bad ? message + QStringLiteral("\n\n") + field->tooltip : field->tooltip);
  }
}

void ConfigPanel::validate() {
  problemKey_.clear();
  if (!localErrors_.isEmpty()) {
    problemKey_ = localErrors_.begin().key();
    problem_ = localErrors_.begin().value();
  } else {
    problem_ = QString::fromStdString(dino::run_settings::problem(QJsonDocument(settings_).toJson().toStdString()));
    // The core names the flag (--lr) or the key ('lr'): mark that field.
    const QRegularExpression flag(QStringLiteral("(?:--|')([a-z_0-9]+)"));
    for (auto match = flag.globalMatch(problem_); match.hasNext();) {
      const QString key = match.next().captured(1);
      if (editors_.contains(key)) {
        problemKey_ = key;
        break;
      }
    }
    if (problem_.isEmpty() && !dataScanPending() && !data_.ok) {
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

bool ConfigPanel::canStart() const { return problem_.isEmpty() && !dataScanPending() && data_.ok; }

void ConfigPanel::startScan() {
  const QString path = settings_.value(QStringLiteral("data_path")).toString();
  const qint64 limit = settings_.value(QStringLiteral("limit_images")).toInteger();
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
  scanWatcher_.setFuture(QtConcurrent::run([p = path.toStdString(), limit] { return dino::run_settings::scan_data(p, limit); }));
  validate();
}
