// The page a first start opens on (and Help > Welcome): what the app does, three ways in (the
// Fashion-MNIST demo, training on one's own image folder, looking inside a trained model), and the
// DINO backbones the reference released, downloaded here with progress, resume and Cancel.
#pragma once

#include <QWidget>

#include "welcome/model_download.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
struct ReleasedModel;

class WelcomePage : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePage(QWidget* parent = nullptr);

  ModelDownload* download() const { return download_; }
  // The button of a model's file (`fullCheckpoint` false: the backbone), for tests.
  QPushButton* fileButton(int model, bool fullCheckpoint) const;
  QString statusText() const;

 Q_SIGNALS:
  void demoRequested();
  void trainOnFolderRequested();
  void inspectModelRequested();
  // A released model's file is here (downloaded now, or before): open it in the attention explorer.
  void weightsChosen(const QString& file);

 private:
  void fetchOrOpen(const ReleasedModel& model, bool fullCheckpoint);
  void refreshButtons();
  void showProgress(qint64 received, qint64 total);
  void onFinished(const QString& file, const QByteArray& sha256, qint64 resumedFrom);
  void onFailed(ModelDownload::Failure failure, const QString& message);
  void setStatus(const QString& text);

  ModelDownload* download_ = nullptr;
  QTableWidget* models_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* status_ = nullptr;
};
