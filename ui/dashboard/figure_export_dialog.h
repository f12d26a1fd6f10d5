// Asks how to export a figure: size in pixels, resolution, format and file (or folder, for "export
// all"). The last choices are remembered (QSettings, Export/...); the place offered is the figures
// folder of the run on display when there is one.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

class FigureExportDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Target { File, Folder };
  FigureExportDialog(Target target, const QString& suggestedName, QWidget* parent = nullptr);

  int figureWidth() const;
  int figureHeight() const;
  double dpi() const;
  QString path() const;    // the file, with the chosen format's extension, or the folder
  QString format() const;  // "png", "svg" or "pdf" (File only)

  void accept() override;  // remembers the choices

  // The run the window shows (trained or followed); empty for none.
  static void setRunFolder(const QString& folder);

 private:
  static QString& runFolder();

  Target target_;
  QSpinBox* width_ = nullptr;
  QSpinBox* height_ = nullptr;
  QSpinBox* dpi_ = nullptr;
  QComboBox* format_ = nullptr;
  QLineEdit* path_ = nullptr;
};
