// Augmented crop previews: a sample image with the boxes of its 2 global and N local crops drawn
// on it, the crops beside it, and what was drawn for each (box, flip, colour jitter and its order,
// grayscale, blur sigma, solarisation) on hover. While training it shows a new sample every few
// seconds; "New sample" draws one at once. Tied to the dashboard's step cursor, it shows the
// crops that step's batch trained on (any sample of the batch), redrawn from the run's seed.
// Work happens off the GUI thread.
#pragma once

#include <dino/api/training_run.h>

#include <QFutureWatcher>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

class CropPreviewPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CropPreviewPanel(QWidget* parent = nullptr);
  ~CropPreviewPanel() override;

  void setSettings(const dino::TrainingConfig& settings);  // reopens the data set in the background
  // Nothing to preview (a followed run without a readable config.json): says why.
  void setUnavailable(const QString& reason);
  void setLive(bool live);                      // a new sample every few seconds
  void showSample(qint64 index, quint64 draw);  // for tests and "New sample"
  // The crops of training iteration `iteration`'s batch (sample `position` of it, or the one chosen
  // in the panel when -1); a negative iteration returns to random samples.
  void showIteration(qint64 iteration, int position = -1);
  qint64 iteration() const { return iteration_; }

  // What is on display (tests).
  const dino::run_settings::CropPreview& current() const { return current_; }
  QImage annotatedOriginal() const { return annotated_; }
  QString cropDescription(int crop) const;
  QString errorText() const;

 Q_SIGNALS:
  void sampleShown();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void render();
  void newRandomSample();
  void startIteration();
  // Runs `make` on the previewer off the GUI thread; a failure's message goes to the status line.
  void drawInBackground(std::function<dino::run_settings::CropPreview(const dino::run_settings::CropPreviewer&)> make);

  std::shared_ptr<const dino::run_settings::CropPreviewer> previewer_;
  QFutureWatcher<std::shared_ptr<const dino::run_settings::CropPreviewer>> openWatcher_;
  QFutureWatcher<dino::run_settings::CropPreview> sampleWatcher_;
  dino::run_settings::CropPreview current_;
  QImage annotated_;
  std::optional<dino::TrainingConfig> pendingSettings_;
  bool discardOpening_ = false;  // the data set being opened is no longer wanted
  QTimer liveTimer_;
  QLabel* original_ = nullptr;
  QLabel* status_ = nullptr;
  QGridLayout* cropsLayout_ = nullptr;
  QList<QLabel*> cropLabels_;
  QSpinBox* position_ = nullptr;
  QPushButton* live_ = nullptr;
  quint64 draws_ = 0;
  qint64 iteration_ = -1;          // the step shown; -1: random samples
  bool iterationPending_ = false;  // asked for while another sample was being drawn
};
