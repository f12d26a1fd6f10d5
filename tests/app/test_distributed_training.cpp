// `dino train` over several processes, as torchrun or Slurm start it: two processes of batch B
// against one of batch 2B (the same images every step, so the same losses and weights), a rank
// killed or frozen mid-run, ranks started with different settings, and torchrun itself.
#include <dino/distributed/process_group.h>
#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>

#include "free_port.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <torch/torch.h>

#include <signal.h>

#include <cmath>
#include <functional>

using namespace dino;

namespace {

// A one-block ViT on 64 Fashion-MNIST images: 4 steps an epoch at a global batch of 16. No drop
// path: its masks come from each process's own random stream, which two processes of 8 images
// draw differently from one process of 16.
QStringList tiny_run(const QString& output_dir, int batch, int epochs = 2) {
  return {"train",
          "--arch",
          "vit_tiny",
          "--patch_size",
          "4",
          "--embed_dim",
          "32",
          "--depth",
          "1",
          "--num_heads",
          "2",
          "--out_dim",
          "64",
          "--head_hidden_dim",
          "32",
          "--head_bottleneck_dim",
          "16",
          "--global_crops_size",
          "16",
          "--local_crops_size",
          "8",
          "--local_crops_number",
          "2",
          "--limit_images",
          "64",
          "--epochs",
          QString::number(epochs),
          "--warmup_epochs",
          "1",
          "--lr",
          "0.01",
          "--num_workers",
          "1",
          "--eval_knn",
          "false",
          "--drop_path_rate",
          "0",
          "--threads",
          "1",
          "--data_path",
          "fashion-mnist",
          "--print_freq",
          "1",
          "--batch_size_per_gpu",
          QString::number(batch),
          "--output_dir",
          output_dir};
}

// One rank of a run, started as torchrun would start it.
std::unique_ptr<QProcess> start_rank(int rank, int world, int port, const QStringList& arguments) {
  auto process = std::make_unique<QProcess>();
  auto env = QProcessEnvironment::systemEnvironment();
  env.insert("RANK", QString::number(rank));
  env.insert("WORLD_SIZE", QString::number(world));
  env.insert("LOCAL_RANK", QString::number(rank));
  env.insert("LOCAL_WORLD_SIZE", QString::number(world));
  env.insert("MASTER_ADDR", "127.0.0.1");
  env.insert("MASTER_PORT", QString::number(port));
  process->setProcessEnvironment(env);
  // torch.distributed.launch's spelling of the reference's --local_rank, which may differ by rank.
  process->start(QStringLiteral(DINO_CLI_PATH), arguments + QStringList{"--local-rank", QString::number(rank)});
  process->waitForStarted();
  return process;
}

struct Ended {
  int exit_code = -1;
  QString err;
  double seconds = 0;
};

Ended wait_for(QProcess& process, int timeout_ms = 120000) {
  QElapsedTimer clock;
  clock.start();
  Ended ended;
  if (!process.waitForFinished(timeout_ms)) return ended;
  ended.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
  ended.err = QString::fromUtf8(process.readAllStandardError());
  ended.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
  return ended;
}

std::vector<double> step_losses(const QString& metrics) {
  QFile file(metrics);
  std::vector<double> losses;
  if (!file.open(QIODevice::ReadOnly)) return losses;  // not written yet
  for (const auto& line : QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts)) {
    const auto record = QJsonDocument::fromJson(line.toUtf8()).object();
    if (record["kind"].toString() == "step") losses.push_back(record["loss"].toDouble());
  }
  return losses;
}

// The k-NN records' top-1 and top-5, in order.
std::vector<std::pair<double, double>> knn_results(const QString& metrics) {
  QFile file(metrics);
  std::vector<std::pair<double, double>> results;
  if (!file.open(QIODevice::ReadOnly)) return results;
  for (const auto& line : QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts)) {
    const auto record = QJsonDocument::fromJson(line.toUtf8()).object();
    if (record["kind"].toString() == "knn")
      results.emplace_back(record["knn_top1"].toDouble(), record["knn_top5"].toDouble());
  }
  return results;
}

