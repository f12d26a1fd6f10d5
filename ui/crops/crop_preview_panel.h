// Augmented crop previews: a sample image with the boxes of its 2 global and N local crops drawn
// on it, the crops beside it, and what was drawn for each (box, flip, colour jitter and its order,
// grayscale, blur sigma, solarisation) on hover. While training it shows a new sample every few
// seconds; "New sample" draws one at once. Work happens off the GUI thread.
#pragma once

#include <dino/train/training_run.h>

#include <QFutureWatcher>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <memory>

class QGridLayout;
class QLabel;

class CropPreviewPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CropPreviewPanel(QWidget* parent = nullptr);
  ~CropPreviewPanel() override;

  void setSettings(const QString& settingsJson);  // reopens the data set in the background
  void setLive(bool live);                        // a new sample every few seconds
  void showSample(qint64 index, quint64 draw);    // for tests and "New sample"

  // What is on display (tests).
  const dino::run_settings::CropPreview& current() const { return current_; }
  QImage annotatedOriginal() const { return annotated_; }
  QString cropDescription(int crop) const;
  QString errorText() const;

 Q_SIGNALS:
  void sampleShown();

 private:
  void render();
  void newRandomSample();

  std::shared_ptr<const dino::run_settings::CropPreviewer> previewer_;
  QFutureWatcher<std::shared_ptr<const dino::run_settings::CropPreviewer>> openWatcher_;
  QFutureWatcher<dino::run_settings::CropPreview> sampleWatcher_;
  dino::run_settings::CropPreview current_;
  QImage annotated_;
  QString pendingSettings_;
  QTimer liveTimer_;
  QLabel* original_ = nullptr;
  QLabel* status_ = nullptr;
  QGridLayout* cropsLayout_ = nullptr;
  QList<QLabel*> cropLabels_;
  quint64 draws_ = 0;
};
