// Every training setting, grouped, with the reference's defaults and a tooltip each; presets;
// validation as you type (the field at fault is marked with the reason); the data folder scanned
// in the background with its image and class counts shown. Start is possible only when canStart().
#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <dino/train/training_run.h>

class QComboBox;
class QLabel;

class ConfigPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ConfigPanel(QWidget* parent = nullptr);
  ~ConfigPanel() override;

  QString settingsJson() const;
  // Fields absent from `json` keep their values. False, with `error`, for JSON that is not an
  // object of known settings.
  bool setSettingsJson(const QString& json, QString* error = nullptr);
  bool applyPreset(const QString& name, QString* error = nullptr);
  void setValue(const QString& key, const QJsonValue& value);  // as if the user had typed it
  QJsonValue value(const QString& key) const { return settings_.value(key); }

  bool canStart() const;
  QString problem() const { return problem_; }          // why not, when !canStart()
  QString problemKey() const { return problemKey_; }    // the field at fault, if one is
  const dino::run_settings::DataSummary& dataSummary() const { return data_; }
  bool dataScanPending() const { return scanning_ || scanTimer_.isActive(); }

 Q_SIGNALS:
  void settingsChanged();  // after every edit, once validated
  void validityChanged(bool canStart);
  void dataScanned();

 private:
  QWidget* makeEditor(const struct ConfigField& field);
  void refreshEditors();
  // Greys out the --precision values the chosen device cannot run (bf16 before compute 8.0).
  void updatePrecisionChoices();
  void onEdited(const QString& key, const QJsonValue& value);
  void onLocalError(const QString& key, const QString& message);
  void validate();
  void startScan();
  void markField(const QString& key, const QString& message);

  QJsonObject settings_;
  QHash<QString, QWidget*> editors_;
  QHash<QString, QString> localErrors_;  // text that does not parse, by key
  QString problem_, problemKey_;
  dino::run_settings::DataSummary data_;
  QString scannedPath_, knownPath_;  // being scanned; described by data_
  qint64 scannedLimit_ = -1, knownLimit_ = -1;
  QFutureWatcher<dino::run_settings::DataSummary> scanWatcher_;
  QTimer scanTimer_;
  QLabel* dataLabel_ = nullptr;
  QLabel* problemLabel_ = nullptr;
  QComboBox* presets_ = nullptr;
  bool scanning_ = false;  // until the watcher has delivered (its future may finish earlier)
  bool lastValidity_ = false;
  bool loading_ = false;
};
