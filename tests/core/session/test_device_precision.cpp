// Devices and precision: what the menus say of each device, which --precision values fit it, and
// what autocast a run picks (auto: bf16 on GPUs of compute capability 8.0 and later, fp16 with a
// gradient scaler on older ones, as torch.cuda.is_bf16_supported decides). GPUs are described
// here by hand (V100: 7.0, A100: 8.0) since this machine has none.
#include <dino/system/device.h>
#include <dino/system/device_info.h>
#include <dino/session/run_options.h>
#include <dino/session/training_config.h>
#include <dino/api/training_run.h>

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <thread>

using namespace dino;

namespace {

DeviceInfo gpu(const std::string& model, int major, int minor, int64_t gib) {
  DeviceInfo info;
  info.name = "cuda:0";
  info.model = model;
  info.memory_bytes = gib << 30;
  info.compute_major = major;
  info.compute_minor = minor;
  info.bf16_hardware = major >= 8;
  return info;
}

}  // namespace

class TestDevicePrecision : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void describesTheCpuFromTheSystem() {
    const DeviceInfo cpu = device_info(c10::Device(c10::kCPU));
    QCOMPARE(cpu.name, std::string("cpu"));
    QCOMPARE(cpu.cores, static_cast<int>(std::thread::hardware_concurrency()));
    // /proc/meminfo's MemTotal (kB) against sysconf's pages.
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    QVERIFY(meminfo.open(QIODevice::ReadOnly));
    const auto total = QRegularExpression(QStringLiteral("MemTotal:\\s+(\\d+) kB")).match(QString::fromLatin1(meminfo.readAll()));
    QVERIFY(total.hasMatch());
    const double expected = total.captured(1).toDouble() * 1024;
    QVERIFY2(std::abs(static_cast<double>(cpu.memory_bytes) - expected) < 0.01 * expected, qPrintable(QString::number(cpu.memory_bytes)));
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    QVERIFY(cpuinfo.open(QIODevice::ReadOnly));
    const QString text = QString::fromLatin1(cpuinfo.readAll());
    const auto model = QRegularExpression(QStringLiteral("model name\\s*: ([^\\n]*)")).match(text);
    if (model.hasMatch()) QCOMPARE(QString::fromStdString(cpu.model), model.captured(1));
    const bool bf16 = QRegularExpression(QStringLiteral("flags\\s*:[^\\n]*\\b(avx512_bf16|amx_bf16)\\b")).match(text).hasMatch();
    QCOMPARE(cpu.bf16_hardware, bf16);
    QVERIFY(QString::fromStdString(device_description(cpu)).contains(QStringLiteral("%1 cores").arg(cpu.cores)) || cpu.cores == 1);
    QCOMPARE(device_memory_in_use(c10::Device(c10::kCPU)), int64_t{0});
    // The menu: the CPU first, with every precision.
    const auto devices = run_settings::devices();
    QCOMPARE(devices.front().name, std::string("cpu"));
    QCOMPARE(devices.front().description, device_description(cpu));
    QCOMPARE(run_settings::precisions_for("cpu"), (std::vector<std::string>{"auto", "fp32", "bf16", "fp16"}));
  }

  void describesGpus() {
    QCOMPARE(device_description(gpu("NVIDIA H200", 9, 0, 140)), std::string("cuda:0: NVIDIA H200, 140.0 GiB, compute 9.0"));
    DeviceInfo unknown;
    unknown.name = "cuda:1";
    QCOMPARE(device_description(unknown), std::string("cuda:1: CUDA GPU"));
  }

  void precisionsFitTheDevice() {
    QCOMPARE(precision_choices(gpu("Tesla V100-SXM2-16GB", 7, 0, 16)), (std::vector<std::string>{"auto", "fp32", "fp16"}));
    QCOMPARE(precision_choices(gpu("NVIDIA A100-SXM4-40GB", 8, 0, 40)), (std::vector<std::string>{"auto", "fp32", "bf16", "fp16"}));
    DeviceInfo unknown;  // no driver to ask: every choice stays open
    unknown.name = "cuda:0";
    QVERIFY(supports_bf16(unknown));
  }

  void autocastFollowsTheDevice() {
    TrainingConfig c;  // precision auto, --use_fp16 true: the reference's defaults
    const DeviceInfo cpu = device_info(c10::Device(c10::kCPU));
    QVERIFY(!autocast_dtype(c, cpu).has_value());                                          // fp32 on the CPU
    QCOMPARE(*autocast_dtype(c, gpu("A100", 8, 0, 40)), c10::ScalarType::BFloat16);       // bf16 where it runs
    QCOMPARE(*autocast_dtype(c, gpu("Tesla V100", 7, 0, 16)), c10::ScalarType::Half);     // else fp16 + scaler
    c.use_fp16 = false;
    QVERIFY(!autocast_dtype(c, gpu("A100", 8, 0, 40)).has_value());
    c.precision = "bf16";
    QCOMPARE(*autocast_dtype(c, cpu), c10::ScalarType::BFloat16);
  }

  void badDevicesAreNamed() {
    TrainingConfig c;
    c.device = "cpu";
    c.precision = "bf16";
    QVERIFY(resolve_device(c).is_cpu());
    if (!torch::cuda::is_available()) {
      c.device = "cuda:0";
      try {
        (void)resolve_device(c);
        QFAIL("a missing GPU was accepted");
      } catch (const ConfigError& e) {
        QVERIFY2(std::string(e.what()).find("--device cuda:0") != std::string::npos, e.what());
      }
      // The app's validation says the same before Start.
      QVERIFY(run_settings::problem(c).find("--device cuda:0") !=
              std::string::npos);
    }
  }
};

QTEST_MAIN(TestDevicePrecision)
#include "test_device_precision.moc"
