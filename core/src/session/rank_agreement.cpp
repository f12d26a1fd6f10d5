#include "rank_agreement.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstring>

namespace dino {
namespace {

// FNV-1a: the same 64 bits for the same text on every machine (std::hash promises no such thing).
int64_t text_fingerprint(const std::string& text) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  int64_t out = 0;
  std::memcpy(&out, &hash, sizeof out);
  return out;
}

// Every rank's `values` (the same count on every rank), one row per rank.
torch::Tensor gathered(distributed::ProcessGroup& group, const std::vector<int64_t>& values) {
  return group.all_gather(torch::tensor(values, torch::kLong));
}

}  // namespace

void require_same_settings_on_every_rank(distributed::ProcessGroup& group, const TrainingConfig& config) {
  const auto settings = nlohmann::json::parse(config.to_json());
  std::vector<std::string> keys;
  std::vector<int64_t> prints;
  for (const auto& [key, value] : settings.items()) {
    if (key == "local_rank") continue;  // the one setting that may differ
    keys.push_back(key);
    prints.push_back(text_fingerprint(value.dump()));
  }
  // Programs of different versions may not even have the same settings: compare the counts first.
  require_same_facts_on_every_rank(group, {{"number of settings", static_cast<int64_t>(keys.size())}},
                                   "Run the same dino on every rank");
  const auto all = gathered(group, prints);
  std::string differing;
  for (size_t k = 0; k < keys.size(); ++k) {
    std::string ranks;
    const auto column = static_cast<int64_t>(k);
    for (int64_t r = 1; r < group.world_size(); ++r)
      if (all[r][column].item<int64_t>() != all[0][column].item<int64_t>())
        ranks += (ranks.empty() ? "" : ", ") + std::to_string(r);
    if (!ranks.empty())
      differing += (differing.empty() ? "--" : "; --") + keys[k] + " (rank " + ranks + " against rank 0)";
  }
  if (!differing.empty())
    throw ConfigError("the processes of this run disagree on their settings: " + differing +
                      ". Start every rank with the same flags and config");
}

void require_same_facts_on_every_rank(distributed::ProcessGroup& group,
                                      const std::vector<std::pair<std::string, int64_t>>& facts,
                                      const std::string& advice) {
  std::vector<int64_t> values;
  for (const auto& fact : facts) values.push_back(fact.second);
  const auto all = gathered(group, values);
  for (size_t k = 0; k < facts.size(); ++k) {
    const auto column = static_cast<int64_t>(k);
    bool same = true;
    for (int64_t r = 1; r < group.world_size(); ++r)
      same = same && all[r][column].item<int64_t>() == all[0][column].item<int64_t>();
    if (same) continue;
    std::string each;
    for (int64_t r = 0; r < group.world_size(); ++r)
      each += (r == 0 ? "rank 0 has " : ", rank " + std::to_string(r) + " has ") +
              std::to_string(all[r][column].item<int64_t>());
    throw ConfigError("the processes of this run disagree on the " + facts[k].first + ": " + each + ". " + advice);
  }
}

}  // namespace dino
