#include "dino/distributed/process_group.h"

#include <ATen/ATen.h>

#if DINO_HAVE_GLOO
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

#include <cstdlib>
#include <map>
#include <thread>

namespace dino::distributed {

bool process_groups_available() { return DINO_HAVE_GLOO != 0; }

std::string process_groups_unavailable_reason() {
  return process_groups_available() ? std::string()
                                    : "this build of DINO Studio cannot join processes: it was compiled without Gloo's "
                                      "headers (Debian's libgloo-dev; scripts/setup.sh installs it) or against a "
                                      "LibTorch without c10d";
}

namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Every tensor of `tensors` in one flat tensor per dtype and device, so that a list costs one
// collective (c10d's tensor lists mean one tensor per local device, not several tensors).
template <typename Collective>
void packed(std::vector<at::Tensor>& tensors, const Collective& collective) {
  std::map<std::pair<int, std::string>, std::vector<size_t>> groups;
  for (size_t i = 0; i < tensors.size(); ++i)
    groups[{static_cast<int>(tensors[i].scalar_type()), tensors[i].device().str()}].push_back(i);
  for (const auto& [kind, members] : groups) {
    if (members.size() == 1 && tensors[members[0]].is_contiguous()) {
      collective(tensors[members[0]]);
      continue;
    }
    std::vector<at::Tensor> flat;
    for (size_t i : members) flat.push_back(tensors[i].reshape({-1}));
    at::Tensor buffer = at::cat(flat);
    collective(buffer);
    int64_t offset = 0;
    for (size_t i : members) {
      const int64_t n = tensors[i].numel();
      tensors[i].copy_(buffer.narrow(0, offset, n).view(tensors[i].sizes()));
      offset += n;
    }
  }
}

std::string failure_key(int64_t rank) { return "failure/" + std::to_string(rank); }

}  // namespace

#if DINO_HAVE_GLOO

struct ProcessGroup::Impl {
  ProcessPlacement placement;
  std::chrono::milliseconds timeout{};
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::Backend> backend;
  bool announced = false;    // this rank's failure note is in the store
  bool peer_failed = false;  // a collective failed: exchanges may still be queued
  bool hosts_store = false;  // rank 0 without a launcher's store: the store lives in this process

  // Waits for the collective `start` begins; a failure becomes fail()'s PeerFailure, naming `what`.
  template <typename Start>
  void finish(ProcessGroup& group, const std::string& what, const Start& start) {
    try {
      start()->wait();
    } catch (const std::exception& e) {
      group.fail(what, e);
    }
  }

  void all_reduce(ProcessGroup& group, std::vector<at::Tensor>& tensors, c10d::ReduceOp::RedOpType op,
                  const std::string& what) {
    packed(tensors, [&](at::Tensor& flat) {
      std::vector<at::Tensor> one{flat};
      c10d::AllreduceOptions options;
      options.reduceOp = c10d::ReduceOp(op);
      options.timeout = timeout;
      finish(group, what, [&] { return backend->allreduce(one, options); });
    });
  }
};

struct ProcessGroup::PendingSum::Work {
  c10::intrusive_ptr<c10d::Work> work;
  std::vector<at::Tensor> tensors;  // kept alive while the sum runs
};

