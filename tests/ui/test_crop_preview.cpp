// The crop preview on the Fashion-MNIST demo: 2 global and N local crops of the configured sizes,
// boxes inside the image with areas in the configured scale ranges (reference.md §1.3), what was drawn on
// hover, and a clear message for data that cannot be opened.
#include "crops/crop_preview_panel.h"

#include "demo_settings.h"

#include <dino/api/training_run.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {
dino::TrainingConfig demoSettings() { return dino::test::demo_settings(); }
}  // namespace

class TestCropPreview : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void cropsFollowTheSettings() {
    CropPreviewPanel panel;
    panel.resize(1000, 700);  // the original gets 2/5 of the width: 400 px
    panel.show();
    QSignalSpy shown(&panel, &CropPreviewPanel::sampleShown);
    panel.setSettings(demoSettings());
    QVERIFY(shown.wait(30000));
    const auto& preview = panel.current();
    QCOMPARE(preview.crops.size(), size_t{2 + 4});
    QCOMPARE(preview.original.width, 28);
    for (size_t i = 0; i < preview.crops.size(); ++i) {
      const auto& c = preview.crops[i];
      const int size = i < 2 ? 28 : 12;
      QCOMPARE(c.image.width, size);
      QCOMPARE(c.image.height, size);
      QCOMPARE(c.global, i < 2);
      QVERIFY(c.box_x >= 0 && c.box_y >= 0 && c.box_x + c.box_width <= 28 && c.box_y + c.box_height <= 28);
      // RandomResizedCrop: area within the scale range (rounding of the sides aside), or the
      // centre-crop fallback's whole image.
      const double area = static_cast<double>(c.box_width * c.box_height) / (28.0 * 28.0);
      const double low = i < 2 ? 0.4 : 0.05, high = i < 2 ? 1.0 : 0.4;
      QVERIFY2((area > low * 0.8 && area < high * 1.2) || area == 1.0, qPrintable(QString::number(area)));
      QVERIFY(!(i == 0 && c.solarized));  // reference.md §1.3: only the second global crop is ever solarised
    }
    QVERIFY(panel.cropDescription(0).contains(QStringLiteral("Global crop 1")));
    QVERIFY(panel.cropDescription(2).contains(QStringLiteral("Local crop 1")));
    QVERIFY(panel.cropDescription(3).contains(QStringLiteral("box: x")));
    QCOMPARE(panel.annotatedOriginal().size(), QSize(392, 392));  // 28 px enlarged 14 times, within 400
    panel.resize(600, 700);                                       // narrower: 240 px, 28 px enlarged 8 times
    QCOMPARE(panel.annotatedOriginal().size(), QSize(224, 224));
    // The same image and draw give the same crops; another draw other crops.
    panel.showSample(preview.index, 12345);
    QVERIFY(shown.wait(30000));
    const auto a = panel.current().crops[0].image.rgb, aLocal = panel.current().crops[2].image.rgb;
    panel.showSample(preview.index, 12345);
    QVERIFY(shown.wait(30000));
    QCOMPARE(panel.current().crops[0].image.rgb, a);
    QCOMPARE(panel.current().crops[2].image.rgb, aLocal);
    panel.showSample(preview.index, 999);
    QVERIFY(shown.wait(30000));
    QVERIFY(panel.current().crops[0].image.rgb != a || panel.current().crops[2].image.rgb != aLocal);
  }

  void unreadableDataSaysWhy() {
    CropPreviewPanel panel;
    auto settings = demoSettings();
    settings.data_path = "/nowhere/images";
    panel.setSettings(settings);
    QTRY_VERIFY_WITH_TIMEOUT(panel.errorText().contains(QStringLiteral("/nowhere/images")), 20000);
  }

  void anUndecodableImageIsNamedAndTheAppStillQuits() {
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.png")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not an image at all");
    broken.close();
    {
      CropPreviewPanel panel;
      auto settings = demoSettings();
      settings.data_path = dir.path().toStdString();
      panel.setSettings(settings);
      QTRY_VERIFY_WITH_TIMEOUT(panel.errorText().contains(QStringLiteral("broken.png")), 20000);
    }  // the failed sample's exception stays in its future: destroying the panel must not rethrow it
  }
};

QTEST_MAIN(TestCropPreview)
#include "test_crop_preview.moc"
