// Before Start: the per-iteration schedules the settings imply (learning rate with its batch
// scaling, warm-up and cosine; weight decay; teacher momentum; teacher temperature) and the window
// in which the last layer stays frozen, redrawn as a field changes.
#pragma once

#include <dino/session/training_config.h>

#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPItemRect;
class QLabel;

class SchedulePreview : public QWidget {
  Q_OBJECT

 public:
  explicit SchedulePreview(QWidget* parent = nullptr);
  // `images`: the data set's size after --limit_images (iterations per epoch follow from it).
  void update(const dino::TrainingConfig& settings, qint64 images);
  int pointCount() const;                          // per curve, for tests
  double valueAt(int curve, int iteration) const;  // curve 0 lr, 1 wd, 2 momentum, 3 temperature
  QCustomPlot* plot() const { return plot_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QCustomPlot* plot_ = nullptr;
  QLabel* summary_ = nullptr;
  QList<QCPAxisRect*> rects_;
  QCPItemRect* frozen_ = nullptr;
};
