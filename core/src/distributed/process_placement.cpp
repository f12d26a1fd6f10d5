#include "dino/distributed/process_placement.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace dino::distributed {
namespace {

std::optional<std::string> process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

int64_t whole_number(const std::string& text, const std::string& source) {
  size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < 0)
    throw std::invalid_argument(source + "=" + text + " is not a whole number");
  return value;
}

int port_number(const std::string& text, const std::string& source) {
  const int64_t port = whole_number(text, source);
  if (port < 1 || port > 65535) throw std::invalid_argument(source + "=" + text + " is not a port (1 to 65535)");
  return static_cast<int>(port);
}

}  // namespace

std::string first_slurm_host(const std::string& nodelist) {
  // The first entry ends at the first comma outside brackets.
  size_t end = 0;
  int depth = 0;
  for (; end < nodelist.size(); ++end) {
    if (nodelist[end] == '[') ++depth;
    if (nodelist[end] == ']') --depth;
    if (nodelist[end] == ',' && depth == 0) break;
  }
  const std::string first = nodelist.substr(0, end);
  const size_t open = first.find('[');
  if (open == std::string::npos) return first;
  // "gpu[07-09,12]": the prefix and the first number of the range list, zero padding kept.
  const std::string ranges = first.substr(open + 1);
  const size_t stop = ranges.find_first_of("-,]");
  return first.substr(0, open) + ranges.substr(0, stop);
}

ProcessPlacement read_process_placement(const std::string& dist_url, const EnvironmentLookup& lookup) {
  const EnvironmentLookup getenv = lookup ? lookup : EnvironmentLookup(process_environment);
  ProcessPlacement p;
  const auto rank = getenv("RANK");
  const auto world = getenv("WORLD_SIZE");
  const auto slurm_rank = getenv("SLURM_PROCID");
  std::string rank_name = "RANK", world_name = "WORLD_SIZE";
  if (rank && world) {
    p.launcher = "torchrun";
    p.rank = whole_number(*rank, "RANK");
    p.world_size = whole_number(*world, "WORLD_SIZE");
    if (const auto local = getenv("LOCAL_RANK")) p.local_rank = whole_number(*local, "LOCAL_RANK");
    p.store_served_by_launcher = getenv("TORCHELASTIC_USE_AGENT_STORE").value_or("") == "True";
    if (const auto local = getenv("LOCAL_WORLD_SIZE")) p.local_world_size = whole_number(*local, "LOCAL_WORLD_SIZE");
  } else if (slurm_rank) {
    p.launcher = "slurm";
    rank_name = "SLURM_PROCID";
    world_name = "SLURM_NTASKS";
    p.rank = whole_number(*slurm_rank, "SLURM_PROCID");
    const auto tasks = getenv("SLURM_NTASKS");
    if (!tasks) throw std::invalid_argument("SLURM_PROCID is set but SLURM_NTASKS is not: start the run with srun");
    p.world_size = whole_number(*tasks, "SLURM_NTASKS");
    if (const auto local = getenv("SLURM_LOCALID")) p.local_rank = whole_number(*local, "SLURM_LOCALID");
    if (const auto per_node = getenv("SLURM_NTASKS_PER_NODE"))  // "4" or "4(x2)": the count comes first
      p.local_world_size = whole_number(per_node->substr(0, per_node->find('(')), "SLURM_NTASKS_PER_NODE");
    if (const auto nodes = getenv("SLURM_JOB_NODELIST"); nodes && !nodes->empty())
      p.master_addr = first_slurm_host(*nodes);
  } else if (rank || world) {
    throw std::invalid_argument(std::string(rank ? "RANK" : "WORLD_SIZE") + " is set without " +
                                (rank ? "WORLD_SIZE" : "RANK") + ": set both (torchrun does) or neither");
  }
  if (p.world_size < 1) throw std::invalid_argument(world_name + "=0: a run needs at least one process");
  p.local_world_size = std::max<int64_t>(1, std::min(p.local_world_size, p.world_size));
  if (p.rank >= p.world_size)
    throw std::invalid_argument(rank_name + "=" + std::to_string(p.rank) + " is outside " + world_name + "=" +
                                std::to_string(p.world_size));
  if (const auto addr = getenv("MASTER_ADDR"); addr && !addr->empty()) p.master_addr = *addr;
  if (const auto port = getenv("MASTER_PORT"); port && !port->empty())
    p.master_port = port_number(*port, "MASTER_PORT");

  if (dist_url.empty() || dist_url == "env://") return p;
  const std::string scheme = "tcp://";
  if (dist_url.rfind(scheme, 0) != 0)
    throw std::invalid_argument("--dist_url " + dist_url +
                                ": use env:// (torchrun or Slurm variables) or tcp://host:port");
  const std::string address = dist_url.substr(scheme.size());
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw std::invalid_argument("--dist_url " + dist_url + ": name rank 0's host and port, as tcp://10.0.0.2:29500");
  p.master_addr = address.substr(0, colon);
  if (p.master_addr.size() > 2 && p.master_addr.front() == '[' && p.master_addr.back() == ']')
    p.master_addr = p.master_addr.substr(1, p.master_addr.size() - 2);  // [::1]
  p.master_port = port_number(address.substr(colon + 1), "--dist_url port");
  p.store_served_by_launcher = false;  // the address is rank 0's own
  if (p.launcher == "none") p.launcher = "dist_url";
  return p;
}

std::string describe_placement(const ProcessPlacement& p) {
  return "rank " + std::to_string(p.rank) + " of " + std::to_string(p.world_size) + " (local " +
         std::to_string(p.local_rank) + "), rendezvous " + p.master_addr + ":" + std::to_string(p.master_port) + " (" +
         p.launcher + ")";
}

}  // namespace dino::distributed
