// The actor network over a time window: actors as nodes, signed weighted edges between the two sides of events.
//
// Edges are undirected relations: every record adds itself once to each (actor, recipient) pair it names. An
// edge's sign is the sign of its summed PLOVER score (cooperation > 0, conflict < 0; 0 = neutral), its weight the
// mean score. Communities come from label propagation on the positive (cooperative) edges; structural balance is
// the share of balanced triangles among the signed triangles (docs/ANALYSIS.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/analysis/actors.h"
#include "casus/analysis/dataset.h"

namespace casus::analysis {

struct NetworkOptions {
  std::optional<int64_t> from_day, to_day;
  int64_t min_edge_records = 1;  // drop edges seen fewer times (and nodes left without edges or records)
  int64_t min_node_records = 1;
};

struct Node {
  std::string key, name, type, country;
  int64_t records = 0;   // records naming it on either side
  double strength = 0;   // sum of |score| over its edges' records
  int community = -1;    // index into Network::communities
};

struct Edge {
  uint32_t a = 0, b = 0;  // node indices, a < b
  int64_t records = 0, conflict = 0, cooperation = 0;
  int64_t a_to_b = 0, b_to_a = 0;  // records by direction
  double score_sum = 0;
  double mean() const { return records ? score_sum / static_cast<double>(records) : 0.0; }
  int sign() const { return score_sum > 0 ? 1 : score_sum < 0 ? -1 : 0; }
};

struct Balance {
  int64_t triangles = 0;  // triangles whose three edges are signed (non-zero)
  int64_t balanced = 0;   // +++ and +--
  int64_t ppp = 0, ppn = 0, pnn = 0, nnn = 0;
  double share() const { return triangles ? static_cast<double>(balanced) / static_cast<double>(triangles) : 0.0; }
};

struct Community {
  std::vector<uint32_t> nodes;  // largest first by records
};

struct Network {
  Unit unit = Unit::kReports;
  std::optional<int64_t> from_day, to_day;
  std::vector<Node> nodes;      // sorted by key
  std::vector<Edge> edges;      // sorted by (a, b)
  std::vector<Community> communities;  // largest first
  double modularity = 0;        // of the communities on the positive graph
  Balance balance;
};

Network build_network(const Dataset& data, Actors& actors, const NetworkOptions& opt);

// Label propagation on positive edges, weighted by their summed score; deterministic (node order, ties to the
// smallest label). Fills Node::community and Network::communities and modularity.
void detect_communities(Network& net);
Balance structural_balance(const Network& net);

std::string network_graphml(const Network& net);
std::string network_gexf(const Network& net);
nlohmann::json network_json(const Network& net);

}  // namespace casus::analysis
