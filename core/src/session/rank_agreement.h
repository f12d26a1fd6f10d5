// What every process of a distributed run must agree on before it trains (reference.md §3.9):
// their settings, their data, where they resume. A rank that differs would train another model,
// or reach exchanges the others never reach; these checks name what differs instead.
#pragma once

#include "dino/distributed/process_group.h"
#include "dino/session/training_config.h"

#include <string>
#include <utility>
#include <vector>

namespace dino {

// Every setting of every rank against rank 0's (--local_rank excepted). Throws ConfigError naming
// the flags that differ and the ranks that have them.
void require_same_settings_on_every_rank(distributed::ProcessGroup& group, const TrainingConfig& config);

// Each named count of every rank against rank 0's ("training images", 60000). Throws ConfigError
// naming the first that differs, with every rank's value; `advice` ends the message.
void require_same_facts_on_every_rank(distributed::ProcessGroup& group,
                                      const std::vector<std::pair<std::string, int64_t>>& facts,
                                      const std::string& advice);

}  // namespace dino
