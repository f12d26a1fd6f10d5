// The configuration panel: reference defaults, validation that names the field, presets, the data
// scan, the equivalent command line, and the schedule preview against reference.md §1.7's formulas.
#include "config/config_panel.h"
#include "config/schedule_preview.h"

#include <dino/api/training_run.h>
#include <dino/session/training_settings.h>

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QtTest>

class TestConfigPanel : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void defaultsAreTheReferences() {
    ConfigPanel panel;
    // reference.md §1.1: main_dino.py's defaults.
    QCOMPARE(panel.value(QStringLiteral("arch")).toString(), QStringLiteral("vit_small"));
    QCOMPARE(panel.value(QStringLiteral("out_dim")).toInteger(), qint64{65536});
    QCOMPARE(panel.value(QStringLiteral("lr")).toDouble(), 0.0005);
    QCOMPARE(panel.value(QStringLiteral("momentum_teacher")).toDouble(), 0.996);
    QCOMPARE(panel.value(QStringLiteral("local_crops_number")).toInteger(), qint64{8});
    QCOMPARE(panel.value(QStringLiteral("global_crops_scale")).toArray(), (QJsonArray{0.4, 1.0}));
  }

  void dataIsScannedAndStartFollowsValidity() {
    ConfigPanel panel;
    QVERIFY(panel.applyPreset(QStringLiteral("fashion-mnist-demo")));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.dataScanPending(), 20000);
    QVERIFY2(panel.canStart(), qPrintable(panel.problem()));
    QCOMPARE(panel.dataSummary().images, qint64{60000});  // Fashion-MNIST's training split
    QCOMPARE(panel.dataSummary().classes, qint64{10});
    QCOMPARE(panel.value(QStringLiteral("embed_dim")).toInteger(), qint64{96});

    QSignalSpy validity(&panel, &ConfigPanel::validityChanged);
    panel.setValue(QStringLiteral("local_crops_size"), 2);  // smaller than a 4-px patch
    QVERIFY(!panel.canStart());
    QCOMPARE(panel.problemKey(), QStringLiteral("local_crops_size"));
    QVERIFY(panel.problem().contains(QStringLiteral("smaller than one patch")));
    // Named as the form shows the field, the flag beside it.
    QVERIFY2(panel.problem().contains(QStringLiteral("Local crop size (--local_crops_size)")),
             qPrintable(panel.problem()));
    QCOMPARE(validity.count(), 1);
    panel.setValue(QStringLiteral("local_crops_size"), 12);
    QVERIFY(panel.canStart());

    // Text that is not a number is caught before the core sees it.
    auto* lr = panel.findChildren<QLineEdit*>().at(0);
    for (auto* line : panel.findChildren<QLineEdit*>())
      if (line->text() == QStringLiteral("0.004")) lr = line;
    QCOMPARE(lr->text(), QStringLiteral("0.004"));
    // The recipe applied stays named in the preset box (a value set by the program is no edit) ...
    QComboBox* presetBox = nullptr;
    for (auto* box : panel.findChildren<QComboBox*>())
      if (box->currentText().startsWith(QStringLiteral("Fashion-MNIST demo"))) presetBox = box;
    QVERIFY(presetBox);
    QCOMPARE(presetBox->currentText(), QStringLiteral("Fashion-MNIST demo (CPU, 12 minutes)"));
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, QStringLiteral("fast"));
    QVERIFY(!panel.canStart());
    QCOMPARE(panel.problemKey(), QStringLiteral("lr"));
    lr->selectAll();
    QTest::keyClicks(lr, QStringLiteral("0.002"));
    QVERIFY(panel.canStart());
    QCOMPARE(panel.value(QStringLiteral("lr")).toDouble(), 0.002);
    // ... and says so once the user changed a field.
    QCOMPARE(presetBox->currentText(), QStringLiteral("Fashion-MNIST demo (CPU, 12 minutes), edited"));

    panel.setValue(QStringLiteral("data_path"), QStringLiteral("/no/such/folder"));
    // A value the program sets keeps the user's edit named; settings loaded from a file are no recipe.
    QCOMPARE(presetBox->currentText(), QStringLiteral("Fashion-MNIST demo (CPU, 12 minutes), edited"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.dataScanPending(), 20000);
    QVERIFY(!panel.canStart());
    QCOMPARE(panel.problemKey(), QStringLiteral("data_path"));
    QVERIFY(panel.problem().contains(QStringLiteral("/no/such/folder")));
    QVERIFY(panel.setSettingsJson(QStringLiteral("{\"epochs\": 3}")));
    QCOMPARE(presetBox->currentIndex(), 0);
    QCOMPARE(presetBox->currentText(), QStringLiteral("Choose a recipe..."));
  }

  // The device menu describes each device as the core does, and the precisions a device cannot
  // run are greyed out (on this CPU-only machine none are); a GPU this machine lacks is refused.
  void devicesAndPrecisions() {
    ConfigPanel panel;
    auto* device = panel.findChild<QComboBox*>(QStringLiteral("device"));
    auto* precision = panel.findChild<QComboBox*>(QStringLiteral("precision"));
    QVERIFY(device && precision);
    const auto devices = dino::run_settings::devices();
    QCOMPARE(device->count(), 1 + static_cast<int>(devices.size()));  // auto first
    QCOMPARE(device->itemText(1), QString::fromStdString(devices[0].description));
    panel.setValue(QStringLiteral("device"), QStringLiteral("cpu"));
    auto* model = qobject_cast<QStandardItemModel*>(precision->model());
    QCOMPARE(precision->count(), 4);
    for (int i = 0; i < precision->count(); ++i) QVERIFY(model->item(i)->isEnabled());
    if (devices.size() == 1) {
      QString error;
      QVERIFY2(panel.setSettingsJson(QStringLiteral(R"({"device": "cuda:0"})"), &error), qPrintable(error));
      QCOMPARE(panel.problemKey(), QStringLiteral("device"));
      QVERIFY(!panel.canStart());
    }
  }

  // On a server, its data folder and its GPUs are not this machine's: a folder missing here and a
  // GPU this machine lacks do not stop Start, while a bad setting still does; back on this machine,
  // both are checked again.
  void aServerRunChecksOnlyTheSettings() {
    ConfigPanel panel;
    QVERIFY(panel.applyPreset(QStringLiteral("fashion-mnist-demo")));
    panel.setValue(QStringLiteral("data_path"), QStringLiteral("/data/on/the/server/only"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.dataScanPending(), 20000);
    QVERIFY(!panel.canStart());
    panel.setServer(QStringLiteral("gpu-box"));
    QVERIFY2(panel.canStart(), qPrintable(panel.problem()));
    auto* device = panel.findChild<QComboBox*>(QStringLiteral("device"));
    QVERIFY(device);
    QVERIFY(device->findData(QStringLiteral("cuda")) >= 0);
    panel.setValue(QStringLiteral("device"), QStringLiteral("cuda"));
    QVERIFY2(panel.canStart(), qPrintable(panel.problem()));
    panel.setValue(QStringLiteral("local_crops_size"), 2);
    QVERIFY(!panel.canStart());
    QCOMPARE(panel.problemKey(), QStringLiteral("local_crops_size"));
    panel.setValue(QStringLiteral("local_crops_size"), 12);
    QVERIFY(panel.canStart());
    panel.setServer(QString());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.dataScanPending(), 20000);
    QVERIFY(!panel.canStart());
    // This machine has no GPU here: the device is named first; with one, the data folder is.
    const bool hasGpu = dino::run_settings::devices().size() > 1;
    QCOMPARE(panel.problemKey(), hasGpu ? QStringLiteral("data_path") : QStringLiteral("device"));
  }

  void settingsFilesAreCheckedLikeTheCommandLine() {
    ConfigPanel panel;
    QString error;
    QVERIFY(!panel.setSettingsJson(QStringLiteral("{\"learning_rate\": 1}"), &error));
    QVERIFY2(error.contains(QStringLiteral("learning_rate")), qPrintable(error));
    QVERIFY(!panel.setSettingsJson(QStringLiteral("{\"epochs\": \"many\"}"), &error));
    QVERIFY2(error.contains(QStringLiteral("epochs")), qPrintable(error));
    QVERIFY(panel.setSettingsJson(QStringLiteral("{\"epochs\": 7}"), &error));
    QCOMPARE(panel.value(QStringLiteral("epochs")).toInteger(), qint64{7});
    QCOMPARE(panel.value(QStringLiteral("arch")).toString(), QStringLiteral("vit_small"));  // untouched
  }

  void commandLineHoldsWhatDiffersFromTheDefaults() {
    ConfigPanel panel;
    panel.setValue(QStringLiteral("epochs"), 7);
    panel.setValue(QStringLiteral("data_path"), QStringLiteral("/data/my images"));
    panel.setValue(QStringLiteral("global_crops_scale"), QJsonArray{0.14, 1.0});
    const QString line = QString::fromStdString(dino::training_command_line(panel.settings()));
    QVERIFY2(line.startsWith(QStringLiteral("dino train ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("--epochs 7")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("--data_path '/data/my images'")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("--global_crops_scale 0.14 1.0")), qPrintable(line));
    QVERIFY2(!line.contains(QStringLiteral("--lr")), qPrintable(line));  // unchanged settings are left out
  }

  void schedulePreviewMatchesTheSpec() {
    ConfigPanel panel;
    QVERIFY(panel.applyPreset(QStringLiteral("fashion-mnist-demo")));
    SchedulePreview preview;
    preview.update(panel.settings(), 6400);  // 100 iterations per epoch at batch 64; 4 epochs
    QCOMPARE(preview.pointCount(), 400);
    // reference.md §1.7: linear warm-up from 0 over one epoch to 0.004 * 64 / 256, endpoint included.
    QCOMPARE(preview.valueAt(0, 0), 0.0);
    QCOMPARE(preview.valueAt(0, 99), 0.001);
    QCOMPARE(preview.valueAt(0, 100), 0.001);  // the cosine starts at the peak
    QCOMPARE(preview.valueAt(1, 0), 0.04);     // weight decay from 0.04 ...
    // ... on a cosine to 0.4: at i of 400, 0.4 + (0.04 - 0.4)(1 + cos(pi i / 400)) / 2.
    QCOMPARE(preview.valueAt(1, 150), 0.4 + (0.04 - 0.4) * (1 + std::cos(M_PI * 150 / 400)) / 2);
    QCOMPARE(preview.valueAt(2, 0), 0.99);  // the demo's teacher momentum
    QCOMPARE(preview.valueAt(3, 399), 0.04);
  }
};

QTEST_MAIN(TestConfigPanel)
#include "test_config_panel.moc"
