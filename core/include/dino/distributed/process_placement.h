// Where this process sits in a distributed run, read from what the launcher set, as the
// reference's init_distributed_mode does (reference.md §3.9): torchrun's RANK, WORLD_SIZE,
// LOCAL_RANK, MASTER_ADDR and MASTER_PORT; else Slurm's SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID
// and the first host of SLURM_JOB_NODELIST; else one process. No LibTorch here.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace dino::distributed {

struct ProcessPlacement {
  int64_t rank = 0;
  int64_t world_size = 1;
  int64_t local_rank = 0;        // the device index on this machine (cuda:local_rank)
  int64_t local_world_size = 1;  // processes on this machine (LOCAL_WORLD_SIZE, SLURM_NTASKS_PER_NODE)
  std::string master_addr = "127.0.0.1";
  int master_port = 29500;  // the reference's default
  // torchrun's agent already serves the rendezvous store (TORCHELASTIC_USE_AGENT_STORE=True):
  // every rank is its client, rank 0 included.
  bool store_served_by_launcher = false;
  std::string launcher = "none";  // "torchrun", "slurm", "dist_url" or "none", for the log

  bool distributed() const { return world_size > 1; }
};

// Reads the environment through `getenv` (the process's by default). `dist_url` is --dist_url:
// "env://" (the reference's default) takes the address from the variables above; "tcp://host:port"
// names rank 0's address itself. Throws std::invalid_argument naming the variable or flag that is
// malformed or inconsistent (a rank outside the world, a port that is not a number).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;
ProcessPlacement read_process_placement(const std::string& dist_url, const EnvironmentLookup& getenv = {});

// The first host of a Slurm node list: "gpu[07-09,12],cpu1" gives "gpu07".
std::string first_slurm_host(const std::string& nodelist);

// One line for the log: "rank 1 of 4 (local 1), rendezvous 10.0.0.2:29500 (torchrun)".
std::string describe_placement(const ProcessPlacement& placement);

}  // namespace dino::distributed
