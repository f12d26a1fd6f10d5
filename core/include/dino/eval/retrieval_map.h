// Mean average precision of image retrieval as the revisited Oxford and Paris benchmarks score it
// (Radenović et al. 2018, the protocol eval_image_retrieval.py uses): junk images are skipped in
// the ranking, the precision is averaged with the trapezoid rule over recall, and the Easy,
// Medium and Hard protocols differ in which ground-truth images count as positive or as junk.
// No LibTorch here: rankings are plain index lists.
#pragma once

#include <cstdint>
#include <vector>

namespace dino {

struct RetrievalGroundTruth {
  std::vector<int64_t> ok;    // database images that answer the query
  std::vector<int64_t> junk;  // images that neither count nor hurt
};

// One query of the revisited datasets' ground truth (gnd_roxford5k.pkl's easy, hard and junk).
struct RevisitedQuery {
  std::vector<int64_t> easy, hard, junk;
};
enum class RevisitedProtocol { Easy, Medium, Hard };

// Easy: easy images are positive, hard ones junk. Medium: easy and hard are positive. Hard: hard
// images are positive, easy ones junk. The dataset's junk stays junk in all three.
std::vector<RetrievalGroundTruth> revisited_ground_truth(const std::vector<RevisitedQuery>& queries,
                                                         RevisitedProtocol protocol);

// Average precision from the 0-based ranks of the positive images (junk already removed, sorted)
// when `positives` images are relevant: the mean over recall steps of the precisions just before
// and at each hit.
double average_precision(const std::vector<int64_t>& positive_ranks, int64_t positives);

struct RetrievalScores {
  double map = 0;                      // over the queries that have positives
  std::vector<double> aps;             // per query; NaN for a query without positives
  std::vector<double> precision_at_k;  // mean precision at each of `kappas`
};

// `rankings[q]` lists database indices from most to least similar to query q.
RetrievalScores mean_average_precision(const std::vector<std::vector<int64_t>>& rankings,
                                       const std::vector<RetrievalGroundTruth>& truth,
                                       const std::vector<int64_t>& kappas = {1, 5, 10});

}  // namespace dino
