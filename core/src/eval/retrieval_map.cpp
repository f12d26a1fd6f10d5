#include "dino/eval/retrieval_map.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace dino {

std::vector<RetrievalGroundTruth> revisited_ground_truth(const std::vector<RevisitedQuery>& queries,
                                                         RevisitedProtocol protocol) {
  std::vector<RetrievalGroundTruth> truth;
  truth.reserve(queries.size());
  for (const RevisitedQuery& q : queries) {
    RetrievalGroundTruth t;
    t.junk = q.junk;
    const auto append = [](std::vector<int64_t>& to, const std::vector<int64_t>& from) {
      to.insert(to.end(), from.begin(), from.end());
    };
    switch (protocol) {
      case RevisitedProtocol::Easy:
        t.ok = q.easy;
        append(t.junk, q.hard);
        break;
      case RevisitedProtocol::Medium:
        t.ok = q.easy;
        append(t.ok, q.hard);
        break;
      case RevisitedProtocol::Hard:
        t.ok = q.hard;
        append(t.junk, q.easy);
        break;
    }
    truth.push_back(std::move(t));
  }
  return truth;
}

double average_precision(const std::vector<int64_t>& positive_ranks, int64_t positives) {
  if (positives <= 0) return std::numeric_limits<double>::quiet_NaN();
  const double recall_step = 1.0 / static_cast<double>(positives);
  double ap = 0;
  for (size_t j = 0; j < positive_ranks.size(); ++j) {
    const double rank = static_cast<double>(positive_ranks[j]);
    // Precision with j hits among the `rank` images before this one, and with j + 1 at it.
    const double before = positive_ranks[j] == 0 ? 1.0 : static_cast<double>(j) / rank;
    const double at = static_cast<double>(j + 1) / (rank + 1.0);
    ap += (before + at) * recall_step / 2.0;
  }
  return ap;
}

RetrievalScores mean_average_precision(const std::vector<std::vector<int64_t>>& rankings,
                                       const std::vector<RetrievalGroundTruth>& truth,
                                       const std::vector<int64_t>& kappas) {
  if (rankings.size() != truth.size())
    throw std::invalid_argument("retrieval: " + std::to_string(rankings.size()) + " rankings for " +
                                std::to_string(truth.size()) + " queries");
  RetrievalScores scores;
  scores.precision_at_k.assign(kappas.size(), 0.0);
  int64_t counted = 0;
  for (size_t q = 0; q < truth.size(); ++q) {
    const RetrievalGroundTruth& t = truth[q];
    if (t.ok.empty()) {
      scores.aps.push_back(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    const std::unordered_set<int64_t> ok(t.ok.begin(), t.ok.end()), junk(t.junk.begin(), t.junk.end());
    // Positions of the positives once the junk before them is taken out of the list.
    std::vector<int64_t> ranks;
    int64_t junk_seen = 0;
    for (size_t position = 0; position < rankings[q].size(); ++position) {
      const int64_t image = rankings[q][position];
      if (ok.count(image))
        ranks.push_back(static_cast<int64_t>(position) - junk_seen);
      else if (junk.count(image))
        ++junk_seen;
    }
    const double ap = average_precision(ranks, static_cast<int64_t>(t.ok.size()));
    scores.aps.push_back(ap);
    scores.map += ap;
    // Precision at k, with k no larger than the last hit's 1-based position.
    const int64_t last_hit = ranks.empty() ? 0 : ranks.back() + 1;
    for (size_t j = 0; j < kappas.size(); ++j) {
      const int64_t k = std::min(last_hit, kappas[j]);
      if (k <= 0) continue;
      const auto hits = std::count_if(ranks.begin(), ranks.end(), [k](int64_t r) { return r + 1 <= k; });
      scores.precision_at_k[j] += static_cast<double>(hits) / static_cast<double>(k);
    }
    ++counted;
  }
  if (counted > 0) {
    scores.map /= static_cast<double>(counted);
    for (double& p : scores.precision_at_k) p /= static_cast<double>(counted);
  }
  return scores;
}

}  // namespace dino
