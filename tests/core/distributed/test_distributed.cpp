// Distributed runs: where a process sits (launcher variables), and the c10d group's collectives,
// DDP's gradient averaging and the sharded k-NN features, with two ranks as two threads of this
// process joined over loopback exactly as two processes would be.
#include <dino/data/image_source.h>
#include <dino/distributed/gradient_averaging.h>
#include <dino/distributed/process_group.h>
#include <dino/distributed/process_placement.h>
#include <dino/eval/knn.h>
#include <dino/model/sync_batch_norm.h>
#include <dino/model/vision_transformer.h>

#include "free_port.h"

#include <QtTest>
#include <torch/torch.h>

#include <functional>
#include <future>
#include <map>
#include <thread>

using namespace dino;
using namespace dino::distributed;

namespace {

using Env = std::map<std::string, std::string>;

EnvironmentLookup lookup(const Env& env) {
  return [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
}

// Runs `body(group)` on `world` ranks, one thread each, joined on a fresh port.
void on_ranks(int world, const std::function<void(ProcessGroup&)>& body,
              std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  const int port = test::free_port();
  std::vector<std::future<void>> ranks;
  for (int r = 0; r < world; ++r)
    ranks.push_back(std::async(std::launch::async, [&, r] {
      ProcessPlacement placement;
      placement.rank = r;
      placement.world_size = world;
      placement.master_port = port;
      auto group = ProcessGroup::connect(placement, timeout);
      body(*group);
    }));
  // Rethrows a rank's failure: a failed check before the PeerFailure it caused on another rank.
  std::exception_ptr first_failure, first_peer_failure;
  for (auto& rank : ranks) {
    try {
      rank.get();
    } catch (const PeerFailure&) {
      if (!first_peer_failure) first_peer_failure = std::current_exception();
    } catch (...) {
      if (!first_failure) first_failure = std::current_exception();
    }
  }
  if (first_failure) std::rethrow_exception(first_failure);
  if (first_peer_failure) std::rethrow_exception(first_peer_failure);
}

// QVERIFY belongs to the test's thread: a rank's thread throws instead, and on_ranks rethrows.
void require(bool condition, const std::string& what) {
  if (!condition) throw std::runtime_error("rank check failed: " + what);
}

// Images whose pixels encode their index, labelled index % 3.
class IndexedImages : public ImageSource {
 public:
  explicit IndexedImages(int64_t n) : n_(n) {}
  int64_t size() const override { return n_; }
  cv::Mat rgb(int64_t index) const override {
    return cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(static_cast<double>(index * 7 % 256)));
  }
  int64_t label(int64_t index) const override { return index % 3; }
  int64_t num_classes() const override { return 3; }

 private:
  int64_t n_;
};

}  // namespace