// Waits until `metrics` holds `steps` step records (the run is under way).
bool wait_for_steps(const QString& metrics, size_t steps, int timeout_ms = 60000) {
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < timeout_ms) {
    if (step_losses(metrics).size() >= steps) return true;
    QTest::qWait(50);
  }
  return false;
}

// Two ranks of one run on a fresh port; with `steps`, returned once rank 0 has written that many
// step records (the run is under way), or with no processes when it never did.
struct TwoRanks {
  std::unique_ptr<QProcess> rank0, rank1;
};
TwoRanks start_two_ranks(const QString& dir, const QStringList& args, size_t steps = 0) {
  const int port = test::free_port();
  TwoRanks ranks{start_rank(0, 2, port, args), start_rank(1, 2, port, args)};
  if (steps > 0 && !wait_for_steps(dir + "/metrics.jsonl", steps)) return {};
  return ranks;
}

}  // namespace

class TestDistributedTraining : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init() {
    if (!distributed::process_groups_available()) QSKIP(distributed::process_groups_unavailable_reason().c_str());
  }

  void twoProcessesTrainAsOneWithTheirBatch() {
    // With the k-NN evaluation, whose features the two processes split between them.
    const auto with_knn = [](QStringList args) {
      args[args.indexOf("--eval_knn") + 1] = "true";
      // 31 test images: the second rank's share is padded by wrapping round.
      return args + QStringList{"--knn_train_images", "64", "--knn_test_images", "31"};
    };
    compareOneAndTwoProcesses(with_knn, {/*evaluates=*/true});
  }

  void batchNormInTheHeadIsSharedByTheProcesses() {
    // --use_bn_in_head: the head's BatchNorm normalises by both processes' rows (SyncBatchNorm).
    // BatchNorm removes any shift shared by every row, so the biases of the layers before it (the
    // head's Linears and the backbone's last norm) get no gradient in exact arithmetic, and the
    // running means follow those noise-driven biases. Their rounding noise reaches the rest at the
    // 1e-5 level: a backward without the ranks' sums moves the losses by 1e-2 (tried).
    compareOneAndTwoProcesses(
        [](QStringList args) {
          return args + QStringList{"--use_bn_in_head", "true"};
        },
        {false,
         1e-4,
         {"head.mlp.0.bias", "head.mlp.3.bias", "backbone.norm.bias", "head.mlp.1.running_mean",
          "head.mlp.4.running_mean"}});
  }

  void aResumedRunRestoresEveryRank() {
    // Two ranks to the end, keeping the checkpoint after epoch 0; then two ranks again from that
    // checkpoint alone: the same last epoch's losses and the same final teacher.
    QTemporaryDir dir;
    const QString whole = dir.filePath("whole"), resumed = dir.filePath("resumed");
    const auto args = [](const QString& out) { return tiny_run(out, 8) + QStringList{"--saveckp_freq", "1"}; };
    auto first_run = start_two_ranks(whole, args(whole));
    QCOMPARE(wait_for(*first_run.rank0).exit_code, 0);
    QCOMPARE(wait_for(*first_run.rank1).exit_code, 0);
    QVERIFY(QDir().mkpath(resumed));
    QVERIFY(QFile::copy(whole + "/checkpoint0000.pth", resumed + "/checkpoint.pth"));
    auto second_run = start_two_ranks(resumed, args(resumed));
    const auto end0 = wait_for(*second_run.rank0), end1 = wait_for(*second_run.rank1);
    QVERIFY2(end0.exit_code == 0, qPrintable(end0.err));
    QVERIFY2(end1.exit_code == 0, qPrintable(end1.err));
    QVERIFY2(end0.err.contains("resuming from") && end0.err.contains("at epoch 1"), qPrintable(end0.err));
    const auto first = step_losses(whole + "/metrics.jsonl"), second = step_losses(resumed + "/metrics.jsonl");
    QCOMPARE(second.size(), size_t(4));  // epoch 1 only
    for (size_t i = 0; i < 4; ++i) QVERIFY(std::abs(second[i] - first[4 + i]) <= 1e-6 * std::abs(first[4 + i]));
    const auto x = io::load_torch_file((whole + "/checkpoint.pth").toStdString());
    const auto y = io::load_torch_file((resumed + "/checkpoint.pth").toStdString());
    const auto tx = io::state_dict_from_py(*x.as_dict().find("teacher"), "whole");
    const auto ty = io::state_dict_from_py(*y.as_dict().find("teacher"), "resumed");
    for (const auto& item : tx) QVERIFY2(torch::equal(item.value(), ty[item.key()]), item.key().c_str());
  }

  void aKilledRankStopsTheOthers() {
    QTemporaryDir dir;
    auto [rank0, rank1] =
        start_two_ranks(dir.path(), tiny_run(dir.path(), 8, 500) + QStringList{"--dist_timeout", "20"}, 3);
    QVERIFY2(rank0, "the run did not start");
    ::kill(static_cast<pid_t>(rank1->processId()), SIGKILL);
    const auto end0 = wait_for(*rank0, 60000);
    wait_for(*rank1);
    QVERIFY2(end0.exit_code != 0 && end0.exit_code != -1, qPrintable(end0.err));
    QVERIFY2(end0.err.contains("rank 1 did not answer"), qPrintable(end0.err));
    QVERIFY2(end0.seconds < 20 + 10, qPrintable(QString("rank 0 took %1 s to stop").arg(end0.seconds)));
  }

  void aFrozenRankIsNamedAfterTheTimeout() {
    QTemporaryDir dir;
    auto [rank0, rank1] =
        start_two_ranks(dir.path(), tiny_run(dir.path(), 8, 500) + QStringList{"--dist_timeout", "6"}, 3);
    QVERIFY2(rank0, "the run did not start");
    ::kill(static_cast<pid_t>(rank1->processId()), SIGSTOP);  // alive but silent: a hang
    const auto end0 = wait_for(*rank0, 60000);
    ::kill(static_cast<pid_t>(rank1->processId()), SIGKILL);
    wait_for(*rank1);
    QVERIFY2(end0.exit_code != 0 && end0.exit_code != -1, qPrintable(end0.err));
    QVERIFY2(end0.err.contains("rank 1 did not answer (it died, or hung longer than --dist_timeout 6)"),
             qPrintable(end0.err));
  }

  void aTerminatedRankStopsEveryRankAtOneStep() {
    // Slurm ends a job with SIGTERM; here only rank 1 gets it, and both stop at the same step.
    QTemporaryDir dir;
    auto [rank0, rank1] = start_two_ranks(dir.path(), tiny_run(dir.path(), 8, 500), 3);
    QVERIFY2(rank0, "the run did not start");
    ::kill(static_cast<pid_t>(rank1->processId()), SIGTERM);
    const auto end0 = wait_for(*rank0), end1 = wait_for(*rank1);
    QVERIFY2(end0.exit_code == 0, qPrintable(end0.err));
    QVERIFY2(end1.exit_code == 0, qPrintable(end1.err));
    QVERIFY2(end0.err.contains("resumes there"), qPrintable(end0.err));
    const auto saved = io::load_torch_file(dir.filePath("checkpoint.pth").toStdString());
    const auto* resume = saved.as_dict().find("dino_studio_resume");
    QVERIFY(resume != nullptr);
    QCOMPARE(resume->as_dict().find("world_size")->as_int(), 2);
    // The checkpoint is at the step after the last record rank 0 wrote.
    const auto losses = step_losses(dir.filePath("metrics.jsonl"));
    QCOMPARE(saved.as_dict().find("epoch")->as_int() * 4 + resume->as_dict().find("step")->as_int(),
             static_cast<int64_t>(losses.size()));
  }

  void rankZerosOwnErrorReachesTheOthers() {
    // Only rank 0 writes files: a folder in the way of its first numbered checkpoint stops it, and
    // rank 1, which hosts nothing, quotes rank 0's reason (read from the store rank 0 keeps for it).
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("checkpoint0000.pth/in-the-way"));
    auto [rank0, rank1] = start_two_ranks(dir.path(), tiny_run(dir.path(), 8, 3) + QStringList{"--saveckp_freq", "1"});
    const auto end0 = wait_for(*rank0), end1 = wait_for(*rank1);
    QVERIFY2(end0.exit_code == 1 && end0.err.contains("checkpoint0000.pth: cannot save"), qPrintable(end0.err));
    QVERIFY2(end1.exit_code == 1 && end1.err.contains("rank 0 stopped: ") &&
                 end1.err.contains("checkpoint0000.pth: cannot save"),
             qPrintable(end1.err));
  }

  void ranksWithDifferentSettingsRefuseToStart() {
    QTemporaryDir dir;
    const int port = test::free_port();
    const auto args = tiny_run(dir.path(), 8) + QStringList{"--dist_timeout", "30"};
    auto other = args;
    other[other.indexOf("--lr") + 1] = "0.02";
    auto rank0 = start_rank(0, 2, port, args);
    auto rank1 = start_rank(1, 2, port, other);
    const auto end0 = wait_for(*rank0), end1 = wait_for(*rank1);
    for (const auto& end : {end0, end1}) {
      QVERIFY2(end.exit_code != 0, qPrintable(end.err));
      QVERIFY2(end.err.contains("disagree on their settings: --lr (rank 1 against rank 0)"), qPrintable(end.err));
    }
    QVERIFY(!QFileInfo::exists(dir.filePath("metrics.jsonl")));
  }

  void severalProcessesAskedOfOneAreRefused() {
    QTemporaryDir dir;
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"RANK", "WORLD_SIZE", "SLURM_PROCID", "SLURM_NTASKS"}) env.remove(name);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DINO_CLI_PATH), tiny_run(dir.path(), 8) + QStringList{"--nproc_per_node", "2"});
    const auto end = wait_for(process);
    QVERIFY2(end.exit_code != 0, qPrintable(end.err));
    QVERIFY2(end.err.contains("--nproc_per_node 2: dino train is one process; start 2 with torchrun --nproc_per_node 2 "
                              "--no-python dino train"),
             qPrintable(end.err));
    QVERIFY(!QFileInfo::exists(dir.filePath("metrics.jsonl")));
  }

  void torchrunStartsIt() {
    const QString python = QStringLiteral(DINO_TEST_PYTHON);
    const QString torchrun = QFileInfo(python).dir().filePath("torchrun");
    if (python.isEmpty() || !QFileInfo::exists(torchrun)) QSKIP("no torchrun beside the project's Python (.venv)");
    QTemporaryDir dir;
    QProcess launcher;
    launcher.start(torchrun, QStringList{"--nproc_per_node", "2", "--master_port", QString::number(test::free_port()),
                                         "--no-python", QStringLiteral(DINO_CLI_PATH)} +
                                 tiny_run(dir.path(), 8));
    const auto end = wait_for(launcher);
    QVERIFY2(end.exit_code == 0, qPrintable(end.err));
    QCOMPARE(step_losses(dir.filePath("metrics.jsonl")).size(), size_t(8));
    QVERIFY2(end.err.contains("(torchrun)"), qPrintable(end.err));
  }

 private:
  // One process of batch 16 and two of batch 8, the same flags otherwise (`extra` adds to both):
  // every step's loss, the k-NN results, the final teacher (buffers included) and the centre agree.
  // Teacher tensors within `tolerance` (relative), but for `free`: tensors that get no gradient in
  // exact arithmetic, whose values AdamW drives from rounding noise alone (see below).
  struct Comparison {
    bool evaluates = false;
    double tolerance = 1e-5;
    std::vector<std::string> free;
  };
  void compareOneAndTwoProcesses(const std::function<QStringList(QStringList)>& extra, const Comparison& compare) {
    QTemporaryDir dir;
    const QString one = dir.filePath("one"), two = dir.filePath("two");
    QProcess single;
    single.start(QStringLiteral(DINO_CLI_PATH), extra(tiny_run(one, 16)));
    const auto single_end = wait_for(single);
    QVERIFY2(single_end.exit_code == 0, qPrintable(single_end.err));

    auto [rank0, rank1] = start_two_ranks(two, extra(tiny_run(two, 8)));
    const auto end0 = wait_for(*rank0), end1 = wait_for(*rank1);
    QVERIFY2(end0.exit_code == 0, qPrintable(end0.err));
    QVERIFY2(end1.exit_code == 0, qPrintable(end1.err));
    QVERIFY2(end0.err.contains("rank 0 of 2") && end0.err.contains("batch 16 in all"), qPrintable(end0.err));
    QVERIFY2(!end1.err.contains("Epoch"), qPrintable(end1.err));  // only rank 0 reports progress

    // Rank 0 alone wrote the records: one per step, each the global batch's loss.
    const auto expected = step_losses(one + "/metrics.jsonl");
    const auto got = step_losses(two + "/metrics.jsonl");
    QCOMPARE(expected.size(), size_t(8));
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
      QVERIFY2(std::abs(got[i] - expected[i]) <= 1e-5 * std::abs(expected[i]),
               qPrintable(QString("step %1: %2 against %3").arg(i).arg(got[i], 0, 'g', 9).arg(expected[i], 0, 'g', 9)));

    const auto knn_one = knn_results(one + "/metrics.jsonl");
    QCOMPARE(knn_one.size(), size_t(compare.evaluates ? 2 : 0));  // at the start and after the last epoch
    QVERIFY(knn_results(two + "/metrics.jsonl") == knn_one);

    const auto a = io::load_torch_file((one + "/checkpoint.pth").toStdString());
    const auto b = io::load_torch_file((two + "/checkpoint.pth").toStdString());
    const auto teacher_a = io::state_dict_from_py(*a.as_dict().find("teacher"), "one process");
    const auto teacher_b = io::state_dict_from_py(*b.as_dict().find("teacher"), "two processes");
    QCOMPARE(teacher_b.size(), teacher_a.size());
    for (const auto& item : teacher_a) {
      if (std::find(compare.free.begin(), compare.free.end(), item.key()) != compare.free.end()) continue;
      auto x = item.value().to(torch::kDouble), y = teacher_b[item.key()].to(torch::kDouble);
      if (item.key().find("attn.qkv.bias") != std::string::npos) {
        // The keys' bias has no gradient in exact arithmetic (a constant added to every key leaves
        // the softmax unchanged): it moves only by AdamW normalising rounding noise, which differs
        // with any change of summation order, one process or two. Queries' and values' thirds count.
        const int64_t third = x.size(0) / 3;
        x = torch::cat({x.narrow(0, 0, third), x.narrow(0, 2 * third, third)});
        y = torch::cat({y.narrow(0, 0, third), y.narrow(0, 2 * third, third)});
      }
      const double relative = ((x - y).norm() / x.norm()).item<double>();
      QVERIFY2(relative < compare.tolerance,
               qPrintable(QString::fromStdString(item.key()) + QString(": %1").arg(relative)));
    }
    const auto center_a = a.as_dict().find("dino_loss")->as_dict().find("center")->as_tensor().to(torch::kDouble);
    const auto center_b = b.as_dict().find("dino_loss")->as_dict().find("center")->as_tensor().to(torch::kDouble);
    QVERIFY(((center_a - center_b).norm() / center_a.norm()).item<double>() < 1e-5);
  }
};

QTEST_GUILESS_MAIN(TestDistributedTraining)
#include "test_distributed_training.moc"