namespace {

bool is_loopback(const std::string& host) { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

// The network device Gloo listens on: GLOO_SOCKET_IFNAME's first interface as torch.distributed
// takes it, the loopback device when every rank meets on this machine, else the address this
// machine's host name resolves to.
std::shared_ptr<gloo::transport::Device> gloo_device(const ProcessPlacement& placement) {
  if (const char* names = std::getenv("GLOO_SOCKET_IFNAME"); names != nullptr && *names != '\0') {
    const std::string list(names);
    return c10d::ProcessGroupGloo::createDeviceForInterface(list.substr(0, list.find(',')));
  }
  if (is_loopback(placement.master_addr)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

std::shared_ptr<ProcessGroup> ProcessGroup::connect(const ProcessPlacement& placement,
                                                    std::chrono::milliseconds timeout) {
  auto impl = std::make_unique<Impl>();
  impl->placement = placement;
  impl->timeout = timeout;
  impl->hosts_store = placement.rank == 0 && !placement.store_served_by_launcher;
  const std::string where = placement.master_addr + ":" + std::to_string(placement.master_port);
  const std::string seconds = std::to_string(timeout.count() / 1000) + " s";
  try {
    c10d::TCPStoreOptions options;
    options.port = static_cast<uint16_t>(placement.master_port);
    options.isServer = impl->hosts_store;
    options.numWorkers = static_cast<size_t>(placement.world_size);
    options.timeout = timeout;
    auto tcp = c10::make_intrusive<c10d::TCPStore>(placement.master_addr, options);
    // The launcher's store holds its own keys: ours live under a prefix.
    impl->store = c10::make_intrusive<c10d::PrefixStore>("dino", tcp);
  } catch (const std::exception& e) {
    throw std::runtime_error("rank " + std::to_string(placement.rank) + " could not meet the other processes at " +
                             where + " within " + seconds + " (" + first_line(e.what()) +
                             "): check that every rank was started, that MASTER_ADDR and MASTER_PORT name rank 0's "
                             "machine and a free port, and that the port is open between the machines");
  }
  try {
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    options->devices.push_back(gloo_device(placement));
    impl->backend = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, static_cast<int>(placement.rank),
                                                                static_cast<int>(placement.world_size), options);
  } catch (const std::exception& e) {
    throw std::runtime_error("rank " + std::to_string(placement.rank) + " met the rendezvous at " + where +
                             " but could not connect to every other rank within " + seconds + " (" +
                             first_line(e.what()) +
                             "); on several machines, GLOO_SOCKET_IFNAME names the network interface to use");
  }
  return std::shared_ptr<ProcessGroup>(new ProcessGroup(std::move(impl)));
}

void ProcessGroup::all_reduce_sum(std::vector<at::Tensor>& tensors) {
  impl_->all_reduce(*this, tensors, c10d::ReduceOp::SUM, "a sum over the ranks");
}

void ProcessGroup::all_reduce_max(std::vector<at::Tensor>& tensors) {
  impl_->all_reduce(*this, tensors, c10d::ReduceOp::MAX, "a maximum over the ranks");
}

void ProcessGroup::broadcast(std::vector<at::Tensor>& tensors, int64_t root) {
  packed(tensors, [&](at::Tensor& flat) {
    std::vector<at::Tensor> one{flat};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    options.rootTensor = 0;
    options.timeout = impl_->timeout;
    impl_->finish(*this, "a broadcast from rank " + std::to_string(root),
                  [&] { return impl_->backend->broadcast(one, options); });
  });
}

at::Tensor ProcessGroup::all_gather(const at::Tensor& tensor) {
  std::vector<at::Tensor> input{tensor.contiguous()};
  std::vector<std::vector<at::Tensor>> output(1);
  for (int64_t r = 0; r < world_size(); ++r) output[0].push_back(at::empty_like(input[0]));
  c10d::AllgatherOptions options;
  options.timeout = impl_->timeout;
  impl_->finish(*this, "a gather from every rank", [&] { return impl_->backend->allgather(output, input, options); });
  return at::stack(output[0]);
}

void ProcessGroup::barrier() {
  c10d::BarrierOptions options;
  options.timeout = impl_->timeout;
  impl_->finish(*this, "waiting for every rank", [&] { return impl_->backend->barrier(options); });
}

ProcessGroup::PendingSum ProcessGroup::all_reduce_sum_async(at::Tensor tensor) {
  PendingSum pending;
  pending.group_ = this;
  pending.work_ = std::make_shared<PendingSum::Work>();
  pending.work_->tensors = {tensor.contiguous()};
  TORCH_CHECK(pending.work_->tensors[0].is_same(tensor), "all_reduce_sum_async needs a contiguous tensor");
  c10d::AllreduceOptions options;
  options.reduceOp = c10d::ReduceOp(c10d::ReduceOp::SUM);
  options.timeout = impl_->timeout;
  try {
    pending.work_->work = impl_->backend->allreduce(pending.work_->tensors, options);
  } catch (const std::exception& e) {
    fail("a sum over the ranks", e);
  }
  return pending;
}

void ProcessGroup::PendingSum::wait() {
  if (!work_ || !work_->work) return;
  try {
    work_->work->wait();
  } catch (const std::exception& e) {
    group_->fail("a sum over the ranks", e);
  }
  work_->work.reset();
}

void ProcessGroup::announce_failure(const std::string& message) {
  if (impl_->announced) return;
  impl_->announced = true;
  try {
    impl_->store->set(failure_key(rank()), "error|" + first_line(message));
  } catch (const std::exception&) {
    // The store is gone too: the others will learn it from their own failure.
  }
}

void ProcessGroup::fail(const std::string& operation, const std::exception& error) {
  const int64_t me = rank();
  impl_->peer_failed = true;
  // Say that this rank lost contact, then read for a few seconds what the others said: a rank that
  // stopped on an error of its own left its message; one that died or hangs left nothing. The
  // store's own timeout is the run's (30 minutes by default): a frozen store host must not hold
  // this message that long.
  std::vector<std::string> notes(static_cast<size_t>(world_size()));
  bool store_gone = false;
  try {
    impl_->store->setTimeout(std::chrono::seconds(5));
    if (!impl_->announced) impl_->store->set(failure_key(me), std::string("lost|"));
    impl_->announced = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    for (;;) {
      bool complete = true;
      for (int64_t r = 0; r < world_size(); ++r) {
        auto& note = notes[static_cast<size_t>(r)];
        if (r == me || !note.empty()) continue;
        if (impl_->store->check({failure_key(r)})) {
          const auto bytes = impl_->store->get(failure_key(r));
          note.assign(bytes.begin(), bytes.end());
        } else {
          complete = false;
        }
      }
      if (complete || std::chrono::steady_clock::now() > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  } catch (const std::exception&) {
    store_gone = true;
  }
  std::string why;
  auto add = [&](const std::string& part) { why += (why.empty() ? "" : "; ") + part; };
  for (int64_t r = 0; r < world_size(); ++r) {
    const auto& note = notes[static_cast<size_t>(r)];
    if (r == me || note.rfind("lost|", 0) == 0) continue;
    if (note.rfind("error|", 0) == 0)
      add("rank " + std::to_string(r) + " stopped: " + note.substr(6));
    else if (!store_gone)
      add("rank " + std::to_string(r) + " did not answer (it died, or hung longer than --dist_timeout " +
          std::to_string(impl_->timeout.count() / 1000) + ")");
  }
  if (store_gone)
    add("the rendezvous store at " + impl_->placement.master_addr + ":" + std::to_string(impl_->placement.master_port) +
        " is gone (rank 0 or its launcher has stopped)");
  throw PeerFailure("rank " + std::to_string(me) + ": " + operation + " failed: " +
                    (why.empty() ? std::string("another rank stopped") : why) + " [" + first_line(error.what()) + "]");
}

ProcessGroup::~ProcessGroup() {
  if (impl_->peer_failed) {
    // Gloo's destructor first runs every exchange still queued (the later gradient buckets), each
    // of which may wait a whole --dist_timeout for a frozen peer: after a failure the group is
    // left to the process's exit instead.
    (void)impl_->backend.release();
    (void)impl_->store.release();
    return;
  }
  impl_->backend.reset();  // closes the connections: the other ranks notice now
  if (impl_->hosts_store && impl_->announced) {
    // The store lives in this process and holds this rank's error: keep it until every other rank
    // has come to read it (each writes its own note first), a few seconds at most.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    try {
      impl_->store->setTimeout(std::chrono::seconds(1));
      for (int64_t r = 1; r < world_size() && std::chrono::steady_clock::now() < deadline; ++r)
        while (!impl_->store->check({failure_key(r)}) && std::chrono::steady_clock::now() < deadline)
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // time to read after writing
    } catch (const std::exception&) {
    }
  }
}

#else  // no Gloo in this build

struct ProcessGroup::Impl {
  ProcessPlacement placement;
  std::chrono::milliseconds timeout{};
};
struct ProcessGroup::PendingSum::Work {};

// connect() always throws here, so no group exists for these to be called on.
std::shared_ptr<ProcessGroup> ProcessGroup::connect(const ProcessPlacement&, std::chrono::milliseconds) {
  throw std::runtime_error(process_groups_unavailable_reason());
}
[[noreturn]] static void no_group() { throw std::logic_error(process_groups_unavailable_reason()); }
void ProcessGroup::all_reduce_sum(std::vector<at::Tensor>&) { no_group(); }
void ProcessGroup::all_reduce_max(std::vector<at::Tensor>&) { no_group(); }
void ProcessGroup::broadcast(std::vector<at::Tensor>&, int64_t) { no_group(); }
at::Tensor ProcessGroup::all_gather(const at::Tensor&) { no_group(); }
void ProcessGroup::barrier() { no_group(); }
ProcessGroup::PendingSum ProcessGroup::all_reduce_sum_async(at::Tensor) { no_group(); }
void ProcessGroup::PendingSum::wait() { no_group(); }
void ProcessGroup::announce_failure(const std::string&) { no_group(); }
void ProcessGroup::fail(const std::string&, const std::exception&) { no_group(); }
ProcessGroup::~ProcessGroup() = default;

#endif

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
int64_t ProcessGroup::rank() const { return impl_->placement.rank; }
int64_t ProcessGroup::world_size() const { return impl_->placement.world_size; }
std::chrono::milliseconds ProcessGroup::timeout() const { return impl_->timeout; }

}  // namespace dino::distributed