class TestDistributed : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void placementFromTorchrun() {
    const auto p = read_process_placement("env://", lookup({{"RANK", "3"},
                                                            {"WORLD_SIZE", "8"},
                                                            {"LOCAL_RANK", "1"},
                                                            {"LOCAL_WORLD_SIZE", "2"},
                                                            {"MASTER_ADDR", "10.1.2.3"},
                                                            {"MASTER_PORT", "29555"},
                                                            {"TORCHELASTIC_USE_AGENT_STORE", "True"}}));
    QCOMPARE(p.rank, 3);
    QCOMPARE(p.world_size, 8);
    QCOMPARE(p.local_rank, 1);
    QCOMPARE(p.local_world_size, 2);
    QCOMPARE(p.master_addr, std::string("10.1.2.3"));
    QCOMPARE(p.master_port, 29555);
    QVERIFY(p.store_served_by_launcher);
    QVERIFY(p.distributed());
    QCOMPARE(p.launcher, std::string("torchrun"));
  }

  void placementFromSlurm() {
    const auto p = read_process_placement("env://", lookup({{"SLURM_PROCID", "5"},
                                                            {"SLURM_NTASKS", "16"},
                                                            {"SLURM_LOCALID", "5"},
                                                            {"SLURM_NTASKS_PER_NODE", "8(x2)"},
                                                            {"SLURM_JOB_NODELIST", "gpu[07-08,12],login1"}}));
    QCOMPARE(p.rank, 5);
    QCOMPARE(p.world_size, 16);
    QCOMPARE(p.local_rank, 5);
    QCOMPARE(p.local_world_size, 8);
    QCOMPARE(p.master_addr, std::string("gpu07"));
    QCOMPARE(p.master_port, 29500);  // the reference's default when the job does not set one
    QVERIFY(!p.store_served_by_launcher);
    QCOMPARE(first_slurm_host("node1,node2"), std::string("node1"));
    QCOMPARE(first_slurm_host("a-[001-004]"), std::string("a-001"));
    QCOMPARE(first_slurm_host("solo"), std::string("solo"));
  }

  void placementFromDistUrlAndNone() {
    const auto none = read_process_placement("env://", lookup({}));
    QVERIFY(!none.distributed());
    QCOMPARE(none.launcher, std::string("none"));
    const auto tcp = read_process_placement("tcp://[::1]:23456", lookup({{"RANK", "1"}, {"WORLD_SIZE", "2"}}));
    QCOMPARE(tcp.master_addr, std::string("::1"));
    QCOMPARE(tcp.master_port, 23456);
    QCOMPARE(tcp.rank, 1);
  }

  void placementErrorsNameTheVariable() {
    auto message = [](const std::string& url, const Env& env) {
      try {
        read_process_placement(url, lookup(env));
      } catch (const std::invalid_argument& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    QVERIFY(message("env://", {{"RANK", "0"}}).find("WORLD_SIZE") != std::string::npos);
    QVERIFY(message("env://", {{"RANK", "2"}, {"WORLD_SIZE", "2"}}).find("RANK=2 is outside WORLD_SIZE=2") !=
            std::string::npos);
    QVERIFY(message("env://", {{"RANK", "x"}, {"WORLD_SIZE", "2"}}).find("RANK=x") != std::string::npos);
    QVERIFY(message("env://", {{"MASTER_PORT", "70000"}}).find("MASTER_PORT=70000") != std::string::npos);
    QVERIFY(message("file:///tmp/x", {}).find("--dist_url file:///tmp/x") != std::string::npos);
    QVERIFY(message("env://", {{"SLURM_PROCID", "0"}}).find("SLURM_NTASKS") != std::string::npos);
  }

  void collectives() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    on_ranks(2, [](ProcessGroup& g) {
      const double r = static_cast<double>(g.rank());
      // Two tensors of one dtype and one of another: packed per dtype, each restored in place.
      std::vector<torch::Tensor> sums{torch::full({2, 2}, r + 1), torch::arange(3, torch::kDouble) * (r + 1),
                                      torch::tensor({static_cast<int64_t>(r) + 5})};
      g.all_reduce_sum(sums);
      require(torch::equal(sums[0], torch::full({2, 2}, 3.0)), "float sum");
      require(torch::equal(sums[1], torch::arange(3, torch::kDouble) * 3), "double sum");
      require(sums[2].item<int64_t>() == 11, "int64 sum");
      std::vector<torch::Tensor> most{torch::tensor({r, -r})};
      g.all_reduce_max(most);
      require(torch::equal(most[0], torch::tensor({1.0, 0.0})), "maximum");
      std::vector<torch::Tensor> from_one{torch::full({3}, r)};
      g.broadcast(from_one, 1);
      require(torch::equal(from_one[0], torch::full({3}, 1.0)), "broadcast from rank 1");
      const auto gathered = g.all_gather(torch::full({2}, r * 10));
      require(torch::equal(gathered, torch::tensor({{0.0, 0.0}, {10.0, 10.0}})), "gather in rank order");
      g.barrier();
    });
  }

  void gradientsAveragedInBuckets() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    on_ranks(2, [](ProcessGroup& shared) {
      const double r = static_cast<double>(shared.rank());
      std::vector<torch::Tensor> params;
      for (int64_t n : {5, 300, 7, 1000}) params.push_back(torch::zeros({n}, torch::requires_grad()));
      // Rank r's gradient of parameter k is (k + 1) * (r + 1) everywhere; parameter 2 has none on rank 0.
      for (size_t k = 0; k < params.size(); ++k)
        if (!(k == 2 && r == 0))
          params[k].mutable_grad() = torch::full_like(params[k], static_cast<double>(k + 1) * (r + 1));
      // 1 KB buckets: several of them, one parameter over the cap alone.
      auto group = std::shared_ptr<ProcessGroup>(&shared, [](ProcessGroup*) {});
      GradientAverager averager(params, group, 1024);
      averager.average();
      for (size_t k = 0; k < params.size(); ++k) {
        const double expected =
            k == 2 ? (3.0 * 2) / 2 : static_cast<double>(k + 1) * 1.5;  // mean of (k+1)(1) and (k+1)(2)
        require(torch::allclose(params[k].grad(), torch::full_like(params[k], expected)),
                "gradient " + std::to_string(k));
      }
    });
  }

  void gradientSumsStartDuringBackward() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    on_ranks(2, [](ProcessGroup& shared) {
      const double r = static_cast<double>(shared.rank());
      auto group = std::shared_ptr<ProcessGroup>(&shared, [](ProcessGroup*) {});
      // A three-layer network, the same weights on both ranks; each rank its own inputs.
      std::vector<torch::Tensor> params{torch::linspace(-1, 1, 16 * 8).view({16, 8}), torch::linspace(0, 1, 16),
                                        torch::linspace(1, -1, 16 * 16).view({16, 16}), torch::linspace(-1, 0, 16),
                                        torch::linspace(-0.5, 0.5, 4 * 16).view({4, 16})};
      for (auto& p : params) p.requires_grad_(true);
      const auto loss_of = [](const std::vector<torch::Tensor>& w, const torch::Tensor& x) {
        auto h = torch::relu(torch::addmm(w[1], x, w[0].t()));
        h = torch::tanh(torch::addmm(w[3], h, w[2].t()));
        return torch::mm(h, w[4].t()).pow(2).sum();
      };
      // 256-byte buckets: most parameters alone in theirs, so several sums start one by one.
      GradientAverager averager(params, group, 256);
      require(averager.bucket_count() >= 4, "several buckets");
      for (int step = 0; step < 2; ++step) {  // the second step reuses the buckets
        const auto x = torch::linspace(-1, 1, 3 * 8).view({3, 8}) * (r + 1) + step;
        // Independently: this rank's own gradients on copies without hooks, summed by a plain
        // collective and halved.
        std::vector<torch::Tensor> copies;
        for (const auto& p : params) copies.push_back(p.detach().clone().requires_grad_(true));
        auto expected = torch::autograd::grad({loss_of(copies, x)}, copies);
        for (auto& p : params) p.mutable_grad() = torch::Tensor();
        averager.prepare_for_backward();
        loss_of(params, x).backward();
        averager.average();
        require(averager.buckets_started_in_backward() == averager.bucket_count(),
                "every bucket's sum started in backward (" + std::to_string(averager.buckets_started_in_backward()) +
                    " of " + std::to_string(averager.bucket_count()) + ")");
        shared.all_reduce_sum(expected);
        for (size_t k = 0; k < params.size(); ++k)
          require(torch::allclose(params[k].grad(), expected[k] / 2, 1e-6, 1e-7),
                  "step " + std::to_string(step) + ", gradient " + std::to_string(k));
      }
      // A backward not announced to the averager is left to average(), which reads .grad.
      for (auto& p : params) p.mutable_grad() = torch::Tensor();
      loss_of(params, torch::ones({2, 8}) * (r + 1)).backward();
      std::vector<torch::Tensor> local;
      for (const auto& p : params) local.push_back(p.grad().clone());
      averager.average();
      require(averager.buckets_started_in_backward() == 0, "no sum started by an unannounced backward");
      shared.all_reduce_sum(local);
      for (size_t k = 0; k < params.size(); ++k)
        require(torch::allclose(params[k].grad(), local[k] / 2, 1e-6, 1e-7),
                "unannounced, gradient " + std::to_string(k));
    });
  }

  void moduleStateFromRankZero() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    on_ranks(2, [](ProcessGroup& g) {
      torch::nn::BatchNorm1d module(3);  // each rank its own parameters and buffers
      const double r = static_cast<double>(g.rank());
      module->weight.data().copy_(torch::tensor({1.0, 2.0, 3.0}) + r);
      module->running_mean.copy_(torch::tensor({-1.0, 0.5, 4.0}) * (r + 1));
      broadcast_module_state(*module, g, 0);
      require(torch::equal(module->weight, torch::tensor({1.0f, 2.0f, 3.0f})), "rank 0's weight");
      require(torch::equal(module->running_mean, torch::tensor({-1.0f, 0.5f, 4.0f})), "rank 0's running mean");
    });
  }

  void knnFeaturesSplitOverRanks() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    // 7 images over 2 ranks: rank 0 computes 0, 2, 4, 6, rank 1 computes 1, 3, 5 and 0 again
    // (the padding); gathered, both ranks hold the single-process features in order.
    VitConfig vit = *vit_preset("vit_tiny", 4);
    vit.depth = 1;
    vit.img_size = 8;
    torch::manual_seed(0);
    VisionTransformer backbone(vit);
    IndexedImages images(7);
    EvalTransform transform;
    transform.resize = 8;
    transform.crop = 8;
    const auto single = extract_features(backbone, images, transform, torch::kCPU);
    on_ranks(2, [&](ProcessGroup& g) {
      VisionTransformer own(vit);
      torch::NoGradGuard no_grad;
      for (size_t i = 0; i < own->parameters().size(); ++i) own->parameters()[i].copy_(backbone->parameters()[i]);
      const auto split = extract_features(own, images, transform, torch::kCPU, 2, {}, &g);
      require(split.size(0) == 7, "seven rows");
      require(torch::allclose(split, single, 1e-5, 1e-6), "the single-process features");
    });
  }

  void syncBatchNormIsOneBatchNormOverAllRanks() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    // Rank 0 holds 3 rows, rank 1 holds 5: the same as one BatchNorm over the 8, forward and
    // backward, when the loss is the sum of both ranks' (each rank's input gradient counts both).
    torch::manual_seed(3);
    const std::vector<torch::Tensor> inputs{torch::randn({3, 4}) * 2 + 5, torch::randn({5, 4}) * 2 + 5};
    const std::vector<torch::Tensor> upstream{torch::randn({3, 4}), torch::randn({5, 4})};
    torch::nn::BatchNorm1d single(4);
    {
      torch::NoGradGuard no_grad;
      single->weight.copy_(torch::tensor({1.0, 0.5, -2.0, 3.0}));
      single->bias.copy_(torch::tensor({0.0, 1.0, 0.5, -1.0}));
    }
    auto x = torch::cat(inputs).requires_grad_(true);
    auto y = single->forward(x);
    (y * torch::cat(upstream)).sum().backward();
    std::vector<torch::Tensor> outputs(2), input_grads(2), weight_grads(2), bias_grads(2), running(2);
    on_ranks(2, [&](ProcessGroup& g) {
      const auto r = static_cast<size_t>(g.rank());
      torch::nn::BatchNorm1d own(4);
      {
        torch::NoGradGuard no_grad;
        own->weight.copy_(single->weight);
        own->bias.copy_(single->bias);
      }
      const RankSum sum = [&g](std::vector<torch::Tensor>& t) { g.all_reduce_sum(t); };
      auto xr = inputs[r].clone().requires_grad_(true);
      auto yr = sync_batch_norm(xr, *own, sum);
      (yr * upstream[r]).sum().backward();
      outputs[r] = yr.detach();
      input_grads[r] = xr.grad();
      weight_grads[r] = own->weight.grad();
      bias_grads[r] = own->bias.grad();
      running[r] = torch::cat({own->running_mean, own->running_var});
    });
    QVERIFY(torch::allclose(torch::cat(outputs), y.detach(), 1e-5, 1e-5));
    QVERIFY(torch::allclose(torch::cat(input_grads), x.grad(), 1e-5, 1e-5));
    // Each rank's affine gradients are its own rows' part: together, the single BatchNorm's.
    QVERIFY(torch::allclose(weight_grads[0] + weight_grads[1], single->weight.grad(), 1e-5, 1e-5));
    QVERIFY(torch::allclose(bias_grads[0] + bias_grads[1], single->bias.grad(), 1e-5, 1e-5));
    const auto expected = torch::cat({single->running_mean, single->running_var});
    QVERIFY(torch::allclose(running[0], expected, 1e-5, 1e-6));
    QVERIFY(torch::allclose(running[1], expected, 1e-5, 1e-6));
  }

  void deadRankIsNamed() {
    if (!process_groups_available()) QSKIP(process_groups_unavailable_reason().c_str());
    const int port = test::free_port();
    std::promise<void> joined;
    auto joined_future = joined.get_future().share();
    std::string message;
    auto survivor = std::async(std::launch::async, [&] {
      ProcessPlacement p;
      p.world_size = 2;
      p.master_port = port;
      auto group = ProcessGroup::connect(p, std::chrono::seconds(5));
      std::vector<torch::Tensor> t{torch::ones({4})};
      group->all_reduce_sum(t);  // both alive
      joined_future.wait();
      try {
        group->all_reduce_sum(t);
      } catch (const PeerFailure& e) {
        message = e.what();
      }
    });
    {
      ProcessPlacement p;
      p.rank = 1;
      p.world_size = 2;
      p.master_port = port;
      auto group = ProcessGroup::connect(p, std::chrono::seconds(5));
      std::vector<torch::Tensor> t{torch::ones({4})};
      group->all_reduce_sum(t);
      group->announce_failure("out of memory on its GPU");
    }  // rank 1's group is gone: its connections close
    joined.set_value();
    survivor.get();
    QVERIFY2(message.find("rank 1 stopped: out of memory on its GPU") != std::string::npos, message.c_str());
  }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "test_distributed.moc"
