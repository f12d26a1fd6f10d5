// Every training setting, grouped, with its default and a tooltip each, all made from the core's
// table of settings (dino/session/training_settings.h); presets; validation as you type (the field at
// fault is marked with the reason); the data folder scanned in the background with its image and
// class counts shown. Start is possible only when canStart().
#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QJsonValue>
#include <QTimer>
#include <QWidget>

#include <dino/api/training_run.h>
#include <dino/session/training_settings.h>

class QComboBox;
class QLabel;

class ConfigPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ConfigPanel(QWidget* parent = nullptr);
  ~ConfigPanel() override;

  const dino::TrainingConfig& settings() const { return config_; }
  void setSettings(const dino::TrainingConfig& config);
  QString settingsJson() const;  // as config.json
  // Fields absent from `json` keep their values. False, with `error` naming the key, for JSON that
  // is not an object of known settings of the right types; nothing changes then.
  bool setSettingsJson(const QString& json, QString* error = nullptr);
  bool applyPreset(const QString& name, QString* error = nullptr);
  // As if the user had typed it; a value of the wrong type is ignored with a warning.
  void setValue(const QString& key, const QJsonValue& value);
  QJsonValue value(const QString& key) const;

  // Runs train on this server (its host; empty: this machine). The data folder and devices are the
  // server's then: the folder is not scanned here, and only the settings themselves are checked.
  void setServer(const QString& host);
  QString server() const { return server_; }

  bool canStart() const;
  QString problem() const { return problem_; }        // why not, when !canStart()
  QString problemKey() const { return problemKey_; }  // the field at fault, if one is
  const dino::run_settings::DataSummary& dataSummary() const { return data_; }
  bool dataScanPending() const { return scanning_ || scanTimer_.isActive(); }

 Q_SIGNALS:
  void settingsChanged();  // after every edit, once validated
  void validityChanged(bool canStart);
  void dataScanned();

 private:
  // The preset box names the recipe applied, or "<recipe>, edited" once a field changed.
  void showPreset(const QString& name, bool edited);
  QWidget* makeEditor(const dino::SettingDescription& setting);
  void settingsReplaced();  // after a file, a preset or setSettings: editors, checks, scan
  void refreshEditors();
  // Greys out the --precision values the chosen device cannot run (bf16 before compute 8.0).
  void updatePrecisionChoices();
  void fillDeviceChoices(QComboBox* combo) const;  // the --device values for this machine or a server
  void onEdited(const QString& key, const dino::SettingValue& value);
  void onLocalError(const QString& key, const QString& message);
  void validate();
  void startScan();
  void markField(const QString& key, const QString& message);

  dino::TrainingConfig config_;
  QHash<QString, QWidget*> editors_;
  QHash<QString, QString> localErrors_;  // text that does not parse, by key
  QHash<QString, QString> labels_;       // as the form shows them, by key
  QString preset_;                       // the recipe last applied, shown in the preset box
  bool presetEdited_ = false;            // ... and changed by the user since
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
  QString server_;
};
